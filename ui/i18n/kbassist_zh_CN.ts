<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentTab</name>
    <message>
        <location filename="../agent_tab.py" line="128" />
        <source>Hand this conversation to a lead: %1</source>
        <translation>请将此对话转交组长处理：%1</translation>
    </message>
    <message>
        <location filename="../agent_tab.py" line="131" />
        <source>Nothing in the knowledge base answers this confidently. The closest articles are listed: check before using them.</source>
        <translation>知识库中没有能可靠回答此问题的文章。下面列出最接近的文章，使用前请核对。</translation>
    </message>
</context>
<context>
    <name>ArticlesView</name>
    <message>
        <location filename="../insights_views.py" line="95" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="95" />
        <source>Most used (copies)</source>
        <translation>最常使用（复制次数）</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="96" />
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
        <location filename="../insights_views.py" line="46" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="46" />
        <source>Week before</source>
        <translation>上周</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="46" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="47" />
        <source>Examples (masked)</source>
        <translation>示例（已脱敏）</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="47" />
        <source>Nearest article</source>
        <translation>最接近的文章</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="52" />
        <source>Content gaps appear once the semantic model is ready.</source>
        <translation>语义模型就绪后显示内容缺口。</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="55" />
        <source>No content gaps this week.</source>
        <translation>本周没有内容缺口。</translation>
    </message>
</context>
<context>
    <name>InsightsTab</name>
    <message>
        <location filename="../insights_tab.py" line="57" />
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="57" />
        <source>By day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="59" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="61" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="72" />
        <source>KPIs</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="73" />
        <source>Content gaps</source>
        <translation>内容缺口</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="74" />
        <source>A/B wordings</source>
        <translation>A/B 话术</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="75" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="121" />
        <source>No numbers yet: open a knowledge folder.</source>
        <translation>暂无数据：请打开知识库文件夹。</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="128" />
        <source>%1 messages · %2 answered from the knowledge base · paste to copy %3 (median) · %4 escalated · %5 resolved</source>
        <translation>%1 条消息 · %2 由知识库回答 · 粘贴到复制 %3（中位数） · %4 转交 · %5 已解决</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="150" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="151" />
        <source>Paste to copy (seconds), target 5 minutes</source>
        <translation>粘贴到复制（秒），目标 5 分钟</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="152" />
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="152" />
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="154" />
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="155" />
        <source>Answered from the knowledge base</source>
        <translation>由知识库回答</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="156" />
        <source>copy rate</source>
        <translation>复制率</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="156" />
        <source>no answer</source>
        <translation>无答案</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="158" />
        <source>Escalations, line at 20 %</source>
        <translation>转交率，警戒线 20%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="159" />
        <source>escalated</source>
        <translation>已转交</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="160" />
        <source>after agents' corrections</source>
        <translation>经客服纠正后</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="161" />
        <source>20 %</source>
        <translation>20%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="162" />
        <source>Resolved on first contact, target 70 %</source>
        <translation>首次联系解决率，目标 70%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="163" />
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="163" />
        <source>70 %</source>
        <translation>70%</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="165" />
        <source>Customer sentiment</source>
        <translation>客户情绪</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="166" />
        <source>angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="166" />
        <source>annoyed</source>
        <translation>不满</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="187" />
        <source>Export Insights</source>
        <translation>导出数据洞察</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="188" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../insights_tab.py" line="195" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>InsightsWording</name>
    <message>
        <location filename="../insights_views.py" line="33" />
        <source>not enough data yet</source>
        <translation>数据尚不足</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="35" />
        <source>no difference yet</source>
        <translation>暂无差异</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="37" />
        <source>%1 better</source>
        <translation>%1 更好</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="37" />
        <source>%1 worse</source>
        <translation>%1 更差</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="40" />
        <source>copy rate</source>
        <translation>复制率</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="40" />
        <source>resolved rate</source>
        <translation>解决率</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="61" />
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="64" />
        <source>Insights</source>
        <translation>数据洞察</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="65" />
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100" />
        <source>&amp;Open folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="101" />
        <source>Recent folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="102" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="104" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106" />
        <source>&amp;Compact mode</source>
        <translation>紧凑模式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109" />
        <source>Always on &amp;top</source>
        <translation>窗口置顶(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112" />
        <source>&amp;Review queue</source>
        <translation>复审队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="114" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="115" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143" />
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164" />
        <source>Open knowledge folder</source>
        <translation>打开知识库文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178" />
        <source>Keyword search only — loading the semantic model…</source>
        <translation>仅关键词搜索 — 正在加载语义模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180" />
        <source>Keyword search only — semantic index %1/%2</source>
        <translation>仅关键词搜索 — 语义索引 %1/%2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>Indexing %1/%2 files</source>
        <translation>正在索引 %1/%2 个文件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>Keyword search only — semantic index loading…</source>
        <translation>仅关键词搜索 — 语义索引加载中…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>No folder open</source>
        <translation>未打开文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205" />
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209" />
        <source>Keyword search only — semantic index paused</source>
        <translation>仅关键词搜索 — 语义索引已暂停</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="215" />
        <source>Semantic search ready · %n articles</source>
        <translation><numerusform>语义搜索已就绪 · %n 篇文章</numerusform></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225" />
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
    <name>VariantsView</name>
    <message>
        <location filename="../insights_views.py" line="69" />
        <source>Reply / wording</source>
        <translation>回复 / 话术</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="69" />
        <source>Shown</source>
        <translation>展示</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="69" />
        <source>Copied</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="69" />
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="70" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="70" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="76" />
        <source>No reply with A/B wordings was shown yet.</source>
        <translation>尚未展示过带 A/B 话术的回复。</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="80" />
        <source>wording %1</source>
        <translation>话术 %1</translation>
    </message>
    <message>
        <location filename="../insights_views.py" line="85" />
        <source>difference %1, 95% CI %2 to %3</source>
        <translation>差异 %1，95% 置信区间 %2 至 %3</translation>
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