"""How a drill turns a listed question into a customer message: rewrite rules and templates, zh and en.

Data, not logic: `scenarios` applies them. Each emotional or escalation
template says whether a lead should take the conversation over (the right
answer the trainee is scored on) and why, in words a trainee can learn from.
"""
from __future__ import annotations

from types import MappingProxyType

# (pattern, replacement) applied to the lower-cased question: one rewrite a drill, chosen at random.
REWRITES = MappingProxyType({
    "en": ((r"\bhow do i\b", "how can i"), (r"\bhow do i\b", "what's the way to"), (r"\bcan i\b", "is it possible to"),
           (r"\bi want to\b", "i'd like to"), (r"\bwhere is\b", "where's"), (r"\bdon't\b", "do not"),
           (r"\bhaven't\b", "have not"), (r"\bwhat is\b", "what's"), (r"\?$", "")),
    "zh": ((r"怎么", "如何"), (r"怎么", "要怎么"), (r"可以", "能不能"), (r"吗[？?]?$", "吗？"),
           (r"多久", "多长时间"), (r"在哪", "在哪里"), (r"[？?]$", "")),
})
OPENERS = MappingProxyType({
    "en": ("", "hi, ", "hello! ", "quick question: ", "hey there, ", "good morning, "),
    "zh": ("", "你好，", "在吗？", "请问", "您好，", "麻烦问下，"),
})
CLOSERS = MappingProxyType({
    "en": ("", " thanks", " please", " thank you!", " asap"),
    "zh": ("", "，谢谢", "？", "，麻烦了", "，急"),
})
# A pasted chat: the question is the customer's last turn.
TRANSCRIPTS = MappingProxyType({
    "en": ("Customer: hi\nAgent: Hello, how can I help you today?\nCustomer: {q}",
           "[10:02] Customer: hello?\n[10:03] Agent: Hi! What can I do for you?\n[10:04] Customer: {q}"),
    "zh": ("客户：你好\n客服：您好，请问有什么可以帮您？\n客户：{q}",
           "[10:02] 客户：在吗\n[10:03] 客服：在的，请问有什么问题？\n[10:04] 客户：{q}"),
})
# (template, escalate, why): annoyed customers stay with the agent; threats, abuse and "fed up" go to a lead.
EMOTIONAL = MappingProxyType({
    "en": (("This is the second time I'm asking. {q}", False,
            "the customer is annoyed (a second request) but only needs the answer"),
           ("{q} Honestly a bit frustrated.", False, "mild frustration: answer it well, no lead needed"),
           ("{q} Please, I've been waiting a while.", False, "impatient but polite: answer quickly")),
    "zh": (("这是我第二次问了，{q}", False, "客户有点不耐烦（第二次询问），但只需要答案"),
           ("{q} 有点着急", False, "客户有点着急：好好回答即可，不必转交"),
           ("{q} 等了好久了，麻烦快点", False, "不耐烦但有礼貌：尽快回答")),
})
ESCALATION = MappingProxyType({
    "en": (("{q} This is the third time I'm writing and I'm fed up. If it isn't fixed today I'll file a complaint "
            "with the regulator.", True, "a third contact, 'fed up' and a threat to complain to a regulator"),
           ("I'm furious. {q} Sort it out now or I'm calling my lawyer.", True,
            "anger ('furious') and a legal threat ('my lawyer')"),
           ("{q} Your service is a joke. Cancel my account, I'm done with you!!!", True,
            "abuse, shouting and a customer about to leave")),
    "zh": (("{q} 我已经第三次联系你们了，受够了！今天不解决我就去12315投诉。", True,
            "第三次联系、“受够了”，并威胁向12315投诉"),
           ("气死我了！{q} 再不处理我就找律师起诉你们。", True, "愤怒（“气死我了”）并威胁起诉"),
           ("{q} 什么垃圾服务，我要销户，再也不用你们了！！！", True, "辱骂、情绪激烈，客户要流失")),
})
