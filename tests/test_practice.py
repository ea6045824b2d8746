"""Practice drills from the folder's own questions, their right answers, and the scoring."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kbassist.assist.triage import load_lexicon, triage
from kbassist.cli.main import cli
from kbassist.knowledge.articles import parse_article
from kbassist.practice import Answer, make_drills, score, summary

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def articles():
    found = []
    for path in sorted((REPO / "knowledge").rglob("*.md")):
        article, _ = parse_article(path.read_text(encoding="utf-8"), path.relative_to(REPO / "knowledge").as_posix())
        found.append(article)
    return found


def test_drills_come_from_the_folders_questions_in_both_languages_with_escalations_mixed_in(articles):
    drills = make_drills(articles, 60, seed=1)
    by_id = {a.id: a for a in articles}
    assert len(drills) == 60 and {d.lang for d in drills} == {"zh", "en"}
    assert {d.kind for d in drills} == {"rephrased", "emotional", "transcript", "escalation"}
    for drill in drills:
        assert drill.question in by_id[drill.expected[0]].questions or any(
            drill.question in by_id[e].questions for e in drill.expected)
        assert set(drill.expected) & set(drill.choices) and len(drill.choices) == 4
        assert drill.escalate == (drill.kind == "escalation") and drill.why
    assert make_drills(articles, 60, seed=1) == drills and make_drills(articles, 60, seed=2) != drills


def test_the_escalation_lexicon_agrees_with_every_drills_escalate_answer(articles):
    lexicon = load_lexicon(None)[0]
    for drill in make_drills(articles, 80, seed=3):
        assert triage(drill.message, lexicon).escalate == drill.escalate, drill.message


def test_a_new_folder_gives_new_drills_and_a_folder_without_questions_none(articles):
    assert make_drills([a for a in articles if not a.questions], 5) == ()
    only = [a for a in articles if a.id == "orders/cancel-order"]
    assert {d.expected for d in make_drills(only, 5)} == {("orders/cancel-order",)}


def test_scoring_gives_a_point_per_right_decision_and_the_summary_is_per_topic(articles):
    drill = next(d for d in make_drills(articles, 40, seed=4) if d.escalate and d.replies)
    perfect = score(drill, Answer(drill.expected[-1], drill.replies[0], True))
    assert (perfect.points, perfect.article_ok, perfect.reply_ok, perfect.escalate_ok) == (3, True, True, True)
    wrong_article = next(c for c in drill.choices if c not in drill.expected)
    missed = score(drill, Answer(wrong_article, drill.replies[0], False))
    assert (missed.points, missed.reply_ok) == (0, False)
    assert missed.expected == drill.expected and missed.why == drill.why
    (row,) = summary([drill], [perfect])
    assert (row.topic, row.points, row.out_of) == (drill.topic, 3, 3)


def test_cli_practice_prints_n_drills_with_message_expected_and_escalate(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(REPO / "knowledge", folder)
    result = CliRunner().invoke(cli, ["practice", str(folder), "-n", "7", "--json", "--index-dir",
                                      str(tmp_path / "index")])
    assert result.exit_code == 0, result.output
    drills = json.loads(result.output)
    assert len(drills) == 7
    assert all({"message", "expected", "escalate"} <= d.keys() and d["expected"] for d in drills)
