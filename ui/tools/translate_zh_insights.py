"""Simplified Chinese for the Insights, feedback bar and practice strings (issue #21); merged by translate_zh.py."""
from __future__ import annotations

ZH_INSIGHTS = {
    # feedback bar
    "Resolved (F7)": "已解决（F7）", "Needs follow-up (F8)": "需跟进（F8）", "Calm": "平静", "Annoyed": "不满",
    "Angry": "愤怒", "How the customer sounds (from the escalation signals)": "客户的情绪（根据升级信号判断）",
    "Escalation not needed": "无需转交", "Should have flagged": "应该转交",
    # Insights tab
    "Insights": "数据洞察", "Messages": "消息数", "Week before": "上周", "Trend": "趋势",
    "Examples (masked)": "示例（已脱敏）", "Nearest article": "最接近的文章",
    "Content gaps appear once the semantic model is ready.": "语义模型就绪后显示内容缺口。",
    "No content gaps this week.": "本周没有内容缺口。", "By week": "按周", "By day": "按天", "Refresh": "刷新",
    "Export CSV…": "导出 CSV…", "KPIs": "关键指标", "Content gaps": "内容缺口", "A/B wordings": "A/B 话术",
    "Articles": "文章", "No numbers yet: open a knowledge folder.": "暂无数据：请打开知识库文件夹。",
    "%1 messages · %2 answered from the knowledge base · paste to copy %3 (median) · %4 escalated · %5 resolved":
        "%1 条消息 · %2 由知识库回答 · 粘贴到复制 %3（中位数） · %4 转交 · %5 已解决",
    "Paste to copy (seconds), target 5 minutes": "粘贴到复制（秒），目标 5 分钟", "median": "中位数",
    "90th percentile": "第 90 百分位", "5 minutes": "5 分钟", "Answered from the knowledge base": "由知识库回答",
    "copy rate": "复制率", "no answer": "无答案", "Escalations, line at 20 %": "转交率，警戒线 20%",
    "escalated": "已转交", "after agents' corrections": "经客服纠正后", "20 %": "20%",
    "Resolved on first contact, target 70 %": "首次联系解决率，目标 70%", "resolved": "已解决", "70 %": "70%",
    "Customer sentiment": "客户情绪", "angry": "愤怒", "annoyed": "不满", "Export Insights": "导出数据洞察",
    "CSV (*.csv)": "CSV (*.csv)", "Saved: %1": "已保存：%1",
    "not enough data yet": "数据尚不足", "no difference yet": "暂无差异", "%1 better": "%1 更好", "%1 worse": "%1 更差",
    "resolved rate": "解决率", "Reply / wording": "回复 / 话术", "Shown": "展示", "Copied": "复制", "Edited": "修改",
    "Resolved": "已解决", "Result": "结果", "No reply with A/B wordings was shown yet.": "尚未展示过带 A/B 话术的回复。",
    "wording %1": "话术 %1", "difference %1, 95% CI %2 to %3": "差异 %1，95% 置信区间 %2 至 %3",
    "Most used (copies)": "最常使用（复制次数）", "Most skipped (top suggestion, not copied)": "最常跳过（首位推荐但未复制）",
    # practice tab
    "Practice": "练习", "Start practice": "开始练习", "Drills:": "题数：", "Hand this conversation to a lead": "将此对话转交组长",
    "Check answer": "检查答案", "Next drill": "下一题", "Topic": "主题", "Score": "得分", "Right article": "文章正确",
    "Right escalation": "转交判断正确", "Which article answers it?": "哪篇文章能回答？", "Which reply?": "哪条回复？",
    "The customer writes:": "客户写道：", "Drills come from this folder's own questions.": "练习题来自本知识库自己的问题。",
    "Drill %1 of %2": "第 %1 题，共 %2 题", "See summary": "查看总结", "any of its replies": "其任一回复",
    "hand it to a lead": "转交组长", "answer it yourself": "自己回答", "Done: %1 of %2 points": "完成：%1 / %2 分",
    "Score: %1 of %2": "得分：%1 / %2", "Article: %1": "文章：%1", "Reply: %1": "回复：%1", "Escalation: %1": "转交：%1",
    "Asked as: “%1”": "原问题：“%1”",
    "Copy rate": "复制率", "Escalated": "已转交",
    "Paste to copy (median)": "粘贴到复制（中位数）", "This computer": "本机", "Team (server)": "团队（服务器）",
    "The team's numbers, as each agent who agreed shared them": "团队的数据：每位同意共享的客服所共享的数据",
    "Agents": "客服", "The team's numbers could not be read: %1": "无法读取团队的数据：%1",
    "Reading the team's numbers…": "正在读取团队的数据…",
    "postgresql://… (empty: this computer's own index)": "postgresql://…（留空：使用本机自己的索引）",
    "Share my numbers with the team (counts and article ids, never message text)":
        "与团队共享我的数据（仅计数和文章 ID，绝不包含消息文本）",
    "Team server": "团队服务器",
    "Team server not answering: your numbers stay here and are sent later (%1)":
        "团队服务器无响应：您的数据保留在本机，稍后发送（%1）",
}
