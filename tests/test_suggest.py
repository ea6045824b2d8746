"""What an agent sees for a customer message: verdict, articles, replies, warnings, and what is logged.

Runs on the real engine and the real default embedder over a small made-up
bilingual knowledge folder. The history log always lives in a tmp dir.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kbassist.assist.history import History
from kbassist.assistant import Assistant
from kbassist.embed.embedders import load_embedder
from kbassist.settings import Settings

AS_OF = dt.date(2026, 6, 1)
SETTINGS = Settings(agent_name="Mia", known_values={"company": "Lumen Home"})

ARTICLES = {
    "cards/card-arrival.md": """\
        ---
        title: My new bank card has not arrived
        lang: en
        product: debit-card
        reviewed: 2026-05-01
        questions:
          - Where is my new card?
          - The card you posted never came
        ---
        # Card delivery

        New debit cards are posted by standard mail and arrive within 5-7 working days.

        ## Still waiting after 7 days

        We block the card and send a replacement free of charge.

        ```reply title="Card on its way"
        Hi {{customer_name|there}}, your card for order {{order_id}} is in the post and arrives within
        {{days|5-7}} working days. Best wishes, {{agent_name}} from {{company}}
        ```
        """,
    "cards/card-arrival.zh.md": """\
        ---
        title: 新银行卡还没收到
        lang: zh
        translation_of: cards/card-arrival
        product: debit-card
        reviewed: 2026-05-01
        questions:
          - 我的新卡怎么还没到
          - 寄出的卡一直没收到
        ---
        # 卡片邮寄

        新借记卡通过平信寄出，一般5到7个工作日送达。

        ```reply title="卡片在途"
        {{customer_name|您好}}，订单 {{order_id}} 的卡片已经寄出，预计{{days|5-7}}个工作日送达。客服 {{agent_name}}
        ```
        """,
    "account/password.md": """\
        ---
        title: Reset a forgotten password
        lang: en
        reviewed: 2026-05-01
        questions:
          - I forgot my password and cannot log in
          - 忘记密码登录不了怎么办
        ---
        # Reset the password

        Tap "Forgot password" on the login screen and follow the e-mailed link within 30 minutes.

        ```reply title="Password reset (en)"
        Please tap "Forgot password" on the login screen; the link we e-mail you works for 30 minutes.
        ```

        ```reply title="重置密码 (zh)"
        请在登录页点击"忘记密码"，我们发送的邮件链接30分钟内有效。
        ```
        """,
    "returns/return-label.md": """\
        ---
        title: Print a return label for a parcel
        lang: en
        reviewed: 2026-05-01
        questions:
          - How do I print a return label to send an item back?
          - 怎么打印退货标签寄回商品
        ---
        # Return label

        Open the order, choose "Return an item" and print the label; drop the parcel at any post office.

        ```reply title="Return label"
        Open the order, choose "Return an item" and print the label, then drop the parcel at a post office.
        ```
        """,
    "returns/return-label.zh.md": """\
        ---
        title: 打印退货标签
        lang: zh
        status: draft
        translation_of: returns/return-label
        reviewed: 2026-05-01
        ---
        # 退货标签

        打开订单，选择"退货"，打印标签后到邮局寄出。

        ```reply title="退货标签"
        请打开订单，选择"退货"并打印标签，然后到任意邮局寄出包裹。
        ```
        """,
    "billing/refund-time.md": """\
        ---
        title: How long a refund takes to reach the bank account
        lang: en
        reviewed: 2025-01-10
        review_every: 30d
        questions:
          - When will I get my refund money back?
        ---
        # Refund timing

        Refunds reach the original payment method within 3-5 working days after the return is accepted.

        ```reply title="Refund timing"
        Your refund of {{refund_amount}} was issued and reaches your account within 3-5 working days.
        ```
        """,
}


@pytest.fixture(scope="module", autouse=True)
def private_dirs(tmp_path_factory):
    """Keep every log and setting of this module out of the user's real directories."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KBASSIST_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        mp.setenv("KBASSIST_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
        yield


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    """Each test gets its own history log, so what one test logs another never sees."""
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(tmp_path / "data"))


def write_kb(folder: Path) -> Path:
    for rel, text in ARTICLES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    return write_kb(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="module")
def embedder():
    return load_embedder("use-multilingual")


@pytest.fixture(scope="module")
def index_dir(kb, embedder, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("index")
    with Assistant(kb, directory, embedder=embedder, settings=SETTINGS) as assistant:
        assistant.update()
    return directory


@pytest.fixture
def assistant(kb, index_dir, embedder):
    """An Assistant on the shared index whose history log is this test's own."""
    with Assistant(kb, index_dir, embedder=embedder, settings=SETTINGS) as opened:
        yield opened


def history_of(data_dir: Path) -> History:
    return History(data_dir / "history.sqlite3")


def test_chinese_message_gets_the_chinese_reply_first_and_english_the_english_one(assistant):
    zh = assistant.suggest("忘记密码了，登录不了怎么办？", as_of=AS_OF)
    en = assistant.suggest("I forgot my password, how do I log in?", as_of=AS_OF)
    assert zh.suggestions[0].article_id == en.suggestions[0].article_id == "account/password"
    assert [r.lang for r in zh.suggestions[0].replies] == ["zh", "en"]
    assert [r.lang for r in en.suggestions[0].replies] == ["en", "zh"]
    assert not any(r.from_translation for r in zh.suggestions[0].replies)


def test_article_and_its_translation_take_one_slot_in_the_customers_language(assistant):
    zh = assistant.suggest("我的新卡怎么还没寄到？", as_of=AS_OF)
    en = assistant.suggest("Where is my new card? It never came.", as_of=AS_OF)
    assert zh.suggestions[0].article_id == "cards/card-arrival.zh"
    assert en.suggestions[0].article_id == "cards/card-arrival"
    for result in (zh, en):
        ids = [s.article_id for s in result.suggestions]
        assert not {"cards/card-arrival", "cards/card-arrival.zh"} <= set(ids)


def test_reply_borrowed_from_a_translation_is_marked_and_comes_first(assistant):
    result = assistant.suggest("怎么打印退货标签把东西寄回去？", as_of=AS_OF)
    top = result.suggestions[0]
    assert top.article_id == "returns/return-label"  # the Chinese translation is a draft, not searchable
    first, second = top.replies
    assert (first.lang, first.from_translation, first.article_id) == ("zh", True, "returns/return-label.zh")
    assert "article_draft" in [w.code for w in first.warnings]
    assert (second.lang, second.from_translation) == ("en", False)


def test_pasted_chat_with_agent_turns_and_greetings_finds_the_customers_question(assistant):
    chat = textwrap.dedent("""\
        [09:58] Agent Mia: Hello! I have sent you a link to reset your forgotten password.
        [09:59] Customer: hi 😊 thanks, that worked
        [10:00] Agent Mia: Great, anything else about your login or password?
        [10:01] Customer: yes, the new bank card you posted two weeks ago still has not arrived 📭
        """)
    result = assistant.suggest(chat, as_of=AS_OF)
    assert result.suggestions[0].article_id == "cards/card-arrival"
    assert "password" not in result.query and "Agent" not in result.query


def test_misspelt_message_finds_its_article_and_shows_what_was_searched(assistant):
    result = assistant.suggest("my new bank crad still has not arived", as_of=AS_OF)
    assert result.suggestions[0].article_id == "cards/card-arrival"
    assert result.query == "my new bank card still has not arrived"


def test_angry_message_escalates_with_reasons_and_still_finds_the_article(assistant):
    result = assistant.suggest(
        "This is RIDICULOUS!!! My new card never arrived after three weeks. I will report you to the "
        "consumer protection agency and talk to my lawyer.", as_of=AS_OF)
    assert result.triage.escalate
    codes = {r.code for r in result.triage.reasons}
    assert {"legal", "complaint_threat"} & codes
    assert all(r.evidence for r in result.triage.reasons)
    assert result.suggestions[0].article_id == "cards/card-arrival"


def test_placeholders_are_prefilled_from_settings_as_facts_and_from_the_message_as_guesses(assistant):
    result = assistant.suggest("My new card for order LH20260512 has not arrived yet", as_of=AS_OF)
    reply = result.suggestions[0].replies[0]
    values = {p.name: (p.value, p.guessed) for p in reply.placeholders}
    assert values["agent_name"] == ("Mia", False)
    assert values["company"] == ("Lumen Home", False)
    assert values["order_id"] == ("LH20260512", True)
    assert values["customer_name"] == (None, False)
    assert "Mia from Lumen Home" in reply.filled and "LH20260512" in reply.filled
    assert "Hi there" in reply.filled  # the default fills what nobody knows
    assert reply.warnings == ()


def test_overdue_article_warns_on_the_suggestion_and_its_reply_with_the_unfilled_placeholder(assistant):
    result = assistant.suggest("When will I get my refund money back?", as_of=AS_OF)
    top = result.suggestions[0]
    assert top.article_id == "billing/refund-time"
    assert [w.code for w in top.warnings] == ["article_overdue"]
    reply_codes = [w.code for w in top.replies[0].warnings]
    assert reply_codes == ["unfilled_placeholder", "article_overdue"]
    assert top.replies[0].warnings[0].detail == "refund_amount"


def test_fresh_article_has_no_stale_warning(assistant):
    result = assistant.suggest("Where is my new card?", as_of=AS_OF)
    assert result.suggestions[0].warnings == ()


def test_unanswerable_message_is_logged_masked_and_gets_no_confident_suggestion(assistant, tmp_path):
    result = assistant.suggest("Can you recommend a pizza place near the stadium? Call me on 13812345678",
                               as_of=AS_OF)
    assert result.no_answer
    assert all(not s.confident for s in result.suggestions)
    assert result.event_id > 0
    log = tmp_path / "data" / "history.sqlite3"
    (logged,) = history_of(tmp_path / "data").no_answer_messages()
    assert "pizza" in logged.text and "13812345678" not in logged.text
    assert b"13812345678" not in log.read_bytes()


def test_answered_message_is_counted_without_its_text(assistant, tmp_path):
    result = assistant.suggest("Where is my new card?", as_of=AS_OF)
    assert not result.no_answer and all(s.confident for s in result.suggestions)
    history = history_of(tmp_path / "data")
    stats = history.stats()
    assert (stats.suggestions, stats.no_answer, stats.by_lang) == (1, 0, (("en", 1),))
    assert history.no_answer_messages() == []


def test_a_copied_reply_is_logged_against_its_suggestion(assistant, tmp_path):
    result = assistant.suggest("I forgot my password", as_of=AS_OF)
    top = result.suggestions[0]
    assistant.record_copy(result.event_id, top.article_id, top.replies[0].title)
    assert history_of(tmp_path / "data").stats().copies == 1


def test_logging_disabled_writes_no_file(kb, index_dir, embedder, tmp_path):
    with Assistant(kb, index_dir, embedder=embedder, settings=SETTINGS.replace(logging_enabled=False)) as quiet:
        result = quiet.suggest("What is the meaning of life? 13812345678", as_of=AS_OF)
        quiet.record_copy(result.event_id, "cards/card-arrival", "Card on its way")
    assert result.event_id == 0
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("message", ["", "   \n ", "你好", "hi 👋😊"])
def test_blank_or_greeting_only_message_gives_an_empty_result_and_logs_nothing(assistant, tmp_path, message):
    result = assistant.suggest(message, as_of=AS_OF)
    assert result.empty and result.suggestions == () and not result.triage.escalate
    assert result.event_id == 0
    assert not (tmp_path / "data" / "history.sqlite3").exists()


def test_log_false_skips_the_log_for_one_call(assistant, tmp_path):
    assistant.suggest("Where is my new card?", as_of=AS_OF, log=False)
    assert not (tmp_path / "data" / "history.sqlite3").exists()

