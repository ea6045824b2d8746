"""The editors' weekly review: which articles are stale, broken, duplicated or untranslated.

`run_review` applies every rule as of a date and returns a `ReviewReport`;
`freshness` is the cheap per-article check the suggestion engine and the app
run before offering an article; `mark_reviewed` is the one place the app
writes into the knowledge folder. Rendering (Markdown, HTML, JSON) and the
per-folder state (snoozes, the previous report) are separate so the GUI can
use the same pieces as the CLI.
"""
from __future__ import annotations

from .duplicates import DUPLICATE_THRESHOLD, article_vectors, similar_pairs
from .facts import number_facts
from .freshness import freshness, launch_notes
from .gaps import content_gaps
from .mark import ArticleChanged, mark_reviewed, set_reviewed
from .model import Changes, Gap, Reason, ReviewItem, ReviewReport
from .render import to_html, to_json, to_markdown
from .report import run_review
from .source import FolderSnapshot, content_hash, load_folder
from .state import ReviewState, state_dir_for

__all__ = [
    "DUPLICATE_THRESHOLD", "ArticleChanged", "Changes", "FolderSnapshot", "Gap", "Reason", "ReviewItem",
    "ReviewReport", "ReviewState", "article_vectors", "content_gaps", "content_hash", "freshness",
    "launch_notes", "load_folder", "mark_reviewed", "number_facts", "run_review", "set_reviewed",
    "similar_pairs", "state_dir_for", "to_html", "to_json", "to_markdown",
]
