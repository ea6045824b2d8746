"""The private log's tables, and how an older log is brought up to date (kbassist.assist.history)."""
from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3  # 1: message was masked plain text; 2: sealed; 3: what Insights counts (#21)
INSIGHTS = """
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    time TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE vectors (
    event_id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    embedder TEXT NOT NULL,
    vector BLOB NOT NULL
);
"""
INSIGHT_COLUMNS = (
    ("events", "top_article TEXT NOT NULL DEFAULT ''"), ("events", "confidence REAL NOT NULL DEFAULT 0"),
    ("events", "categories TEXT NOT NULL DEFAULT ''"), ("events", "sentiment TEXT NOT NULL DEFAULT ''"),
    ("events", "low_confidence INTEGER NOT NULL DEFAULT 0"), ("events", "variants TEXT NOT NULL DEFAULT ''"),
    ("copies", "variant TEXT NOT NULL DEFAULT ''"), ("copies", "seconds REAL"),
    ("copies", "edit REAL NOT NULL DEFAULT 0"),
)
SCHEMA = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    lang TEXT NOT NULL,
    escalated INTEGER NOT NULL,
    no_answer INTEGER NOT NULL,
    message BLOB
);
CREATE TABLE copies (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    time TEXT NOT NULL,
    article_id TEXT NOT NULL,
    reply_title TEXT NOT NULL
);
CREATE INDEX events_time ON events(time);
"""
META = "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
TABLES = ("events", "copies", "feedback", "vectors")


def add_insight_columns(conn: sqlite3.Connection) -> None:
    """Schema 2 to 3: what Insights counts. Old rows read as shown nothing more, copied as before."""
    with conn:
        for table, column in INSIGHT_COLUMNS:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
        conn.executescript(INSIGHTS)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
