"""Team mode: one shared index on PostgreSQL (with pgvector) that many agents search.

One indexer keeps the server's index current (`kbassist index/watch FOLDER
--server URL`); every agent's app or CLI searches it, embedding only its own
query. The search layer above (`search.hybrid`) is the same as for a local
index: `search.ServerSearchIndex` satisfies `index.backend.SearchIndex`.

Modules: `connection` (pool, errors, the writer's advisory lock), `schema`
(tables and migrations), `records` (articles as JSON), `store` and `search`
(reads), `writer` and `sync` (the indexer), `embedding` (worker processes for
a large build), `index` (what the Assistant holds), `events` (shared
metrics), `devserver` (a local PostgreSQL for trying team mode and for tests).
"""
