"""Deciding what gets indexed: an article's head and each of its sections.

A chunk read alone must still say where it sits, so its text starts with the
article title and the heading path. Keys are stable (article id + heading
path + ordinal, never random), so editing one section leaves the other
chunks, and their vectors, alone. Long sections are split on paragraph
boundaries with a counter that treats each CJK character as a token, and a
paragraph longer than a chunk is cut between words: one 2 MB paragraph was
once a single chunk, and embedding it took 9 GB (issue #17).

Every pattern here runs over whole sections of whatever a file holds, so
none can backtrack across lines: a link or list marker is looked for within
its line, which keeps the work linear in the text.
"""
from __future__ import annotations

import bisect
import re

from ..textutil import WORD_OR_CJK, count_tokens
from .articles import PLACEHOLDER
from .model import Article, Chunk, Reply

MAX_CHUNK_TOKENS = 220
MAX_CHUNK_CHARS = 4096  # also for text with few words: 2 MB of "[[" was one chunk
MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
MARKDOWN_NOISE = re.compile(r"(\*\*|__|`|^[ \t]*[-*+>][ \t]+|^[ \t]*\d+\.[ \t]+|\[\[|\]\])", re.MULTILINE)


def plain(text: str) -> str:
    """Markdown and placeholder markup removed, as it should be embedded and matched."""
    text = PLACEHOLDER.sub(lambda m: m.group(2) or "", text)
    text = MARKDOWN_LINK.sub(r"\1", text)
    return MARKDOWN_NOISE.sub("", text)


def chunk_article(article: Article) -> list[Chunk]:
    head_text = "\n".join([article.title, *article.questions])
    chunks = [Chunk(f"{article.id}#~0", article.id, "", article.body_line, head_text, "head")]
    seen: dict[str, int] = {}
    h1 = next((s.heading for s in article.sections if s.level == 1), None)
    replies_by_line = sorted(article.replies, key=lambda r: r.line)
    lines = [r.line for r in replies_by_line]
    for section in article.sections:  # each section's replies by bisection: linear in sections and replies
        end = section.end_line or (lines[-1] if lines else section.line)
        replies = replies_by_line[bisect.bisect_left(lines, section.line):bisect.bisect_right(lines, end)]
        body = "\n\n".join(filter(None, [section.text, *(_reply_text(r) for r in replies)]))
        if not body.strip():
            continue
        path = " › ".join(p for p in section.path if p not in (article.title, h1))
        prefix = f"{article.title} › {path}" if path else article.title
        for piece in _split(plain(body)):
            base = f"{article.id}#{'/'.join(section.path)}"
            ordinal = seen.get(base, 0)
            seen[base] = ordinal + 1
            chunks.append(Chunk(f"{base}~{ordinal}", article.id, section.heading, section.line,
                                f"{prefix}\n{piece}", "section"))
    return chunks


def _reply_text(reply: Reply) -> str:
    return f"{reply.title}: {reply.text}"


def _split(text: str) -> list[str]:
    """Paragraph-aligned pieces of at most MAX_CHUNK_TOKENS tokens (only a longer paragraph is cut)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    paragraphs = (p.strip() for p in re.split(r"\n[ \t]*\n\s*", text))
    for para in (part for p in paragraphs if p for part in _cut(p)):
        n = count_tokens(para)
        if current and size + n > MAX_CHUNK_TOKENS:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(para)
        size += n
    if current:
        pieces.append("\n".join(current))
    return pieces


def _cut(paragraph: str) -> list[str]:
    """The paragraph, or parts of MAX_CHUNK_TOKENS tokens each, cut where a token starts; a part still
    over MAX_CHUNK_CHARS characters (long runs of symbols) is cut every MAX_CHUNK_CHARS characters."""
    starts = [m.start() for m in WORD_OR_CJK.finditer(paragraph)]
    if len(starts) <= MAX_CHUNK_TOKENS and len(paragraph) <= MAX_CHUNK_CHARS:
        return [paragraph]
    cuts = [0, *starts[MAX_CHUNK_TOKENS::MAX_CHUNK_TOKENS], len(paragraph)]
    parts = (paragraph[a:b] for a, b in zip(cuts, cuts[1:]))
    return [piece for part in parts for i in range(0, len(part), MAX_CHUNK_CHARS)
            if (piece := part[i:i + MAX_CHUNK_CHARS].strip())]
