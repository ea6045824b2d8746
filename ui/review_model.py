"""How the Review tab lays out a `ReviewReport`: groups, their labels, and launch targets.

Presentation only. Which articles need review, and why, is decided by
`kbassist.review` (the same report the CLI prints); this module sorts the
engine's stable reason codes into the families an editor scans for and
chooses the translated words for them.
"""
from __future__ import annotations

from dataclasses import dataclass

from kbassist.review import Reason, ReviewItem, ReviewReport
from kbassist.review.render import reason_group

from .qt import QObject
from .wording import interface_lang

# engine rule (reason_group of the code) -> the family the queue groups it under
FAMILY_OF = {
    "review_overdue": "overdue", "never_reviewed": "overdue",
    "expired": "expired", "expiring_soon": "expired",
    "launch": "launch",
    "broken_link": "broken_link",
    "duplicate": "duplicate", "conflict": "duplicate",
    "translation_outdated": "translation", "missing_translation": "translation",
}
FAMILIES = ("overdue", "expired", "launch", "broken_link", "duplicate", "translation", "other")
NO_OWNER = ""


@dataclass(frozen=True)
class Group:
    key: str  # a family, an owner ("owner:<name>") or a listing ("listing:drafts")
    label: str
    items: tuple[ReviewItem, ...]
    expanded: bool = True


def family(code: str) -> str:
    return FAMILY_OF.get(reason_group(code), "other")


def launch_targets(item: ReviewItem) -> tuple[str, ...]:
    """The launch-note ids behind an item's `launch:<id>` reasons."""
    return tuple(r.code.split(":", 1)[1] for r in item.reasons if reason_group(r.code) == "launch")


class ReviewWording(QObject):
    """Translated labels; a QObject so lupdate and tr() share the context."""

    def __init__(self):
        super().__init__()
        self._labels: dict[str, dict[str, str]] = {}  # per interface language: the family labels

    def family(self, key: str) -> str:
        return {
            "overdue": self.tr("Overdue"), "expired": self.tr("Expired"), "launch": self.tr("Launch"),
            "broken_link": self.tr("Broken link"), "duplicate": self.tr("Duplicate / conflict"),
            "translation": self.tr("Translation"), "other": self.tr("Other"),
        }[key]

    def reason(self, reason: Reason, lang: str | None = None) -> str:
        """`lang`: the interface language, when the caller words many reasons (a 10k queue: looking it up
        and translating the family labels per row held the GUI thread for over 100 ms)."""
        lang = lang or interface_lang()
        labels = self._labels.get(lang)
        if labels is None:
            labels = self._labels[lang] = {key: self.family(key) for key in FAMILIES}
        label = labels[family(reason.code)]
        detail = reason.text(lang)
        return f"{label}: {detail}" if detail else label

    def owner(self, owner: str | None) -> str:
        return owner or self.tr("(no owner)")

    def listing(self, key: str) -> str:
        return {
            "missing_translation": self.tr("Missing translation (info)"), "drafts": self.tr("Drafts"),
            "archived": self.tr("Archived"), "snoozed": self.tr("Snoozed"),
        }[key]


review_wording = ReviewWording()


def _label(text: str, count: int) -> str:
    return f"{text} ({count})"


def queue_groups(report: ReviewReport, by_owner: bool = False) -> list[Group]:
    """The queue by reason family (an item with two reasons is in both) or by owner; empty groups left out.

    One pass over the items: a 10k folder's queue has thousands, and a pass per family (or per owner)
    held the GUI thread ~50 ms."""
    words = review_wording
    buckets: dict[str, list] = {}
    for item in report.items:
        keys = [item.owner or NO_OWNER] if by_owner else dict.fromkeys(family(r.code) for r in item.reasons)
        for key in keys:
            buckets.setdefault(key, []).append(item)
    if by_owner:
        return [Group(f"owner:{o}", _label(words.owner(o), len(buckets[o])), tuple(buckets[o]))
                for o in sorted(buckets)]
    return [Group(key, _label(words.family(key), len(buckets[key])), tuple(buckets[key]))
            for key in FAMILIES if buckets.get(key)]


def listing_groups(report: ReviewReport) -> list[Group]:
    """The side lists, collapsed: missing translations (info only), drafts, archived, snoozed."""
    listings = (("missing_translation", report.missing_translation), ("drafts", report.drafts),
                ("archived", report.archived), ("snoozed", report.snoozed))
    return [Group(f"listing:{key}", _label(review_wording.listing(key), len(items)), items, expanded=False)
            for key, items in listings]
