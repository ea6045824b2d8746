"""The editors' weekly review: which articles are stale, broken, duplicated or untranslated.

`run_review` applies every rule as of a date and returns a `ReviewReport`
(the engine's `Assistant.review` feeds it the indexed articles, the stored
chunk vectors and the unanswered messages of the history log);
`freshness` is the cheap per-article check the suggestion engine and the app
run before offering an article; `mark_reviewed` is the one place the app
writes into the knowledge folder. Rendering (Markdown, HTML, JSON) and the
per-folder state (snoozes, the previous report) are separate so the GUI can
use the same pieces as the CLI.
"""
from __future__ import annotations

from .duplicates import DUPLICATE_THRESHOLD, similar_pairs
from .facts import number_facts
from .freshness import freshness, launch_notes
from .gaps import GAP_WINDOW_DAYS, content_gaps
from .mark import ArticleChanged, mark_reviewed, set_reviewed
from .model import Changes, Gap, Reason, ReviewItem, ReviewReport
from .render import to_html, to_json, to_markdown
from .report import run_review
from .state import ReviewState, state_dir_for

__all__ = (
    "DUPLICATE_THRESHOLD", "GAP_WINDOW_DAYS", "ArticleChanged", "Changes", "Gap", "Reason", "ReviewItem",
    "ReviewReport", "ReviewState", "content_gaps", "freshness", "launch_notes", "mark_reviewed",
    "number_facts", "run_review", "set_reviewed", "similar_pairs", "state_dir_for", "to_html", "to_json",
    "to_markdown",
)
