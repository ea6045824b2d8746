"""Escalation as the agent sees it: lexicon and the folder's learned models, each category in zh and en."""
from __future__ import annotations

import pytest
from kbfixtures import write_folder

from kbassist.assistant import Assistant
from kbassist.settings import Settings

# One clear message per category and language, and near misses that must stay calm.
ESCALATE = {
    "anger": ("This is the worst service I have ever had, you are all completely useless and I am furious.",
              "你们这服务简直烂透了，我真的气炸了，一群废物。"),
    "complaint_threat": ("If this is not fixed today I am reporting you to the consumer protection agency.",
                         "今天不解决我就去12315投诉你们，再发微博曝光。"),
    "legal": ("My lawyer will be in touch, this is a clear breach of contract and I will see you in court.",
              "我已经咨询律师了，准备起诉你们违约。"),
    "chargeback": ("I'm calling my bank to dispute the payment and have them reverse the charge.",
                   "我要让信用卡中心拒付这笔钱，直接找银行追回来。"),
    "safety": ("The charger started smoking and burned my son's hand, this thing is dangerous.",
               "充电器冒烟还烫伤了我孩子的手，太危险了。"),
    "churn": ("I'm done with you, close my account today, I'm moving to your competitor.",
              "我受够了，马上给我销户，以后再也不用你们家的东西。"),
    "repeated_failure": ("This is the third time I'm contacting you and the replacement broke again, nobody ever calls back.",
                         "这是我第三次联系你们了，换的新机又坏了，一直没人回电话。"),
    "vulnerable": ("My elderly mother relies on this medical alarm and it has been dead for days, she lives alone and I'm scared.",
                   "我妈妈八十多岁一个人住，就靠这个呼叫器，坏了好几天了，我真的很害怕。"),
    "privacy_breach": ("Your app showed me another customer's address and phone number, my data could be leaked too.",
                       "你们App里能看到别人的地址和电话，我的个人信息是不是也被泄露了？"),
    "manager_demand": ("I don't want to talk to you anymore, put your supervisor on right now.",
                       "别跟我说这些，马上让你们主管来跟我说话。"),
    "money_loss": ("You charged me twice and the money has been gone for three weeks, I want compensation.",
                   "扣了我两次钱，三个星期了还不退，必须给我赔偿。"),
}
CALM = (
    "Hi, could you tell me how long a refund takes to reach my card?",
    "I'm not looking to complain, I just want to know how to change my delivery address.",
    "Please cancel order 1234, I ordered the wrong colour. Thanks!",
    "Is there a child lock on the charger? Just checking before I buy one.",
    "THANK YOU!!! The new reader works perfectly now!",
    "请问退款一般几天到账？",
    "不是要投诉哈，就想问下怎么修改收货地址。",
    "麻烦帮我取消一下这个订单，拍错颜色了，谢谢。",
    "这个读卡器有没有儿童锁？买之前想问问。",
    "太好了！！新的读卡器已经能用了，谢谢你们！",
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = write_folder(tmp_path_factory.mktemp("kb") / "kb")
    with Assistant(folder, tmp_path_factory.mktemp("index"), settings=Settings(embedder="use-multilingual")) as opened:
        opened.update()
        opened.calibrate()  # trains the folder's escalation models too
        yield opened


@pytest.mark.parametrize("category", sorted(ESCALATE))
def test_each_category_escalates_in_english_and_chinese_and_says_why(assistant, category):
    for message in ESCALATE[category]:
        verdict = assistant.escalation.judge(message)
        assert verdict.escalate, (category, message, verdict)
        assert verdict.reasons, message


@pytest.mark.parametrize("message", CALM)
def test_near_misses_stay_calm(assistant, message):
    verdict = assistant.escalation.judge(message)
    assert not verdict.escalate, (message, verdict)


def test_without_trained_models_the_lexicon_decides_alone(tmp_path):
    folder = write_folder(tmp_path / "kb")
    with Assistant(folder, tmp_path / "index", settings=Settings(embedder="use-multilingual")) as fresh:
        fresh.update()
        verdict = fresh.escalation.judge("My lawyer will be in touch about this.")
        assert verdict.escalate and verdict.probability == 0.0
        assert any(r.code == "legal" for r in verdict.reasons)
