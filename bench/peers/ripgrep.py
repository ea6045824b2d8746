"""ripgrep as a peer: what an agent gets by grepping the folder.

There is no index to build. A query becomes its selective terms
(`tokens.query_terms`: lowercase English words, jieba words for Chinese),
matched as fixed strings, case-insensitively, any word
(`rg --count-matches -i -F -e w1 -e w2 ...`); files are ranked by their
number of matches, ties by path. The time per query is the whole `rg`
process, start-up included.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from . import Ranked, unique
from ._process import run_timed
from .tokens import query_terms


class RipgrepPeer:
    name = "ripgrep"

    def __init__(self, binary: str = "rg"):
        self.binary = shutil.which(binary) or binary
        self.folder: Path | None = None

    def build(self, folder: Path) -> dict:
        self.folder = Path(folder).resolve()
        return {"build_s": 0.0, "note": "no index"}

    def search(self, query: str, k: int) -> Ranked:
        terms = query_terms(query)
        if not terms:
            return Ranked((), True, 0.0)
        cmd = [self.binary, "--count-matches", "-i", "-F", "--no-messages", "-g", "*.md"]
        for term in terms:
            cmd += ["-e", term]
        # An explicit path, or rg would search its (piped) stdin; exit 1 only means no match.
        out, ms, error = run_timed(cmd + ["--", "."], cwd=self.folder, ok_codes=(0, 1))
        counts = []
        for line in out.splitlines():
            path, _, count = line.rpartition(":")
            if path and count.isdigit():
                counts.append((-int(count), path))
        ranked = unique(p.removeprefix("./").removesuffix(".md") for _, p in sorted(counts))[:k]
        return Ranked(ranked, not ranked, ms, error)
