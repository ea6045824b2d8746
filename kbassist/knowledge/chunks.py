"""Deciding what gets indexed: an article's head and each of its sections.

A chunk read alone must still say where it sits, so its text starts with the
article title and the heading path. Keys are stable (article id + heading
path + ordinal, never random), so editing one section leaves the other
chunks, and their vectors, alone. Long sections are split on paragraph
boundaries with a counter that treats each CJK character as a token.
"""
from __future__ import annotations

import re

from ..textutil import count_tokens
from .model import Article, Chunk, Reply

MAX_CHUNK_TOKENS = 220
PLACEHOLDER_MARKUP = re.compile(r"\{\{\s*([^{}|]+?)\s*(?:\|([^{}]*))?\}\}")
MARKDOWN_NOISE = re.compile(r"(\*\*|__|`|^\s*[-*+>]\s+|^\s*\d+\.\s+|\[\[|\]\])", re.MULTILINE)


def plain(text: str) -> str:
    """Markdown and placeholder markup removed, as it should be embedded and matched."""
    text = PLACEHOLDER_MARKUP.sub(lambda m: m.group(2) or "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return MARKDOWN_NOISE.sub("", text)


def chunk_article(article: Article) -> list[Chunk]:
    head_text = "\n".join([article.title, *article.questions])
    chunks = [Chunk(f"{article.id}#~0", article.id, "", article.body_line, head_text, "head")]
    seen: dict[str, int] = {}
    h1 = next((s.heading for s in article.sections if s.level == 1), None)
    for section in article.sections:
        replies = [r for r in article.replies if section.line <= r.line <= (section.end_line or r.line)]
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
    """Paragraph-aligned pieces of at most MAX_CHUNK_TOKENS tokens (a paragraph is never cut)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for para in (p.strip() for p in re.split(r"\n\s*\n", text)):
        if not para:
            continue
        n = count_tokens(para)
        if current and size + n > MAX_CHUNK_TOKENS:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(para)
        size += n
    if current:
        pieces.append("\n".join(current))
    return pieces
