"""The weekly review's part of `Assistant`: the review itself, marking reviewed, snoozing.

The facade owns one `EditorialReview` and passes its `review`, `mark_reviewed`
and `snooze` calls on; the part reads the folder, index, history and model
through the assistant's public methods only.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import KbError
from ..index.model import IndexChange
from ..knowledge.model import Article
from ..part import Part

if TYPE_CHECKING:
    from . import ReviewReport


class EditorialReview(Part):
    def review(self, as_of: dt.date | None = None, *, state_dir: Path | None = None, duplicates: bool = True,
               gaps: bool = True) -> "ReviewReport":
        """The weekly review as of `as_of` (default today), from the index; snoozes applied, report recorded.

        Duplicates use the stored chunk vectors (never re-embedded); content
        gaps cluster the last week's kept messages from the history log (`insights.gaps`).
        """
        from .. import review
        from ..insights.gaps import weekly_gaps

        host = self.assistant
        as_of = as_of or dt.date.today()
        report = review.run_review(host.articles(), as_of=as_of, vectors=host.article_vectors() if duplicates else None,
                                   default_every_days=host.settings.review_every_days, problems=host.problems(),
                                   content_gaps=weekly_gaps(host, as_of) if gaps else ())
        state = review.ReviewState(review.state_dir_for(host.folder, state_dir))
        report = state.apply_and_record(report)
        host.notices.extend(str(p) for p in state.problems)
        return report

    def mark_reviewed(self, article_id: str, on: dt.date | None = None) -> IndexChange:
        """Set the article's `reviewed:` to `on` (default today) in its file, then re-index that file.

        Raises `ArticleChanged` when the file's bytes are not the ones indexed.
        """
        from . import mark_reviewed

        host = self.assistant
        with host.writing():
            article = self._reviewable(article_id)
            mark_reviewed(host.folder / article.path, on or dt.date.today(), host.indexed_hash(article.path),
                          root=host.folder)
            return host.update([article.path])

    def snooze(self, article_id: str, days: int, state_dir: Path | None = None, *,
               as_of: dt.date | None = None) -> dt.date:
        """Hide the article from the review queue for `days` days from `as_of` (default today); returns until when."""
        from . import ReviewState, state_dir_for

        self._reviewable(article_id)
        if days < 1:
            raise KbError(f"snooze for at least one day, not {days}")
        until = (as_of or dt.date.today()) + dt.timedelta(days=days)
        ReviewState(state_dir_for(self.assistant.folder, state_dir)).snooze(article_id, until)
        return until

    def _reviewable(self, article_id: str) -> Article:
        article = self.assistant.article(article_id)
        if article is None:
            raise KbError(f"no article with id {article_id!r} in {self.assistant.folder}")
        return article
