"""Time the weekly review on a generated 10,000-article folder, through `Assistant`.

    .venv/bin/python bench/bench_review.py [--articles 10000] [--seed 1]

The folder is written to a temp dir: simple articles with full front matter
(half English, half Chinese, a third of them translation pairs, some links
broken, some expired, three launch notes, 20 planted duplicates: copies of
another same-language article under a new id). It is indexed into a temp
index dir with a meaning-free embedder (each distinct text gets a seeded
random 512-dim unit vector; a copy gets the same vectors as its original),
so the index stores the same layout and the duplicate search does the same
matrix work as with real embeddings, without minutes of embedding.

Timings, reported separately:
- index build (read, parse, keyword index, store, vectors): paid once, then
  kept up to date incrementally by the app;
- the review from the index (`Assistant.review`: every rule, duplicates on
  the stored vectors, plus the Markdown render); target <= 10 s;
- a rerun as the CLI does it on an unchanged folder: open the index, check
  the folder against the manifest, review;
- the duplicate search alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from kbassist.assistant import Assistant
from kbassist.review import similar_pairs, to_markdown

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
    """Write the folder; article 4k+2 (k < PLANTED) is a copy of article 4k (same language) under its own id."""
    rng = random.Random(seed)
    (folder / "topic").mkdir(parents=True)
    texts: dict[int, str] = {}
    for i in range(n):
        rel, text = _article(i, rng, n)
        if i % 4 == 2 and i // 4 < PLANTED:
            text = texts[i - 2].replace(f"id: topic/{i - 2}\n", f"id: topic/{i}\n", 1)
        texts[i] = text
        (folder / rel).write_text(text, encoding="utf-8")
    (folder / "launches").mkdir()
    for k, product in enumerate(PRODUCTS[:3]):
        (folder / "launches" / f"l{k}.md").write_text(
            f"---\ntype: launch\ntitle: Launch {k}\ndate: 2026-{9 + k:02d}-15\n"
            f"affects: [{product}]\n---\n# Launch\n",
            encoding="utf-8")


class RandomEmbedder:
    """Meaning-free vectors: each distinct text gets a unit vector seeded by its hash (fast, deterministic)."""

    name = f"bench-random-{DIM}"
    dim = DIM

    def embed(self, texts) -> np.ndarray:
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
            out[row] = np.random.default_rng(seed).standard_normal(DIM)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    as_of = dt.date(2026, 11, 24)
    with tempfile.TemporaryDirectory() as tmp:
        folder, index, state = Path(tmp) / "kb", Path(tmp) / "index", Path(tmp) / "state"
        _, gen_s = _timed(lambda: generate(folder, args.articles, args.seed))
        print(f"generated {args.articles} articles in {gen_s:.1f} s")

        with Assistant(folder, index, embedder=RandomEmbedder()) as kb:
            _, build_s = _timed(kb.update)
            print(f"index build (parse, keyword index, store, {kb.stats()['chunks']} chunk vectors): {build_s:.1f} s")
            (report, markdown), review_s = _timed(
                lambda: (r := kb.review(as_of, state_dir=state, gaps=False), to_markdown(r)))
            vectors, load_s = _timed(kb.article_vectors)
            published = [a for a in kb.articles() if a.status == "published" and not a.is_launch]
            pairs, dup_s = _timed(lambda: similar_pairs(published, vectors))
        print(f"review from the index (every rule, duplicates on stored vectors, Markdown): {review_s:.2f} s; "
              f"{len(report.items)} items, {len(markdown) // 1024} KiB of Markdown")
        codes: dict[str, int] = {}
        for item in report.items:
            for reason in item.reasons:
                family = reason.code.split(":", 1)[0]
                codes[family] = codes.get(family, 0) + 1
        print("reasons:", ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))
        print(f"  of which loading the stored vectors: {load_s:.2f} s; duplicate search alone: {dup_s:.2f} s "
              f"over {len(published)} articles x {DIM} dims ({len(pairs)} pairs found, {PLANTED} planted, "
              f"one in a draft)")

        def rerun():
            with Assistant(folder, index, embedder=RandomEmbedder()) as again:
                again.update()
                return again.review(as_of, state_dir=state, gaps=False)

        _, rerun_s = _timed(rerun)
        print(f"rerun on the unchanged folder (open index, check folder, review): {rerun_s:.2f} s")
        for label, seconds in (("review from the index", review_s), ("rerun on an unchanged folder", rerun_s)):
            print(f"target <= 10 s, {label}: {'PASS' if seconds <= 10 else 'FAIL'}")


if __name__ == "__main__":
    main()
