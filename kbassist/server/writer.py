"""Writing files' articles, chunks, vectors and terms to the server, each batch in one transaction.

An agent never sees half an article: its row, its chunks with their
vectors, its terms and the term statistics change in the same commit, and
the write generation goes up in it too (agents' apps refresh by it). A
file's old rows are forgotten by path and by article id (a renamed file
keeps its id, and its chunks their ids), with the document frequencies and
the BM25 totals lowered for what is forgotten and raised for what is added.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import psycopg
from pgvector import HalfVector

from ..errors import Problem
from ..index.indexer import ParsedFile
from ..index.keyword import keyword_text
from ..index.store import FileState, summary, text_hash, vector_id
from ..knowledge.chunks import chunk_article
from ..knowledge.model import Chunk
from .records import encode

CHUNK_TYPES = ("bigint", "text", "text", "text", "text", "integer", "text", "text", "text", "halfvec")


@dataclass
class Prepared:
    """One file made ready to write: its chunks and its article's terms (counts) and length."""

    parsed: ParsedFile
    chunks: list[Chunk] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)

    @property
    def length(self) -> int:
        return sum(self.terms.values())


def prepare(parsed: ParsedFile, analyzer) -> Prepared:
    """Chunks and terms of a parsed file, cut by the same analyser as the local keyword index."""
    if parsed.article is None:
        return Prepared(parsed)
    terms = Counter(token.text for token in analyzer(keyword_text(parsed.article)))
    return Prepared(parsed, chunk_article(parsed.article), terms)


def known_vectors(connection: psycopg.Connection, hashes: set[str]) -> dict[str, np.ndarray]:
    """Vectors already on the server for these chunk texts (unchanged sections, renamed files)."""
    rows = connection.execute("SELECT DISTINCT ON (text_hash) text_hash, embedding FROM kb_chunks "
                              "WHERE text_hash = ANY(%s) AND embedding IS NOT NULL", (list(hashes),)).fetchall()
    return {h: v.to_numpy() for h, v in rows}


def write_files(connection: psycopg.Connection, prepared: list[Prepared], unchanged: list[FileState],
                vectors: dict[str, np.ndarray]) -> list[str]:
    """Replace these files' rows in one transaction; returns the article ids that went away."""
    with connection.transaction():
        generation = _next_generation(connection)
        for state in unchanged:  # same bytes, new mtime: remembered so the next run skips the read
            _put_file(connection, state)
        articles = [p.parsed.article for p in prepared if p.parsed.article is not None]
        gone = _forget(connection, [p.parsed.state.path for p in prepared], [a.id for a in articles], generation)
        for p in prepared:
            _put_file(connection, p.parsed.state)
        _put_problems(connection, [(p.parsed.state.path, p.parsed.problems) for p in prepared])
        connection.cursor().executemany(
            "INSERT INTO kb_articles VALUES (%s, %s, %s, %s, %s, %s)",
            [(p.parsed.article.id, p.parsed.state.path, generation, p.length, encode(p.parsed.article),
              encode(summary(p.parsed.article))) for p in prepared if p.parsed.article is not None])
        connection.execute("DELETE FROM kb_removed WHERE id = ANY(%s)", ([a.id for a in articles],))
        _put_chunks(connection, prepared, vectors)
        _put_terms(connection, [p for p in prepared if p.parsed.article is not None])
    return gone


def remove_files(connection: psycopg.Connection, paths: list[str]) -> list[str]:
    """Forget files that left the folder, in one transaction; returns their article ids that no other
    file has now (a renamed file took its id over)."""
    with connection.transaction():
        generation = _next_generation(connection)
        gone = _forget(connection, paths, [], generation)
        connection.execute("DELETE FROM kb_files WHERE path = ANY(%s)", (paths,))
        held = {i for (i,) in connection.execute("SELECT article_id FROM kb_files WHERE article_id = ANY(%s)",
                                                 (gone,))}
    return [i for i in gone if i not in held]


def _next_generation(connection: psycopg.Connection) -> int:
    return int(connection.execute("UPDATE kb_meta SET value = (value::bigint + 1)::text "
                                  "WHERE key = 'generation' RETURNING value").fetchone()[0])


def _forget(connection: psycopg.Connection, paths: list[str], keep_ids: list[str], generation: int) -> list[str]:
    """Delete the rows of `paths` and of articles `keep_ids` (about to be written again), lowering the
    term statistics; the ids that do not come back are recorded as removed at `generation`."""
    rows = connection.execute("SELECT id, length FROM kb_articles WHERE path = ANY(%s) OR id = ANY(%s)",
                              (paths, keep_ids)).fetchall()
    ids = [r[0] for r in rows]
    if ids:
        lowered = connection.execute("SELECT term, count(*) FROM kb_postings WHERE article_id = ANY(%s) "
                                     "GROUP BY term", (ids,)).fetchall()
        _add_frequencies(connection, {term: -n for term, n in lowered})
        _add_totals(connection, -len(ids), -sum(r[1] for r in rows))
        connection.execute("DELETE FROM kb_postings WHERE article_id = ANY(%s)", (ids,))
        connection.execute("DELETE FROM kb_articles WHERE id = ANY(%s)", (ids,))
    connection.execute("DELETE FROM kb_chunks WHERE path = ANY(%s) OR article_id = ANY(%s)", (paths, ids))
    connection.execute("DELETE FROM kb_problems WHERE path = ANY(%s)", (paths,))
    gone = sorted(set(ids) - set(keep_ids))
    if gone:
        connection.cursor().executemany("INSERT INTO kb_removed VALUES (%s, %s) ON CONFLICT (id) "
                               "DO UPDATE SET generation = EXCLUDED.generation", [(i, generation) for i in gone])
    return gone


def _put_file(connection: psycopg.Connection, state: FileState) -> None:
    connection.execute("INSERT INTO kb_files (path, hash, size, mtime, article_id, claimed_id) "
                       "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (path) DO UPDATE SET "
                       "hash = EXCLUDED.hash, size = EXCLUDED.size, mtime = EXCLUDED.mtime, "
                       "article_id = EXCLUDED.article_id, claimed_id = EXCLUDED.claimed_id",
                       (state.path, state.hash, state.size, state.mtime, state.article_id, state.claimed_id))


def _put_problems(connection: psycopg.Connection, per_file: list[tuple[str, list[Problem]]]) -> None:
    rows = [(path, p.line, p.message, p.severity, p.code, json.dumps(p.params, ensure_ascii=False))
            for path, problems in per_file for p in problems]
    if rows:
        connection.cursor().executemany("INSERT INTO kb_problems (path, line, message, severity, code, params) "
                                        "VALUES (%s, %s, %s, %s, %s, %s::jsonb)", rows)


def _put_chunks(connection: psycopg.Connection, prepared: list[Prepared], vectors: dict[str, np.ndarray]) -> None:
    with connection.cursor().copy("COPY kb_chunks FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(CHUNK_TYPES)
        for p in prepared:
            for c in p.chunks:
                h = text_hash(c.text)
                copy.write_row((vector_id(c.key), c.key, c.article_id, p.parsed.state.path, c.heading, c.line,
                                c.kind, c.text, h, HalfVector(vectors[h])))


def _put_terms(connection: psycopg.Connection, prepared: list[Prepared]) -> None:
    with connection.cursor().copy("COPY kb_postings FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(("text", "text", "float4", "float4"))
        for p in prepared:
            for term, count in p.terms.items():
                copy.write_row((term, p.parsed.article.id, count, p.length))
    _add_frequencies(connection, Counter(term for p in prepared for term in p.terms))
    _add_totals(connection, len(prepared), sum(p.length for p in prepared))


def _add_frequencies(connection: psycopg.Connection, deltas: dict[str, int]) -> None:
    if not deltas:
        return
    terms = sorted(deltas)  # a fixed order: concurrent upserts of one term set never deadlock
    connection.execute("INSERT INTO kb_terms SELECT * FROM unnest(%s::text[], %s::int[]) ON CONFLICT (term) "
                       "DO UPDATE SET df = kb_terms.df + EXCLUDED.df", (terms, [deltas[t] for t in terms]))
    connection.execute("DELETE FROM kb_terms WHERE term = ANY(%s) AND df <= 0",
                       ([t for t in terms if deltas[t] < 0],))


def _add_totals(connection: psycopg.Connection, documents: int, length: int) -> None:
    connection.execute("UPDATE kb_meta SET value = (value::bigint + CASE key WHEN 'documents' THEN %s ELSE %s END)"
                       "::text WHERE key IN ('documents', 'total_length')", (documents, length))
