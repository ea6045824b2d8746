"""`kbassist suggest` end to end, in-process with click's CliRunner, on the real embedder."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_suggest import write_kb

from kbassist.cli.main import cli
from kbassist.settings import Settings, save_settings

ANGRY = "This is ridiculous!!! My new card never arrived, order LH20260512. I will talk to my lawyer."


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Settings and the history log of each test live in its tmp dir, never the user's."""
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KBASSIST_CONFIG_DIR", str(tmp_path / "config"))
    save_settings(Settings(agent_name="Mia", known_values={"company": "Lumen Home"}))


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return write_kb(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("index")


def suggest(kb, index_dir, *args, **kwargs):
    result = CliRunner().invoke(cli, ["suggest", str(kb), *args, "--index-dir", str(index_dir)], **kwargs)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_output_has_the_documented_shape(kb, index_dir):
    data = json.loads(suggest(kb, index_dir, ANGRY, "--json", "--no-log"))
    assert data["escalate"] is True
    assert all(set(r) == {"code", "evidence"} for r in data["escalation_reasons"])
    assert data["no_answer"] is False
    top = data["suggestions"][0]
    assert {"article_id", "title", "heading", "score", "lang", "replies"} <= set(top)
    assert top["article_id"] == "cards/card-arrival"
    reply = top["replies"][0]
    assert {"title", "lang", "text", "placeholders", "warnings"} <= set(reply)
    assert all(set(p) == {"name", "default", "value", "guessed", "label"} for p in reply["placeholders"])
    order = next(p for p in reply["placeholders"] if p["name"] == "order_id")
    assert (order["value"], order["guessed"]) == ("LH20260512", True)
    agent = next(p for p in reply["placeholders"] if p["name"] == "agent_name")
    assert (agent["value"], agent["guessed"]) == ("Mia", False)


def test_message_is_read_from_stdin_with_a_dash(kb, index_dir):
    data = json.loads(suggest(kb, index_dir, "-", "--json", "--no-log", input="客户: 忘记密码了，登录不了怎么办？\n"))
    top = data["suggestions"][0]
    assert top["article_id"] == "account/password"
    assert top["replies"][0]["lang"] == "zh"


def test_batch_prints_one_json_result_a_line_in_input_order(kb, index_dir, tmp_path):
    batch = tmp_path / "messages.jsonl"
    lines = [
        json.dumps({"query": "Where is my new card?"}),
        json.dumps({"message": "我忘记密码了"}, ensure_ascii=False),
        json.dumps("When will I get my refund money back?"),
        "",
        json.dumps({"text": "no query key"}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [json.loads(line) for line in suggest(kb, index_dir, "--batch", str(batch), "--no-log").splitlines()]
    assert [row["line"] for row in rows] == [1, 2, 3, 5]
    assert [row["suggestions"][0]["article_id"] for row in rows[:3]] == [
        "cards/card-arrival", "account/password", "billing/refund-time"]
    assert "error" in rows[3] and "suggestions" not in rows[3]


def test_human_output_shows_the_escalation_banner_then_the_first_reply_filled(kb, index_dir):
    out = suggest(kb, index_dir, ANGRY, "--no-log")
    first, *rest = out.splitlines()
    assert first.startswith("ESCALATE") and "legal" in first
    assert "My new bank card has not arrived" in out
    assert "Mia from Lumen Home" in out and "LH20260512" in out
    assert "order_id=LH20260512" in out  # the guess is named so the agent confirms it


def test_calm_question_says_no_escalation(kb, index_dir):
    assert suggest(kb, index_dir, "Where is my new card?", "--no-log").startswith("No escalation")


def test_suggestions_are_logged_unless_no_log(kb, index_dir, tmp_path):
    log = tmp_path / "data" / "history.sqlite3"
    suggest(kb, index_dir, "Where is my new card?", "--no-log")
    assert not log.exists()
    data = json.loads(suggest(kb, index_dir, "Where is my new card?", "--json"))
    assert log.exists() and data["event_id"] > 0


def test_message_or_batch_is_required():
    result = CliRunner().invoke(cli, ["suggest", "."])
    assert result.exit_code == 2 and "MESSAGE" in result.output
