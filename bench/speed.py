"""Speed runs on generated folders: each engine measured in its own process.

A fresh process per engine gives an honest peak RSS (`ru_maxrss` of that
process and of the tools it starts, read with `os.wait4`) and keeps one
engine's caches from helping the next. The parent sends the child a JSON
spec (`python -m bench.speed SPEC`) and reads one JSON line back.

In the child, an engine is built from nothing, then asked the generated
queries (after a few unscored warm-up queries). kbassist also gets an
incremental update (append a new word to one article, `update()`, search
until the article is found) and, in a second process, a start-up run: open
the existing index of an unchanged folder and answer one query; then time
searches on typed prefixes and read the resident memory, with the folder's
embedder and with a sentence-transformers model loaded as well.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .generate import default_query_file, generate
from .metrics import evaluate, load_queries
from .peers import article_id

WARMUP = 3
UPDATE_ROUNDS = 3
MODES = ("keyword", "semantic", "hybrid")
# The tools a user would run instead. BM25 is the quality tables' floor, not a tool: at 50k its
# pure-Python scoring added two minutes to the bench and nothing to the comparison.
SPEED_PEERS = ("ripgrep", "recoll")


def run_child(spec: dict) -> dict:
    """Run one worker; its JSON answer plus wall seconds and peak RSS (MB) of it and its children."""
    start = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "bench.speed", json.dumps(spec)],
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    lines = [line for line in out.splitlines() if line.strip()]
    try:
        answer = json.loads(lines[-1])
    except (IndexError, ValueError):
        answer = {"error": f"worker exit {proc.returncode}, no result"}
    return {**answer, "spawned_at": start, "wall_s": time.time() - start,
            "peak_rss_mb": max(usage.ru_maxrss / 1024, answer.get("children_rss_mb", 0.0))}


def ensure_folder(data_dir: Path, articles: int, seed: int = 1) -> Path:
    """The generated folder of that size, made once and reused (built aside, then renamed)."""
    folder = data_dir / f"gen-{articles}"
    if not folder.is_dir():
        partial = data_dir / f".partial-gen-{articles}"
        shutil.rmtree(partial, ignore_errors=True)
        generate(partial, articles, seed, query_file=default_query_file(folder))
        partial.rename(folder)
    return folder


def measure_size(folder: Path, work_dir: Path, embedders: list[str], log=print) -> dict:
    """Every engine on one generated folder: build, queries, and kbassist's update and start-up."""
    queries = str(default_query_file(folder))
    result: dict = {"articles": int(folder.name.split("-")[-1]), "engines": {}}
    for peer in SPEED_PEERS:
        log(f"  {peer} on {folder.name}")
        result["engines"][peer] = run_child({"task": "peer", "peer": peer, "folder": str(folder),
                                             "queries": queries, "work_dir": str(work_dir)})
    for embedder in embedders:
        index_dir = work_dir / f"{folder.name}-{embedder}"
        log(f"  kbassist ({embedder}) on {folder.name}")
        engine = run_child({"task": "peer", "peer": "kbassist", "folder": str(folder), "queries": queries,
                            "index_dir": str(index_dir), "embedder": embedder})
        startup = run_child({"task": "startup", "folder": str(folder), "queries": queries,
                             "index_dir": str(index_dir), "embedder": embedder})
        if "first_result_at" in startup:
            startup["startup_s"] = startup["first_result_at"] - startup["spawned_at"]
        engine["startup"] = startup
        result["engines"][f"kbassist ({embedder})"] = engine
    return result


# -- in the worker process -------------------------------------------------------

def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _make_peer(spec: dict):
    from .peers.engine import KbassistPeer
    from .peers.recoll import RecollPeer
    from .peers.ripgrep import RipgrepPeer

    name = spec["peer"]
    if name == "kbassist":
        shutil.rmtree(spec["index_dir"], ignore_errors=True)  # a full build, not an update
        return KbassistPeer(Path(spec["index_dir"]), spec["embedder"], "hybrid")
    if name == "recoll":
        return RecollPeer(workdir=Path(spec["work_dir"]))
    return RipgrepPeer()


def _scored(peer, queries: list[dict]) -> dict:
    for row in queries[:WARMUP]:
        peer.search(row["query"], 5)
    summary = evaluate(peer.search, queries)
    return {key: summary[key] for key in ("recall@1", "recall@5", "mrr", "latency_ms", "errors", "first_errors")}


def _measure_update(peer, folder: Path) -> dict:
    """Append a new word to one article and time until a keyword search finds it.

    Each round does it twice: as the app's watcher does (`update([path])`, the
    saved path only) and with a rescan of the whole folder (`update()`, what
    `kbassist index` and a start-up do).
    """
    path = sorted(folder.rglob("*.md"))[0]
    rel = path.relative_to(folder).as_posix()
    target, original = article_id(path, folder), path.read_text(encoding="utf-8")
    rounds = []
    try:
        for i in range(UPDATE_ROUNDS):
            for how, paths in (("watcher", [rel]), ("rescan", None)):
                word = f"benchmarkmarker{how}{i}q"
                path.write_text(original + f"\n\nAdded by the benchmark: {word}.\n", encoding="utf-8")
                start = time.perf_counter()
                peer.assistant.update(paths)
                hits = peer.assistant.search(word, k=5, mode="keyword").hits
                rounds.append({"how": how, "ms": (time.perf_counter() - start) * 1000,
                               "found": any(h.id == target for h in hits)})
    finally:
        path.write_text(original, encoding="utf-8")
        peer.assistant.update()

    def median(how: str) -> float:
        ordered = sorted(r["ms"] for r in rounds if r["how"] == how)
        return ordered[len(ordered) // 2]

    return {"median_ms": median("rescan"), "watcher_median_ms": median("watcher"),
            "found": all(r["found"] for r in rounds), "rounds": rounds}


def _peer_task(spec: dict) -> dict:
    folder, queries = Path(spec["folder"]), load_queries(Path(spec["queries"]))
    peer = _make_peer(spec)
    stats = peer.build(folder)
    out = {"build": stats, "build_rss_mb": max(_rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN))}
    if spec["peer"] == "kbassist":
        out["modes"] = {mode: _scored(peer.in_mode(mode), queries) for mode in MODES}
        out["update"] = _measure_update(peer, folder)
    else:
        out["modes"] = {"default": _scored(peer, queries)}
    getattr(peer, "close", lambda: None)()
    return out


def _startup_task(spec: dict) -> dict:
    """Open an existing index of an unchanged folder and answer one query (hybrid), as `kbassist search` does."""
    start = time.perf_counter()
    from kbassist.assistant import Assistant
    from kbassist.settings import Settings

    imported = time.perf_counter()
    assistant = Assistant(spec["folder"], index_dir=spec["index_dir"], settings=Settings(), embedder=spec["embedder"])
    assistant.load_model_in_background()  # as `kbassist search` does: the model loads while the folder is checked
    change = assistant.update()
    opened = time.perf_counter()
    answerable = [r for r in load_queries(Path(spec["queries"])) if r.get("expected")]
    row = answerable[0]
    result = assistant.search(row["query"], k=5, mode="hybrid")
    done = time.time()
    out = {"first_result_at": done, "import_s": imported - start, "open_s": opened - imported,
           "first_search_s": time.perf_counter() - opened, "changed_on_open": not change.empty,
           "found": any(h.id in row.get("expected", ()) for h in result.hits)}
    return {**out, **_prefix_latency(assistant, answerable), **_resident(assistant, answerable)}


def _prefix_latency(assistant, queries: list[dict]) -> dict:
    """Hybrid search on what an agent has typed so far: every third character of the first 40 queries."""
    times = []
    for row in queries[:40]:
        text = row["query"]
        for end in range(3, len(text) + 1, 3):
            start = time.perf_counter()
            assistant.search(text[:end], k=5, mode="hybrid")
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"prefix_searches": len(times), "prefix_p50_ms": times[len(times) // 2],
            "prefix_p95_ms": times[int(len(times) * 0.95)]}


def _resident(assistant, queries: list[dict]) -> dict:
    """Resident memory (VmRSS) after warm-up and 50 searches, then with MiniLM (torch) loaded as well."""
    assistant.warm_up()
    for row in queries[:50]:
        assistant.search(row["query"], k=5, mode="hybrid")
    out = {"resident_mb": _vm_rss_mb(), "resident_embedder": assistant.embedder.name}
    try:
        from kbassist.embed.embedders import load_embedder

        minilm = load_embedder("minilm")  # held while reading: a dropped model would already be freed
        minilm.embed([queries[0]["query"]])
        out["resident_with_st_mb"] = _vm_rss_mb()
    except ImportError as exc:  # sentence-transformers not installed
        out["resident_with_st_error"] = str(exc)
    return out


def _vm_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main(argv: list[str]) -> None:
    spec = json.loads(argv[0])
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        answer = (_startup_task if spec["task"] == "startup" else _peer_task)(spec)
    except Exception as exc:  # reported to the parent, which records it and goes on with other engines
        answer = {"error": f"{type(exc).__name__}: {exc}"}
    answer["children_rss_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)
    print(json.dumps(answer))


if __name__ == "__main__":
    main(sys.argv[1:])
