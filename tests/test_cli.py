"""The command line, in-process with click's runner: exit codes, JSON shapes, help text."""
from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from kbassist.cli.main import cli
from tests.kbfixtures import write_folder


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli")
    folder = write_folder(base / "kb")
    return folder, base / "index"


def invoke(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def test_index_reports_counts_and_then_nothing_to_do(kb):
    folder, index = kb
    first = json.loads(invoke("index", folder, "--index-dir", index, "--embedder", "hash", "--json").stdout)
    assert len(first["added"]) == 6 and first["stats"]["articles"] == 6
    second = json.loads(invoke("index", folder, "--index-dir", index, "--embedder", "hash", "--json").stdout)
    assert second["added"] == [] and second["updated"] == []


def test_search_json_has_the_documented_shape(kb):
    folder, index = kb
    result = invoke("search", folder, "E21 charging", "--index-dir", index, "--embedder", "hash", "--json",
                    "--mode", "keyword")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"query", "mode", "took_ms", "no_answer", "hits"} <= set(data)
    hit = data["hits"][0]
    assert {"id", "title", "path", "heading", "line", "score", "snippet", "lang"} <= set(hit)
    assert hit["id"] == "devices/charging-error"


def test_search_says_what_it_searched_for_when_it_corrected_spelling(kb):
    folder, index = kb
    args = ("search", folder, "chargign error", "--index-dir", index, "--embedder", "hash", "--mode", "keyword")
    assert "Searched for: charging error" in invoke(*args).output
    assert json.loads(invoke(*args, "--json").stdout)["corrected"] == "charging error"


def test_search_table_is_readable(kb):
    folder, index = kb
    result = invoke("search", folder, "E21", "--index-dir", index, "--embedder", "hash", "--mode", "keyword")
    assert "devices/charging-error.md" in result.output and "title" in result.output


def test_eval_reports_recall_no_answer_latency_kinds_and_escalation(kb, tmp_path):
    folder, index = kb
    queries = tmp_path / "q.jsonl"
    rows = [
        {"query": "E21 on my reader", "expected": ["devices/charging-error"], "kind": "keyword", "escalate": False},
        {"query": "退款多久到账", "expected": ["refunds/refund-time.zh"], "kind": "paraphrase", "escalate": False},
        {"query": "lisbon weather", "expected": [], "kind": "oos", "escalate": False},
        {"query": "I will sue you, my lawyer is calling", "expected": [], "kind": "emotional", "escalate": True},
    ]
    queries.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n")
    result = invoke("eval", folder, queries, "--index-dir", index, "--embedder", "hash", "--mode", "keyword")
    report = json.loads(result.stdout)
    assert report["queries"] == 4
    assert {"recall@1", "recall@3", "recall@5", "mrr", "no_answer", "latency_ms", "by_kind"} <= set(report)
    assert report["recall@1"] == 1.0
    assert report["escalation"]["recall"] == 1.0
    assert "q.jsonl:5" in result.stderr  # the bad line is named, the rest still counted


def test_missing_folder_is_a_clear_error_with_exit_code_1(tmp_path):
    result = CliRunner().invoke(cli, ["search", str(tmp_path / "nope"), "x"])
    assert result.exit_code == 1
    assert "not found" in result.output and "Traceback" not in result.output


def test_every_command_has_help_with_an_example():
    for name, command in cli.commands.items():
        assert command.help, name
        assert "Example" in command.help, name
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_cli_group_is_a_click_group():
    assert isinstance(cli, click.Group)


def test_a_broken_settings_file_is_reported_by_the_command_not_silently_replaced(kb):
    from kbassist.settings import settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    folder, index = kb
    result = invoke("search", folder, "E21", "--index-dir", index, "--embedder", "hash", "--mode", "keyword")
    assert result.exit_code == 0
    assert "note:" in result.stderr and "settings.json" in result.stderr
