"""Generate a realistic knowledge folder (and queries for it) of any size.

Speed numbers mean little on 77 hand-written articles, so the speed runs
use folders made here: seeded and deterministic (the same seed gives the
same bytes), about half Chinese and half English with some bilingual pairs
(`translation_of`), lognormal lengths (most English articles 150-600
words, Chinese 300-1200 characters, a few very long), full KB-FORMAT front
matter, 2-5 sections, reply blocks with placeholders and `[[links]]`.

One topic is a product family, a problem and a model number (e.g.
robot vacuum RV-310 won't turn on). Articles use the first phrasings of the
problem; the queries use the others, so searching is paraphrase-shaped,
not copy-shaped. The query file (KB-FORMAT eval JSONL) sits beside the
folder, not in it, so no peer indexes it.

    python -m bench.generate --articles 10000 --out bench/data/gen-10000 --seed 1
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

from . import vocab

AS_OF = dt.date(2026, 11, 24)
SLOT = re.compile(r"(?<!\{)\{([a-z0-9_]+)\}(?!\})")  # {slot}, but not {{placeholder}}
QUERY_KINDS = (("paraphrase", 0.56), ("keyword", 0.14), ("typo", 0.12), ("crosslingual", 0.12), ("oos", 0.06))


@dataclass(frozen=True)
class Topic:
    family: tuple[str, str, str, str]  # slug, en name, zh name, model prefix
    problem: str
    model: str
    langs: tuple[str, ...]  # ("en",), ("zh",) or ("en", "zh")
    status: str
    codes: tuple[str, ...]

    def article_id(self, lang: str) -> str:
        base = f"{self.family[0]}/{self.problem}-{self.model.lower()}"
        return base + ".zh" if lang == "zh" else base

    def ids(self) -> list[str]:
        return [self.article_id(lang) for lang in self.langs]

    def family_name(self, lang: str) -> str:
        return self.family[1] if lang == "en" else self.family[2]

    def phrasings(self, lang: str) -> list[str]:
        _tag, en, zh = vocab.PROBLEMS[self.problem]
        return en if lang == "en" else zh


def fill(template: str, values: dict[str, str]) -> str:
    """Fill `{slot}`s, leaving `{{placeholders}}` of reply blocks alone."""
    return SLOT.sub(lambda m: values[m.group(1)], template)


def plan_topics(count: int, rng: random.Random) -> list[Topic]:
    """Topics until `count` articles: 25% bilingual pairs, the rest split evenly by language."""
    topics, seen, articles = [], set(), 0
    problems = sorted(vocab.PROBLEMS)
    while articles < count:
        family = rng.choice(vocab.FAMILIES)
        problem = rng.choice(problems)
        model = f"{family[3]}-{rng.randint(100, 999)}"
        if (family[0], problem, model) in seen:
            continue
        seen.add((family[0], problem, model))
        roll = rng.random()
        langs = ("en", "zh") if roll < 0.25 else ("en",) if roll < 0.625 else ("zh",)
        if articles + len(langs) > count:
            langs = langs[:1]
        status = rng.choices(("published", "draft", "archived"), (0.92, 0.05, 0.03))[0]
        codes = tuple(f"E{rng.randint(10, 99)}" for _ in range(rng.randint(1, 2)))
        topics.append(Topic(family, problem, model, langs, status, codes))
        articles += len(langs)
    return topics


class ArticleWriter:
    """Renders one topic in one language; `ids` so far feed the [[links]]."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ids: list[str] = []

    def values(self, topic: Topic, lang: str) -> dict[str, str]:
        rng = self.rng
        n, version = str(rng.choice((2, 3, 5, 10, 15, 30, 48, 72))), f"{rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 20)}"
        actions = [fill(a, {"n": n, "v": version}) for a in rng.sample(vocab.ACTIONS[lang], 2)]
        return {"f": topic.family_name(lang), "p": rng.choice(topic.phrasings(lang)[:2]), "m": topic.model,
                "a": actions[0], "a2": actions[1], "e": rng.choice(topic.codes), "n": n, "v": version,
                "part": rng.choice(vocab.PARTS[lang]), "color": rng.choice(vocab.COLORS[lang])}

    def target_length(self, lang: str) -> int:
        """Words (en) or CJK characters (zh) of filler, lognormal around 200 words; 3% are 4x longer.

        With headings and replies added, articles end up at a median of about 430 words.
        """
        words = min(4000, max(80, int(math.exp(self.rng.gauss(math.log(200), 0.45)))))
        if self.rng.random() < 0.03:
            words *= 4
        return words * 2 if lang == "zh" else words

    def paragraph(self, topic: Topic, lang: str) -> str:
        sentences = [fill(self.rng.choice(vocab.SENTENCES[lang]), self.values(topic, lang))
                     for _ in range(self.rng.randint(2, 5))]
        return ("" if lang == "zh" else " ").join(sentences)

    def steps(self, topic: Topic, lang: str) -> str:
        values = self.values(topic, lang)
        actions = self.rng.sample(vocab.ACTIONS[lang], self.rng.randint(3, 5))
        return "\n".join(f"{i}. {fill(a, values)}" for i, a in enumerate(actions, 1))

    def reply(self, topic: Topic, lang: str, heading: str) -> str:
        values = self.values(topic, lang)
        text = " ".join((fill(self.rng.choice(vocab.REPLY_OPENERS[lang]), values),
                         self.paragraph(topic, lang), fill(self.rng.choice(vocab.REPLY_CLOSERS[lang]), values)))
        return f'```reply title="{heading}"\n{text}\n```'

    def front_matter(self, topic: Topic, lang: str, title: str) -> str:
        rng, q = self.rng, json.dumps
        frames = rng.sample(vocab.QUESTION_FRAMES[lang], rng.randint(2, 5))
        questions = [fill(f, {"p": rng.choice(topic.phrasings(lang)[:2]), "f": topic.family_name(lang), "m": topic.model})
                     for f in frames]
        tag = vocab.PROBLEMS[topic.problem][0]
        lines = ["---", f"id: {topic.article_id(lang)}", f"title: {q(title, ensure_ascii=False)}", f"lang: {lang}",
                 f"tags: [{topic.family[0]}, {tag}, {topic.problem}]", f"product: {topic.family[0]}",
                 f"version: \"{rng.randint(1, 4)}.{rng.randint(0, 9)}\"", f"owner: {rng.choice(vocab.OWNERS)}",
                 f"status: {topic.status}", f"reviewed: {AS_OF - dt.timedelta(days=rng.randint(0, 400))}",
                 f"review_every: {rng.choice((30, 60, 90, 90, 180))}d"]
        if rng.random() < 0.05:
            lines.append(f"expires: {AS_OF + dt.timedelta(days=rng.randint(-60, 365))}")
        if lang == "zh" and "en" in topic.langs:
            lines.append(f"translation_of: {topic.article_id('en')}")
        lines.append("questions:")
        lines += [f"  - {q(x, ensure_ascii=False)}" for x in dict.fromkeys(questions)]
        return "\n".join(lines + ["---"])

    def links(self) -> str:
        """1-3 links to earlier articles; 2% of them point at an id that does not exist."""
        if not self.ids:
            return ""
        targets = [self.rng.choice(self.ids) for _ in range(self.rng.randint(1, 3))]
        if self.rng.random() < 0.02:
            targets.append("retired/no-such-article")
        return " ".join(f"[[{t}]]" for t in targets)

    def article(self, topic: Topic, lang: str) -> str:
        rng = self.rng
        phrase = topic.phrasings(lang)[0]
        title = (f"{topic.family[1].capitalize()} {topic.model} {phrase}" if lang == "en"
                 else f"{topic.model}{topic.family[2]}{phrase}")
        headings = rng.sample(vocab.SECTION_HEADINGS[lang], rng.randint(2, 5))
        target, written = self.target_length(lang), 0
        parts = [self.front_matter(topic, lang, title), "", f"# {title}", ""]
        for i, heading in enumerate(headings):
            parts += [f"## {heading}", ""]
            share = target // len(headings)
            section_start = written
            while written - section_start < share:
                block = self.steps(topic, lang) if rng.random() < 0.2 else self.paragraph(topic, lang)
                parts += [block, ""]
                written += measure(block, lang)
            if i == 0:
                parts += [("See also: " if lang == "en" else "相关文章：") + self.links(), ""]
        for _ in range(rng.randint(1, 2)):
            parts += [self.reply(topic, lang, rng.choice(headings)), ""]
        self.ids.append(topic.article_id(lang))
        return "\n".join(parts)


def measure(text: str, lang: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") if lang == "zh" else len(text.split())


def add_typo(text: str, rng: random.Random) -> str:
    """Swap two letters of a longer English word, or drop one Chinese character."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        positions = [i for i, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff"]
        i = rng.choice(positions)
        return text[:i] + text[i + 1:]
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w, j = words[i], rng.randint(1, len(words[i]) - 3)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def make_query(topic: Topic, kind: str, rng: random.Random) -> dict | None:
    """One eval query for `topic` of the given kind, or None when the kind does not fit."""
    published = topic.ids() if topic.status == "published" else []
    if not published:
        return None
    if kind == "crosslingual":
        if len(topic.langs) != 1:
            return None
        lang = "zh" if topic.langs == ("en",) else "en"
    else:
        lang = rng.choice(topic.langs)
    values = {"f": topic.family_name(lang), "m": topic.model, "p": rng.choice(topic.phrasings(lang)[2:])}
    if kind == "keyword":
        text = f"{topic.model} {rng.choice(topic.codes)}" + (" error" if lang == "en" else " 报错")
    else:
        text = fill(rng.choice(vocab.QUERY_FRAMES[lang]), values)
        if kind == "typo":
            text = add_typo(text, rng)
    return {"query": text, "expected": published, "lang": lang, "kind": kind}


def make_queries(topics: list[Topic], count: int, rng: random.Random) -> list[dict]:
    kinds, weights = zip(*QUERY_KINDS)
    oos = [(lang, q) for lang in ("en", "zh") for q in vocab.OOS_QUERIES[lang]]
    rng.shuffle(oos)
    queries: list[dict] = []
    while len(queries) < count:
        kind = rng.choices(kinds, weights)[0]
        if kind == "oos":
            if oos:
                lang, text = oos.pop()
                queries.append({"query": text, "expected": [], "lang": lang, "kind": "oos"})
            continue
        query = make_query(rng.choice(topics), kind, rng)
        if query is not None:
            queries.append(query)
    return queries


def generate(out: Path, articles: int, seed: int = 1, queries: int = 200, query_file: Path | None = None) -> dict:
    """Write `articles` Markdown files under `out` and the query file beside it."""
    rng = random.Random(seed)
    topics = plan_topics(articles, rng)
    writer = ArticleWriter(rng)
    for topic in topics:
        for lang in topic.langs:
            path = out / f"{topic.article_id(lang)}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(writer.article(topic, lang), encoding="utf-8")
    query_file = query_file or default_query_file(out)
    rows = make_queries(topics, queries, rng)
    query_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return {"articles": len(writer.ids), "topics": len(topics), "queries": len(rows), "query_file": str(query_file)}


def default_query_file(out: Path) -> Path:
    return out.with_name(out.name + ".queries.jsonl")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200, help="how many eval queries to write")
    parser.add_argument("--query-file", type=Path, help="default: <out>.queries.jsonl beside the folder")
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.out, args.articles, args.seed, args.queries, args.query_file)))


if __name__ == "__main__":
    main()
