"""`make bench`: quality of kbassist and its peers on the eval sets, speed on generated folders.

    python -m bench.run                 # quality on both sets, speed at 1k, 10k and 50k (~29 min on 2 cores)
    python -m bench.run --sizes 1000,10000   # without 50k (~12 min)
    python -m bench.run --quick         # CI-sized: 300 banking77 queries, one embedder, 1k only
    python -m bench.run --sizes 1000,10000 --skip-quality
    python -m bench.run --skip-quality --skip-speed    # only the faults part (bench/faults.py, ~7 min)

Results are merged into bench/out/results.json (so a later run of one part
keeps the other's numbers) and rendered to bench/REPORT.md and the plots in
bench/report/. Generated folders live in bench/data/ and are reused.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import faults, reporting, speed
from .metrics import evaluate, load_queries
from .peers.bm25 import Bm25Peer
from .peers.engine import KbassistPeer, available
from .peers.recoll import RecollPeer
from .peers.ripgrep import RipgrepPeer

BENCH = Path(__file__).resolve().parent
EVAL = BENCH.parent.parent / "shared" / "eval"
EVAL_SETS = {"northwind": ("northwind/kb", "northwind/queries-dev.jsonl"),
             "banking77": ("banking77/kb", "banking77/queries-test.jsonl")}
QUICK_BANKING_QUERIES = 300
EMBEDDERS = ("auto", "use-multilingual", "minilm")  # quality: the default and each packaged model
SPEED_EMBEDDER = "auto"  # speed: what a user gets by default
DEFAULT_SIZES = "1000,10000,50000"
QUICK_FAULTS = {"kill_count": 20, "cli_kills": 2, "fuzz_count": 1000}


def quality_peers(folder: Path, work: Path, embedders: list[str]):
    """(name, peer or None, build stats or why not) for every engine, built on `folder`."""
    for peer in (RipgrepPeer(), RecollPeer(workdir=work), RecollPeer(segment=False, workdir=work), Bm25Peer()):
        yield peer.name, peer, peer.build(folder)
        getattr(peer, "close", lambda: None)()
    missing = available()
    for i, embedder in enumerate(embedders):
        modes = ("keyword", "semantic", "hybrid") if i == 0 else ("semantic", "hybrid")
        if missing:
            for mode in modes:
                yield KbassistPeer(work, embedder, mode).name, None, {"error": missing}
            continue
        index_dir = work / f"{folder.parent.name}-{embedder}"
        shutil.rmtree(index_dir, ignore_errors=True)
        base = KbassistPeer(index_dir, embedder, "hybrid")
        stats = base.build(folder)
        for mode in modes:
            peer = base.in_mode(mode)
            yield peer.name, peer, stats
        base.close()


def measure_quality(name: str, eval_dir: Path, work: Path, embedders: list[str], limit: int | None) -> dict:
    kb, query_file = (eval_dir / part for part in EVAL_SETS[name])
    work.mkdir(parents=True, exist_ok=True)
    queries = load_queries(query_file)
    if limit and len(queries) > limit:
        queries = random.Random(7).sample(queries, limit)
    engines = {}
    started = time.monotonic()
    for engine, peer, stats in quality_peers(kb, work, embedders):
        print(f"  {name}: {engine}", flush=True)
        engines[engine] = {"build": stats, **(evaluate(peer.search, queries) if peer is not None else {})}
    return {"queries": len(queries), "of": str(query_file), "engines": engines,
            "measured_at": dt.datetime.now().isoformat(timespec="seconds"), "took_s": time.monotonic() - started}


def load_results(path: Path) -> dict:
    """The results so far; a file written by one part alone (bench.judgment, bench.faults) lacks the others."""
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        results = {}
    return {"quality": {}, "speed": {}, **results}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="kbassist benchmarks: quality and speed against peers")
    parser.add_argument("--quick", action="store_true", help="CI-sized run: 1k folder, sampled banking77, one embedder")
    parser.add_argument("--sizes", help=f"comma-separated folder sizes (default {DEFAULT_SIZES}; quick: 1000)")
    parser.add_argument("--embedders", help=f"quality runs, comma-separated (default {','.join(EMBEDDERS)}; "
                                            "quick: the first)")
    parser.add_argument("--speed-embedders", default=SPEED_EMBEDDER, help=f"speed runs (default {SPEED_EMBEDDER})")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-judgment", action="store_true", help="skip bench.judgment (issue #16's sets)")
    parser.add_argument("--skip-faults", action="store_true", help="without kills, fuzzing and hostile input")
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    embedders = args.embedders.split(",") if args.embedders else list(EMBEDDERS[:1] if args.quick else EMBEDDERS)
    sizes = [int(s) for s in (args.sizes or ("1000" if args.quick else DEFAULT_SIZES)).split(",")]
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    results_path = out / "results.json"
    results = load_results(results_path)
    if not args.skip_quality and not args.skip_speed:
        # Quality loads torch and two models (over 1 GB here). Linux keeps a process's peak RSS
        # across exec, so every speed child started from this process would report that peak:
        # quality runs in a process of its own, and this one stays small.
        quality_args = ["--skip-speed", "--skip-faults", "--skip-judgment", "--embedders", ",".join(embedders),
                        "--eval-dir", str(args.eval_dir)]
        subprocess.run([sys.executable, "-m", "bench.run", *quality_args, *(["--quick"] if args.quick else [])],
                       check=True)
        results = load_results(results_path)
    elif not args.skip_quality:
        for name in EVAL_SETS:
            limit = QUICK_BANKING_QUERIES if args.quick and name == "banking77" else None
            print(f"quality: {name}", flush=True)
            results["quality"][name] = measure_quality(name, args.eval_dir, out / "quality", embedders, limit)
            results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if not args.skip_judgment and not args.quick:
        print("judgment: ranking, no-answer and escalation on the frozen sets", flush=True)
        subprocess.run([sys.executable, "-m", "bench.judgment"], check=True)  # a process of its own, as quality
        results = load_results(results_path)
    if not args.skip_speed:
        (out / "speed").mkdir(exist_ok=True)
        for size in sizes:
            print(f"speed: {size} articles", flush=True)
            started = time.monotonic()
            folder = speed.ensure_folder(BENCH / "data", size)
            generated = time.monotonic()
            results["speed"][str(size)] = {**speed.measure_size(folder, out / "speed", args.speed_embedders.split(",")),
                                           "measured_at": dt.datetime.now().isoformat(timespec="seconds"),
                                           "generate_s": generated - started, "took_s": time.monotonic() - started}
            results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if not args.skip_faults:
        print("faults: kills, fuzzed folders, hostile files, bad command lines", flush=True)
        results["faults"] = faults.measure(**(QUICK_FAULTS if args.quick else {}))
        results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    reporting.write(results, BENCH / "REPORT.md", BENCH / "report")
    print(f"wrote {BENCH / 'REPORT.md'}")


if __name__ == "__main__":
    main()
