"""The server's tables, their version, and the migrations between versions.

One knowledge base per database (or per schema, with `options=-csearch_path=...`
in the URL). Every kbassist that connects checks the version recorded in
`kb_meta`: an older schema is migrated in one transaction under an advisory
lock (so two indexers starting together migrate once), a newer one is
refused with a message, never read half-understood.

Tables (`kb_` names, so they sit beside a team's own tables):
- `kb_meta`: the schema version, the embedder and its dimension, the write
  generation, the BM25 statistics, the calibration.
- `kb_files`: the manifest, each file's hash, size and mtime (`index.store`'s
  `FileState`), so an indexer re-reads only what changed, and the id its
  article has beside the one it claims (`index.ids` settles duplicates).
- `kb_articles`: each whole article (JSON) and its summary, stamped with the
  generation that wrote it; `kb_removed` remembers the ids removed, so an
  agent's app refreshes only what changed since its last look.
- `kb_chunks`: every chunk with its text hash and its vector (pgvector
  `halfvec`, an HNSW index with inner product: vectors are unit length, so
  that is cosine; half precision, as the local faiss index stores them).
- `kb_postings` and `kb_terms`: each article's terms as the engine's own
  analyser cuts them (jieba for Chinese, stemmed English), with their
  counts and the article's length, and each term's document frequency: BM25
  is computed in SQL over them, so Chinese needs no server extension.
- `kb_problems` (with their codes, worded by each agent in its language),
  `kb_blobs` (the escalation model and intent classifier the indexer trained), and
  `kb_events` (the team's shared metrics, see `events`).
"""
from __future__ import annotations

import psycopg

from .connection import ServerError

SCHEMA_VERSION = 3
MIGRATION_LOCK = 0x6B62617373697300  # advisory lock key held while migrating

V1 = """
CREATE TABLE kb_files (path text PRIMARY KEY, hash text NOT NULL, size bigint NOT NULL,
    mtime double precision NOT NULL, article_id text NOT NULL DEFAULT '');
CREATE TABLE kb_articles (id text PRIMARY KEY, path text NOT NULL, generation bigint NOT NULL,
    length integer NOT NULL, data jsonb NOT NULL, summary jsonb NOT NULL);
CREATE INDEX kb_articles_generation ON kb_articles (generation);
CREATE INDEX kb_articles_path ON kb_articles (path);
CREATE TABLE kb_removed (id text PRIMARY KEY, generation bigint NOT NULL);
CREATE TABLE kb_chunks (vid bigint PRIMARY KEY, key text NOT NULL, article_id text NOT NULL, path text NOT NULL,
    heading text NOT NULL, line integer NOT NULL, kind text NOT NULL, text text NOT NULL, text_hash text NOT NULL,
    embedding halfvec);
CREATE INDEX kb_chunks_article ON kb_chunks (article_id);
CREATE INDEX kb_chunks_path ON kb_chunks (path);
CREATE INDEX kb_chunks_hash ON kb_chunks (text_hash);
CREATE TABLE kb_postings (term text NOT NULL, article_id text NOT NULL, tf real NOT NULL, length real NOT NULL,
    PRIMARY KEY (term, article_id) INCLUDE (tf, length));
CREATE INDEX kb_postings_article ON kb_postings (article_id);
CREATE TABLE kb_terms (term text PRIMARY KEY, df integer NOT NULL);
CREATE INDEX kb_terms_prefix ON kb_terms (term text_pattern_ops);
CREATE TABLE kb_problems (path text NOT NULL, line integer NOT NULL, message text NOT NULL, severity text NOT NULL);
CREATE INDEX kb_problems_path ON kb_problems (path);
CREATE TABLE kb_blobs (name text PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE kb_events (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), agent text NOT NULL,
    kind text NOT NULL, data jsonb NOT NULL);
CREATE INDEX kb_events_at ON kb_events (at);
INSERT INTO kb_meta VALUES ('generation', '0'), ('documents', '0'), ('total_length', '0');
"""
# Version 2 (main's duplicate-id rule and problem codes, issue #17 and #20): which id each file claims,
# and each problem's code and facts. Rows written by version 1 claimed the id they have.
V2 = """
ALTER TABLE kb_files ADD COLUMN claimed_id text NOT NULL DEFAULT '';
UPDATE kb_files SET claimed_id = article_id;
CREATE INDEX kb_files_claimed ON kb_files (claimed_id);
CREATE INDEX kb_files_article ON kb_files (article_id);
ALTER TABLE kb_problems ADD COLUMN code text NOT NULL DEFAULT '', ADD COLUMN params jsonb NOT NULL DEFAULT '[]';
"""
# Version 3 (shared metrics, issue #22): an event is keyed by who sent it, its kind, its suggestion and its
# time, so sending again is idempotent. Version 2 rows had no event id; nothing but a test wrote them.
V3 = """
ALTER TABLE kb_events ADD COLUMN event_id bigint NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX kb_events_key ON kb_events (agent, kind, event_id, at);
"""
MIGRATIONS = ((1, V1), (2, V2), (3, V3))  # (version, statements); a later version appends here and never edits an earlier one


def migrate(connection: psycopg.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION; refuse a newer one. Needs pgvector (see README)."""
    with connection.transaction():
        if not connection.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone():
            try:
                with connection.transaction():
                    connection.execute("CREATE EXTENSION IF NOT EXISTS vector")
            except psycopg.errors.InsufficientPrivilege as exc:
                raise ServerError("the database needs the pgvector extension: ask its owner to run "
                                  "CREATE EXTENSION vector; in it") from exc
            except psycopg.errors.FeatureNotSupported as exc:
                raise ServerError(f"pgvector is not installed on the server ({exc})") from exc
        version = stored_version(connection)
        if version == SCHEMA_VERSION:
            return
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        connection.execute("CREATE TABLE IF NOT EXISTS kb_meta (key text PRIMARY KEY, value text NOT NULL)")
        version = stored_version(connection)  # another process may have migrated while this one waited
        if version > SCHEMA_VERSION:
            raise ServerError(f"the server's index has schema version {version}, newer than this kbassist "
                              f"understands ({SCHEMA_VERSION}): upgrade kbassist")
        for number, statements in MIGRATIONS:
            if number > version:
                connection.execute(statements)
        connection.execute("INSERT INTO kb_meta VALUES ('schema_version', %s) ON CONFLICT (key) "
                           "DO UPDATE SET value = EXCLUDED.value", (str(SCHEMA_VERSION),))


def stored_version(connection: psycopg.Connection) -> int:
    """The schema version recorded on the server; 0 for a database kbassist never wrote."""
    if connection.execute("SELECT to_regclass('kb_meta')").fetchone()[0] is None:
        return 0
    row = connection.execute("SELECT value FROM kb_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def set_dimension(connection: psycopg.Connection, dim: int) -> None:
    """Fix the vectors' dimension (known once the embedder is) and build their HNSW index."""
    connection.execute(f"ALTER TABLE kb_chunks ALTER COLUMN embedding TYPE halfvec({int(dim)})")
    connection.execute("INSERT INTO kb_meta VALUES ('dim', %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                       (str(dim),))
    ensure_vector_index(connection)


HNSW_BUILD_MEMORY = "2GB"  # pgvector builds the graph in memory when it fits: at 100k articles, ~1.2 GB


def ensure_vector_index(connection: psycopg.Connection) -> None:
    """The HNSW index over the vectors (a large first build drops it and builds it once at the end).

    The graph is built in memory when `maintenance_work_mem` holds it; past that, pgvector
    goes on on disk, many times slower. Set for this statement only (a role may not raise it:
    then the server's own setting is used)."""
    if connection.execute("SELECT to_regclass('kb_chunks_hnsw')").fetchone()[0] is not None:
        return
    with connection.transaction():
        try:
            with connection.transaction():
                connection.execute(f"SET LOCAL maintenance_work_mem = '{HNSW_BUILD_MEMORY}'")
        except psycopg.errors.InsufficientPrivilege:
            pass
        connection.execute("CREATE INDEX IF NOT EXISTS kb_chunks_hnsw ON kb_chunks "
                           "USING hnsw (embedding halfvec_ip_ops)")


def drop_vector_index(connection: psycopg.Connection) -> None:
    connection.execute("DROP INDEX IF EXISTS kb_chunks_hnsw")
