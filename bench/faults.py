"""`python -m bench.faults`: kills, fuzzed folders, hostile files and bad command lines, counted (issue #17).

    python -m bench.faults                # ~7 min on 2 cores: 100+ kills, 10,000 fuzzed articles, ...
    python -m bench.faults --kills 20 --fuzz 1000   # a quicker look

Four parts, each counted into bench/out/results.json ("faults") and the
"Faults and hostile input" section of REPORT.md (bench/reporting.py):

1. kills: index writes (build, rebuild, update, rename, delete, snapshot)
   SIGKILLed at random moments (tests/fault_rounds.py), plus `kbassist index`
   processes with worker processes killed with -9; after each, whether the
   index answered, articles torn or lost, processes left behind;
2. fuzz: a seeded generator's mutated articles with hostile names
   (tests/mutations.py) indexed as one folder: crashes, files neither
   indexed nor named with a reason, the slowest file;
3. hostile single files, each indexed alone in a process of its own: wall
   time and peak memory over the process's baseline (the target: 5 s and
   300 MB), for the keyword phase (read, parse, chunk, keyword index, store);
4. the bad command lines of tests/bad_calls.py as real processes: exit codes
   and tracebacks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from . import reporting

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
TARGET_S, TARGET_MB = 5.0, 300.0
CLI_ARTICLES = 400  # over kbassist.jobs.workers.BULK_FILES: `index` reads and embeds in worker processes


# -- 1. kills ------------------------------------------------------------------------------
def kills(work: Path, wanted: int, cli_rounds: int, seed: int) -> dict:
    from tests.fault_rounds import KINDS, Harness

    harness = Harness(work / "rounds", seed=seed)
    outcomes = []
    try:
        while sum(o.killed for o in outcomes) < wanted and len(outcomes) < wanted * 4:
            outcomes.append(harness.round(KINDS[len(outcomes) % len(KINDS)]))
    finally:
        harness.close()
    killed = [o for o in outcomes if o.killed]
    cli = [_cli_kill(work / "cli", random.Random(seed + n)) for n in range(cli_rounds)]
    cli_killed = [r for r in cli if r["killed"]]
    return {"rounds": len(outcomes), "tried": len(killed) + len(cli_killed),
            "by_kind": dict(Counter(o.kind for o in killed)) | {"index with workers": len(cli_killed)},
            "usable": sum(o.usable for o in killed) + sum(r["usable"] for r in cli_killed),
            "torn": sum(o.torn for o in outcomes), "lost": sum(o.lost for o in outcomes) + sum(r["lost"] for r in cli),
            "processes_left": sum(o.processes_left for o in outcomes) + sum(r["left"] for r in cli),
            "errors": [o.error for o in outcomes if o.error] + [r["error"] for r in cli if r["error"]],
            "cli_rounds": cli}


def _cli_kill(work: Path, rnd: random.Random) -> dict:
    """kill -9 of `kbassist index` while its reading and embedding workers run; then look around."""
    from tests.fault_rounds import differences, folder_contents, make_folder, write_article
    from tests.faultkit import descendants, orphans_of

    kb, index = work / "kb", work / "index"
    if not kb.exists():
        make_folder(kb, CLI_ARTICLES, rnd)
        _cli("index", kb, "--index-dir", index, "--embedder", "hash-64")
    version = rnd.randint(1, 10 ** 6)
    for number in range(CLI_ARTICLES):  # every file changed: the build runs in worker processes
        write_article(kb, number, version, rnd)
    run = subprocess.Popen([sys.executable, "-m", "kbassist.cli", "index", str(kb), "--index-dir", str(index),
                            "--embedder", "hash-64"], env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    time.sleep(rnd.uniform(1.0, 5.0))
    below = descendants(run.pid)
    killed = run.poll() is None
    if killed:
        os.kill(run.pid, signal.SIGKILL)
    run.wait()
    left = len(orphans_of(below, timeout=10))
    search = _cli("search", kb, "refund card", "--mode", "keyword", "--index-dir", index, "--embedder", "hash-64")
    again = _cli("index", kb, "--index-dir", index, "--embedder", "hash-64")
    from kbassist import Assistant
    from kbassist.embed.embedders import HashEmbedder

    with Assistant(kb, index, embedder=HashEmbedder()) as assistant:
        lost = differences(assistant, folder_contents(kb))
    error = "" if search.returncode == again.returncode == 0 else (search.stderr + again.stderr)[-300:]
    return {"killed": killed, "usable": search.returncode == 0 and "No articles" not in search.stdout,
            "left": left, "lost": lost, "error": error}


# -- 2. fuzz -------------------------------------------------------------------------------
def fuzz(work: Path, count: int, seed: int) -> dict:
    from kbassist import Assistant
    from kbassist.embed.embedders import HashEmbedder
    from kbassist.index.indexer import parse_file
    from kbassist.knowledge.folder import is_ignored_name, shown
    from tests.mutations import file_name, mutated

    rnd = random.Random(seed)
    kb = work / "fuzz"
    shutil.rmtree(kb, ignore_errors=True)
    written = []
    for number in range(count):
        folder = os.fsencode(kb / f"part-{number % 50}")
        os.makedirs(folder, exist_ok=True)
        name = file_name(rnd, number)
        with open(folder + b"/" + name, "wb") as out:
            out.write(mutated(rnd))
        written.append(f"part-{number % 50}/{os.fsdecode(name)}")
    slowest, crashes = (0.0, ""), 0
    for rel in written:
        started = time.monotonic()
        try:
            parse_file(kb, rel)
        except Exception:  # noqa: BLE001 - counted
            crashes += 1
        took = time.monotonic() - started
        slowest = max(slowest, (took, rel))
    started = time.monotonic()
    try:
        with Assistant(kb, work / "fuzz-index", embedder=HashEmbedder()) as assistant:
            assistant.update()
            indexed = {a.path for a in assistant.article_summaries()}
            reasons = {p.file: p.message for p in assistant.problems()}
    except Exception as exc:  # noqa: BLE001 - the whole build failing is one crash
        return {"files": count, "crashes": crashes + 1, "error": f"{type(exc).__name__}: {exc}"}
    considered = [rel for rel in written if not any(is_ignored_name(p) for p in rel.split("/"))]
    skipped = [rel for rel in considered if rel not in indexed]
    unnamed = [rel for rel in skipped if not reasons.get(shown(rel))]
    crashes += sum("could not be parsed" in m for m in reasons.values())
    return {"files": count, "ignored_by_name": count - len(considered), "indexed": len(considered) - len(skipped),
            "skipped_named": len(skipped) - len(unnamed), "unnamed": len(unnamed), "crashes": crashes,
            "slowest_file_s": round(slowest[0], 3), "build_s": round(time.monotonic() - started, 1),
            "skip_reasons": dict(Counter(_reason(reasons[shown(r)]) for r in skipped if reasons.get(shown(r))))}


def _reason(message: str) -> str:
    return message.split(":", 1)[1].split("(")[0].split(";")[0].strip() if ":" in message else message


# -- 3. hostile single files ----------------------------------------------------------------
def hostile_files() -> list[tuple[str, bytes, int]]:
    """(name, content, byte limit to index with: 0 = the product's) of each hostile single file."""
    from tests.mutations import ALIAS_BOMB

    words = " ".join(f"refund{i % 500} card delivery" for i in range(300_000))
    zh = "退款多久到账钱怎么还没退回来忘记密码了收不到验证码\n\n" * 60_000
    heads = ("# Big\n\n" + "".join(f"## Section {i}\n\nrefund card {i}\n\n" for i in range(60_000))).encode()[:2_000_000]
    replies = ("# Big\n\n" + "".join(f"## S{i}\n\nrefund {i}\n\n```reply title=\"r\"\nhi {{{{name}}}}\n```\n"
                                      for i in range(40_000))).encode()[:2_000_000]
    mb2, mb5 = 2_000_000, 5_000_000
    return [
        ("2 MB, one paragraph", f"# Big\n\n{words}".encode()[:mb2], 0),
        ("2 MB Chinese", f"# 大\n\n{zh}".encode()[:mb2], 0),
        (f"2 MB, {heads.count(b'## '):,} headings", heads, 0),
        (f"2 MB, {replies.count(b'## '):,} sections with replies", replies, 0),
        ("2 MB of [[", b"# Brackets\n\n" + b"[[" * (mb2 // 2), 0),
        ("2 MB of {{ and spaces", b"# Braces\n\n" + (b"{{a" + b" " * 997) * (mb2 // 1000), 0),
        ("YAML alias bomb in tags/questions", f"---\ntitle: Bomb\n{ALIAS_BOMB}---\n# Bomb\n\nbody\n".encode(), 0),
        ("YAML nested 5,000 deep", b"---\ntags: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n# Deep\n\nbody\n", 0),
        ("5 MB article (over the 2 MB limit)", f"# Big\n\n{words}{words}".encode()[:mb5], 0),
        ("5 MB article, limit raised to 8 MB", f"# Big\n\n{words}{words}".encode()[:mb5], 8_000_000),
        ("5 MB Chinese, limit raised to 8 MB", f"# 大\n\n{zh}{zh}{zh}".encode()[:mb5], 8_000_000),
    ]


def single(work: Path) -> list[dict]:
    rows = []
    for number, (name, content, limit) in enumerate(hostile_files()):
        kb = work / f"single-{number}"
        shutil.rmtree(kb, ignore_errors=True)
        kb.mkdir(parents=True)
        (kb / "hostile.md").write_bytes(content)
        proc = subprocess.run([sys.executable, "-m", "bench.faults", "--single", str(kb), str(limit)],
                              capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=900)
        try:
            answer = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            answer = {"error": proc.stderr[-300:]}
        rows.append({"name": name, "bytes": len(content), **answer})
    return rows


def _single_child(kb: Path, limit: int) -> None:
    """In a process of its own: index `kb` (one file), keyword phase; print seconds, MB over the baseline."""
    from kbassist import Assistant
    from kbassist.embed.embedders import HashEmbedder
    from kbassist.knowledge import reading

    if limit:
        reading.read_raw.__defaults__ = (False, limit)  # this measurement only: the limit raised
    with Assistant(kb, Path(tempfile.mkdtemp()) / "index", embedder=HashEmbedder()) as assistant:
        base = _memory_kb("VmRSS")
        _reset_peak()  # the peak of opening (jieba's dictionary) would hide the file's own
        started = time.monotonic()
        for _ in assistant.index(embed=False):
            pass
        took = time.monotonic() - started
        peak = (_memory_kb("VmHWM") - base) / 1024
        stats, problems = assistant.stats(), assistant.problems()
    outcome = f"indexed: {stats['chunks']} chunks" if stats["articles"] else "skipped"
    notes = "; ".join(sorted({p.message.split(";")[0][:70] for p in problems}))[:160]
    print(json.dumps({"seconds": round(took, 2), "peak_mb": round(peak, 1), "outcome": outcome, "notes": notes}))


def _reset_peak() -> None:
    """Start this process's peak resident size afresh (Linux: /proc/self/clear_refs)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass  # then the peak is the process's lifetime one: a bound, not less


def _memory_kb(field: str) -> int:
    """VmRSS (now) or VmHWM (peak) of this process in KB; ru_maxrss where /proc has no status."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if field == "VmHWM" else 0


# -- 4. bad command lines -------------------------------------------------------------------
def bad_calls(work: Path) -> dict:
    from tests.bad_calls import BAD_CALLS, prepare
    from tests.kbfixtures import write_folder

    base = work / "cli-bad"
    shutil.rmtree(base, ignore_errors=True)
    folder = write_folder(base / "kb")
    prepare(base, folder)
    _cli("index", folder, "--index-dir", base / "index", "--embedder", "hash-64")
    tracebacks, bad_exit, details = 0, 0, []
    for call in BAD_CALLS:
        args, stdin = call.arguments(base)
        proc = subprocess.run([sys.executable, "-m", "kbassist.cli", *args], input=stdin, capture_output=True,
                              env=ENV, cwd=ROOT, timeout=300)
        stderr = proc.stderr.decode("utf-8", "replace")
        traceback = "Traceback" in stderr
        tracebacks += traceback
        bad_exit += proc.returncode not in call.codes
        if traceback or proc.returncode not in call.codes:
            details.append(f"{call.name}: exit {proc.returncode}: {stderr.strip().splitlines()[-1:]}")
    return {"calls": len(BAD_CALLS), "tracebacks": tracebacks, "unexpected_exit": bad_exit, "details": details}


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kbassist.cli", *map(str, args)], capture_output=True, text=True,
                          env=ENV, cwd=ROOT, timeout=600)


# -- all ------------------------------------------------------------------------------------
def measure(kill_count: int = 100, cli_kills: int = 10, fuzz_count: int = 10_000, seed: int = 17) -> dict:
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="kbassist-faults-"))
    os.environ.setdefault("KBASSIST_DATA_DIR", str(work / "data"))
    ENV.setdefault("KBASSIST_DATA_DIR", str(work / "data"))
    try:
        results = {"kills": kills(work, kill_count, cli_kills, seed)}
        print(f"  kills: {results['kills']['tried']}", flush=True)
        results["fuzz"] = fuzz(work, fuzz_count, seed)
        print(f"  fuzz: {results['fuzz'].get('files')} files", flush=True)
        results["hostile"] = single(work)
        results["cli"] = bad_calls(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {**results, "targets": {"seconds": TARGET_S, "peak_mb": TARGET_MB},
            "measured_at": dt.datetime.now().isoformat(timespec="seconds"), "took_s": time.monotonic() - started}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="kbassist fault, fuzz and hostile-input figures")
    parser.add_argument("--kills", type=int, default=100, help="SIGKILLs of in-process writers (default 100)")
    parser.add_argument("--cli-kills", type=int, default=10, help="kill -9 of `kbassist index` with workers")
    parser.add_argument("--fuzz", type=int, default=10_000, help="mutated articles (default 10,000)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--single", nargs=2, metavar=("FOLDER", "LIMIT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.single:
        _single_child(Path(args.single[0]), int(args.single[1]))
        return
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    results_path = out / "results.json"
    try:
        results = json.loads(results_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        results = {}
    results["faults"] = measure(args.kills, args.cli_kills, args.fuzz, args.seed)
    results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    reporting.write_faults(results["faults"], BENCH / "REPORT.md")
    print(f"wrote the faults section of {BENCH / 'REPORT.md'}")


if __name__ == "__main__":
    main()
