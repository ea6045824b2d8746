"""`kbassist history`: the owner sees what is kept (masked), exports it, erases it; nothing plain on disk."""
from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_suggest import write_kb

from kbassist.assist.history import History, default_history_path
from kbassist.cli.main import cli

WORD = "zorblaxquintessa"


class Clock:
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


def run(*args: str, **kwargs) -> str:
    result = CliRunner().invoke(cli, ["history", *args], **kwargs)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def logged() -> History:
    """The user's log (in this test's KBASSIST_DATA_DIR) with two days of suggestions."""
    clock = Clock(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3))
    log = History(default_history_path(), clock=clock)
    log.record_suggest("zh", False, True, "我叫李明，手机13812345678，能开发票吗")
    clock.when += dt.timedelta(days=2)
    event = log.record_suggest("en", True, False, "I will sue you, call 555-123-4567")
    log.record_copy(event, "legal/complaints", "Complaint received")
    log.close()
    return log


def test_history_json_shows_every_suggestion_masked_with_its_copies(logged):
    first, second = json.loads(run("--json"))
    assert first["text"] == "我叫[name]，手机[phone]，能开发票吗" and first["no_answer"] is True
    assert second["text"] is None and second["escalated"] is True
    assert second["copies"][0]["article_id"] == "legal/complaints"


def test_history_table_says_where_the_key_is_and_since_filters(logged):
    out = run()
    assert "encrypted, key in the OS keyring" in out and "我叫[name]" in out
    since = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)).date().isoformat()
    assert [e["lang"] for e in json.loads(run("--json", "--since", since))] == ["en"]


def test_export_writes_ones_own_log_readable_only_by_its_owner(logged, tmp_path):
    target = tmp_path / "mine.json"
    run("--export", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(run("--json"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_clear_asks_first_then_erases_the_log(logged):
    refused = CliRunner().invoke(cli, ["history", "--clear"], input="n\n")
    assert refused.exit_code == 1 and len(json.loads(run("--json"))) == 2
    assert "history cleared" in run("--clear", input="y\n")
    assert json.loads(run("--json")) == []
    assert b"legal/complaints" not in default_history_path().read_bytes()


def test_a_suggestion_leaves_no_plain_text_under_the_data_or_index_folder(tmp_path, monkeypatch):
    """The issue's check: an unanswerable message with a unique word, then grep every file."""
    data, index = tmp_path / "empty-data", tmp_path / "index"
    data.mkdir()
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(data))
    kb = write_kb(tmp_path / "kb")
    message = f"Can I pay for the {WORD} upgrade with seashells? My card 4111 1111 1111 1111"
    result = CliRunner().invoke(cli, ["suggest", str(kb), message, "--index-dir", str(index), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["no_answer"] is True
    (kept,) = json.loads(run("--json"))
    assert WORD in kept["text"] and "[card]" in kept["text"]
    files = [p for folder in (data, index) for p in Path(folder).rglob("*") if p.is_file()]
    card = (b"4111111111111111", b"4111 1111 1111 1111")
    assert files and not [p for p in files if WORD.encode() in p.read_bytes() or any(c in p.read_bytes() for c in card)]
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in data.rglob("*") if p.is_file())
