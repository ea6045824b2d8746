"""Insights, the feedback bar and practice mode in the real window (pytest-qt, offscreen, real engine).

The Insights tab draws what `assistant.insights` computes from the real
log in this test's data dir; the feedback bar writes to the same log.
"""
from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import ask, kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from kbassist.assist.history import History, default_history_path  # noqa: E402
from kbassist.assist.history_model import CopyDetails, ShownDetails, VariantShown  # noqa: E402
from kbassist.insights.export import to_csv  # noqa: E402
from ui.qt import QMessageBox, Qt  # noqa: E402
from ui.reply_panel import SendWarningsDialog  # noqa: E402

TODAY = dt.datetime.now(dt.timezone.utc)


def seed_log(days: int = 10) -> None:
    """One message a day answered with wording a or b, half of them resolved, an unanswered one each day."""
    clock = [TODAY - dt.timedelta(days=days)]
    log = History(default_history_path(), clock=lambda: clock[0])
    for day in range(days):
        clock[0] = TODAY - dt.timedelta(days=days - day)
        variant = "ab"[day % 2]
        shown = ShownDetails("returns/refund-time", 0.8, (), "angry" if day % 3 == 0 else "calm", False,
                             (VariantShown("returns/refund-time", "Refund", variant),))
        event = log.record_suggest("en", day % 4 == 0, False, "refund?", shown)
        log.record_copy(event, "returns/refund-time", "Refund", CopyDetails(variant, 60.0 + day, 0.0))
        log.record_feedback(event, "outcome", "resolved" if day % 2 else "follow_up")
        log.record_suggest("en", False, True, "do you ship to mars")
    log.close()


def show_insights(qtbot, window):
    tab = window.insights
    with qtbot.waitSignal(tab.charts_did_draw, timeout=20000):
        window.tabs.setCurrentWidget(tab)
    return tab


def test_the_insights_tab_draws_the_engines_numbers_with_charts_and_exports_them(qtbot, open_window, tmp_path):
    seed_log()
    window = open_window(semantic=False)
    tab = show_insights(qtbot, window)
    assert tab.report.total.messages == 20 and "20" in tab.summary.text()
    assert len(tab.chart_titles()) == 6 and any("20 %" in t for t in tab.chart_titles())
    (comparison,) = tab.report.variants
    assert tab.variants.tree.topLevelItem(0).text(0) == "Refund · returns/refund-time"
    assert tab.variants.tree.topLevelItem(0).childCount() == len(comparison.variants) + len(comparison.tests)
    assert tab.articles.tree.topLevelItem(0).text(0) == "returns/refund-time"
    tab.save_csv(str(tmp_path / "kpis.csv"))
    assert (tmp_path / "kpis.csv").read_text(encoding="utf-8") == to_csv(tab.report)
    tab.period.setCurrentIndex(1)  # by day: one point per day
    qtbot.waitUntil(lambda: len(tab.chart_titles()) == 6)


def test_the_numbers_are_read_ahead_while_the_tab_is_hidden_and_drawn_when_it_is_shown(qtbot, open_window):
    seed_log()
    window = open_window(semantic=False)
    tab = window.insights
    qtbot.waitUntil(lambda: tab.report is not None, timeout=10000)
    assert tab.report.total.messages == 20 and tab.grid.count() == 0  # nothing drawn for a hidden tab
    show_insights(qtbot, window)
    assert len(tab.chart_titles()) == 6


def test_charts_queued_before_the_tab_was_hidden_are_not_drawn_for_the_old_period(qtbot, open_window):
    seed_log()
    window = open_window(semantic=False)
    tab = window.insights
    qtbot.waitUntil(lambda: tab.report is not None, timeout=10000)
    window.tabs.setCurrentWidget(tab)  # charts queued, one per event-loop turn...
    window.tabs.setCurrentWidget(window.agent)  # ...and the tab hidden before the first is drawn
    tab.period.setCurrentIndex(1)  # by day, chosen while hidden
    qtbot.waitUntil(lambda: not tab._pending)
    assert tab.grid.count() == 0
    show_insights(qtbot, window)
    bars = tab.grid.itemAt(0).widget().chart().series()[0].barSets()[0]
    assert bars.count() == len(tab.report.days)


def test_content_gaps_are_listed_once_the_model_is_ready(qtbot, open_window):
    seed_log(3)
    window = open_window()
    tab = window.insights
    with qtbot.waitSignal(tab.gaps_did_arrive, timeout=30000):
        window.tabs.setCurrentWidget(tab)
    row = tab.gaps.tree.topLevelItem(0)
    assert row.text(0) == "3" and "do you ship to mars" in row.text(3) and row.text(4) != "—"


def test_the_feedback_bar_shows_the_tone_and_records_override_copy_and_outcome(qtbot, open_window, monkeypatch):
    window = open_window()
    ask(qtbot, window, "I'm furious, my refund still hasn't arrived. I'll sue you!!!")
    bar = window.agent.feedback
    assert bar.tone.text() == "Angry" and bar.override_button.text() == "Escalation not needed"
    with qtbot.waitSignal(bar.feedback_was_recorded, timeout=5000):
        bar.override_button.click()
    monkeypatch.setattr(SendWarningsDialog, "exec", lambda self: QMessageBox.Yes)
    panel = window.agent.replies
    panel.filled.setPlainText(panel.filled.toPlainText() + " We are very sorry for the wait.")
    with qtbot.waitSignal(bar.feedback_was_recorded, timeout=5000):
        assert panel.copy_current()
    assert bar.resolved_button.isEnabled()
    with qtbot.waitSignal(bar.feedback_was_recorded, timeout=5000):
        qtbot.keyClick(window, Qt.Key_F7)
    (event,) = window.session.assistant.history.entries()
    assert (event.override, event.outcome) == ("not_needed", "resolved")
    (copy,) = event.copies
    assert copy.seconds is not None and 0 < copy.edit < 0.3
    assert event.details.sentiment == "angry" and "legal" in event.details.categories


def test_practice_scores_a_drill_and_ends_with_a_summary_per_topic(qtbot, open_window):
    window = open_window(semantic=False)
    tab = window.practice
    window.tabs.setCurrentWidget(tab)
    tab.count.setValue(3)
    with qtbot.waitSignal(tab.drill_did_show, timeout=10000):
        tab.start(seed=5)
    scores = []
    tab.answer_was_scored.connect(scores.append)
    for n in range(3):
        drill = tab.drill
        right = next(a for a in drill.choices if a in drill.expected)
        tab.choose(right, drill.replies[0] if drill.replies else "", drill.escalate if n else not drill.escalate)
        tab.check_button.click()
        assert "Score:" in tab.verdict.text()
        tab.next_button.click()
    assert [s.escalate_ok for s in scores] == [False, True, True] and all(s.article_ok for s in scores)
    assert tab.summary.isVisible() and tab.summary.topLevelItemCount() >= 1
