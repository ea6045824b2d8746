"""Background jobs of one `Assistant`: large builds, embedding and reviews, in worker processes.

`assistant.jobs` is the only way to start them; `Assistant.close()` stops
them. See `docs/architecture.md` for the concurrency contract they are part of.
"""
from ..errors import WorkerStopped
from .jobs import BULK_CHUNKS, BULK_FILES, BULK_REVIEW_ARTICLES, Cancel, Jobs

__all__ = ("BULK_CHUNKS", "BULK_FILES", "BULK_REVIEW_ARTICLES", "Cancel", "Jobs", "WorkerStopped")
