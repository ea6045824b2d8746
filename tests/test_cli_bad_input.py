"""Bad input on the command line: exit 1 or 2 with one line, never a traceback (issue #17, finding 7).

Each call here once ended in a traceback (or, for -k, silently did the wrong
thing). They run in-process with click's runner; bench/faults.py runs the
same list as real processes and counts tracebacks.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kbassist.cli.main import cli
from tests.bad_calls import BAD_CALLS, prepare
from tests.kbfixtures import write_folder


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad-cli")
    folder = write_folder(base / "kb")
    prepare(base, folder)
    result = CliRunner().invoke(cli, ["index", str(folder), "--index-dir", str(base / "index"), "--embedder",
                                      "hash-64"])
    assert result.exit_code == 0, result.output
    return base


@pytest.mark.parametrize("call", BAD_CALLS, ids=[c.name for c in BAD_CALLS])
def test_a_bad_call_exits_1_or_2_with_one_line(place, call):
    args, stdin = call.arguments(place)
    result = CliRunner().invoke(cli, args, input=stdin)
    assert not (result.exception and not isinstance(result.exception, SystemExit)), \
        f"{type(result.exception).__name__}: {result.exception}"
    assert result.exit_code in call.codes, (result.exit_code, result.output)
    if result.exit_code:
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
        assert len(errors) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_mark_reviewed_accepts_an_article_the_indexer_accepts(place):
    """`expires: 2026-02-30` is warned about by the indexer; mark.py used to raise ValueError on it."""
    result = CliRunner().invoke(cli, ["review", str(place / "kb"), "--index-dir", str(place / "index"),
                                      "--embedder", "hash-64", "--mark-reviewed", "odd-date",
                                      "--date", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert "reviewed: 2026-12-01" in (place / "kb" / "odd-date.md").read_text(encoding="utf-8")
