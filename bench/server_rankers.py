"""Which keyword ranking the server uses: BM25 over the stored terms, or PostgreSQL's `ts_rank_cd`.

    python -m bench.server_rankers URL FOLDER QUERIES   # URL: a server already indexed from FOLDER

Both read the same terms (kbassist's analyser: jieba for Chinese, stemmed
English), so only the scoring differs. `ts_rank_cd` needs positions: a
scratch table `bench_tsv` gets one tsvector per article with our own
positions, and a GIN index. The two are compared by recall@1 with the
keyword half alone and in the hybrid search (same vectors, same fusion),
and by the keyword query's latency. Writes bench/out/server-rankers-NAME.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kbassist.assistant import Assistant
from kbassist.index.keyword import keyword_text
from kbassist.search.evaluate import Record, load_queries, percentile, retrieval
from kbassist.search.hybrid import HybridSearcher, Tuning
from kbassist.server.search import ServerSearchIndex

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position


class TsRankIndex(ServerSearchIndex):
    """The server's search index with the keyword half ranked by `ts_rank_cd` over `bench_tsv`."""

    def _bm25(self, weights, frequencies, limit):
        if not weights:
            return []
        terms = list(weights)
        query = " | ".join("'" + t.replace("'", "''") + "'" for t in terms)
        rows = self.reader.rows(
            "SELECT article_id, ts_rank_cd(tsv, q), ARRAY(SELECT unnest(tsvector_to_array(tsv)) INTERSECT "
            "SELECT unnest(%(terms)s::text[])) FROM bench_tsv, "
            "CAST(%(q)s AS tsquery) AS q WHERE tsv @@ q ORDER BY 2 DESC LIMIT %(n)s",
            {"terms": terms, "q": query, "n": limit})
        return [(article_id, float(score), frozenset(matched)) for article_id, score, matched in rows]


def tsvector_literal(analyzer, text: str) -> str:
    positions: dict[str, list[int]] = {}
    for token in analyzer(text, positions=True):
        positions.setdefault(token.text, []).append(min(MAX_POSITION, token.pos + 1))
    return " ".join("'" + t.replace("'", "''") + "':" + ",".join(map(str, sorted(set(p))[:256]))
                    for t, p in positions.items())


def fill_tsvectors(assistant: Assistant) -> None:
    analyzer = assistant._ix.search_index().analyzer
    rows = [(a.id, tsvector_literal(analyzer, keyword_text(a))) for a in assistant.articles()]

    def write(connection):
        with connection.transaction():
            connection.execute("DROP TABLE IF EXISTS bench_tsv")
            connection.execute("CREATE TABLE bench_tsv (article_id text PRIMARY KEY, tsv tsvector)")
            connection.cursor().executemany("INSERT INTO bench_tsv VALUES (%s, %s::tsvector)", rows)
            connection.execute("CREATE INDEX bench_tsv_gin ON bench_tsv USING gin (tsv)")
        connection.execute("ANALYZE bench_tsv")
    assistant._ix.reader.run(write)


def measure(assistant: Assistant, index: ServerSearchIndex, queries, mode: str) -> dict:
    calibrated = assistant.calibration
    tuning = Tuning(no_answer_confidence=calibrated.threshold if calibrated else 0.53)
    articles = {a.id: a for a in assistant.article_summaries()}
    searcher = HybridSearcher(index, articles, assistant._embed_query, tuning)
    records, ms = [], []
    for q in queries:
        start = time.perf_counter()
        result = searcher.search(q.query, 5, mode)
        ms.append((time.perf_counter() - start) * 1000)
        records.append(Record(tuple(h.id for h in result.hits), q.expected))
    found = retrieval(records)
    return {"recall@1": round(found["recall@1"], 4), "mrr": round(found["mrr"], 4),
            "p50_ms": round(percentile(ms, 50), 2), "p95_ms": round(percentile(ms, 95), 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("folder", type=Path)
    parser.add_argument("queries", type=Path)
    parser.add_argument("--name", default="")
    args = parser.parse_args(argv)
    queries, _ = load_queries(args.queries)
    with Assistant(args.folder, server=args.url) as assistant:
        assistant.embedder.embed(["warm-up"])
        fill_tsvectors(assistant)
        bm25 = assistant._ix.search_index()
        ts = TsRankIndex(bm25.store, bm25._generation, lambda fresh, gone: None)
        result = {ranker: {mode: measure(assistant, index, queries, mode) for mode in ("keyword", "hybrid")}
                  for ranker, index in (("bm25_over_terms", bm25), ("ts_rank_cd", ts))}
        assistant._ix.reader.run(lambda connection: connection.execute("DROP TABLE bench_tsv"))
    out = Path(f"bench/out/server-rankers-{args.name or args.folder.parent.name}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    json.dump(result, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
