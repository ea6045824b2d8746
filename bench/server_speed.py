"""Team mode's speed on PostgreSQL (issue #22): build, queries with 1 and 8 agents, save to searchable, size.

    python -m bench.generate --articles 10000 --out bench/data/gen-10000 --seed 1
    python -m bench.server_speed --articles 10000 --dev /tmp/kb-pg-10k --local

Starts a local PostgreSQL with pgvector (`kbassist.server.devserver`) in the
`--dev` folder (or uses `--server URL`), indexes the generated folder there
and measures, writing one JSON file to bench/out/:

- build: `Assistant.update()` on an empty server index, then the calibration;
- queries, one agent: the generated queries through `Assistant.search`
  (hybrid), wall time per query, with the query embedded here (USE) and,
  separately, the server's part alone (the vector embedded beforehand);
- queries, 8 agents: 8 processes, each its own Assistant and connection
  pool, all searching at once. Their queries are embedded beforehand: on a
  team each agent embeds on its own laptop, while here the 8 share the
  server's two cores, so embedding in them would measure this machine, not
  the server. Measured twice: whole searches (the ranking and fusion run in
  each agent, so 8 agents on 2 cores also share the laptops' work), and the
  server calls of a search alone (keyword and vector candidates, the shown
  hits' sections), which is the server's own latency under 8 agents; each
  process's CPU per query is reported for one agent (the laptop's share);
- with `--warm-file`, the same again by agents whose apps answered other
  generated queries first (untimed): an app keeps each query word's
  postings (`server.postings`), so the cold figures above are an agent's
  first messages, these an agent's after some hundreds;
- save to searchable: an indexer watching the folder (`Assistant.watch`), an
  agent's Assistant searching for a new word appended to one article;
- the database's size on disk (`pg_database_size`).

`--local` measures the local backend on the same folder and queries
(build, one agent, index size) for comparison.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psycopg

from kbassist.assistant import Assistant
from kbassist.search.evaluate import percentile
from kbassist.search.hybrid import CANDIDATES

from .metrics import load_queries

AGENTS = 8
ROUNDS_PER_AGENT = 60
SAVE_ROUNDS = 5


class ReplayEmbedder:
    """The folder's embedder with the benchmark's queries embedded beforehand (see the module docstring)."""

    def __init__(self, name: str, vectors: dict[str, np.ndarray]):
        self.name, self.vectors = name, vectors
        self.dim = len(next(iter(vectors.values())))

    def embed(self, texts):
        return np.vstack([self.vectors[t] for t in texts])


class SeededEmbedder:
    """Unit vectors drawn from a seed hashed from the text: USE's dimension at a fraction of its cost.

    For a build too large to embed on this machine in a session (100k articles: hours of USE on
    two shared cores): the database, its HNSW index and the queries' costs are those of 512-d
    vectors, and USE's own share of a build is measured at 10k and added by rate (bench/SERVER.md).
    Named `hash-512` as the test embedder is: an agent's app loads that one by the name."""

    name, dim = "hash-512", 512

    def embed(self, texts):
        rows = [np.random.default_rng(int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little"))
                .standard_normal(self.dim) for t in texts]
        matrix = np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


class RecordingEmbedder:
    """The real embedder, keeping each text it embeds (queries as searched: spelling corrected)."""

    def __init__(self, embedder):
        self.inner, self.name, self.dim, self.vectors = embedder, embedder.name, embedder.dim, {}

    def embed(self, texts):
        vectors = np.asarray(self.inner.embed(texts))
        self.vectors.update(zip(texts, vectors))
        return vectors


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


def timed_queries(assistant: Assistant, texts: list[str]) -> tuple[list[float], float]:
    """Wall milliseconds of each search, and this process's CPU milliseconds per search."""
    for text in texts[:3]:
        assistant.search(text)  # warm-up: pool, caches
    out = []
    cpu = time.process_time()
    for text in texts:
        start = time.perf_counter()
        assistant.search(text, k=5)
        out.append((time.perf_counter() - start) * 1000)
    return out, (time.process_time() - cpu) * 1000 / max(1, len(texts))


def summary(ms: list[float], cpu_ms: float | None = None) -> dict:
    """Percentiles; `cpu_ms`: the searching process's own CPU per query (the laptop's share)."""
    out = {"queries": len(ms), "p50_ms": round(percentile(ms, 50), 2), "p95_ms": round(percentile(ms, 95), 2)}
    return out if cpu_ms is None else {**out, "client_cpu_ms_per_query": round(cpu_ms, 2)}


def _agent(spec: dict, barrier, results) -> None:
    """One agent process: its own Assistant on the server, its share of the queries after a barrier."""
    vectors = {t: np.asarray(v, dtype=np.float32) for t, v in spec["vectors"].items()}
    assistant = Assistant(spec["folder"], server=spec["url"], embedder=ReplayEmbedder(spec["embedder"], vectors))
    texts = spec["texts"]
    timed_queries(assistant, texts[:3])
    for text in spec["warm"]:  # an agent who has answered these before (its postings cache kept)
        assistant.search(text, k=5)
    index = assistant._ix.search_index()
    barrier.wait(timeout=600)
    ms = []
    for i in range(ROUNDS_PER_AGENT):
        text = texts[(spec["number"] * 7 + i) % len(texts)]
        start = time.perf_counter()
        if spec["calls_only"]:  # what a search asks of the server, without the ranking done on the laptop
            index.keyword_candidates(text, CANDIDATES * 3)
            found = index.vector_candidates(vectors[text], CANDIDATES * 3)
            closest: dict[str, int] = {}
            for vid, article_id, _ in found:
                closest.setdefault(article_id, vid)
            for vid in list(closest.values())[:5]:  # the shown hits' sections, as `HybridSearcher._hit` reads them
                index.chunk(vid)
        else:
            assistant.search(text, k=5)
        ms.append((time.perf_counter() - start) * 1000)
    assistant.close()
    results.put(ms)


def concurrent_agents(folder: Path, url: str, embedder: str, vectors: dict[str, np.ndarray], texts: list[str],
                      calls_only: bool = False, warm: list[str] = ()) -> dict:
    """AGENTS processes searching at once, each started and waiting at a barrier first (`calls_only`:
    only the server calls of each search, see `_agent`; `warm`: queries each answers first, untimed)."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(AGENTS), context.Queue()
    plain = {t: v.tolist() for t, v in vectors.items()}
    agents = [context.Process(target=_agent, args=({"folder": str(folder), "url": url, "embedder": embedder,
                                                    "vectors": plain, "number": n, "texts": texts,
                                                    "calls_only": calls_only, "warm": list(warm)},
                                                   barrier, results)) for n in range(AGENTS)]
    for agent in agents:
        agent.start()
    try:
        ms = [m for _ in agents for m in results.get(timeout=1200)]
    finally:
        for agent in agents:
            agent.join(30)
            if agent.is_alive():
                agent.terminate()
    return {**summary(ms), "agents": AGENTS}


def save_to_searchable(folder: Path, url: str | None, index_dir: Path | None) -> dict:
    """Append a new word to one article while an indexer watches; time until an agent's search finds it."""
    indexer = Assistant(folder, index_dir, server=url)
    agent = Assistant(folder, index_dir, server=url) if url else indexer
    watcher = indexer.watch()
    path = next(p for p in sorted(folder.rglob("*.md")) if "\nstatus: published" in p.read_text(encoding="utf-8"))
    original = path.read_text(encoding="utf-8")
    rounds = []
    try:
        for i in range(SAVE_ROUNDS):
            word = f"serverbenchmarker{i}q"
            start = time.perf_counter()
            path.write_text(original + f"\n\nAdded by the benchmark: {word}.\n", encoding="utf-8")
            while not agent.search(word, k=3, mode="keyword").hits:
                if time.perf_counter() - start > 60:
                    break
                time.sleep(0.02)
            rounds.append((time.perf_counter() - start) * 1000)
    finally:
        path.write_text(original, encoding="utf-8")
        time.sleep(1.0)  # the watcher's update of the restored file
        watcher.stop()
        indexer.close()
        if agent is not indexer:
            agent.close()
    return {"median_ms": round(sorted(rounds)[len(rounds) // 2], 1), "rounds_ms": [round(r, 1) for r in rounds],
            "debounce_ms": 300}


def measure_server(folder: Path, url: str, texts: list[str], embedder, warm: list[str] = ()) -> dict:
    out: dict = {}
    start = time.perf_counter()
    with Assistant(folder, server=url, embedder=embedder) as indexer:
        built = bool(indexer.update().added)  # an index left by an earlier run: a rescan that finds nothing
        out["build_s" if built else "rescan_unchanged_s"] = round(time.perf_counter() - start, 1)
        log("built" if built else "rescanned", round(time.perf_counter() - start, 1), "s")
        if built:
            indexer.calibrate()
            out["build_and_calibrate_s"] = round(time.perf_counter() - start, 1)
        stats = indexer.stats()
        out["articles"], out["chunks"] = stats["articles"], stats["chunks"]
        with psycopg.connect(url) as connection:
            size = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        out["database_mb"] = round(size / 2 ** 20, 1)
        recording = RecordingEmbedder(indexer.embedder)
    with Assistant(folder, server=url, embedder=recording) as agent:
        recording.embed(["warm-up"])
        out["one_agent_with_embedding"] = summary(*timed_queries(agent, texts))
    name, vectors = recording.name, recording.vectors
    with Assistant(folder, server=url, embedder=ReplayEmbedder(name, vectors)) as agent:
        out["one_agent_server_only"] = summary(*timed_queries(agent, texts))
    log("one agent", out["one_agent_with_embedding"], out["one_agent_server_only"])
    if warm:  # the same, by an agent whose app has answered other messages before (see --warm-file)
        with Assistant(folder, server=url, embedder=recording) as agent:  # their vectors, as searched
            for text in warm:
                agent.search(text, k=5)
        with Assistant(folder, server=url, embedder=ReplayEmbedder(name, vectors)) as agent:
            for text in warm:
                agent.search(text, k=5)
            out["one_agent_warm_server_only"] = summary(*timed_queries(agent, texts))
        log("one agent, warm", out["one_agent_warm_server_only"])
    out["eight_agents_server_only"] = concurrent_agents(folder, url, name, vectors, texts)
    out["eight_agents_server_calls_only"] = concurrent_agents(folder, url, name, vectors,
                                                              [t for t in texts if t in vectors], calls_only=True)
    log("eight agents", out["eight_agents_server_only"], out["eight_agents_server_calls_only"])
    if warm:
        share = warm[:len(warm) // AGENTS * 2]  # each agent's app has answered a share of other messages
        out["eight_agents_warm_server_only"] = concurrent_agents(folder, url, name, vectors, texts, warm=share)
        out["eight_agents_warm_server_calls_only"] = concurrent_agents(
            folder, url, name, vectors, [t for t in texts if t in vectors], calls_only=True, warm=share)
        log("eight agents, warm", out["eight_agents_warm_server_only"], out["eight_agents_warm_server_calls_only"])
    out["save_to_searchable"] = save_to_searchable(folder, url, None)
    log("save to searchable", out["save_to_searchable"])
    return out


def measure_local(folder: Path, texts: list[str], embedder: str, work: Path) -> dict:
    from kbassist.cli.common import run_with_progress

    index_dir = work / "local-index"
    shutil.rmtree(index_dir, ignore_errors=True)
    out: dict = {}
    start = time.perf_counter()
    with Assistant(folder, index_dir, embedder=embedder) as assistant:
        run_with_progress(assistant.jobs.build(), quiet=True)
        out["build_s"] = round(time.perf_counter() - start, 1)
        assistant.save_vector_snapshot()
        assistant.calibrate()
        out["build_and_calibrate_s"] = round(time.perf_counter() - start, 1)
        assistant.embedder.embed(["warm-up"])
        out["one_agent_with_embedding"] = summary(*timed_queries(assistant, texts))
    out["index_mb"] = round(sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file()) / 2 ** 20, 1)
    log("local", out)
    out["save_to_searchable"] = save_to_searchable(folder, None, index_dir)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--dev", type=Path, help="folder of a local PostgreSQL started for the run")
    parser.add_argument("--server", help="an existing server's URL instead of --dev (its index is replaced)")
    parser.add_argument("--embedder", default="use-multilingual",
                        help="an embedder name, or `seeded` (see SeededEmbedder), embedded in-process")
    parser.add_argument("--local", action="store_true", help="also measure the local backend")
    parser.add_argument("--warm-file", type=Path,
                        help="more generated queries of the same folder (bench.generate --queries N --query-file "
                             "F): agents answer those first, untimed, then the benchmark's are timed again")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    folder = Path(f"bench/data/gen-{args.articles}").resolve()
    texts = [q["query"] for q in load_queries(Path(f"bench/data/gen-{args.articles}.queries.jsonl"))]
    warm = [q["query"] for q in load_queries(args.warm_file)] if args.warm_file else []
    warm = [t for t in dict.fromkeys(warm) if t not in set(texts)]
    result: dict = {"articles": args.articles, "queries": len(texts), "embedder": args.embedder}
    embedder = args.embedder
    if embedder == "seeded":
        from kbassist.server import sync

        embedder = SeededEmbedder()
        sync.BULK_FILES = 10 ** 9  # embedded in-process: the workers would load embedders by name
    dev = None
    try:
        if args.server:
            url = args.server
        else:
            from kbassist.server.devserver import DevServer

            dev = DevServer(args.dev or Path(tempfile.mkdtemp(prefix="kb-pg-bench-")))
            url = dev.start()
        result["server"] = measure_server(folder, url, texts, embedder, warm)
        if args.local:
            with tempfile.TemporaryDirectory(prefix="kb-local-bench-") as work:
                result["local"] = measure_local(folder, texts, args.embedder, Path(work))
    finally:
        if dev is not None:
            dev.stop()
    out = args.out or Path(f"bench/out/server-{args.articles}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
