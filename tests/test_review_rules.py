"""Every review rule, on small knowledge folders written into tmp_path."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from kbassist.assistant import Assistant
from kbassist.review import freshness, launch_notes, run_review

D = dt.date


def kb_article(folder: Path, rel: str, body: str = "# Title\n\nText.\n", **front) -> Path:
    """Write one article; front-matter values are dumped as YAML (dates become YYYY-MM-DD)."""
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False) if front else ""
    path.write_text(f"---\n{head}---\n{body}" if front else body, encoding="utf-8")
    return path


def indexed(folder: Path, embedder="hash", embed: bool = False) -> Assistant:
    """The folder's Assistant (index in the per-test data dir), brought up to date; close it after use."""
    assistant = Assistant(folder, embedder=embedder)
    for _ in assistant.index(embed=embed):
        pass
    return assistant


def review(folder: Path, as_of: dt.date, **kwargs):
    with indexed(folder) as assistant:
        return run_review(assistant.articles(), as_of=as_of, vectors=None, problems=assistant.problems(), **kwargs)


def codes(report, article_id: str) -> list[str]:
    item = next((i for i in report.items if i.id == article_id), None)
    return [r.code for r in item.reasons] if item else []


def test_article_is_overdue_the_day_after_its_due_date_not_on_it(tmp_path):
    kb_article(tmp_path, "a.md", reviewed=D(2026, 1, 1), review_every="30d")  # due 2026-01-31
    assert codes(review(tmp_path, D(2026, 1, 31)), "a") == []
    assert codes(review(tmp_path, D(2026, 2, 1)), "a") == ["review_overdue"]


def test_default_interval_applies_when_article_sets_none(tmp_path):
    kb_article(tmp_path, "a.md", reviewed=D(2026, 1, 1))
    assert codes(review(tmp_path, D(2026, 3, 1)), "a") == []  # 59 days < 90
    assert codes(review(tmp_path, D(2026, 3, 1), default_every_days=30), "a") == ["review_overdue"]


def test_leap_day_review_counts_february_29(tmp_path):
    kb_article(tmp_path, "a.md", reviewed=D(2028, 2, 29), review_every="1d")  # due 2028-03-01
    assert codes(review(tmp_path, D(2028, 3, 1)), "a") == []
    assert codes(review(tmp_path, D(2028, 3, 2)), "a") == ["review_overdue"]
    kb_article(tmp_path, "b.md", reviewed=D(2028, 1, 30), review_every="30d")  # due 2028-02-29
    assert codes(review(tmp_path, D(2028, 2, 29)), "b") == []
    assert codes(review(tmp_path, D(2028, 3, 1)), "b") == ["review_overdue"]


def test_article_without_reviewed_date_is_never_reviewed(tmp_path):
    kb_article(tmp_path, "a.md", title="A")
    (tmp_path / "plain.md").write_text("# Just a note\n", encoding="utf-8")
    report = review(tmp_path, D(2026, 5, 1))
    assert codes(report, "a") == ["never_reviewed"]
    assert codes(report, "plain") == ["never_reviewed"]


def test_invalid_date_is_a_warning_naming_the_file_and_the_article_counts_as_never_reviewed(tmp_path):
    kb_article(tmp_path, "bad.md", reviewed="2026-02-30", expires="soon")
    report = review(tmp_path, D(2026, 5, 1))
    assert codes(report, "bad") == ["never_reviewed"]
    messages = [str(p) for p in report.problems]
    assert any(m.startswith("bad.md:") and "reviewed" in m for m in messages)
    assert any(m.startswith("bad.md:") and "expires" in m for m in messages)


def test_expired_after_the_expiry_day_and_expiring_soon_is_information_before_it(tmp_path):
    kb_article(tmp_path, "promo.md", reviewed=D(2026, 5, 1), expires=D(2026, 5, 10))
    assert codes(review(tmp_path, D(2026, 5, 10)), "promo") == ["expiring_soon"]
    assert codes(review(tmp_path, D(2026, 5, 11)), "promo") == ["expired"]
    soon = review(tmp_path, D(2026, 4, 26)).items[0].reasons[0]
    assert (soon.code, soon.severity) == ("expiring_soon", "info")
    assert codes(review(tmp_path, D(2026, 4, 25)), "promo") == []  # 15 days ahead: not yet


def _launch(tmp_path: Path, date: dt.date | str = D(2026, 3, 1), affects=("lock",)) -> None:
    kb_article(tmp_path, "launches/lock-3.md", type="launch", title="Lock 3", date=date, affects=list(affects))


def test_launch_flags_articles_of_its_product_or_tags_reviewed_before_it(tmp_path):
    _launch(tmp_path)
    kb_article(tmp_path, "by-product.md", product="lock", reviewed=D(2026, 2, 28))
    kb_article(tmp_path, "by-tag.md", tags=["lock", "battery"], product="other", reviewed=D(2026, 2, 1))
    kb_article(tmp_path, "same-day.md", product="lock", reviewed=D(2026, 3, 1))
    kb_article(tmp_path, "other-product.md", product="vacuum", reviewed=D(2026, 2, 1))
    report = review(tmp_path, D(2026, 3, 5))
    assert codes(report, "by-product") == ["launch:launches/lock-3"]
    assert codes(report, "by-tag") == ["launch:launches/lock-3"]
    assert codes(report, "same-day") == []
    assert codes(report, "other-product") == []
    assert "launches/lock-3" not in {i.id for i in report.items}


def test_launch_in_the_future_of_the_review_date_does_not_count_yet(tmp_path):
    _launch(tmp_path, D(2026, 3, 10))
    kb_article(tmp_path, "a.md", product="lock", reviewed=D(2026, 2, 1))
    assert codes(review(tmp_path, D(2026, 3, 9)), "a") == []
    assert codes(review(tmp_path, D(2026, 3, 10)), "a") == ["launch:launches/lock-3"]


def test_launch_without_a_valid_date_affects_nothing_and_is_reported(tmp_path):
    _launch(tmp_path, "next spring")
    kb_article(tmp_path, "a.md", product="lock", reviewed=D(2026, 2, 1))
    report = review(tmp_path, D(2026, 3, 5))
    assert codes(report, "a") == []
    assert any(p.file == "launches/lock-3.md" and "date" in p.message for p in report.problems)


def test_drafts_and_archived_are_listed_not_flagged(tmp_path):
    _launch(tmp_path)
    kb_article(tmp_path, "draft.md", status="draft", product="lock", reviewed=D(2025, 1, 1), expires=D(2025, 6, 1))
    kb_article(tmp_path, "old.md", status="archived", product="lock", body="[[nowhere]]\n")
    report = review(tmp_path, D(2026, 3, 5))
    assert report.items == ()
    assert [i.id for i in report.drafts] == ["draft"]
    assert [i.id for i in report.archived] == ["old"]


def test_broken_links_are_flagged_once_per_target_and_good_links_pass(tmp_path):
    kb_article(tmp_path, "cards/arrival.md", reviewed=D(2026, 1, 1))
    kb_article(tmp_path, "cards/lost.md", reviewed=D(2026, 1, 1), body=(
        "# Lost\n\nSee [[cards/arrival]], [[arrival|the arrival page]], [this](arrival.md),\n"
        "[[cards/stolen]] and again [[cards/stolen]], and [gone](../old/page.md).\n"))
    assert codes(review(tmp_path, D(2026, 2, 1)), "cards/lost") == ["broken_link:cards/stolen",
                                                                    "broken_link:old/page"]


def test_topic_in_one_language_is_missing_a_translation_and_pairs_are_not(tmp_path):
    kb_article(tmp_path, "a.md", lang="en", reviewed=D(2026, 1, 1))
    kb_article(tmp_path, "a.zh.md", lang="zh", translation_of="a", reviewed=D(2026, 1, 1))
    kb_article(tmp_path, "b.md", lang="en", reviewed=D(2026, 1, 1))
    kb_article(tmp_path, "c.zh.md", lang="zh", status="archived")
    report = review(tmp_path, D(2026, 2, 1))
    missing = {i.id: i.reasons[0] for i in report.missing_translation}
    assert set(missing) == {"b", "c.zh"}
    assert missing["b"].severity == "info" and "zh" in missing["b"].detail
    assert report.items == ()  # information only, not in the queue


def test_single_language_folder_reports_no_missing_translations(tmp_path):
    kb_article(tmp_path, "a.md", lang="en", reviewed=D(2026, 1, 1))
    kb_article(tmp_path, "b.md", lang="en", reviewed=D(2026, 1, 1))
    assert review(tmp_path, D(2026, 2, 1)).missing_translation == ()


def test_translation_reviewed_before_its_source_is_outdated(tmp_path):
    kb_article(tmp_path, "a.md", lang="en", reviewed=D(2026, 3, 1))
    kb_article(tmp_path, "a.zh.md", lang="zh", translation_of="a", reviewed=D(2026, 2, 1))
    kb_article(tmp_path, "b.md", lang="en", reviewed=D(2026, 3, 1))
    kb_article(tmp_path, "b.zh.md", lang="zh", translation_of="b", reviewed=D(2026, 3, 1))
    report = review(tmp_path, D(2026, 3, 2))
    assert codes(report, "a.zh") == ["translation_outdated"]
    assert codes(report, "a") == codes(report, "b.zh") == []


def test_freshness_helper_warns_about_a_stale_article_without_softer_signals(tmp_path):
    _launch(tmp_path)
    kb_article(tmp_path, "a.md", product="lock", reviewed=D(2025, 1, 1), expires=D(2026, 3, 10))
    kb_article(tmp_path, "new.md", product="lock")
    with indexed(tmp_path) as snapshot:
        launches, _ = launch_notes(snapshot.articles())
        article, new = snapshot.article("a"), snapshot.article("new")
    found = [r.code for r in freshness(article, launches, D(2026, 3, 5), 90)]
    assert found == ["review_overdue", "launch:launches/lock-3"]  # expiring soon is not a warning
    assert [r.code for r in freshness(article, launches, D(2026, 3, 11), 90)][1] == "expired"
    assert [r.code for r in freshness(new, launches, D(2026, 3, 5))] == ["launch:launches/lock-3"]
