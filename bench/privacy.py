"""Privacy figures for issue #18: what encryption costs, and proof that nothing is kept in plain text.

    python -m bench.privacy            # ~1-2 min on 2 cores; prints, writes out/privacy.json and PRIVACY.md

1. Cost: logging one event (mask, seal, SQLite commit) measured over 10,000
   events written through `History.record_suggest`; then reading and
   opening all 10,000 with `History.entries()` on a fresh `History` (what
   Insights would do; target <= 1 s); and opening alone (`Cipher.open`).
2. The issue's check: `kbassist suggest` (a subprocess, the real CLI) on
   the bundled knowledge folder with KBASSIST_DATA_DIR set to an empty
   folder, for an unanswerable message holding a unique word; then every
   file under the data folder (which also holds the index) is searched for
   the word's bytes, and `kbassist history --json` must show it.
3. The 28 variants of tests/pii_variants.py in zh and en text, stored
   through the log and read back: how many survive unmasked.
4. Modes of what kbassist created under the data and config folders:
   user data must be 0600 files in 0700 folders; the index (not customer
   data) keeps the default modes inside the private data folder.

Nothing here talks to the network. The key comes from the OS keyring when
one works (the entry the app uses), else from a key file in the temp
config folder.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
sys.path.insert(0, str(REPO / "tests"))  # the probe list is the tests' own, so test and figure check the same 28

from pii_variants import CONTEXTS, VARIANTS, survives  # noqa: E402

from kbassist.assist.history import History  # noqa: E402
from kbassist.privacy.crypto import Cipher, new_key  # noqa: E402
from kbassist.privacy.keys import DataKey  # noqa: E402

EVENTS = 10_000
MESSAGES = (
    "Do you deliver to Antarctica? call me on +44 20 7946 0958",
    "我叫李明，手机13812345678，能开发票吗",
    "can I pay with seashells, card 4111 1111 1111 1111",
    "你们支持用贝壳付款吗",
)


def _fixed_key(key: bytes):
    return lambda: DataKey(key, "bench")


def encryption_cost(folder: Path) -> dict:
    key = new_key()
    log = History(folder / "history.sqlite3", key=_fixed_key(key))
    per_event = []
    for i in range(EVENTS):
        started = time.perf_counter()
        log.record_suggest("en", False, i % 2 == 0, MESSAGES[i % len(MESSAGES)])
        per_event.append(time.perf_counter() - started)
    log.close()
    started = time.perf_counter()
    fresh = History(folder / "history.sqlite3", key=_fixed_key(key))
    events = fresh.entries()
    read_s = time.perf_counter() - started
    fresh.close()
    cipher = Cipher(key)
    sealed = [cipher.seal(MESSAGES[i % len(MESSAGES)], b"bench") for i in range(EVENTS)]
    started = time.perf_counter()
    for record in sealed:
        cipher.open(record, b"bench")
    open_s = time.perf_counter() - started
    per_event.sort()
    return {
        "events": len(events),
        "log_one_event_ms": {"median": round(statistics.median(per_event) * 1000, 3),
                             "p95": round(per_event[int(len(per_event) * 0.95)] * 1000, 3)},
        "read_and_open_10k_s": round(read_s, 3),
        "open_only_10k_s": round(open_s, 3),
        "file_bytes": (folder / "history.sqlite3").stat().st_size,
    }


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kbassist.cli", *args], env=env, capture_output=True,
                          text=True, check=True, cwd=REPO)


def unique_word_check(root: Path) -> dict:
    data, config, folder = root / "data", root / "config", root / "knowledge"
    data.mkdir()
    shutil.copytree(REPO / "knowledge", folder)
    word = f"zorblax{os.getpid()}quintessa"
    message = f"Can I pay for the {word} telescope with seashells? Call 138 1234 5678"
    env = {**os.environ, "KBASSIST_DATA_DIR": str(data), "KBASSIST_CONFIG_DIR": str(config),
           "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    suggested = json.loads(_cli("suggest", str(folder), message, "--json", env=env).stdout)
    files = [p for p in data.rglob("*") if p.is_file()]
    hits = [str(p.relative_to(root)) for p in files
            if any(form in p.read_bytes() for form in (word.encode(), word.encode("utf-16-le"), b"13812345678",
                                                        b"138 1234 5678"))]
    kept = json.loads(_cli("history", "--json", env=env).stdout)
    return {
        "no_answer": suggested["no_answer"],
        "files_searched": len(files),
        "files_with_the_word_or_phone": hits,
        "history_json_shows_it": any(word in (e["text"] or "") for e in kept),
        "history_text": next((e["text"] for e in kept if e["text"]), None),
        "modes": modes(data, config),
    }


def modes(data: Path, config: Path) -> dict:
    """Files and folders by mode: the private user data, and the index (readable by design)."""
    private, index = [], []
    for top in (data, config):
        for path in (top, *top.rglob("*")):
            (index if "indexes" in path.relative_to(top).parts else private).append(path)

    def count(paths: list[Path]) -> dict:
        found: dict[str, int] = {}
        for path in paths:
            key = f"{'folder' if path.is_dir() else 'file'} {path.stat().st_mode & 0o777:o}"
            found[key] = found.get(key, 0) + 1
        return dict(sorted(found.items()))

    wrong = [str(p) for p in private if p.stat().st_mode & 0o777 != (0o700 if p.is_dir() else 0o600)]
    return {"user_data": count(private), "index": count(index), "user_data_not_private": wrong}


def variants_stored(folder: Path) -> dict:
    log = History(folder / "variants.sqlite3", key=_fixed_key(new_key()))
    for value in VARIANTS:
        for context in CONTEXTS:
            log.record_suggest("zh", False, True, context.format(value))
    stored = [e.text for e in log.entries()]
    log.close()
    unmasked = sorted({value for value in VARIANTS for text in stored if survives(value, text or "")})
    return {"variants": len(VARIANTS), "messages": len(stored), "unmasked": unmasked}


def report(results: dict) -> str:
    cost, check, variants = results["cost"], results["unique_word"], results["variants"]
    lines = [
        "# Privacy figures (issue #18)",
        "",
        f"Measured {results['measured']} on {results['machine']} with `python -m bench.privacy`.",
        "",
        "| what | measured | target |",
        "|---|---|---|",
        f"| log one event (mask + seal + commit), median / p95 over {cost['events']:,} | "
        f"{cost['log_one_event_ms']['median']} ms / {cost['log_one_event_ms']['p95']} ms | |",
        f"| read and open {cost['events']:,} events (`History.entries()`, fresh open) | "
        f"{cost['read_and_open_10k_s']} s | <= 1 s |",
        f"| of which AES-GCM opening alone | {cost['open_only_10k_s']} s | |",
        f"| files under the data folder holding the unique word (or the phone) after `kbassist suggest` | "
        f"{len(check['files_with_the_word_or_phone'])} of {check['files_searched']} | 0 |",
        f"| `kbassist history --json` shows the message | {'yes' if check['history_json_shows_it'] else 'NO'}: "
        f"`{check['history_text']}` | yes |",
        f"| the issue's variants stored unmasked ({variants['variants']} variants, zh and en: "
        f"{variants['messages']} messages) | {len(variants['unmasked'])} | 0 |",
        f"| user-data files and folders not 0600 / 0700 | {len(check['modes']['user_data_not_private'])} | 0 |",
        "",
        f"User data by mode: {check['modes']['user_data']}. The index (not customer data, inside the 0700 data "
        f"folder) keeps default modes: {check['modes']['index']}.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kbassist-privacy-") as tmp:
        root = Path(tmp)
        for part in ("cost", "check"):
            (root / part).mkdir()
        os.environ["KBASSIST_CONFIG_DIR"] = str(root / "config-cost")
        results = {
            "measured": dt.datetime.now().isoformat(timespec="seconds"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "cost": encryption_cost(root / "cost"),
            "variants": variants_stored(root / "cost"),
            "unique_word": unique_word_check(root / "check"),
        }
    (BENCH / "out").mkdir(exist_ok=True)
    (BENCH / "out" / "privacy.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    text = report(results)
    (BENCH / "PRIVACY.md").write_text(text, encoding="utf-8")
    print(text)
    print(json.dumps(results, indent=1, ensure_ascii=False))
    ok = (not results["unique_word"]["files_with_the_word_or_phone"] and results["unique_word"]["history_json_shows_it"]
          and not results["variants"]["unmasked"] and not results["unique_word"]["modes"]["user_data_not_private"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
