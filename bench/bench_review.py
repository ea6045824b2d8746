"""Time the weekly review on a generated 10,000-article folder.

    .venv/bin/python bench/bench_review.py [--articles 10000] [--seed 1]

The folder is written to a temp dir: simple articles with full front matter
(half English, half Chinese, a third of them translation pairs, some links
broken, some expired, three launch notes). Vectors are seeded random unit
vectors of 512 dimensions (a head row and two section rows per article, the
layout the engine stores), with a few planted near-duplicates, so the
duplicate search does the same matrix work as with real embeddings without
spending minutes embedding. Two timings: the whole review (read + parse the
folder, every rule, duplicates, Markdown render) and the duplicate search
alone. Target: the whole review in 10 s or less.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from kbassist.review import load_folder, run_review, similar_pairs, to_markdown

DIM = 512
PRODUCTS = ["lock", "vacuum", "camera", "app", "membership", "store", "billing", "account"]
OWNERS = ["ana", "bo", "chen", "dev", "eli"]
PLANTED = 20


def _article(i: int, rng: random.Random, total: int) -> tuple[str, str]:
    lang = "zh" if i % 2 else "en"
    product = PRODUCTS[i % len(PRODUCTS)]
    reviewed = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(330))
    lines = ["---", f"id: topic/{i}", f"title: Topic {i} about {product}", f"lang: {lang}",
             f"tags: [{product}, t{i % 50}]", f"product: {product}", f"owner: {OWNERS[i % len(OWNERS)]}",
             f"status: {'draft' if i % 97 == 0 else 'published'}", f"reviewed: {reviewed}",
             f"review_every: {rng.choice([90, 180, 365])}d"]
    if i % 41 == 0:
        lines.append(f"expires: {dt.date(2026, 6, 1) + dt.timedelta(days=rng.randrange(300))}")
    if i % 3 == 1:
        lines.append(f"translation_of: topic/{i - 1}")
    lines += ["questions:", f"  - how do I fix problem {i}", f"  - question {i} again", "---", ""]
    link = f"topic/{rng.randrange(total)}" if i % 53 else f"topic/missing-{i}"
    body = [f"# Topic {i}", "", "## What to do", "",
            f"Wait {rng.randrange(1, 30)} days, then see [[{link}]]. It costs ¥{rng.randrange(10, 500)}.", "",
            "## Why", "", "Because the product works that way." * 3, ""]
    return f"topic/{i}.md", "\n".join(lines + body)


def generate(folder: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    (folder / "topic").mkdir(parents=True)
    for i in range(n):
        rel, text = _article(i, rng, n)
        (folder / rel).write_text(text, encoding="utf-8")
    (folder / "launches").mkdir()
    for k, product in enumerate(PRODUCTS[:3]):
        (folder / "launches" / f"l{k}.md").write_text(
            f"---\ntype: launch\ntitle: Launch {k}\ndate: 2026-{9 + k:02d}-15\n"
            f"affects: [{product}]\n---\n# Launch\n",
            encoding="utf-8")


def random_vectors(ids: list[str], seed: int) -> dict[str, np.ndarray]:
    """Three unit rows per article; the first PLANTED same-language pairs get nearly equal vectors."""
    rng = np.random.default_rng(seed)
    rows = rng.standard_normal((len(ids), 3, DIM)).astype(np.float32)
    for k in range(PLANTED):  # ids 4k and 4k+2 share a language
        rows[4 * k + 2] = rows[4 * k] + 0.1 * rng.standard_normal((3, DIM)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=2, keepdims=True)
    return {key: rows[n] for n, key in enumerate(ids)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "kb"
        start = time.perf_counter()
        generate(folder, args.articles, args.seed)
        print(f"generated {args.articles} articles in {time.perf_counter() - start:.1f} s")
        vectors = random_vectors([f"topic/{i}" for i in range(args.articles)], args.seed)

        start = time.perf_counter()
        snapshot = load_folder(folder)
        parse_s = time.perf_counter() - start
        start = time.perf_counter()
        report = run_review(snapshot.articles, as_of=dt.date(2026, 11, 24), vectors=vectors,
                            problems=snapshot.problems)
        markdown = to_markdown(report)
        review_s = time.perf_counter() - start
        print(f"read+parse the folder (kbassist.articles): {parse_s:.2f} s")
        print(f"review of the parsed articles (every rule, duplicates, Markdown): {review_s:.2f} s; "
              f"{len(report.items)} items, {len(markdown) // 1024} KiB of Markdown")
        print(f"whole review from files: {parse_s + review_s:.2f} s")
        codes: dict[str, int] = {}
        for item in report.items:
            for reason in item.reasons:
                family = reason.code.split(":", 1)[0]
                codes[family] = codes.get(family, 0) + 1
        print("reasons:", ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))

        published = [a for a in snapshot.articles if a.status == "published" and not a.is_launch]
        start = time.perf_counter()
        pairs = similar_pairs(published, vectors)
        print(f"duplicate search alone: {time.perf_counter() - start:.2f} s over {len(published)} articles "
              f"x {DIM} dims ({len(pairs)} pairs found, {PLANTED} planted, one in a draft)")
        for label, seconds in (("review of parsed articles", review_s),
                               ("whole review from files", parse_s + review_s)):
            print(f"target <= 10 s, {label}: {'PASS' if seconds <= 10 else 'FAIL'}")


if __name__ == "__main__":
    main()
