"""`kbassist review` end to end, in-process with click's CliRunner."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from test_review_rules import kb_article

from kbassist.assist.history import History, default_history_path
from kbassist.cli import cli as kbassist_cli
from kbassist.review import state_dir_for

D = dt.date(2026, 3, 2)


@pytest.fixture
def cli():
    return kbassist_cli


@pytest.fixture
def kb(tmp_path):
    folder = tmp_path / "kb"
    kb_article(folder, "old.md", title="Old card article", owner="ana", lang="en", reviewed=dt.date(2025, 1, 1))
    kb_article(folder, "old.zh.md", title="旧文章", owner="chen", lang="zh", translation_of="old",
               reviewed=dt.date(2026, 2, 1))
    kb_article(folder, "links.md", "# Links\n\nSee [[nowhere]].\n", title="Links", owner="bo", lang="en",
               reviewed=dt.date(2026, 2, 1))
    kb_article(folder, "wip.md", title="Draft", owner="bo", lang="en", status="draft")
    return folder


def run(cli, *args, state=None, **kwargs):
    extra = ["--state-dir", str(state)] if state else []
    result = CliRunner().invoke(cli, ["review", *map(str, args), *extra], **kwargs)
    return result


def review_json(cli, kb, tmp_path, as_of, *args):
    result = run(cli, kb, "--as-of", as_of, "--json", "--embedder", "none", *args, state=tmp_path / "state")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_report_has_the_documented_shape(cli, kb, tmp_path):
    data = review_json(cli, kb, tmp_path, D)
    assert data["as_of"] == "2026-03-02"
    by_id = {a["id"]: a for a in data["articles"]}
    assert set(by_id) == {"old", "links"}
    assert set(by_id["old"]) >= {"id", "title", "owner", "path", "reasons"}
    assert by_id["old"]["owner"] == "ana" and by_id["old"]["path"] == "old.md"
    assert by_id["links"]["reasons"][0]["code"] == "broken_link:nowhere"
    assert set(by_id["links"]["reasons"][0]) >= {"code", "detail"}
    assert [m["id"] for m in data["missing_translation"]] == ["links", "wip"]
    assert data["content_gaps"] == []
    assert [d["id"] for d in data["drafts"]] == ["wip"]


@pytest.mark.parametrize("name", ["review.md", "review.html"])
def test_written_report_groups_articles_by_owner_and_by_reason(cli, kb, tmp_path, name):
    out = tmp_path / name
    result = run(cli, kb, "--as-of", D, "--embedder", "none", "--out", out, state=tmp_path / "state")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o600  # content gaps quote (masked) customer messages
    for expected in ("By reason", "By owner", "ana (1)", "bo (1)", "review_overdue", "broken_link",
                     "Old card article", "Missing translation", "Drafts"):
        assert expected in text
    if name.endswith(".html"):
        assert text.startswith("<!DOCTYPE html>") and "<style>" in text and "<script" not in text


def test_next_weeks_report_shows_new_and_resolved_articles(cli, kb, tmp_path):
    assert review_json(cli, kb, tmp_path, D)["changes"] is None
    marked = run(cli, kb, "--mark-reviewed", "old", "--date", D, state=tmp_path / "state")
    assert marked.exit_code == 0 and "marked old reviewed on 2026-03-02" in marked.output
    kb_article(kb, "new.md", "# New\n\n[[gone]]\n", title="New", owner="ana", lang="en", reviewed=D)
    later = review_json(cli, kb, tmp_path, D + dt.timedelta(days=7))
    # marking the source reviewed leaves its translation behind it
    assert later["changes"] == {"previous_as_of": "2026-03-02", "new": ["new", "old.zh"], "resolved": ["old"]}
    rerun = review_json(cli, kb, tmp_path, D + dt.timedelta(days=7))
    assert rerun["changes"]["previous_as_of"] == "2026-03-02"  # a same-day rerun compares with last week


def test_snoozed_article_is_hidden_until_its_date_but_still_counted(cli, kb, tmp_path):
    snoozed = run(cli, kb, "--snooze", "old", "--days", 7, "--as-of", D, state=tmp_path / "state")
    assert snoozed.exit_code == 0 and "until 2026-03-09" in snoozed.output
    during = review_json(cli, kb, tmp_path, D + dt.timedelta(days=6))
    assert [a["id"] for a in during["articles"]] == ["links"]
    assert [a["id"] for a in during["snoozed"]] == ["old"]
    after = review_json(cli, kb, tmp_path, D + dt.timedelta(days=7))
    assert {a["id"] for a in after["articles"]} == {"old", "links"}


def test_snooze_without_days_is_a_usage_error_and_unknown_ids_are_refused(cli, kb, tmp_path):
    assert run(cli, kb, "--snooze", "old", state=tmp_path / "state").exit_code == 2
    unknown = run(cli, kb, "--mark-reviewed", "nope", state=tmp_path / "state")
    assert unknown.exit_code == 1 and "no article with id 'nope'" in unknown.output


def test_state_lives_in_the_data_dir_when_no_state_dir_is_given(cli, kb, tmp_path, monkeypatch):
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(tmp_path / "data"))
    result = run(cli, kb, "--as-of", D, "--embedder", "none")
    assert result.exit_code == 0, result.output
    assert state_dir_for(kb) == tmp_path / "data" / "review" / state_dir_for(kb).name
    assert (state_dir_for(kb) / "reports.json").exists()


def test_unanswered_messages_in_the_history_log_become_content_gaps(cli, kb, tmp_path):
    log = History(default_history_path())  # the app's log, in this test's KBASSIST_DATA_DIR
    for _ in range(3):
        log.record_suggest("en", False, True, "do you ship to mars")
    log.record_suggest("en", False, False, "where is my card")
    log.close()
    result = run(cli, kb, "--json", "--embedder", "hash", state=tmp_path / "state")
    assert result.exit_code == 0, result.output
    (gap,) = json.loads(result.output)["content_gaps"]
    assert (gap["count"], gap["examples"], gap["previous"]) == (3, ["do you ship to mars"], 0)
    assert gap["nearest"]  # the closest article, whatever it is, so an editor sees where such customers were sent


def test_index_dir_is_used_and_every_overrides_the_default_interval(cli, kb, tmp_path):
    index = tmp_path / "index"
    data = review_json(cli, kb, tmp_path, D, "--index-dir", index, "--every", 500)
    assert (index / "current" / "store.sqlite3").exists()
    assert {a["id"] for a in data["articles"]} == {"links"}  # "old" (reviewed 2025-01-01) is not due yet


def test_unknown_snooze_id_is_refused(cli, kb, tmp_path):
    result = run(cli, kb, "--snooze", "nope", "--days", 3, state=tmp_path / "state")
    assert result.exit_code == 1 and "no article with id 'nope'" in result.output


def test_corrupt_state_file_is_set_aside_with_a_warning_and_the_review_still_runs(cli, kb, tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    (state / "reports.json").write_text("{not json", encoding="utf-8")
    result = run(cli, kb, "--as-of", D, "--embedder", "none", state=state)
    assert result.exit_code == 0
    assert "unreadable review state" in result.output
    assert (state / "reports.json.bad").read_text(encoding="utf-8") == "{not json"
