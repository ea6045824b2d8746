"""Recoll as a peer: a desktop search engine (Xapian) over the same folder.

Each build gets its own configuration directory (a temp folder holding a
`recoll.conf` whose `topdirs` is the knowledge folder), so the user's own
Recoll index is never touched. Queries run `recollq -c CONF -b -n 0-K -o`
(any term, URLs only, best first), one process per query: the time per query
includes process start-up and opening the index, as a script calling Recoll
would pay. Recoll cuts Chinese into character n-grams itself; by default the
query is first reduced to the same selective terms as ripgrep's (jieba
words, separated by spaces), because a whole Chinese sentence is otherwise
searched as one phrase and rarely matches. `segment=False` sends the raw text.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from . import Ranked, article_id, unique
from ._process import run_timed
from .tokens import query_terms


class RecollPeer:
    def __init__(self, segment: bool = True, workdir: Path | None = None):
        self.segment = segment
        self.name = "recoll" if segment else "recoll (raw query)"
        self.workdir = workdir
        self.conf: Path | None = None
        self.folder: Path | None = None

    def configure(self, folder: Path) -> list[str]:
        """Write a fresh configuration for `folder`; returns the command that builds the index."""
        self.folder = Path(folder).resolve()
        self.conf = Path(tempfile.mkdtemp(prefix="recoll-", dir=self.workdir))
        (self.conf / "recoll.conf").write_text(f"topdirs = {self.folder}\nloglevel = 1\n", encoding="utf-8")
        return [shutil.which("recollindex") or "recollindex", "-c", str(self.conf)]

    def build(self, folder: Path) -> dict:
        _, ms, error = run_timed(self.configure(folder), timeout=6 * 3600)
        return {"build_s": ms / 1000, "confdir": str(self.conf), **({"error": error} if error else {})}

    def search(self, query: str, k: int) -> Ranked:
        text = " ".join(query_terms(query)) if self.segment else query.strip()
        if not text:
            return Ranked((), True, 0.0)
        out, ms, error = run_timed(["recollq", "-c", str(self.conf), "-b", "-n", f"0-{k}", "-o", text])
        paths = [line[len("file://"):] for line in out.splitlines() if line.startswith("file://")]
        ranked = unique(article_id(p, self.folder) for p in paths if p.endswith(".md"))[:k]
        return Ranked(ranked, not ranked, ms, error)

    def close(self) -> None:
        if self.conf is not None:
            shutil.rmtree(self.conf, ignore_errors=True)
