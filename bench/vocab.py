"""Word lists and sentence templates the folder generator draws from.

Kept apart from `generate.py` because this is data, not logic: a product
family, a problem and a model number name one topic, and every sentence of
an article is a template filled from that topic. Each problem has several
phrasings per language; articles use some of them and the generated queries
use the others, so a query is a paraphrase rather than a copy, and the
model numbers and error codes give keyword search something exact to find.
"""
from __future__ import annotations

# (slug, English name, Chinese name, model prefix)
FAMILIES = [
    ("smart-lock", "smart lock", "智能门锁", "SL"),
    ("robot-vacuum", "robot vacuum", "扫地机器人", "RV"),
    ("router", "Wi-Fi router", "无线路由器", "WR"),
    ("earbuds", "wireless earbuds", "无线耳机", "EB"),
    ("smartwatch", "smartwatch", "智能手表", "SW"),
    ("e-reader", "e-reader", "电子阅读器", "ER"),
    ("printer", "printer", "打印机", "PR"),
    ("air-purifier", "air purifier", "空气净化器", "AP"),
    ("rice-cooker", "rice cooker", "电饭煲", "RC"),
    ("toothbrush", "electric toothbrush", "电动牙刷", "TB"),
    ("camera", "security camera", "监控摄像头", "CM"),
    ("speaker", "smart speaker", "智能音箱", "SP"),
    ("tablet", "tablet", "平板电脑", "TL"),
    ("power-bank", "power bank", "充电宝", "PB"),
    ("coffee-machine", "coffee machine", "咖啡机", "CF"),
    ("projector", "projector", "投影仪", "PJ"),
    ("e-bike", "e-bike", "电动自行车", "EV"),
    ("thermostat", "thermostat", "温控器", "TH"),
    ("doorbell", "video doorbell", "可视门铃", "DB"),
    ("dishwasher", "dishwasher", "洗碗机", "DW"),
    ("tv-box", "TV box", "电视盒子", "TV"),
    ("keyboard", "keyboard", "机械键盘", "KB"),
    ("monitor", "monitor", "显示器", "MN"),
    ("scale", "body scale", "体脂秤", "BS"),
]

# slug -> (tag, English phrasings, Chinese phrasings). The first two phrasings
# of each language go into titles and article questions; the rest only into
# generated queries.
PROBLEMS = {
    "no-power": ("hardware", ["won't turn on", "does not power on", "is dead and shows nothing", "stays black when I press the button"],
                 ["无法开机", "开不了机", "按电源键没反应", "完全没电一样黑屏"]),
    "battery-drain": ("battery", ["battery drains fast", "battery runs out quickly", "only lasts a few hours now", "loses charge overnight"],
                      ["电池掉电快", "电量消耗太快", "充满电用不了多久", "放一晚上电就没了"]),
    "wifi": ("network", ["can't connect to Wi-Fi", "fails to join the wireless network", "won't go online", "keeps saying network not found"],
             ["连不上WiFi", "无法连接无线网络", "联不上网", "一直提示找不到网络"]),
    "firmware": ("update", ["firmware update failed", "update gets stuck", "stuck on updating", "upgrade stops halfway"],
                 ["固件升级失败", "更新卡住了", "升级到一半不动了", "一直显示正在更新"]),
    "app-pairing": ("app", ["app can't find the device", "won't show up in the app", "app says no device nearby", "can't add it in the app"],
                    ["App找不到设备", "在App里搜不到", "手机应用添加不了设备", "App提示附近没有设备"]),
    "noise": ("hardware", ["makes a strange noise", "is very loud and rattles", "buzzing sound", "clicking noise when running"],
              ["有异响", "噪音很大", "一直嗡嗡响", "运行时咔咔响"]),
    "error-code": ("error", ["shows an error code", "displays an error", "error message on screen", "blinking red error"],
                   ["显示错误代码", "屏幕报错", "提示故障码", "红灯闪烁报错"]),
    "overheating": ("hardware", ["gets very hot", "is overheating", "too hot to touch", "shuts down because of heat"],
                    ["发热严重", "温度过高", "烫手", "过热自动关机"]),
    "factory-reset": ("setup", ["factory reset", "reset to factory settings", "wipe it and start over", "restore default settings"],
                      ["恢复出厂设置", "重置设备", "清除所有数据重新开始", "还原默认设置"]),
    "bluetooth": ("network", ["Bluetooth pairing fails", "won't pair over Bluetooth", "Bluetooth keeps disconnecting", "phone can't see it in Bluetooth"],
                  ["蓝牙配对失败", "蓝牙连不上", "蓝牙老是断开", "手机蓝牙搜不到"]),
    "charging": ("battery", ["not charging", "won't charge", "charger light stays off", "charging stops at 80 percent"],
                 ["无法充电", "充不进电", "充电指示灯不亮", "充到一半就停了"]),
    "screen": ("hardware", ["screen flickers", "display is flickering", "screen goes dim by itself", "lines across the display"],
               ["屏幕闪烁", "屏幕一闪一闪", "屏幕自己变暗", "显示屏有横线"]),
    "return": ("returns", ["return the item", "send it back for a return", "I want to return it", "how to get a return label"],
               ["退货", "申请退货", "不想要了想退", "退货怎么寄回"]),
    "refund": ("billing", ["refund status", "when will I get my refund", "refund has not arrived", "money not back yet"],
               ["退款进度", "退款什么时候到账", "退款还没收到", "钱还没退回来"]),
    "warranty": ("warranty", ["warranty claim", "repair under warranty", "is it still covered by warranty", "free repair within guarantee"],
                 ["保修申请", "在保修期内维修", "还在保修吗", "保修期内免费修"]),
    "delivery": ("shipping", ["delivery is delayed", "order has not arrived", "parcel is late", "tracking not updated for days"],
                 ["物流延迟", "订单还没到", "快递太慢了", "物流信息好几天没更新"]),
    "missing-parts": ("shipping", ["missing parts in the box", "accessory missing", "box came without the cable", "something is missing from the package"],
                      ["配件缺失", "少了配件", "包装里没有线", "收到的东西缺件"]),
    "invoice": ("billing", ["request an invoice", "need a VAT invoice", "get a receipt for the order", "company invoice for my purchase"],
                ["开发票", "申请增值税发票", "要订单收据", "公司报销开票"]),
    "spare-part": ("parts", ["buy a replacement part", "order a spare part", "replace a broken part", "where to get a new filter or brush"],
                   ["更换配件", "购买备用配件", "换一个坏掉的零件", "哪里买新的滤网刷头"]),
    "subscription": ("billing", ["cancel the subscription", "stop the monthly plan", "turn off auto renewal", "charged again for the plan"],
                     ["取消订阅", "停止包月服务", "关闭自动续费", "又被扣了会员费"]),
    "account-locked": ("account", ["account is locked", "can't log in to my account", "too many password attempts", "verification code never comes"],
                       ["账号被锁", "账号登录不了", "密码输错太多次", "收不到验证码"]),
    "voice": ("app", ["voice assistant does not respond", "voice commands don't work", "doesn't hear me", "wake word not recognised"],
              ["语音助手没反应", "语音控制不好使", "听不到我说话", "唤醒词识别不了"]),
    "schedule": ("setup", ["schedule does not run", "timer not working", "scheduled task skipped", "starts at the wrong time"],
                 ["定时不工作", "预约功能失效", "定时任务没有执行", "启动时间不对"]),
    "offline": ("network", ["goes offline often", "keeps dropping offline", "shows offline in the app", "connection lost every hour"],
                ["频繁掉线", "老是离线", "App里显示离线", "每小时断一次连接"]),
}

# How an article's own questions are phrased ({p} problem, {f} family, {m} model).
QUESTION_FRAMES = {
    "en": ["my {f} {p}", "{m} {p}, what should I do?", "why does my {f} say it {p}", "how do I fix a {f} that {p}",
           "{p} on the {m}", "what to do when the {f} {p}"],
    "zh": ["我的{f}{p}", "{m}{p}怎么办", "{f}{p}是什么原因", "{f}{p}怎么处理", "{m}{p}了", "请问{f}{p}该怎么解决"],
}

# How generated queries are phrased: chat-like, different from the questions. Each
# names the model: without it a query would fit every article of that family and problem.
QUERY_FRAMES = {
    "en": ["hi, my {m} {p}. help?", "{m} {f} {p} since yesterday", "hello i have a {f} ({m}) and it {p}",
           "{p} - {m}", "any idea why the {f} {p}? it is a {m}", "customer says their {f} {p}, model {m}"],
    "zh": ["你好，我的{m}{p}", "{m}{f}昨天开始{p}", "买的{f}{p}，型号{m}", "{m} {p} 怎么弄", "客户说{f}{p}，型号是{m}", "为什么{m}会{p}"],
}

SECTION_HEADINGS = {
    "en": ["Symptoms", "Likely causes", "Steps to fix it", "If it still does not work", "What to tell the customer",
           "Refunds and compensation", "Notes for agents", "Before you start", "Checking the model and version"],
    "zh": ["问题现象", "可能原因", "处理步骤", "仍未解决时", "如何回复客户", "退款与补偿", "客服注意事项", "开始之前", "确认型号和版本"],
}

ACTIONS = {
    "en": ["hold the power button for {n} seconds", "unplug it for {n} minutes", "open the app and go to Settings > Device",
           "check that the firmware is version {v}", "move it closer to the router", "clean the contacts with a dry cloth",
           "charge it for at least {n} minutes", "sign out of the app and sign in again", "restart the phone",
           "check the order status under Me > Orders", "send a photo of the label", "note the serial number on the back"],
    "zh": ["长按电源键{n}秒", "断电{n}分钟后再插上", "打开App进入设置>设备", "确认固件版本是{v}", "把设备移到离路由器近一点的地方",
           "用干布擦拭触点", "至少充电{n}分钟", "退出App账号后重新登录", "重启手机", "在我的>订单里查看订单状态",
           "拍一张标签的照片发过来", "记下背面的序列号"],
}

SENTENCES = {
    "en": [
        "If the {f} {p}, first {a}.", "Ask the customer to {a}, then {a2}.", "Most {f} cases are solved once the customer is able to {a}.",
        "Error {e} on the {m} usually means the {part} needs attention.", "Do not promise a replacement before the {part} has been checked.",
        "The {m} ships with firmware {v}; older units may need an update first.", "Refunds are paid back to the original payment method within {n} working days.",
        "A unit under warranty can be repaired for free within {n} months of purchase.", "If error {e} comes back after a reset, open a repair ticket.",
        "Customers on the Plus plan get a replacement {part} shipped within {n} days.", "Check whether the {part} is seated correctly and not damaged.",
        "The status light blinks {color} while the {f} is in pairing mode.", "Write the error code ({e}) and the serial number in the ticket.",
        "For models older than the {m}, the menu is under Settings > Advanced.", "Tell the customer politely that this can take up to {n} hours.",
        "Escalate to the second line if the customer has already tried this {n} times.", "The {part} is a wear part and is not covered after {n} months.",
        "Remote diagnostics are available when the {f} is online.", "Some customers report that the {f} {p} after a power cut.",
    ],
    "zh": [
        "如果{f}{p}，请先{a}。", "请客户{a}，然后{a2}。", "大部分{f}的问题在客户{a}之后就能解决。",
        "{m}出现错误码{e}通常说明{part}需要检查。", "在检查{part}之前不要承诺换新。", "{m}出厂固件为{v}，较早的设备可能需要先升级。",
        "退款会在{n}个工作日内原路退回。", "保修期内的设备在购买后{n}个月内可免费维修。", "如果重置后仍出现错误码{e}，请创建维修工单。",
        "Plus会员可在{n}天内收到更换的{part}。", "检查{part}是否安装到位、有无损坏。", "{f}处于配对模式时指示灯会{color}闪烁。",
        "请在工单中填写错误码（{e}）和序列号。", "对于比{m}更早的型号，菜单在设置>高级里。", "请礼貌地告诉客户，这可能需要最多{n}小时。",
        "如果客户已经尝试了{n}次，请转交二线处理。", "{part}属于易损件，{n}个月后不在保修范围内。", "{f}在线时可以使用远程诊断。",
        "有客户反映停电之后{f}{p}。",
    ],
}

PARTS = {
    "en": ["battery", "charging cable", "filter", "main board", "motor", "sensor", "power adapter", "hinge", "brush", "speaker unit"],
    "zh": ["电池", "充电线", "滤网", "主板", "电机", "传感器", "电源适配器", "转轴", "刷头", "扬声器"],
}
COLORS = {"en": ["blue", "red", "green", "white", "orange"], "zh": ["蓝色", "红色", "绿色", "白色", "橙色"]}

REPLY_OPENERS = {
    "en": ["Hi {{customer_name|there}}, thanks for reaching out about your {m}.",
           "Hello {{customer_name}}, sorry to hear the {f} {p}.",
           "Hi {{customer_name|there}}, I checked order {{order_id}} for you."],
    "zh": ["{{customer_name|您}}好，感谢您联系我们关于{m}的问题。", "{{customer_name}}您好，很抱歉您的{f}{p}。",
           "{{customer_name|您}}好，我帮您查了订单{{order_id}}。"],
}
REPLY_CLOSERS = {
    "en": ["If it still happens, reply here and we will arrange a {{service|repair}} within {{days|3}} days.",
           "Your ticket number is {{ticket_id}}; we will update you by {{date}}."],
    "zh": ["如果问题仍然存在，请回复我们，我们会在{{days|3}}天内安排{{service|维修}}。", "您的工单号是{{ticket_id}}，我们会在{{date}}前给您答复。"],
}

OWNERS = ["ana", "marco", "priya", "linwei", "zhoujie", "emma", "tomas", "mei"]

# Out-of-scope queries: nothing in a generated folder answers them.
OOS_QUERIES = {
    "en": ["what's the weather in paris tomorrow", "can you recommend a good pizza place", "who won the football game last night",
           "how do i file my income taxes", "translate this poem into french", "best hiking trails near the lake"],
    "zh": ["明天北京天气怎么样", "推荐一家好吃的火锅店", "昨晚球赛谁赢了", "个人所得税怎么申报", "帮我写一首关于春天的诗", "周末去哪里爬山比较好"],
}
