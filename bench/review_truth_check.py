"""Check the weekly review against the Northwind ground truth (review-truth.json).

    .venv/bin/python bench/review_truth_check.py [--kb DIR] [--truth FILE] [--embedder SPEC]

The review runs the way the app runs it: the folder is indexed into a temp
index dir (`Assistant`, the chosen embedder), then `Assistant.review` uses
the stored chunk vectors for duplicates; snoozes and past reports go to a
temp state dir and content gaps are off (no history log is involved).

Rule-based reasons (review_overdue, expired, launch:*, broken_link:*) and
missing_translation must match exactly. Duplicates: both truth pairs must be
found, with at most 2 extra pairs; each found pair is also checked for a
numeric conflict. The score distribution of same-language pairs is printed
so the duplicate threshold can be judged against the data, not guessed.
Exit status 1 when any check fails.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from kbassist.assistant import Assistant
from kbassist.review import DUPLICATE_THRESHOLD, similar_pairs

EVAL = Path("/work/shared/eval/northwind")
EXACT = ("review_overdue", "expired", "launch", "broken_link")


def _family(code: str) -> str:
    return code.split(":", 1)[0]


def _by_family(stale: dict[str, list[str]]) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, codes in stale.items():
        for code in codes:
            out[_family(code)].add((key, code))
    return out


def _pairs(found: set[tuple[str, str]]) -> set[frozenset]:
    return {frozenset((key, code.split(":", 1)[1])) for key, code in found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=EVAL / "kb")
    parser.add_argument("--truth", type=Path, default=EVAL / "review-truth.json")
    parser.add_argument("--embedder", default="use-multilingual")
    args = parser.parse_args()
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    as_of = dt.date.fromisoformat(truth["as_of"])

    with tempfile.TemporaryDirectory() as tmp, Assistant(args.kb, Path(tmp) / "index", embedder=args.embedder) as kb:
        start = time.perf_counter()
        kb.update()
        index_s = time.perf_counter() - start
        start = time.perf_counter()
        report = kb.review(as_of, state_dir=Path(tmp) / "state", gaps=False)
        review_s = time.perf_counter() - start
        published = [a for a in kb.articles() if a.status == "published" and not a.is_launch]
        vectors = kb.article_vectors()

    want = _by_family(truth["stale"])
    got = _by_family({i.id: [r.code for r in i.reasons] for i in report.items})
    rows, ok = [], True
    for family in EXACT:
        misses, extras = want[family] - got[family], got[family] - want[family]
        passed = not misses and not extras
        ok &= passed
        rows.append((family, len(want[family]), len(got[family]), misses, extras, passed))
    want_pairs, got_pairs = _pairs(want["duplicate"]), _pairs(got["duplicate"])
    false_pairs = got_pairs - want_pairs
    passed = want_pairs <= got_pairs and len(false_pairs) <= 2
    ok &= passed
    rows.append(("duplicate pairs", len(want_pairs), len(got_pairs), want_pairs - got_pairs, false_pairs, passed))
    conflicts = _pairs(got["conflict"])
    passed = want_pairs <= conflicts
    ok &= passed
    rows.append(("conflict pairs (truth dups)", len(want_pairs), len(conflicts), want_pairs - conflicts,
                 conflicts - want_pairs, passed))
    want_mt = set(truth["missing_translation"])
    got_mt = {i.id for i in report.missing_translation}
    passed = want_mt == got_mt
    ok &= passed
    rows.append(("missing_translation", len(want_mt), len(got_mt), want_mt - got_mt, got_mt - want_mt, passed))

    print(f"Weekly review vs {args.truth.name}, as of {as_of}, embedder {args.embedder}: "
          f"index built in {index_s:.1f} s, review (stored vectors) {review_s:.2f} s\n")
    print(f"{'rule':<30}{'truth':>6}{'found':>6}  {'missing':<10}{'extra':<10}result")
    for name, n_want, n_got, misses, extras, passed in rows:
        print(f"{name:<30}{n_want:>6}{n_got:>6}  {len(misses):<10}{len(extras):<10}{'PASS' if passed else 'FAIL'}")
        for label, values in (("missing", misses), ("extra", extras)):
            for value in sorted(map(str, values)):
                print(f"    {label}: {value}")
    print("\nConflicts found:")
    for item in report.items:
        for reason in item.reasons:
            if reason.code.startswith("conflict:"):
                print(f"  {item.id}: {reason.detail}")
    other = sorted({r.code for i in report.items for r in i.reasons if _family(r.code) not in
                    (*EXACT, "duplicate", "conflict")})
    print(f"\nOther reasons reported (not in the truth file): {', '.join(other) or 'none'}")
    _print_distribution(published, vectors)
    print(f"\nOVERALL: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


def _print_distribution(published, vectors) -> None:
    """All same-language pair scores, to show where the threshold sits."""
    pairs = similar_pairs(published, vectors, threshold=-1.0)
    scores = np.array([p[2] for p in pairs])
    print(f"\nDuplicate score over {len(pairs)} same-language pairs (threshold {DUPLICATE_THRESHOLD}): "
          f"median {np.median(scores):.2f}, p90 {np.percentile(scores, 90):.2f}, "
          f"p99 {np.percentile(scores, 99):.2f}; top 5:")
    for first, second, score in pairs[:5]:
        print(f"  {score:.3f}  {first} ~ {second}")


if __name__ == "__main__":
    sys.exit(main())
