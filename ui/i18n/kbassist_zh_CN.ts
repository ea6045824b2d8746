<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentTab</name>
    <message>
        <location filename="../agent_tab.py" line="120" />
        <source>Hand this conversation to a lead: %1</source>
        <translation>请将此对话转交组长处理：%1</translation>
    </message>
    <message>
        <location filename="../agent_tab.py" line="123" />
        <source>Nothing in the knowledge base answers this confidently. The closest articles are listed: check before using them.</source>
        <translation>知识库中没有能可靠回答此问题的文章。下面列出最接近的文章，使用前请核对。</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <location filename="../results_view.py" line="50" />
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../results_view.py" line="52" />
        <source>affected by launch</source>
        <translation>受新版本影响</translation>
    </message>
    <message>
        <location filename="../results_view.py" line="54" />
        <source>review due</source>
        <translation>待复审</translation>
    </message>
    <message>
        <location filename="../results_view.py" line="56" />
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../results_view.py" line="58" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../results_view.py" line="59" />
        <source>fresh</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../results_view.py" line="64" />
        <source>closest match, check before use</source>
        <translation>最接近的结果，使用前请核对</translation>
    </message>
</context>
<context>
    <name>ClearHistoryDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="56" />
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57" />
        <source>Erase the private log of suggestions on this computer?</source>
        <translation>清除本机上的私密建议记录？</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58" />
        <source>Every logged suggestion and unanswered message is deleted. This cannot be undone.</source>
        <translation>所有已记录的建议和未解答的消息都将被删除，且无法恢复。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61" />
        <source>Erase</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="59" />
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="85" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="94" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95" />
        <source>&amp;Open folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96" />
        <source>Recent folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="101" />
        <source>&amp;Compact mode</source>
        <translation>紧凑模式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="104" />
        <source>Always on &amp;top</source>
        <translation>窗口置顶(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107" />
        <source>&amp;Review queue</source>
        <translation>复审队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="110" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="138" />
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157" />
        <source>Open knowledge folder</source>
        <translation>打开知识库文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>Keyword search only — loading the semantic model…</source>
        <translation>仅关键词搜索 — 正在加载语义模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Keyword search only — semantic index %1/%2</source>
        <translation>仅关键词搜索 — 语义索引 %1/%2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Indexing %1/%2 files</source>
        <translation>正在索引 %1/%2 个文件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>Keyword search only — semantic index loading…</source>
        <translation>仅关键词搜索 — 语义索引加载中…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>No folder open</source>
        <translation>未打开文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193" />
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source>Keyword search only — semantic index paused</source>
        <translation>仅关键词搜索 — 语义索引已暂停</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="203" />
        <source>Semantic search ready · %n articles</source>
        <translation><numerusform>语义搜索已就绪 · %n 篇文章</numerusform></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213" />
        <source>Knowledge folder changed: results refreshed</source>
        <translation>知识库已变更：结果已刷新</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <location filename="../message_box.py" line="16" />
        <source>Paste or type the customer's message…  (Enter: search, Shift+Enter: new line)</source>
        <translation>粘贴或输入客户的消息…（Enter：搜索，Shift+Enter：换行）</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../problems.py" line="11" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../problems.py" line="14" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../problems.py" line="14" />
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../problems.py" line="14" />
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message numerus="yes">
        <location filename="../problems.py" line="25" />
        <source>Problems (%n)</source>
        <translation><numerusform>问题（%n）</numerusform></translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message>
        <location filename="../reply_panel.py" line="72" />
        <source>Copy reply (Ctrl+Enter)</source>
        <translation>复制回复（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="76" />
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="108" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="113" />
        <source>Guessed from the message: please check</source>
        <translation>根据消息推测，请核对</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="115" />
        <source>Default from the article</source>
        <translation>文章中的默认值</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../review_tab.py" line="75" />
        <source>Group by owner</source>
        <translation>按负责人分组</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="77" />
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="85" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="85" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="85" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="85" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="102" />
        <source>Open in editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="104" />
        <source>Mark reviewed</source>
        <translation>标记为已复审</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="106" />
        <source>Snooze…</source>
        <translation>暂缓…</translation>
    </message>
    <message numerus="yes">
        <location filename="../review_tab.py" line="109" />
        <source>%n days</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="113" />
        <source>Open launch note</source>
        <translation>打开发布说明</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="177" />
        <source>Review</source>
        <translation>复审</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="178" />
        <source>Review (%1)</source>
        <translation>复审（%1）</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="185" />
        <source>No review yet: open a knowledge folder.</source>
        <translation>尚无复审结果：请打开知识库文件夹。</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="187" />
        <source>As of %1: %2 articles need review · %3 snoozed</source>
        <translation>截至 %1：%2 篇文章需要复审 · %3 篇已暂缓</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="212" />
        <source>… %1 more: export the report for the full list</source>
        <translation>…… 另有 %1 篇：导出报告查看完整列表</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="259" />
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="274" />
        <source>Launch note %1 is not in the folder</source>
        <translation>文件夹中没有发布说明 %1</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="288" />
        <source>“%1” was not marked reviewed: its file changed on disk after it was indexed. The queue refreshes when the change is indexed; then try again.</source>
        <translation>“%1”未标记为已复审：其文件在索引之后已在磁盘上被修改。索引更新后队列会刷新，届时请重试。</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="293" />
        <source>Marked reviewed: %1</source>
        <translation>已标记为已复审：%1</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="305" />
        <source>Snoozed until %1: %2</source>
        <translation>已暂缓至 %1：%2</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="318" />
        <source>Export review report</source>
        <translation>导出复审报告</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="319" />
        <source>Web page (*.html);;Markdown (*.md)</source>
        <translation>网页 (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="331" />
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>ReviewWording</name>
    <message>
        <location filename="../review_model.py" line="52" />
        <source>Overdue</source>
        <translation>超期未复审</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="52" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="52" />
        <source>Launch</source>
        <translation>新版本发布</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="53" />
        <source>Broken link</source>
        <translation>失效链接</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="53" />
        <source>Duplicate / conflict</source>
        <translation>重复 / 冲突</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="54" />
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="54" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="62" />
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="66" />
        <source>Missing translation (info)</source>
        <translation>缺少译文（提示）</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="66" />
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="67" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="67" />
        <source>Snoozed</source>
        <translation>已暂缓</translation>
    </message>
</context>
<context>
    <name>SendWarningsDialog</name>
    <message>
        <location filename="../reply_panel.py" line="42" />
        <source>Check before sending</source>
        <translation>发送前请检查</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="43" />
        <source>This reply may not be ready to send:</source>
        <translation>此回复可能还不能发送：</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="46" />
        <source>Copy anyway</source>
        <translation>仍然复制</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="73" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76" />
        <source>Automatic (by the folder's languages)</source>
        <translation>自动（根据文件夹的语言）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="77" />
        <source>Built-in multilingual (Chinese + English)</source>
        <translation>内置多语言模型（中文 + 英文）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="78" />
        <source>Packaged MiniLM (English only)</source>
        <translation>附带的 MiniLM（仅英文）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79" />
        <source>Local model folder…</source>
        <translation>本地模型文件夹…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85" />
        <source>default: the per-user data folder</source>
        <translation>默认：用户数据文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="86" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="89" />
        <location filename="../settings_dialog.py" line="97" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94" />
        <source>Keep a private local log of suggestions (for content gaps)</source>
        <translation>在本地私密记录建议（用于发现内容缺口）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98" />
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100" />
        <source>Always on top</source>
        <translation>窗口置顶</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="102" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="106" />
        <source>Embedder</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="107" />
        <location filename="../settings_dialog.py" line="128" />
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="109" />
        <location filename="../settings_dialog.py" line="134" />
        <source>Index location</source>
        <translation>索引位置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="110" />
        <source>Default review interval</source>
        <translation>默认复审间隔</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="111" />
        <source>Agent name</source>
        <translation>客服姓名</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="112" />
        <source>Known placeholder values</source>
        <translation>已知占位符值</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="113" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="114" />
        <source>Keep history for</source>
        <translation>历史保留</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="115" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="116" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="117" />
        <source>A language change applies at the next start.</source>
        <translation>语言更改将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="131" />
        <source>This folder does not look like a sentence-transformers model.</source>
        <translation>此文件夹看起来不是 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="143" />
        <source>History cleared. Keep a private local log of suggestions</source>
        <translation>历史已清除。在本地私密记录建议</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../shortcuts.py" line="10" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="12" />
        <source>Go to the message box</source>
        <translation>转到消息框</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="13" />
        <source>Search now (in the message box); go to the reply (in the results)</source>
        <translation>立即搜索（在消息框中）；转到回复（在结果中）</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="14" />
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="15" />
        <source>Move through the results from the message box</source>
        <translation>在消息框中上下切换结果</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="16" />
        <source>Next placeholder field</source>
        <translation>下一个占位符字段</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="17" />
        <source>Copy the filled reply</source>
        <translation>复制填好的回复</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="18" />
        <source>Copy the n-th reply</source>
        <translation>复制第 n 条回复</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="19" />
        <source>Clear the message and results</source>
        <translation>清空消息和结果</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="20" />
        <source>Compact mode</source>
        <translation>紧凑模式</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="21" />
        <source>Open a knowledge folder</source>
        <translation>打开知识库文件夹</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="22" />
        <source>This list</source>
        <translation>本列表</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="25" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="25" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../wording.py" line="17" />
        <source>Unfilled placeholder</source>
        <translation>占位符未填写</translation>
    </message>
    <message>
        <location filename="../wording.py" line="18" />
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../wording.py" line="19" />
        <source>Article overdue for review</source>
        <translation>文章已超期未复审</translation>
    </message>
    <message>
        <location filename="../wording.py" line="20" />
        <source>Article expired</source>
        <translation>文章已过期</translation>
    </message>
    <message>
        <location filename="../wording.py" line="21" />
        <source>Article affected by a launch</source>
        <translation>文章受新版本发布影响</translation>
    </message>
    <message>
        <location filename="../wording.py" line="22" />
        <source>Article is a draft</source>
        <translation>文章是草稿</translation>
    </message>
    <message>
        <location filename="../wording.py" line="23" />
        <source>Article is archived</source>
        <translation>文章已归档</translation>
    </message>
    <message>
        <location filename="../wording.py" line="24" />
        <source>Article may be stale</source>
        <translation>文章可能已过时</translation>
    </message>
    <message>
        <location filename="../wording.py" line="25" />
        <source>Different code</source>
        <translation>代码不一致</translation>
    </message>
    <message>
        <location filename="../wording.py" line="26" />
        <source>Different amount</source>
        <translation>金额不一致</translation>
    </message>
    <message>
        <location filename="../wording.py" line="27" />
        <source>Order state contradicts the customer</source>
        <translation>订单状态与客户所述矛盾</translation>
    </message>
    <message>
        <location filename="../wording.py" line="28" />
        <source>Other language</source>
        <translation>语言不同</translation>
    </message>
    <message>
        <location filename="../wording.py" line="29" />
        <source>Weak match</source>
        <translation>匹配度低</translation>
    </message>
    <message>
        <location filename="../wording.py" line="35" />
        <source>anger</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location filename="../wording.py" line="36" />
        <source>complaint threat</source>
        <translation>威胁投诉</translation>
    </message>
    <message>
        <location filename="../wording.py" line="37" />
        <source>legal</source>
        <translation>法律</translation>
    </message>
    <message>
        <location filename="../wording.py" line="38" />
        <source>wants to leave</source>
        <translation>想要退订/流失</translation>
    </message>
    <message>
        <location filename="../wording.py" line="39" />
        <source>safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../wording.py" line="40" />
        <source>repeat contact</source>
        <translation>重复联系</translation>
    </message>
    <message>
        <location filename="../wording.py" line="41" />
        <source>repeated failure</source>
        <translation>反复未解决</translation>
    </message>
    <message>
        <location filename="../wording.py" line="42" />
        <source>chargeback</source>
        <translation>拒付/退单</translation>
    </message>
    <message>
        <location filename="../wording.py" line="43" />
        <source>vulnerable customer</source>
        <translation>弱势客户</translation>
    </message>
    <message>
        <location filename="../wording.py" line="44" />
        <source>privacy breach</source>
        <translation>隐私泄露</translation>
    </message>
    <message>
        <location filename="../wording.py" line="45" />
        <source>asks for a manager</source>
        <translation>要求找主管</translation>
    </message>
    <message>
        <location filename="../wording.py" line="46" />
        <source>money lost</source>
        <translation>资金损失</translation>
    </message>
    <message>
        <location filename="../wording.py" line="47" />
        <source>intensity</source>
        <translation>情绪强烈</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../tray.py" line="22" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../tray.py" line="23" />
        <source>Recent folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <location filename="../tray.py" line="27" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>