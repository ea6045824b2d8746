<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentTab</name>
    <message>
        <location filename="../agent_tab.py" line="185" />
        <source>Searched for: %1</source>
        <translation>搜索的是：%1</translation>
    </message>
    <message>
        <location filename="../agent_tab.py" line="190" />
        <source>Hand this conversation to a lead: %1</source>
        <translation>请将此对话转交组长处理：%1</translation>
    </message>
    <message>
        <location filename="../agent_tab.py" line="193" />
        <source>Nothing in the knowledge base answers this confidently. The closest articles are listed: check before using them.</source>
        <translation>知识库中没有能可靠回答此问题的文章。下面列出最接近的文章，使用前请核对。</translation>
    </message>
</context>
<context>
    <name>AgentsView</name>
    <message>
        <location filename="../insights_views.py" line="112" />
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="112" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="112" />
        <source>Copy rate</source>
        <translation>复制率</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="112" />
        <source>Escalated</source>
        <translation>已转交</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="113" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="113" />
        <source>Paste to copy (median)</source>
        <translation>粘贴到复制（中位数）</translation>
    </message>
</context>
<context>
    <name>ArticlesView</name>
    <message>
        <location filename="../insights_views.py" line="96" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="96" />
        <source>Most used (copies)</source>
        <translation>最常使用（复制次数）</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="97" />
        <source>Most skipped (top suggestion, not copied)</source>
        <translation>最常跳过（首位推荐但未复制）</translation>
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
        <location filename="../settings_dialog.py" line="57" />
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58" />
        <source>Erase the private log of suggestions on this computer?</source>
        <translation>清除本机上的私密建议记录？</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59" />
        <source>Every logged suggestion and unanswered message is deleted. This cannot be undone.</source>
        <translation>所有已记录的建议和未解答的消息都将被删除，且无法恢复。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="62" />
        <source>Erase</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ComposeBar</name>
    <message>
        <location filename="../compose_bar.py" line="19" />
        <source>Add to message (Ctrl+Shift+A)</source>
        <translation>加入消息（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../compose_bar.py" line="21" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message numerus="yes">
        <location filename="../compose_bar.py" line="43" />
        <source>%n replies in the message: Ctrl+Shift+Enter copies it as one</source>
        <translation><numerusform>消息中有 %n 条回复：Ctrl+Shift+Enter 合并复制</numerusform></translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../desk/desk.py" line="106" />
        <source>Local API on http://127.0.0.1:%1</source>
        <translation>本地 API 已在 http://127.0.0.1:%1 运行</translation>
    </message>
    <message>
        <location filename="../desk/desk.py" line="110" />
        <source>Local API not started: %1</source>
        <translation>本地 API 未启动：%1</translation>
    </message>
</context>
<context>
    <name>DeskRows</name>
    <message>
        <location filename="../desk/settings_rows.py" line="32" />
        <source>Watch the clipboard: a copied customer message is searched at once (text only; stored only if the log is on)</source>
        <translation>监听剪贴板：复制客户消息后立即搜索（仅文本；仅在开启记录时保存）</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="35" />
        <source>After copying a reply, go back to the window I came from</source>
        <translation>复制回复后回到之前的窗口</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="37" />
        <source>Serve the local API for CRM macros and browser extensions</source>
        <translation>为 CRM 宏和浏览器扩展提供本地 API</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="41" />
        <source>created when the API is first turned on</source>
        <translation>首次开启 API 时生成</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="42" />
        <source>Copy token</source>
        <translation>复制令牌</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="50" />
        <source>Wayland does not let an app take a key for the whole desktop. Use the tray icon, or make a desktop shortcut that runs kbassist: it brings this window up.</source>
        <translation>Wayland 不允许应用占用全局快捷键。请使用托盘图标，或在桌面设置中添加运行 kbassist 的快捷键：它会调出本窗口。</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="53" />
        <source>The global hotkey needs python-xlib (pip install python-xlib).</source>
        <translation>全局快捷键需要 python-xlib（pip install python-xlib）。</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="54" />
        <source>No X11 display: the global hotkey and paste back are not available here.</source>
        <translation>没有 X11 显示：此处无法使用全局快捷键和自动返回。</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="58" />
        <source>Global hotkey</source>
        <translation>全局快捷键</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="60" />
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="61" />
        <source>Paste back</source>
        <translation>复制后返回</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="62" />
        <source>Local API</source>
        <translation>本地 API</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="63" />
        <source>API token</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <location filename="../desk/settings_rows.py" line="64" />
        <source>Allowed browser origins</source>
        <translation>允许的浏览器来源</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../empty_state.py" line="49" />
        <source>Paste the customer's message above</source>
        <translation>在上方粘贴客户的消息</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="50" />
        <source>Ctrl+L goes to the message box from anywhere in the window; Enter searches, ↑/↓ choose an article, Enter fills the reply, Ctrl+Enter copies it. F1 lists every shortcut.</source>
        <translation>在窗口任何位置按 Ctrl+L 转到消息框；Enter 搜索，↑/↓ 选择文章，Enter 填写回复，Ctrl+Enter 复制。F1 查看全部快捷键。</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="54" />
        <source>Try an example:</source>
        <translation>试一个例子：</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="57" />
        <source>Most used this week</source>
        <translation>本周最常用</translation>
    </message>
    <message numerus="yes">
        <location filename="../empty_state.py" line="64" />
        <source>copies: %n</source>
        <translation><numerusform>复制 %n 次</numerusform></translation>
    </message>
</context>
<context>
    <name>FeedbackBar</name>
    <message>
        <location filename="../feedback_bar.py" line="41" />
        <source>Resolved (F7)</source>
        <translation>已解决（F7）</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="43" />
        <source>Needs follow-up (F8)</source>
        <translation>需跟进（F8）</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="79" />
        <source>Calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="79" />
        <source>Annoyed</source>
        <translation>不满</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="79" />
        <source>Angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="82" />
        <source>How the customer sounds (from the escalation signals)</source>
        <translation>客户的情绪（根据升级信号判断）</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="83" />
        <source>Escalation not needed</source>
        <translation>无需转交</translation>
    </message>
    <message>
        <location filename="../feedback_bar.py" line="84" />
        <source>Should have flagged</source>
        <translation>应该转交</translation>
    </message>
</context>
<context>
    <name>GapsView</name>
    <message>
        <location filename="../insights_views.py" line="47" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="47" />
        <source>Week before</source>
        <translation>上周</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="47" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="48" />
        <source>Examples (masked)</source>
        <translation>示例（已脱敏）</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="48" />
        <source>Nearest article</source>
        <translation>最接近的文章</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="53" />
        <source>Content gaps appear once the semantic model is ready.</source>
        <translation>语义模型就绪后显示内容缺口。</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="56" />
        <source>No content gaps this week.</source>
        <translation>本周没有内容缺口。</translation>
    </message>
</context>
<context>
    <name>InsightsTab</name>
    <message>
        <location filename="../insights_tab.py" line="63" />
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="63" />
        <source>By day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="66" />
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="66" />
        <source>Team (server)</source>
        <translation>团队（服务器）</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="67" />
        <source>The team's numbers, as each agent who agreed shared them</source>
        <translation>团队的数据：每位同意共享的客服所共享的数据</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="69" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="71" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="85" />
        <source>KPIs</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="86" />
        <source>Content gaps</source>
        <translation>内容缺口</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="87" />
        <source>A/B wordings</source>
        <translation>A/B 话术</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="88" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="89" />
        <source>Agents</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="162" />
        <source>The team's numbers could not be read: %1</source>
        <translation>无法读取团队的数据：%1</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="174" />
        <source>Reading the team's numbers…</source>
        <translation>正在读取团队的数据…</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="175" />
        <source>No numbers yet: open a knowledge folder.</source>
        <translation>暂无数据：请打开知识库文件夹。</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="183" />
        <source>%1 messages · %2 answered from the knowledge base · paste to copy %3 (median) · %4 escalated · %5 resolved</source>
        <translation>%1 条消息 · %2 由知识库回答 · 粘贴到复制 %3（中位数） · %4 转交 · %5 已解决</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="206" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="207" />
        <source>Paste to copy (seconds), target 5 minutes</source>
        <translation>粘贴到复制（秒），目标 5 分钟</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="208" />
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="208" />
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="210" />
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="211" />
        <source>Answered from the knowledge base</source>
        <translation>由知识库回答</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="212" />
        <source>copy rate</source>
        <translation>复制率</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="212" />
        <source>no answer</source>
        <translation>无答案</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="214" />
        <source>Escalations, line at 20 %</source>
        <translation>转交率，警戒线 20%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="215" />
        <source>escalated</source>
        <translation>已转交</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="216" />
        <source>after agents' corrections</source>
        <translation>经客服纠正后</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="217" />
        <source>20 %</source>
        <translation>20%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="218" />
        <source>Resolved on first contact, target 70 %</source>
        <translation>首次联系解决率，目标 70%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="219" />
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="219" />
        <source>70 %</source>
        <translation>70%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="221" />
        <source>Customer sentiment</source>
        <translation>客户情绪</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="222" />
        <source>angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="222" />
        <source>annoyed</source>
        <translation>不满</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="247" />
        <source>Export Insights</source>
        <translation>导出数据洞察</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="248" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="255" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>InsightsWording</name>
    <message>
        <location filename="../insights_views.py" line="34" />
        <source>not enough data yet</source>
        <translation>数据尚不足</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="36" />
        <source>no difference yet</source>
        <translation>暂无差异</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="38" />
        <source>%1 better</source>
        <translation>%1 更好</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="38" />
        <source>%1 worse</source>
        <translation>%1 更差</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="41" />
        <source>copy rate</source>
        <translation>复制率</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="41" />
        <source>resolved rate</source>
        <translation>解决率</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="62" />
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="65" />
        <source>Insights</source>
        <translation>数据洞察</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66" />
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106" />
        <source>&amp;Open folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107" />
        <source>Recent folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="108" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="110" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="111" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112" />
        <source>&amp;Compact mode</source>
        <translation>紧凑模式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="115" />
        <source>Always on &amp;top</source>
        <translation>窗口置顶(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118" />
        <source>&amp;Review queue</source>
        <translation>复审队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152" />
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174" />
        <source>Open knowledge folder</source>
        <translation>打开知识库文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>Keyword search only — loading the semantic model…</source>
        <translation>仅关键词搜索 — 正在加载语义模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>Keyword search only — semantic index %1/%2</source>
        <translation>仅关键词搜索 — 语义索引 %1/%2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>Indexing %1/%2 files</source>
        <translation>正在索引 %1/%2 个文件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>Keyword search only — semantic index loading…</source>
        <translation>仅关键词搜索 — 语义索引加载中…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>No folder open</source>
        <translation>未打开文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216" />
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220" />
        <source>Keyword search only — semantic index paused</source>
        <translation>仅关键词搜索 — 语义索引已暂停</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="226" />
        <source>Semantic search ready · %n articles</source>
        <translation><numerusform>语义搜索已就绪 · %n 篇文章</numerusform></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236" />
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
    <name>PracticeTab</name>
    <message>
        <location filename="../practice_tab.py" line="64" />
        <source>Start practice</source>
        <translation>开始练习</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="68" />
        <source>Drills:</source>
        <translation>题数：</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="77" />
        <source>Hand this conversation to a lead</source>
        <translation>将此对话转交组长</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="78" />
        <source>Check answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="80" />
        <location filename="../practice_tab.py" line="190" />
        <source>Next drill</source>
        <translation>下一题</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="85" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="85" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="85" />
        <source>Right article</source>
        <translation>文章正确</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="86" />
        <source>Right escalation</source>
        <translation>转交判断正确</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="89" />
        <source>Which article answers it?</source>
        <translation>哪篇文章能回答？</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="90" />
        <source>Which reply?</source>
        <translation>哪条回复？</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="101" />
        <source>The customer writes:</source>
        <translation>客户写道：</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="143" />
        <source>Drills come from this folder's own questions.</source>
        <translation>练习题来自本知识库自己的问题。</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="146" />
        <source>Drill %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="190" />
        <source>See summary</source>
        <translation>查看总结</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="198" />
        <source>any of its replies</source>
        <translation>其任一回复</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="199" />
        <source>hand it to a lead</source>
        <translation>转交组长</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="199" />
        <source>answer it yourself</source>
        <translation>自己回答</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="200" />
        <source>Score: %1 of %2</source>
        <translation>得分：%1 / %2</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="201" />
        <source>Article: %1</source>
        <translation>文章：%1</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="202" />
        <source>Reply: %1</source>
        <translation>回复：%1</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="203" />
        <source>Escalation: %1</source>
        <translation>转交：%1</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="204" />
        <source>Asked as: “%1”</source>
        <translation>原问题：“%1”</translation>
    </message>
    <message>
        <location filename="../practice_tab.py" line="219" />
        <source>Done: %1 of %2 points</source>
        <translation>完成：%1 / %2 分</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../problems.py" line="33" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../problems.py" line="36" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../problems.py" line="36" />
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../problems.py" line="36" />
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../problems.py" line="46" />
        <source>Show the problems with the folder's files</source>
        <translation>显示文件夹中文件的问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../problems.py" line="65" />
        <source>Problems (%n)</source>
        <translation><numerusform>问题（%n）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../problems.py" line="66" />
        <source>%n problem(s)</source>
        <translation><numerusform>%n 个问题</numerusform></translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message>
        <location filename="../reply_panel.py" line="84" />
        <source>Copy reply (Ctrl+Enter)</source>
        <translation>复制回复（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="90" />
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="122" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="127" />
        <source>Guessed from the message: please check</source>
        <translation>根据消息推测，请核对</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="129" />
        <source>Default from the article</source>
        <translation>文章中的默认值</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../review_tab.py" line="80" />
        <source>Group by owner</source>
        <translation>按负责人分组</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="82" />
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="90" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="90" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="90" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="90" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="107" />
        <source>Open in editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="109" />
        <source>Mark reviewed</source>
        <translation>标记为已复审</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="111" />
        <source>Snooze…</source>
        <translation>暂缓…</translation>
    </message>
    <message numerus="yes">
        <location filename="../review_tab.py" line="114" />
        <source>%n days</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="118" />
        <source>Open launch note</source>
        <translation>打开发布说明</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="185" />
        <source>Review</source>
        <translation>复审</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="186" />
        <source>Review (%1)</source>
        <translation>复审（%1）</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="195" />
        <source>No review yet: open a knowledge folder.</source>
        <translation>尚无复审结果：请打开知识库文件夹。</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="197" />
        <source>As of %1: %2 articles need review · %3 snoozed</source>
        <translation>截至 %1：%2 篇文章需要复审 · %3 篇已暂缓</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="238" />
        <source>… %1 more: export the report for the full list</source>
        <translation>…… 另有 %1 篇：导出报告查看完整列表</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="285" />
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="300" />
        <source>Launch note %1 is not in the folder</source>
        <translation>文件夹中没有发布说明 %1</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="314" />
        <source>“%1” was not marked reviewed: its file changed on disk after it was indexed. The queue refreshes when the change is indexed; then try again.</source>
        <translation>“%1”未标记为已复审：其文件在索引之后已在磁盘上被修改。索引更新后队列会刷新，届时请重试。</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="319" />
        <source>Marked reviewed: %1</source>
        <translation>已标记为已复审：%1</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="331" />
        <source>Snoozed until %1: %2</source>
        <translation>已暂缓至 %1：%2</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="344" />
        <source>Export review report</source>
        <translation>导出复审报告</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="345" />
        <source>Web page (*.html);;Markdown (*.md)</source>
        <translation>网页 (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../review_tab.py" line="357" />
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>ReviewWording</name>
    <message>
        <location filename="../review_model.py" line="57" />
        <source>Overdue</source>
        <translation>超期未复审</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="57" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="57" />
        <source>Launch</source>
        <translation>新版本发布</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="58" />
        <source>Broken link</source>
        <translation>失效链接</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="58" />
        <source>Duplicate / conflict</source>
        <translation>重复 / 冲突</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="59" />
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="59" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="74" />
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="78" />
        <source>Missing translation (info)</source>
        <translation>缺少译文（提示）</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="78" />
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="79" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="79" />
        <source>Snoozed</source>
        <translation>已暂缓</translation>
    </message>
</context>
<context>
    <name>SendWarningsDialog</name>
    <message>
        <location filename="../reply_panel.py" line="52" />
        <source>Check before sending</source>
        <translation>发送前请检查</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="53" />
        <source>This reply may not be ready to send:</source>
        <translation>此回复可能还不能发送：</translation>
    </message>
    <message>
        <location filename="../reply_panel.py" line="56" />
        <source>Copy anyway</source>
        <translation>仍然复制</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="74" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="77" />
        <source>Automatic (by the folder's languages)</source>
        <translation>自动（根据文件夹的语言）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="78" />
        <source>Built-in multilingual (Chinese + English)</source>
        <translation>内置多语言模型（中文 + 英文）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79" />
        <source>Packaged MiniLM (English only)</source>
        <translation>附带的 MiniLM（仅英文）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="80" />
        <source>Local model folder…</source>
        <translation>本地模型文件夹…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="86" />
        <source>default: the per-user data folder</source>
        <translation>默认：用户数据文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="90" />
        <location filename="../settings_dialog.py" line="98" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="95" />
        <source>Keep a private local log of suggestions (for content gaps)</source>
        <translation>在本地私密记录建议（用于发现内容缺口）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="99" />
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="101" />
        <source>Always on top</source>
        <translation>窗口置顶</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="103" />
        <source>postgresql://… (empty: this computer's own index)</source>
        <translation>postgresql://…（留空：使用本机自己的索引）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="104" />
        <source>Share my numbers with the team (counts and article ids, never message text)</source>
        <translation>与团队共享我的数据（仅计数和文章 ID，绝不包含消息文本）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="109" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="113" />
        <source>Embedder</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="114" />
        <location filename="../settings_dialog.py" line="139" />
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="116" />
        <location filename="../settings_dialog.py" line="145" />
        <source>Index location</source>
        <translation>索引位置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="117" />
        <source>Default review interval</source>
        <translation>默认复审间隔</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="118" />
        <source>Agent name</source>
        <translation>客服姓名</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="119" />
        <source>Known placeholder values</source>
        <translation>已知占位符值</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="120" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="121" />
        <source>Keep history for</source>
        <translation>历史保留</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="122" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="123" />
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="127" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="128" />
        <source>A language change applies at the next start.</source>
        <translation>语言更改将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="142" />
        <source>This folder does not look like a sentence-transformers model.</source>
        <translation>此文件夹看起来不是 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="154" />
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
        <source>From any program: bring kbassist up, message box focused (Settings)</source>
        <translation>在任何程序中：调出 kbassist 并聚焦消息框（可在设置中修改）</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="13" />
        <source>Go to the message box</source>
        <translation>转到消息框</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="14" />
        <source>Search now (in the message box); go to the reply (in the results)</source>
        <translation>立即搜索（在消息框中）；转到回复（在结果中）</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="15" />
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="16" />
        <source>Move through the results from the message box</source>
        <translation>在消息框中上下切换结果</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="17" />
        <source>Next / previous placeholder field (Enter on a result: the first empty one)</source>
        <translation>下一个 / 上一个占位符字段（在结果上按 Enter：第一个空字段）</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="18" />
        <source>Copy the filled reply</source>
        <translation>复制填好的回复</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="19" />
        <source>Copy the n-th reply</source>
        <translation>复制第 n 条回复</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="20" />
        <source>Add the filled reply to a message of several replies</source>
        <translation>把填好的回复加入多条回复合成的消息</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="21" />
        <source>Copy that message: one greeting, one sign-off</source>
        <translation>复制合成的消息：只保留一个问候和一个落款</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="22" />
        <source>Clear the message and results</source>
        <translation>清空消息和结果</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="23" />
        <source>Compact mode</source>
        <translation>紧凑模式</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="24" />
        <source>Review queue</source>
        <translation>复审队列</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="25" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="26" />
        <source>Open a knowledge folder</source>
        <translation>打开知识库文件夹</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="27" />
        <source>This list</source>
        <translation>本列表</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="28" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="31" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../shortcuts.py" line="31" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>TeamSharing</name>
    <message>
        <location filename="../team_share.py" line="57" />
        <source>Team server not answering: your numbers stay here and are sent later (%1)</source>
        <translation>团队服务器无响应：您的数据保留在本机，稍后发送（%1）</translation>
    </message>
</context>
<context>
    <name>VariantsView</name>
    <message>
        <location filename="../insights_views.py" line="70" />
        <source>Reply / wording</source>
        <translation>回复 / 话术</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="70" />
        <source>Shown</source>
        <translation>展示</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="70" />
        <source>Copied</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="70" />
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="71" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="71" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="77" />
        <source>No reply with A/B wordings was shown yet.</source>
        <translation>尚未展示过带 A/B 话术的回复。</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="81" />
        <source>wording %1</source>
        <translation>话术 %1</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="86" />
        <source>difference %1, 95% CI %2 to %3</source>
        <translation>差异 %1，95% 置信区间 %2 至 %3</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../wording.py" line="26" />
        <source>Unfilled placeholder</source>
        <translation>占位符未填写</translation>
    </message>
    <message>
        <location filename="../wording.py" line="27" />
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../wording.py" line="28" />
        <source>Article overdue for review</source>
        <translation>文章已超期未复审</translation>
    </message>
    <message>
        <location filename="../wording.py" line="29" />
        <source>Article expired</source>
        <translation>文章已过期</translation>
    </message>
    <message>
        <location filename="../wording.py" line="30" />
        <source>Article affected by a launch</source>
        <translation>文章受新版本发布影响</translation>
    </message>
    <message>
        <location filename="../wording.py" line="31" />
        <source>Article is a draft</source>
        <translation>文章是草稿</translation>
    </message>
    <message>
        <location filename="../wording.py" line="32" />
        <source>Article is archived</source>
        <translation>文章已归档</translation>
    </message>
    <message>
        <location filename="../wording.py" line="33" />
        <source>Article may be stale</source>
        <translation>文章可能已过时</translation>
    </message>
    <message>
        <location filename="../wording.py" line="34" />
        <source>Different code</source>
        <translation>代码不一致</translation>
    </message>
    <message>
        <location filename="../wording.py" line="35" />
        <source>Different amount</source>
        <translation>金额不一致</translation>
    </message>
    <message>
        <location filename="../wording.py" line="36" />
        <source>Order state contradicts the customer</source>
        <translation>订单状态与客户所述矛盾</translation>
    </message>
    <message>
        <location filename="../wording.py" line="37" />
        <source>Other language</source>
        <translation>语言不同</translation>
    </message>
    <message>
        <location filename="../wording.py" line="38" />
        <source>Weak match</source>
        <translation>匹配度低</translation>
    </message>
    <message>
        <location filename="../wording.py" line="47" />
        <source>anger</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location filename="../wording.py" line="48" />
        <source>complaint threat</source>
        <translation>威胁投诉</translation>
    </message>
    <message>
        <location filename="../wording.py" line="49" />
        <source>legal</source>
        <translation>法律</translation>
    </message>
    <message>
        <location filename="../wording.py" line="50" />
        <source>wants to leave</source>
        <translation>想要退订/流失</translation>
    </message>
    <message>
        <location filename="../wording.py" line="51" />
        <source>safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../wording.py" line="52" />
        <source>repeat contact</source>
        <translation>重复联系</translation>
    </message>
    <message>
        <location filename="../wording.py" line="53" />
        <source>repeated failure</source>
        <translation>反复未解决</translation>
    </message>
    <message>
        <location filename="../wording.py" line="54" />
        <source>chargeback</source>
        <translation>拒付/退单</translation>
    </message>
    <message>
        <location filename="../wording.py" line="55" />
        <source>vulnerable customer</source>
        <translation>弱势客户</translation>
    </message>
    <message>
        <location filename="../wording.py" line="56" />
        <source>privacy breach</source>
        <translation>隐私泄露</translation>
    </message>
    <message>
        <location filename="../wording.py" line="57" />
        <source>asks for a manager</source>
        <translation>要求找主管</translation>
    </message>
    <message>
        <location filename="../wording.py" line="58" />
        <source>money lost</source>
        <translation>资金损失</translation>
    </message>
    <message>
        <location filename="../wording.py" line="59" />
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
    <message>
        <location filename="../first_start.py" line="21" />
        <source>Welcome to kbassist</source>
        <translation>欢迎使用 kbassist</translation>
    </message>
    <message>
        <location filename="../first_start.py" line="22" />
        <source>Your name, as replies should sign it (Settings can change it later):</source>
        <translation>回复中署名用的姓名（之后可在设置中修改）：</translation>
    </message>
</context>
</TS>