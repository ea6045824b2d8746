"""The weekly review's part of `Assistant`: the review itself, marking reviewed, snoozing.

A mixin of the facade, so the CLI and the app keep calling `assistant.review()`;
it uses the assistant's folder, index, history and model.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import KbError
from ..index.model import IndexChange
from ..knowledge.model import Article

if TYPE_CHECKING:
    from . import ReviewReport


class EditorialReview:
    def review(self, as_of: dt.date | None = None, *, state_dir: Path | None = None, duplicates: bool = True,
               gaps: bool = True) -> "ReviewReport":
        """The weekly review as of `as_of` (default today), from the index; snoozes applied, report recorded.

        Duplicates use the stored chunk vectors (never re-embedded); content
        gaps cluster the last week's unanswered messages from the history log.
        """
        from .. import review

        as_of = as_of or dt.date.today()
        since = as_of - dt.timedelta(days=review.GAP_WINDOW_DAYS)
        messages = [m.text for m in self.history.no_answer_messages(since)] if gaps else []
        report = review.run_review(self.articles(), as_of=as_of, vectors=self.article_vectors() if duplicates else None,
                                   default_every_days=self.settings.review_every_days, problems=self.problems(),
                                   content_gaps=review.content_gaps(messages, lambda t: self.embedder.embed(t)))
        state = review.ReviewState(review.state_dir_for(self.folder, state_dir))
        report = state.apply_and_record(report)
        self.notices.extend(str(p) for p in state.problems)
        return report

    def mark_reviewed(self, article_id: str, on: dt.date | None = None) -> IndexChange:
        """Set the article's `reviewed:` to `on` (default today) in its file, then re-index that file.

        Raises `ArticleChanged` when the file's bytes are not the ones indexed.
        """
        from . import mark_reviewed

        with self._write_lock, self.writing():
            article = self._reviewable(article_id)
            indexed = self._ix.store.files([article.path]).get(article.path)
            mark_reviewed(self.folder / article.path, on or dt.date.today(), indexed.hash if indexed else "",
                          root=self.folder)
            return self.update([article.path])

    def snooze(self, article_id: str, days: int, state_dir: Path | None = None, *,
               as_of: dt.date | None = None) -> dt.date:
        """Hide the article from the review queue for `days` days from `as_of` (default today); returns until when."""
        from . import ReviewState, state_dir_for

        self._reviewable(article_id)
        if days < 1:
            raise KbError(f"snooze for at least one day, not {days}")
        until = (as_of or dt.date.today()) + dt.timedelta(days=days)
        ReviewState(state_dir_for(self.folder, state_dir)).snooze(article_id, until)
        return until

    def _reviewable(self, article_id: str) -> Article:
        article = self.article(article_id)
        if article is None:
            raise KbError(f"no article with id {article_id!r} in {self.folder}")
        return article
