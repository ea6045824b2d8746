"""The Insights tab's lists: content gaps, A/B wordings, most used and skipped articles, the team's agents.

They render what `kbassist.insights` returned; the only logic here is
wording (the engine's verdict codes in the interface language).
"""
from __future__ import annotations

from typing import Sequence

from kbassist.insights import ArticleUse, ProportionTest, VariantComparison
from kbassist.insights.team import AgentLine
from kbassist.review.model import Gap

from .qt import QHeaderView, QObject, QTreeWidget, QTreeWidgetItem


def _tree(headers: Sequence[str], stretch: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
    tree.header().setSectionResizeMode(stretch, QHeaderView.Stretch)
    return tree


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class InsightsWording(QObject):
    def verdict(self, test: ProportionTest) -> str:
        if test.p_value is None:
            return self.tr("not enough data yet")
        if test.verdict == "no difference yet":
            return self.tr("no difference yet")
        better = test.difference > 0
        return (self.tr("%1 better") if better else self.tr("%1 worse")).replace("%1", test.b.upper())

    def metric(self, name: str) -> str:
        return {"copy_rate": self.tr("copy rate"), "resolved_rate": self.tr("resolved rate")}.get(name, name)


class GapsView(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = _tree([self.tr("Messages"), self.tr("Week before"), self.tr("Trend"),
                           self.tr("Examples (masked)"), self.tr("Nearest article")], 3)

    def show_gaps(self, gaps: Sequence[Gap] | None) -> None:
        self.tree.clear()
        if gaps is None:
            QTreeWidgetItem(self.tree, ["", "", "", self.tr("Content gaps appear once the semantic model is ready.")])
            return
        if not gaps:
            QTreeWidgetItem(self.tree, ["", "", "", self.tr("No content gaps this week.")])
        for gap in gaps:
            change = gap.count - gap.previous
            trend = "▲ +%d" % change if change > 0 else "▼ %d" % change if change < 0 else "="
            nearest = f"{gap.nearest_title} ({gap.nearest_id})" if gap.nearest_id else "—"
            item = QTreeWidgetItem(self.tree, [str(gap.count), str(gap.previous), trend, " · ".join(gap.examples),
                                               nearest])
            item.setToolTip(3, "\n".join(gap.examples))


class VariantsView(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.words = InsightsWording(self)
        self.tree = _tree([self.tr("Reply / wording"), self.tr("Shown"), self.tr("Copied"), self.tr("Edited"),
                           self.tr("Resolved"), self.tr("Result")], 5)
        self.tree.setRootIsDecorated(True)

    def show_variants(self, comparisons: Sequence[VariantComparison]) -> None:
        self.tree.clear()
        if not comparisons:
            QTreeWidgetItem(self.tree, [self.tr("No reply with A/B wordings was shown yet.")])
        for comparison in comparisons:
            top = QTreeWidgetItem(self.tree, [f"{comparison.reply_title} · {comparison.article_id}"])
            for v in comparison.variants:
                QTreeWidgetItem(top, [self.tr("wording %1").replace("%1", v.variant.upper()), str(v.shown),
                                      f"{v.copied} ({share(v.copied / v.shown if v.shown else None)})",
                                      str(v.edited), f"{v.resolved}/{v.outcomes}", ""])
            for test in comparison.tests:
                p = "" if test.p_value is None else f" · p = {test.p_value:.3g}"
                interval = self.tr("difference %1, 95% CI %2 to %3").replace("%1", f"{test.difference:+.1%}").replace(
                    "%2", f"{test.ci_low:+.1%}").replace("%3", f"{test.ci_high:+.1%}")
                QTreeWidgetItem(top, [f"{self.words.metric(test.metric)}: {test.b.upper()} / {test.a.upper()}",
                                      "", "", "", "", f"{self.words.verdict(test)}{p} · {interval}"])
            top.setExpanded(True)


class ArticlesView(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = _tree([self.tr("Article"), self.tr("Most used (copies)"), self.tr("Article"),
                           self.tr("Most skipped (top suggestion, not copied)")], 2)

    def show_articles(self, used: Sequence[ArticleUse], skipped: Sequence[ArticleUse]) -> None:
        self.tree.clear()
        for n in range(max(len(used), len(skipped))):
            row = [used[n].article_id, str(used[n].count)] if n < len(used) else ["", ""]
            row += [skipped[n].article_id, str(skipped[n].count)] if n < len(skipped) else ["", ""]
            QTreeWidgetItem(self.tree, row)


class AgentsView(QObject):
    """The team's numbers per agent (team mode, #22): one line each, most messages first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = _tree([self.tr("Agent"), self.tr("Messages"), self.tr("Copy rate"), self.tr("Escalated"),
                           self.tr("Resolved"), self.tr("Paste to copy (median)")], 5)

    def show_agents(self, lines: Sequence[AgentLine]) -> None:
        self.tree.clear()
        for line in lines:
            t = line.total
            median = "—" if t.paste_to_copy_median_s is None else f"{t.paste_to_copy_median_s:.0f} s"
            QTreeWidgetItem(self.tree, [line.agent, str(t.messages), share(t.copy_rate), share(t.escalation_rate),
                                        share(t.resolved_rate), median])
