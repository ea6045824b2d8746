"""The Review tab on the real engine: the sample's queue, mark reviewed, snooze, a refused write, live updates.

The tests share one indexed copy of knowledge/ (module scope) and run in
file order: the counts test first, the later ones only check the article
they touch. Snoozes and past reports live in each test's own data dir.
"""
from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import kb, open_window, private_dirs, zh_interface  # noqa: E402,F401 - fixtures

AS_OF = dt.date(2026, 11, 24)


def review_as_of(qtbot, window, check=lambda report: True):
    """Review the fixed date now and wait for the answer that passes `check`."""
    tab = window.review
    tab.as_of = lambda: AS_OF
    with qtbot.waitSignal(tab.review_did_arrive, timeout=20000,
                          check_params_cb=lambda r: r.as_of == AS_OF and check(r)) as blocker:
        tab.refresh_now()
    return blocker.args[0]


def wait_for_review(qtbot, window, check, timeout=20000):
    with qtbot.waitSignal(window.review.review_did_arrive, timeout=timeout, check_params_cb=check) as blocker:
        pass
    return blocker.args[0]


def ids(items) -> set[str]:
    return {item.id for item in items}


def test_the_sample_queue_has_the_expected_groups_counts_and_tab_badge(qtbot, open_window):
    window = open_window()
    report = review_as_of(qtbot, window)
    tab = window.review
    assert len(report.items) == 7
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Review (7)"
    counts = {key: count for key, (_label, count) in tab.groups().items()}
    assert counts == {"overdue": 2, "expired": 1, "launch": 3, "broken_link": 1,
                      "listing:missing_translation": 12, "listing:drafts": 1, "listing:archived": 1,
                      "listing:snoozed": 0}
    assert tab.groups()["launch"][0] == "Launch (3)"
    listing = tab.tree.topLevelItem(list(tab.groups()).index("listing:drafts"))
    assert not listing.isExpanded()
    with qtbot.waitSignal(tab.queue_did_draw, timeout=5000):
        tab.by_owner.setChecked(True)
    counts = {key: count for key, (_label, count) in tab.groups().items() if key.startswith("owner:")}
    assert counts == {"owner:liwei": 2, "owner:mei": 3, "owner:sara": 1, "owner:tom": 1}
    assert tab.select_article("subscription/cancel-unlimited")
    assert tab.launch_button.isEnabled()
    assert "launches/unlimited-price-2027" in [a.text() for a in tab.launch_button.menu().actions()]
    assert "Launch: Lumio Unlimited prices" in tab.details.toPlainText()


def test_export_writes_html_and_markdown(qtbot, open_window, tmp_path):
    window = open_window(semantic=False)
    review_as_of(qtbot, window)
    for name, marker in (("r.html", "<!DOCTYPE html>"), ("r.md", "# Weekly knowledge review — 2026-11-24")):
        with qtbot.waitSignal(window.review.status_did_change, timeout=5000):
            window.review.export_report(str(tmp_path / name))
        assert marker in (tmp_path / name).read_text(encoding="utf-8")


def test_mark_reviewed_removes_the_item_and_writes_the_date_into_the_file(qtbot, open_window, kb):
    window = open_window(semantic=False)
    review_as_of(qtbot, window, lambda r: "account/reset-password" in ids(r.items))
    assert window.review.select_article("account/reset-password")
    with qtbot.waitSignal(window.review.review_did_arrive, timeout=20000,
                          check_params_cb=lambda r: "account/reset-password" not in ids(r.items)) as blocker:
        window.review.mark_button.click()
    text = (kb[0] / "account" / "reset-password.md").read_text(encoding="utf-8")
    assert "reviewed: 2026-11-24\n" in text
    count = len(blocker.args[0].items)  # the Chinese version may now join as an outdated translation
    assert window.tabs.tabText(window.tabs.indexOf(window.review)) == f"Review ({count})"


def test_snooze_hides_the_item_until_its_date(qtbot, open_window):
    window = open_window(semantic=False)
    review_as_of(qtbot, window, lambda r: "billing/fapiao.zh" in ids(r.items))
    assert window.review.select_article("billing/fapiao.zh")
    with qtbot.waitSignal(window.review.review_did_arrive, timeout=20000,
                          check_params_cb=lambda r: "billing/fapiao.zh" in ids(r.snoozed)) as blocker:
        window.review.snooze(14)
    assert "billing/fapiao.zh" not in ids(blocker.args[0].items)
    assert window.review.groups()["listing:snoozed"][1] == 1
    assert "Snoozed until 2026-12-08" in window.statusBar().currentMessage()


class _NoWatcher:
    def stop(self) -> None:
        pass


def test_an_edit_on_disk_after_indexing_gives_a_clear_message_not_a_crash(qtbot, open_window, kb, monkeypatch):
    from kbassist.assistant import Assistant

    monkeypatch.setattr(Assistant, "watch", lambda self: _NoWatcher())  # keep the index behind the file
    window = open_window(semantic=False)
    review_as_of(qtbot, window, lambda r: "subscription/cancel-unlimited" in ids(r.items))
    path = kb[0] / "subscription" / "cancel-unlimited.md"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\nAn editor's unsaved thought.\n", encoding="utf-8")
    assert window.review.select_article("subscription/cancel-unlimited")
    window.review.mark_button.click()
    qtbot.waitUntil(lambda: "changed on disk" in window.error_banner.text(), timeout=10000)
    assert "Cancelling Lumio Unlimited" in window.error_banner.text()
    assert path.read_text(encoding="utf-8") == before + "\nAn editor's unsaved thought.\n"


def test_a_new_overdue_article_in_the_watched_folder_joins_the_queue(qtbot, open_window, kb):
    window = open_window(semantic=False)
    qtbot.waitUntil(lambda: window.session._watcher is not None, timeout=5000)
    review_as_of(qtbot, window)
    (kb[0] / "devices" / "old-sleeve.md").write_text(
        "---\nid: devices/old-sleeve\ntitle: Old sleeve care\nlang: en\nowner: tom\nstatus: published\n"
        "reviewed: 2025-01-01\nreview_every: 90d\n---\n\n# Old sleeve care\n\nWipe it with a dry cloth.\n",
        encoding="utf-8")
    report = wait_for_review(qtbot, window, lambda r: "devices/old-sleeve" in ids(r.items))
    item = next(i for i in report.items if i.id == "devices/old-sleeve")
    assert [r.code for r in item.reasons] == ["review_overdue"]
    assert window.review.select_article("devices/old-sleeve")


def test_a_huge_queue_shows_the_first_rows_of_each_group_and_says_how_many_more(qtbot):
    import datetime as dt

    from kbassist.review.model import Reason, ReviewItem, ReviewReport
    from ui.ops import Ops
    from ui.review_tab import ROWS_PER_GROUP, ReviewTab

    tab = ReviewTab(Ops())
    qtbot.addWidget(tab)
    items = tuple(ReviewItem(f"a/{n}", f"Article {n}", "ana", f"a/{n}.md", (Reason("review_overdue", "90 days"),))
                  for n in range(ROWS_PER_GROUP + 50))
    with qtbot.waitSignal(tab.queue_did_draw, timeout=5000):
        tab._show(ReviewReport(dt.date(2026, 11, 24), items))
    top = tab.tree.topLevelItem(0)
    assert str(ROWS_PER_GROUP + 50) in top.text(0)  # the group still counts every article
    assert top.childCount() == ROWS_PER_GROUP + 1
    assert "50 more" in top.child(ROWS_PER_GROUP).text(0)


def test_reasons_and_problems_read_in_chinese_in_the_chinese_interface(qtbot, zh_interface, open_window):
    from kbassist.errors import Problem

    window = open_window()
    review_as_of(qtbot, window)
    tab = window.review
    group = tab.tree.topLevelItem(list(tab.groups()).index("overdue"))
    reasons = group.child(0).text(2)
    assert "每" in reasons and "天复审一次" in reasons and "reviewed" not in reasons and "every" not in reasons
    window.problems.show_problems([Problem.of("x.md", 0, "unknown_status", status="maybe")])
    assert window.problems.table.item(0, 2).text() == "未知状态“maybe”，按已发布处理"
