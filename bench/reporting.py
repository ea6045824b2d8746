"""Rendering benchmark results: bench/REPORT.md tables and PNG plots.

Only presentation lives here; every number comes from bench/out/results.json
as `run.py` measured it. An engine that could not run shows `n/a` with the
reason, so a missing engine is visible rather than silently absent.
"""
from __future__ import annotations

import os
import platform
from pathlib import Path

NA = "n/a"


def _f(value, digits: int = 3) -> str:
    return NA if value is None else f"{value:.{digits}f}"


def _ms(value) -> str:
    return NA if value is None else (f"{value:.1f}" if value < 100 else f"{value:.0f}")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows), ""]


def _quality_section(name: str, data: dict) -> list[str]:
    lines = [f"### {name} ({data['queries']} queries, measured {data['measured_at']})", ""]
    rows, notes = [], []
    for engine, r in data["engines"].items():
        if "recall@1" not in r:
            rows.append([engine] + [NA] * 9)
            notes.append(f"- {engine}: {r['build'].get('error', 'not run')}")
            continue
        lat, na = r["latency_ms"], r["no_answer"]
        has_oos = na["oos_queries"] > 0  # without out-of-scope queries the no-answer scores mean nothing
        rows.append([engine, _f(r["recall@1"]), _f(r["recall@3"]), _f(r["recall@5"]), _f(r["mrr"]),
                     _f(na["precision"] if has_oos else None, 2), _f(na["recall"] if has_oos else None, 2),
                     _ms(lat["p50"]), _ms(lat["p95"]),
                     _f(r["build"].get("build_s"), 1)])
        if r.get("errors"):
            notes.append(f"- {engine}: {r['errors']} queries failed, e.g. {r['first_errors'][0]}")
    lines += _table(["engine", "R@1", "R@3", "R@5", "MRR", "no-ans P", "no-ans R", "p50 ms", "p95 ms", "build s"], rows)
    kinds = sorted({k for r in data["engines"].values() for k in r.get("by_kind", {}) if r["by_kind"][k]["queries"]})
    if len(kinds) > 1:
        lines += ["Recall@5 by kind of query:", ""]
        rows = [[engine] + [_f(r["by_kind"][k]["recall@5"], 2) if k in r.get("by_kind", {}) else NA for k in kinds]
                for engine, r in data["engines"].items()]
        lines += _table(["engine", *kinds], rows)
    return lines + notes + ([""] if notes else [])


def _speed_rows(speed: dict) -> tuple[list[list[str]], list[list[str]], list[str]]:
    rows, extras, notes = [], [], []
    for size, data in sorted(speed.items(), key=lambda item: int(item[0])):
        for engine, r in data["engines"].items():
            if "error" in r:
                rows.append([size, engine] + [NA] * 7)
                notes.append(f"- {engine} at {size}: {r['error']}")
                continue
            build = r["build"]
            indexed = engine != "ripgrep"
            for mode, m in r["modes"].items():
                lat = m["latency_ms"]
                rows.append([size, engine if mode == "default" else f"{engine} {mode}",
                             _f(build.get("build_s"), 1) if indexed else "-",
                             _f(r["build_rss_mb"], 0) if indexed else "-",
                             _ms(lat["p50"]), _ms(lat["p95"]), _ms(lat["p99"]), _f(m["recall@1"], 2), _f(m["recall@5"], 2)])
            if "update" in r:
                start = r.get("startup", {})
                extras.append([size, engine, _ms(r["update"].get("watcher_median_ms")), _ms(r["update"]["median_ms"]),
                               "yes" if r["update"]["found"] else "NO",
                               _f(start.get("startup_s"), 2), _f(start.get("import_s"), 2), _f(start.get("open_s"), 2),
                               _f(start.get("first_search_s"), 2), _ms(start.get("prefix_p50_ms")),
                               _ms(start.get("prefix_p95_ms")), _f(start.get("resident_mb"), 0),
                               _f(start.get("resident_with_st_mb"), 0)])
                if "error" in start:
                    notes.append(f"- {engine} start-up at {size}: {start['error']}")
    return rows, extras, notes


def _speed_section(speed: dict) -> list[str]:
    rows, extras, notes = _speed_rows(speed)
    lines = ["## Speed on generated folders", "",
             "Folders from `python -m bench.generate` (seed 1, about half Chinese); 200 generated queries each. "
             "Build is from nothing; peak RSS is the largest process of the build (recollindex for Recoll). "
             "Query times for ripgrep and Recoll are one `rg` / `recollq` process per query, start-up included; "
             "kbassist is in-process with a warm index. (BM25, the quality floor, is left out here.)", ""]
    lines += _table(["articles", "engine", "build s", "peak RSS MB", "p50 ms", "p95 ms", "p99 ms", "R@1", "R@5"], rows)
    if extras:
        lines += ["kbassist incremental update (append a new word to one article, update the index, keyword search "
                  "finds it; median of 3), as the app's watcher does it (the saved path only) and with a rescan of "
                  "the whole folder (`update()`), and start-up to first result (new process: import, open the index of the unchanged "
                  "folder, one hybrid search, model load included). In the same process afterwards: hybrid searches "
                  "on typed prefixes (every third character of 40 queries), and resident memory (VmRSS) after "
                  "50 searches with the folder's embedder, then with MiniLM (sentence-transformers, torch) loaded too:",
                  ""]
        lines += _table(["articles", "engine", "save ms", "rescan ms", "found", "start-up s", "import s", "open s", "first search s",
                         "prefix p50 ms", "prefix p95 ms", "resident MB", "+ST MB"], extras)
    return lines + notes + [""]


def _plot(speed: dict, plots: Path) -> list[str]:
    """Build time and p50 query latency against folder size, one line per engine (and mode)."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plots.mkdir(parents=True, exist_ok=True)
    build, query = {}, {}
    for size, data in speed.items():
        for engine, r in data["engines"].items():
            if "error" in r:
                continue
            if engine != "ripgrep":
                build.setdefault(engine, []).append((int(size), r["build"].get("build_s", 0.0)))
            for mode, m in r["modes"].items():
                query.setdefault(engine if mode == "default" else f"{engine} {mode}", []).append(
                    (int(size), m["latency_ms"]["p50"]))
    written = []
    for name, series, ylabel in (("build_time.png", build, "full build (s)"), ("query_latency.png", query, "query p50 (ms)")):
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for label, points in sorted(series.items()):
            xs, ys = zip(*sorted(points))
            ax.plot(xs, ys, marker="o", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("articles in folder")
        ax.set_ylabel(ylabel)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(plots / name, dpi=110)
        plt.close(fig)
        written.append(name)
    return written


def write(results: dict, report: Path, plots: Path) -> None:
    lines = ["# kbassist benchmark report", "",
             f"Written by `python -m bench.run` on {platform.machine()} with {os.cpu_count()} CPUs "
             f"({platform.python_implementation()} {platform.python_version()}). Raw numbers: bench/out/results.json.", "",
             "## Retrieval quality on the eval sets", "",
             "Recall@k and MRR over queries with an expected article (any expected id counts); no-answer precision and "
             "recall over out-of-scope queries (for the peers, no answer means an empty result). Same definitions as "
             "`kbassist eval`. Peers search every file (drafts, archived and launch notes included), as those tools do.", ""]
    decisions = Path(__file__).with_name("decisions.md")
    if decisions.exists():  # hand-written: what the numbers below made us choose
        lines += [decisions.read_text(encoding="utf-8"), ""]
    for name, data in results.get("quality", {}).items():
        lines += _quality_section(name, data)
    if results.get("judgment"):
        lines += _judgment_section(results["judgment"])
    if results.get("speed"):
        lines += _speed_section(results["speed"])
        lines += [f"![{name}](report/{name})" for name in _plot(results["speed"], plots)] + [""]
    if results.get("faults"):
        lines += [FAULTS_START, *faults_section(results["faults"]), FAULTS_END, ""]
    lines += _run_time_section(results)
    report.write_text("\n".join(lines), encoding="utf-8")


def _judgment_section(judgment: dict) -> list[str]:
    """Ranking, no-answer and escalation on the shared sets and on the frozen sets written for this project."""
    lines = ["## Judgment on sets nobody tuned on (`python -m bench.judgment`)", "",
             "Role: `shared` = ../shared/eval; `tune` = numbers were fitted on it; `report` = measured only, after "
             "the choices were made (bench/data/README.md, bench/decisions.md). No-answer false alarms: answerable "
             "queries flagged \"nothing answers this\". Threshold: the folder's own calibration.", ""]
    rows = []
    for name, r in judgment["retrieval"].items():
        cross = r["by_kind"].get("crosslingual", {})
        na = r["no_answer"]
        rows.append([name, r["role"], str(r["queries"]), _f(r["recall@1"]), _f(r["recall@3"]), _f(r["recall@5"]),
                     _f(cross["recall@5"]) if cross else "", _f(na["precision"]) if na.get("recall") else "",
                     _f(na["recall"]) if na.get("recall") else "", _f(na["false_alarm_rate"]),
                     _f(r["threshold"]) if r.get("threshold") is not None else ""])
    lines += _table(["set", "role", "queries", "R@1", "R@3", "R@5", "cross-lingual R@5", "no-answer P",
                     "no-answer R", "false alarms", "threshold"], rows) + [""]
    lines += ["Escalation, as the product judges it (lexicon + the folder's learned models); the frozen set "
              "against the bundled knowledge/ folder, northwind sets against northwind:", ""]
    rows = [[name, str(r["messages"]), _f(r["all"]["precision"]), _f(r["all"]["recall"]),
             f"{_f(r['en']['precision'], 2)} / {_f(r['en']['recall'], 2)}",
             f"{_f(r['zh']['precision'], 2)} / {_f(r['zh']['recall'], 2)}",
             f"{_f(r['lexicon_only']['precision'], 2)} / {_f(r['lexicon_only']['recall'], 2)}",
             _f(r["ms_per_message"], 1)] for name, r in judgment["escalation"].items()]
    return lines + _table(["set", "messages", "precision", "recall", "en P / R", "zh P / R", "lexicon alone P / R",
                           "ms per message"], rows) + [""]
FAULTS_START, FAULTS_END = "<!-- faults: written by bench/faults.py -->", "<!-- faults: end -->"


def write_faults(data: dict, report: Path) -> None:
    """Put the faults section into REPORT.md in place of the last one (or before the run time), rest untouched."""
    text = report.read_text(encoding="utf-8") if report.exists() else "# kbassist benchmark report\n"
    section = "\n".join([FAULTS_START, *faults_section(data), FAULTS_END])
    if FAULTS_START in text and FAULTS_END in text:
        before, rest = text.split(FAULTS_START, 1)
        text = before + section + rest.split(FAULTS_END, 1)[1]
    elif "## Run time" in text:
        before, rest = text.split("## Run time", 1)
        text = before + section + "\n\n## Run time" + rest
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    report.write_text(text, encoding="utf-8")


def faults_section(data: dict) -> list[str]:
    """Kills, fuzzing, hostile single files and bad command lines, as bench/faults.py counted them."""
    kills, fuzz, cli, target = data["kills"], data["fuzz"], data["cli"], data["targets"]
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(kills["by_kind"].items()))
    lines = ["## Faults and hostile input", "",
             f"Measured {data['measured_at']} by `python -m bench.faults` (issue #17): writes SIGKILLed at random "
             "moments, a seeded generator's mutated articles with hostile names, hostile single files, and bad "
             "command lines run as processes. Each kill is followed by a search, a check that every indexed "
             "article is its old or new content, the next index and a comparison with the folder.", ""]
    lines += _table(["kills tried", "index usable after", "articles torn", "articles lost", "processes left"],
                    [[str(kills["tried"]), str(kills["usable"]), str(kills["torn"]), str(kills["lost"]),
                      str(kills["processes_left"])]])
    lines += [f"Kills by kind of write: {kinds} ({kills['rounds']} in-process rounds, the rest landed after the work "
              "ended)." + (f" Errors: {'; '.join(kills['errors'][:3])}" if kills["errors"] else ""), ""]
    lines += _table(["fuzzed files", "crashes", "indexed", "skipped, named with a reason", "skipped unnamed",
                     "ignored by name", "slowest file s", "build s"],
                    [[str(fuzz["files"]), str(fuzz["crashes"]), str(fuzz.get("indexed", NA)),
                      str(fuzz.get("skipped_named", NA)), str(fuzz.get("unnamed", NA)),
                      str(fuzz.get("ignored_by_name", NA)), _f(fuzz.get("slowest_file_s"), 3),
                      _f(fuzz.get("build_s"), 1)]])
    if fuzz.get("skip_reasons"):
        lines += ["Why fuzzed files were skipped: " + ", ".join(
            f"{reason} ({n})" for reason, n in sorted(fuzz["skip_reasons"].items(), key=lambda kv: -kv[1])), ""]
    rows = [[h["name"], f"{h['bytes'] / 1e6:.2f} MB" if h["bytes"] >= 100_000 else f"{h['bytes']} B",
             _f(h.get("seconds"), 2), _f(h.get("peak_mb"), 0),
             "yes" if h.get("seconds", 1e9) <= target["seconds"] and h.get("peak_mb", 1e9) <= target["peak_mb"]
             else "no", h.get("outcome", h.get("error", NA))] for h in data["hostile"]]
    lines += [f"Hostile single files, each indexed alone in a fresh process (keyword phase: read, parse, chunk, "
              f"keyword index, store); peak memory over that process's baseline; target {target['seconds']:.0f} s "
              f"and {target['peak_mb']:.0f} MB:", ""]
    lines += _table(["file", "size", "s", "peak MB", "within target", "outcome"], rows)
    lines += _table(["bad CLI calls", "tracebacks", "unexpected exit codes"],
                    [[str(cli["calls"]), str(cli["tracebacks"]), str(cli["unexpected_exit"])]])
    return lines + [f"- {d}" for d in cli["details"]] + ([""] if cli["details"] else [])


def _run_time_section(results: dict) -> list[str]:
    """How long each part of the bench took when it was last measured (generating a folder included)."""
    parts = [(f"quality: {name}", data) for name, data in results.get("quality", {}).items()]
    parts += [(f"speed: {size} articles", data) for size, data in results.get("speed", {}).items()]
    if "judgment" in results:
        parts.append(("judgment", results["judgment"]))
    parts += [("faults and hostile input", results["faults"])] if results.get("faults") else []
    rows = [[part, data.get("measured_at", ""), _f(data["took_s"] / 60, 1),
             _f(data["generate_s"], 0) if "generate_s" in data else ""] for part, data in parts if "took_s" in data]
    if not rows:
        return []
    total = sum(data["took_s"] for _, data in parts if "took_s" in data)
    return (["## Run time", "", "Wall time of each part of the bench, as last run (the report itself takes seconds):", ""]
            + _table(["part", "finished", "minutes", "of which generating the folder, s"],
                     rows + [["all parts", "", _f(total / 60, 1), ""]]) + [""])
