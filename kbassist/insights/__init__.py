"""Insights for team leads (issue #21): KPIs, A/B wordings, content gaps, from the private log.

Everything is computed here, from `assist.history`'s entries; the CLI and
the app only print or draw what these functions return.
"""
from .abtest import ProportionTest, VariantComparison, VariantStats, compare_variants, two_proportions
from .events import EventRecord, records_of
from .kpis import percentile, report
from .model import ArticleUse, InsightsReport, Period

__all__ = ("ArticleUse", "EventRecord", "InsightsReport", "Period", "ProportionTest", "VariantComparison",
           "VariantStats", "compare_variants", "percentile", "records_of", "report", "two_proportions")
