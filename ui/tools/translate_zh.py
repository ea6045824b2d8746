"""Fill ui/i18n/kbassist_zh_CN.ts with the Simplified Chinese strings below, then compile it.

Run after `pyside6-lupdate -no-obsolete ui/*.py ui/desk/*.py -ts ui/i18n/kbassist_zh_CN.ts` has added
new source strings:  .venv/bin/python ui/tools/translate_zh.py
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from translate_zh_insights import ZH_INSIGHTS  # beside this file (run as a script)

TS = Path(__file__).resolve().parents[1] / "i18n" / "kbassist_zh_CN.ts"
ZH = {
    "Hand this conversation to a lead: %1": "请将此对话转交组长处理：%1",
    "Nothing in the knowledge base answers this confidently. The closest articles are listed: check before using them.":
        "知识库中没有能可靠回答此问题的文章。下面列出最接近的文章，使用前请核对。",
    "expired": "已过期", "affected by launch": "受新版本影响", "review due": "待复审", "draft": "草稿",
    "fresh": "最新", "closest match, check before use": "最接近的结果，使用前请核对",
    "Agent": "客服", "Cancel": "取消", "&File": "文件(&F)", "&Open folder…": "打开文件夹(&O)…",
    "Recent folders": "最近的文件夹", "&Settings…": "设置(&S)…", "&Quit": "退出(&Q)", "&View": "视图(&V)",
    "&Compact mode": "紧凑模式(&C)", "Always on &top": "窗口置顶(&T)", "&Help": "帮助(&H)",
    "&Keyboard shortcuts": "键盘快捷键(&K)", "Copied: %1": "已复制：%1", "Opening %1…": "正在打开 %1…",
    "Open knowledge folder": "打开知识库文件夹",
    "Keyword search only — loading the semantic model…": "仅关键词搜索 — 正在加载语义模型…",
    "Keyword search only — semantic index %1/%2": "仅关键词搜索 — 语义索引 %1/%2",
    "Indexing %1/%2 files": "正在索引 %1/%2 个文件",
    "Keyword search only — semantic index loading…": "仅关键词搜索 — 语义索引加载中…",
    "No folder open": "未打开文件夹", "Opening cancelled": "已取消打开",
    "Keyword search only — semantic index paused": "仅关键词搜索 — 语义索引已暂停",
    "… %1 more: export the report for the full list": "…… 另有 %1 篇：导出报告查看完整列表",
    "Semantic search ready · %n articles": "语义搜索已就绪 · %n 篇文章",
    "Knowledge folder changed: results refreshed": "知识库已变更：结果已刷新",
    "Paste or type the customer's message…  (Enter: search, Shift+Enter: new line)":
        "粘贴或输入客户的消息…（Enter：搜索，Shift+Enter：换行）",
    "Problems": "问题", "File": "文件", "Line": "行", "Message": "信息", "Problems (%n)": "问题（%n）",
    "Copy reply (Ctrl+Enter)": "复制回复（Ctrl+Enter）", "Replies": "回复", "required": "必填",
    "Guessed from the message: please check": "根据消息推测，请核对", "Default from the article": "文章中的默认值",
    "Check before sending": "发送前请检查", "This reply may not be ready to send:": "此回复可能还不能发送：",
    "Copy anyway": "仍然复制", "Settings": "设置",
    "Built-in multilingual (Chinese + English)": "内置多语言模型（中文 + 英文）",
    "Packaged MiniLM (English only)": "附带的 MiniLM（仅英文）", "Local model folder…": "本地模型文件夹…",
    "default: the per-user data folder": "默认：用户数据文件夹", "Browse…": "浏览…", " days": " 天",
    "Keep a private local log of suggestions (for content gaps)": "在本地私密记录建议（用于发现内容缺口）",
    "Clear history": "清除历史", "Always on top": "窗口置顶", "System": "跟随系统", "Embedder": "嵌入模型",
    "Model folder": "模型文件夹", "Index location": "索引位置", "Default review interval": "默认复审间隔",
    "Agent name": "客服姓名", "Known placeholder values": "已知占位符值", "History": "历史", "Window": "窗口",
    "Interface language": "界面语言", "A language change applies at the next start.": "语言更改将在下次启动时生效。",
    "This folder does not look like a sentence-transformers model.": "此文件夹看起来不是 sentence-transformers 模型。",
    "History cleared. Keep a private local log of suggestions": "历史已清除。在本地私密记录建议",
    "Keep history for": "历史保留", "Erase": "清除",
    "Erase the private log of suggestions on this computer?": "清除本机上的私密建议记录？",
    "Every logged suggestion and unanswered message is deleted. This cannot be undone.":
        "所有已记录的建议和未解答的消息都将被删除，且无法恢复。",
    "Keyboard shortcuts": "键盘快捷键", "Go to the message box": "转到消息框",
    "Search now (in the message box); go to the reply (in the results)": "立即搜索（在消息框中）；转到回复（在结果中）",
    "New line in the message": "在消息中换行", "Move through the results from the message box": "在消息框中上下切换结果",
    "Copy the filled reply": "复制填好的回复",
    "Copy the n-th reply": "复制第 n 条回复", "Clear the message and results": "清空消息和结果",
    "Compact mode": "紧凑模式", "Open a knowledge folder": "打开知识库文件夹", "This list": "本列表",
    "Keys": "按键", "Action": "操作", "Unfilled placeholder": "占位符未填写", "Personal data": "个人信息",
    "Article overdue for review": "文章已超期未复审", "Article expired": "文章已过期",
    "Article affected by a launch": "文章受新版本发布影响", "Article is a draft": "文章是草稿",
    "Article is archived": "文章已归档", "Article may be stale": "文章可能已过时",
    "anger": "愤怒", "complaint threat": "威胁投诉", "legal": "法律", "wants to leave": "想要退订/流失",
    "safety": "安全", "repeat contact": "重复联系", "intensity": "情绪强烈", "Show": "显示", "Quit": "退出",
    # Review tab
    "Review": "复审", "Review (%1)": "复审（%1）", "Group by owner": "按负责人分组", "Export report…": "导出报告…",
    "Article": "文章", "Owner": "负责人", "Reasons": "原因", "ID / path": "ID / 路径",
    "Open in editor": "在编辑器中打开", "Mark reviewed": "标记为已复审", "Snooze…": "暂缓…", "%n days": "%n 天",
    "Open launch note": "打开发布说明", "No review yet: open a knowledge folder.": "尚无复审结果：请打开知识库文件夹。",
    "As of %1: %2 articles need review · %3 snoozed": "截至 %1：%2 篇文章需要复审 · %3 篇已暂缓",
    "Owner: %1": "负责人：%1", "Launch note %1 is not in the folder": "文件夹中没有发布说明 %1",
    "“%1” was not marked reviewed: its file changed on disk after it was indexed. "
    "The queue refreshes when the change is indexed; then try again.":
        "“%1”未标记为已复审：其文件在索引之后已在磁盘上被修改。索引更新后队列会刷新，届时请重试。",
    "Marked reviewed: %1": "已标记为已复审：%1", "Snoozed until %1: %2": "已暂缓至 %1：%2",
    "Export review report": "导出复审报告", "Web page (*.html);;Markdown (*.md)": "网页 (*.html);;Markdown (*.md)",
    "Report saved: %1": "报告已保存：%1", "Overdue": "超期未复审", "Expired": "已过期", "Launch": "新版本发布",
    "Broken link": "失效链接", "Duplicate / conflict": "重复 / 冲突", "Translation": "翻译", "Other": "其他",
    "(no owner)": "（无负责人）", "Missing translation (info)": "缺少译文（提示）", "Drafts": "草稿",
    "Archived": "已归档", "Snoozed": "已暂缓", "&Review queue": "复审队列(&R)",
    "Automatic (by the folder's languages)": "自动（根据文件夹的语言）",
    "archived": "已归档", "For: %1": "针对：%1", "Different code": "代码不一致", "Different amount": "金额不一致",
    "Order state contradicts the customer": "订单状态与客户所述矛盾", "Other language": "语言不同",
    "Weak match": "匹配度低", "repeated failure": "反复未解决", "chargeback": "拒付/退单",
    "vulnerable customer": "弱势客户", "privacy breach": "隐私泄露", "asks for a manager": "要求找主管",
    "money lost": "资金损失",
    # Beside the CRM, the first screen, fill-in and compose (issue #20)
    "Searched for: %1": "搜索的是：%1", "Add to message (Ctrl+Shift+A)": "加入消息（Ctrl+Shift+A）", "Clear": "清空",
    "%n replies in the message: Ctrl+Shift+Enter copies it as one": "消息中有 %n 条回复：Ctrl+Shift+Enter 合并复制",
    "Local API on http://127.0.0.1:%1": "本地 API 已在 http://127.0.0.1:%1 运行",
    "Local API not started: %1": "本地 API 未启动：%1",
    "Watch the clipboard: a copied customer message is searched at once (text only; stored only if the log is on)":
        "监听剪贴板：复制客户消息后立即搜索（仅文本；仅在开启记录时保存）",
    "After copying a reply, go back to the window I came from": "复制回复后回到之前的窗口",
    "Serve the local API for CRM macros and browser extensions": "为 CRM 宏和浏览器扩展提供本地 API",
    "created when the API is first turned on": "首次开启 API 时生成", "Copy token": "复制令牌",
    "Wayland does not let an app take a key for the whole desktop. Use the tray icon, or make a desktop shortcut "
    "that runs kbassist: it brings this window up.":
        "Wayland 不允许应用占用全局快捷键。请使用托盘图标，或在桌面设置中添加运行 kbassist 的快捷键：它会调出本窗口。",
    "The global hotkey needs python-xlib (pip install python-xlib).": "全局快捷键需要 python-xlib（pip install python-xlib）。",
    "No X11 display: the global hotkey and paste back are not available here.": "没有 X11 显示：此处无法使用全局快捷键和自动返回。",
    "Global hotkey": "全局快捷键", "Clipboard": "剪贴板", "Paste back": "复制后返回", "Local API": "本地 API",
    "API token": "API 令牌", "Allowed browser origins": "允许的浏览器来源",
    "Paste the customer's message above": "在上方粘贴客户的消息",
    "Ctrl+L goes to the message box from anywhere in the window; Enter searches, ↑/↓ choose an article, Enter fills "
    "the reply, Ctrl+Enter copies it. F1 lists every shortcut.":
        "在窗口任何位置按 Ctrl+L 转到消息框；Enter 搜索，↑/↓ 选择文章，Enter 填写回复，Ctrl+Enter 复制。F1 查看全部快捷键。",
    "Try an example:": "试一个例子：", "Most used this week": "本周最常用", "copies: %n": "复制 %n 次",
    "Show the problems with the folder's files": "显示文件夹中文件的问题", "%n problem(s)": "%n 个问题",
    "From any program: bring kbassist up, message box focused (Settings)": "在任何程序中：调出 kbassist 并聚焦消息框（可在设置中修改）",
    "Next / previous placeholder field (Enter on a result: the first empty one)":
        "下一个 / 上一个占位符字段（在结果上按 Enter：第一个空字段）",
    "Add the filled reply to a message of several replies": "把填好的回复加入多条回复合成的消息",
    "Copy that message: one greeting, one sign-off": "复制合成的消息：只保留一个问候和一个落款",
    "Review queue": "复审队列", "Welcome to kbassist": "欢迎使用 kbassist",
    "Your name, as replies should sign it (Settings can change it later):": "回复中署名用的姓名（之后可在设置中修改）：",
}


ZH.update(ZH_INSIGHTS)


def main() -> int:
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in ZH:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            ET.SubElement(translation, "numerusform").text = ZH[source]
        else:
            translation.text = ZH[source]
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    if missing:
        print("untranslated:", *missing, sep="\n  ", file=sys.stderr)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
