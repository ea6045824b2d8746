"""The keyword half of the hybrid index: whoosh, one document per article.

whoosh stores the index; queries are scored by `kbassist.bm25` over its
postings (whoosh's own scorer walks every posting in Python). One document
per article and one weighted text field keep posting lists short. Title
and listed customer questions are repeated in the field so a match there
counts more than one in the body (BM25F-like weighting in a single field).
The best section of a keyword hit is picked afterwards, among that
article's few chunks only.

Common English words arrive here already spelled right (`kbassist.spelling`);
other typos, in the folder's own names and jargon, are forgiven by a fuzzy
pass that runs only for query words the folder has never seen, and only
when the exact query finds little, so correctly spelled queries pay nothing
for it.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from ..errors import IndexDamaged
from ..knowledge.model import Article
from . import whoosh_pickles
from .analysis import mixed_analyzer, query_terms, warm_up
from .bm25 import PostingScorer, SegmentPostings
from .term_query import rank_terms

whoosh_pickles.install()  # before any whoosh index is opened: see that module

TITLE_WEIGHT = 3  # copies of the title in the indexed text
QUESTION_WEIGHT = 2  # copies of each listed customer question
# Characters of an article's text keyword-indexed at most. whoosh's indexing is Python, linear but
# slow: a 2 MB article of 28,000 headings took 8 s in whoosh alone (issue #17). The semantic index
# still holds every section; the indexer warns when an article is cut (see `indexer.parse_file`).
MAX_KEYWORD_CHARS = 256 * 1024


def make_schema() -> Schema:
    return Schema(article_id=ID(stored=True, unique=True), path=ID(stored=False),
                  text=TEXT(analyzer=mixed_analyzer()))


def keyword_text(article: Article) -> str:
    """The text indexed for an article: weighted title and questions, then headings and body."""
    parts = [article.title] * TITLE_WEIGHT
    parts += [q for q in article.questions for _ in range(QUESTION_WEIGHT)]
    for section in article.sections:
        parts += [section.heading, section.text]
    parts += [f"{r.title}\n{r.text}" for r in article.replies]
    return "\n".join(p for p in parts if p)[:MAX_KEYWORD_CHARS]


@dataclass(frozen=True)
class KeywordHit:
    article_id: str
    score: float
    matched: frozenset[str]  # query terms found in this article


@dataclass(frozen=True)
class KeywordResult:
    hits: list[KeywordHit]
    terms: list[str]  # the analysed query terms
    known_terms: int  # how many of them occur anywhere in the folder


class KeywordIndex:
    """Owns the whoosh directory; searches use one cached searcher replaced after writes."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self.analyzer = mixed_analyzer()
        warm_up()
        self._ix = self._open_or_create()
        self._posting_scorer: PostingScorer | None = None  # over a reader opened at the first search after a write
        self._segment_postings: dict[str, SegmentPostings] = {}  # kept across writes, see kbassist.bm25
        self._paths: set[str] | None = None  # paths with a document, read from the index by the first bulk write

    def _open_or_create(self):
        """Open (or create) the whoosh index with plain file reads, not mmap.

        With mmap, whoosh touched most of a 10,000-article index while opening
        a reader: 72 MB more resident memory, for 0.4 ms less per query.
        A table of contents that cannot be read (damaged, or naming classes a
        keyword index never holds) raises IndexDamaged; a disk error is left as it is.
        """
        self.directory.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(self.directory), supports_mmap=False)
        try:
            if whoosh_index.exists_in(str(self.directory)):  # exists_in reads the table of contents too
                return storage.open_index()
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - whoosh raises a dozen kinds on a damaged file
            raise IndexDamaged(f"keyword index unreadable: {type(exc).__name__}: {exc}") from exc
        return storage.create_index(make_schema())

    def close(self) -> None:
        with self._lock:
            readers = [s.reader for s in self._segment_postings.values()]
            if self._posting_scorer is not None:
                readers += [leaf for leaf, _ in self._posting_scorer.reader.leaf_readers()]
            for reader in readers:
                if not getattr(reader, "is_closed", True):  # whoosh's empty reader has nothing to close
                    reader.close()
            self._ix.close()

    def replace(self, remove_paths: Iterable[str], articles: Iterable[Article], bulk: bool = False) -> None:
        """Delete the documents of `remove_paths`, add `articles`, commit once.

        `bulk` (a build, batch after batch): the commit leaves its own segment,
        for `merge_all` to combine once at the end, and only paths that have a
        document are deleted: a delete looks the path up in every segment, and
        a first build (every path new) spent more and more time on it.
        """
        remove_paths = set(remove_paths)
        if bulk:
            remove_paths &= self._indexed_paths()
        articles = list(articles)
        writer = self._ix.writer(limitmb=128)
        try:
            for path in remove_paths:
                writer.delete_by_term("path", path)
            for article in articles:
                writer.add_document(article_id=article.id, path=article.path, text=keyword_text(article))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=not bulk)
        if self._paths is not None:
            self._paths -= remove_paths
            self._paths.update(article.path for article in articles)
        self._written()

    def merge_all(self) -> None:
        """Combine all segments into one, rewriting each document once.

        whoosh's default policy merges small segments as commits arrive, so a
        bulk build of n documents rewrote each about log(n) times: at 50,000
        articles half of the keyword phase went into merges, and it grew
        faster than the folder. Bulk commits skip merging and end here instead.
        """
        writer = self._ix.writer(limitmb=128)
        writer.commit(optimize=True)
        self._written()

    def _indexed_paths(self) -> set[str]:
        if self._paths is None:
            with self._ix.reader() as reader:
                self._paths = {term.decode() for term in reader.lexicon("path")}
        return self._paths

    def _written(self) -> None:
        """The next search opens a fresh reader (not each write: a bulk build writes hundreds of times).

        The old reader is left to the garbage collector, as a search may still use it."""
        with self._lock:
            self._posting_scorer = None

    def _scorer(self) -> PostingScorer:
        with self._lock:
            if self._posting_scorer is None:
                reader = self._ix.reader()
                self._posting_scorer = PostingScorer(reader, "text", "article_id", self._segment_postings)
                current = {leaf.segment().segment_id() for leaf, _ in reader.leaf_readers() if leaf.segment()}
                for merged_away in set(self._segment_postings) - current:
                    del self._segment_postings[merged_away]  # its reader goes with the last search using it
            return self._posting_scorer

    def has_word(self, word: str) -> bool:
        """Whether some article contains `word`, as analysed (lower-cased, stemmed)."""
        scorer = self._scorer()
        terms = query_terms(self.analyzer, word)
        return bool(terms) and all(scorer.frequency(t) for t in terms)

    def search(self, text: str, limit: int = 50) -> KeywordResult:
        scorer = self._scorer()
        terms = query_terms(self.analyzer, text)
        hits, known = rank_terms(
            terms, lambda words: {t: scorer.frequency(t) for t in words}, scorer.score,
            lambda word, edits: scorer.reader.terms_within("text", word, edits, prefix=1), limit)
        return KeywordResult([KeywordHit(key, score, matched) for key, score, matched in hits], terms, known)
