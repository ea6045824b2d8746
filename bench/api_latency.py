"""The local API's cost: `suggest` over loopback HTTP against the same call in-process, at 10,000 articles.

One Assistant on a generated folder (`python -m bench.generate --articles 10000 --out /tmp/gen-10000
--seed 1`, indexed with `kbassist index`), its model warm. The generated queries are asked in-process
(`Assistant.suggest`), then through `POST /v1/suggest` on the real server (uvicorn on 127.0.0.1, one
keep-alive connection, the token on every request), each query both ways in turn (which goes first
alternates), so machine load and warm caches hit both alike. Besides the two distributions it reports
the API's own cost per request: the round trip minus the time `suggest` took inside the server
(`took_ms`), which the variance of the search itself does not blur. Nothing is logged (`log: false`).
Prints one JSON object; the figures go to bench/API.md.

    python -m bench.api_latency /tmp/gen-10000 --index-dir /tmp/gen-10000-ix
"""
from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time
from pathlib import Path

from kbassist.api import ApiServer
from kbassist.assistant import Assistant

from .metrics import load_queries

TOKEN = "bench-token"
ROUNDS = 3


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": round(statistics.median(values), 2), "p95_ms": round(percentile(values, 0.95), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--queries", type=Path, help="JSON Lines (default: the generator's file beside the folder)")
    parser.add_argument("-n", type=int, default=100, help="queries per round")
    args = parser.parse_args()
    query_file = args.queries or args.folder.with_name(args.folder.name + ".queries.jsonl")
    queries = [row["query"] for row in load_queries(query_file)][: args.n]
    assistant = Assistant(args.folder, args.index_dir)
    assistant.embedder.embed(["warm-up"])
    server = ApiServer(assistant, token=TOKEN, port=0).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    overhead: list[float] = []

    def over_http(text: str) -> float:
        start = time.perf_counter()
        connection.request("POST", "/v1/suggest", json.dumps({"message": text, "log": False}), headers)
        response = connection.getresponse()
        body = response.read()
        took = (time.perf_counter() - start) * 1000
        assert response.status == 200, body[:200]
        overhead.append(took - json.loads(body)["took_ms"])
        return took

    def in_process(text: str) -> float:
        start = time.perf_counter()
        assistant.suggest(text, log=False)
        return (time.perf_counter() - start) * 1000

    for text in queries[:5]:  # warm both paths
        in_process(text)
        over_http(text)
    local, remote = [], []
    overhead.clear()
    for round_number in range(ROUNDS):
        for n, text in enumerate(queries):
            if (n + round_number) % 2:
                local.append(in_process(text))
                remote.append(over_http(text))
            else:
                remote.append(over_http(text))
                local.append(in_process(text))
    connection.close()
    server.stop()
    articles = len(assistant.article_summaries())
    assistant.close()
    result = {"articles": articles, "in_process": summary(local), "http": summary(remote),
              "api_cost_per_request": summary(overhead)}
    result["p95_overhead_ms"] = round(result["http"]["p95_ms"] - result["in_process"]["p95_ms"], 2)
    result["p50_overhead_ms"] = round(result["http"]["p50_ms"] - result["in_process"]["p50_ms"], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
