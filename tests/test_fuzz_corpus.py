"""Fuzzed articles and file names: no crash, and every file that is not indexed is named with a reason.

The edits come from tests/mutations.py (bits flipped, ranges cut or repeated,
hostile snippets inserted); bench/faults.py draws ten thousand of them.
"""
from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbassist import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.index.keyword import keyword_text
from kbassist.index.records import decode, encode
from kbassist.knowledge.articles import parse_article
from kbassist.knowledge.chunks import chunk_article
from kbassist.knowledge.folder import is_ignored_name, shown
from kbassist.knowledge.model import Article
from kbassist.knowledge.reading import decode_bytes
from tests.mutations import BASES, OPS, Edit, apply, file_name

edits = st.lists(st.builds(Edit, st.sampled_from(OPS), st.floats(0, 1), st.integers(0, 10 ** 6)),
                 min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BASES), edits)
def test_a_mutated_article_is_parsed_chunked_and_stored_without_error(base, changes):
    raw = apply(base, changes)
    started = time.monotonic()
    text, problems = decode_bytes(raw, "fuzz.md")
    if text is None:
        assert any(p.message.startswith("skipped") for p in problems)
        return
    article, _ = parse_article(text, "fuzz.md")
    chunk_article(article)
    keyword_text(article)
    assert decode(Article, encode(article)) == article
    assert time.monotonic() - started < 5


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(BASES), edits, st.integers(0, 10 ** 6)), min_size=1, max_size=8))
def test_a_fuzzed_folder_indexes_and_names_every_file_it_skips(files):
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        kb = root / "kb"
        kb.mkdir()
        written = []
        for number, (base, changes, seed) in enumerate(files):
            name = file_name(random.Random(seed), number)
            with open(os.fsencode(kb) + b"/" + name, "wb") as out:
                out.write(apply(base, changes))
            written.append(os.fsdecode(name))
        with Assistant(kb, root / "index", embedder=HashEmbedder()) as assistant:
            assistant.update()
            indexed = {a.path for a in assistant.article_summaries()}
            reasons = {p.file: p.message for p in assistant.problems()}
            for rel in written:
                if is_ignored_name(rel):
                    continue
                assert rel in indexed or reasons.get(shown(rel)), (rel, reasons)
            assert not [m for m in reasons.values() if "could not be parsed" in m], reasons
            assistant.search("refund card 退款", mode="keyword")
    finally:
        shutil.rmtree(root, ignore_errors=True)
