"""The triage lexicon: which words mean "hand this message to a lead".

The words live in editable YAML (`kbassist/data/triage.yml`, schema documented
at its top) because support teams, not programmers, know how their customers
write. A knowledge folder may carry `.kbassist/triage.yml`, merged over the
built-in file (`extends: default`, the default) or replacing it
(`extends: none`). A broken folder file never disables triage: the built-in
lexicon is used and a `Problem` names the file and line.

Regexes are compiled once, when a `Lexicon` is built, so triage of a message
is a handful of scans over it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..errors import Problem
from ..textutil import CJK_CHAR, CJK_RANGES

FOLDER_FILE = Path(".kbassist") / "triage.yml"
TOP_KEYS = frozenset({"extends", "threshold", "categories", "modifiers", "fillers", "window", "intensity"})
CATEGORY_KEYS = frozenset({"weight", "strong", "terms"})
MODIFIER_KEYS = frozenset({"factor", "words"})
# A "..." in a term: a short stretch that stays inside one clause.
GAP = r"[^.,;:!?。、\n]{0,12}?"
LATIN_AFTER = r"(?![a-z0-9])"


def fold(text: str) -> str:
    """Fold width, case and curly quotes so terms and messages compare alike.

    NFKC turns full-width letters, digits and punctuation (！？，) into ASCII;
    it keeps one character per character for everything a customer types, so
    match positions stay meaningful.
    """
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


@dataclass(frozen=True)
class Category:
    """One reason code: its ordinary terms, and strong terms that escalate alone."""

    code: str
    weight: float
    strong: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Modifier:
    """Words that scale the term right after them (negation: 0, hedge: 0.5)."""

    name: str
    factor: float
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Intensity:
    """How shouting is recognised; each kind seen adds `step` to a multiplier."""

    step: float = 0.5
    max: float = 2.0
    exclamation_run: int = 3
    question_run: int = 3
    caps_words: int = 2
    repeated_letters: int = 3
    repeated_words: bool = True


@dataclass(frozen=True)
class Compiled:
    """The lexicon's regexes, built once; each category pattern has groups s/w."""

    categories: tuple[re.Pattern, ...]
    modifiers: re.Pattern | None  # group m<i> for modifier i
    fillers: re.Pattern
    exclamation: re.Pattern
    question: re.Pattern
    caps: re.Pattern
    repeated_letters: re.Pattern
    repeated_words: re.Pattern | None


@dataclass(frozen=True)
class Lexicon:
    categories: tuple[Category, ...]
    modifiers: tuple[Modifier, ...] = ()
    fillers: tuple[str, ...] = ()
    window_en: int = 4
    window_zh: int = 4
    threshold: float = 1.0
    intensity: Intensity = Intensity()
    source: str = "built-in"
    compiled: Compiled = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", _compile(self))


def load_lexicon(folder: Path | None) -> tuple[Lexicon, list[Problem]]:
    """The lexicon for `folder` (its `.kbassist/triage.yml` if any) and what was wrong."""
    builtin = resources.files("kbassist") / "data" / "triage.yml"
    data, problems = _parse(builtin.read_text(encoding="utf-8"), "kbassist/data/triage.yml")
    source = "built-in"
    path = Path(folder) / FOLDER_FILE if folder is not None else None
    if path is not None and path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem.of(str(path), 0, "lexicon_unreadable", "error", error=str(exc)))
        else:
            override, override_problems = _parse(text, str(path))
            problems += override_problems
            if override is not None:
                replace = override.pop("extends", "default") == "none"
                data = override if replace else _merge(data, override)
                source = str(path)
    return _build(data or {}, source), problems


def _parse(text: str, file: str) -> tuple[dict | None, list[Problem]]:
    """YAML text to the canonical dict; None when the YAML itself is broken."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem.of(file, line, "lexicon_bad_yaml", "error", reason=str(reason))]
    checker = _Checker(file)
    if node is None:
        return {}, []
    return checker.document(node), checker.problems


class _Checker:
    """Walks the YAML node tree, keeping good values and reporting bad ones by line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def warn(self, node: yaml.Node, code: str, **values) -> None:
        self.problems.append(Problem.of(self.file, node.start_mark.line + 1, code, **values))

    def value(self, node: yaml.Node):
        return self._constructor.construct_object(node, deep=True)

    def mapping(self, node: yaml.Node, what: str, known: set[str] | None = None) -> dict:
        """`{key: value node}`; unknown keys and non-mappings are reported and dropped."""
        if not isinstance(node, yaml.MappingNode):
            self.warn(node, "lexicon_not_mapping", what=what)
            return {}
        out = {}
        for key_node, value_node in node.value:
            key = str(self.value(key_node))
            if known is not None and key not in known:
                self.warn(key_node, "lexicon_unknown_key", key=key, what=what)
                continue
            out[key] = value_node
        return out

    def number(self, node: yaml.Node, what: str, minimum: float = 0.0):
        value = self.value(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
            self.warn(node, "lexicon_bad_number", what=what, minimum=minimum, value=value)
            return None
        return value

    def words(self, node: yaml.Node, what: str) -> list[str]:
        """A word list, either flat or split by language ({en: [...], zh: [...]})."""
        lists = self.mapping(node, what).values() if isinstance(node, yaml.MappingNode) else [node]
        out: list[str] = []
        for list_node in lists:
            if not isinstance(list_node, yaml.SequenceNode):
                self.warn(list_node, "lexicon_not_word_list", what=what)
                continue
            for item in list_node.value:
                # The raw scalar text: YAML would read the word `no` as False.
                if isinstance(item, yaml.ScalarNode) and item.value.strip():
                    out.append(item.value.strip())
                else:
                    self.warn(item, "lexicon_not_word", what=what)
        return out

    def document(self, node: yaml.Node) -> dict:
        top = self.mapping(node, "triage.yml", TOP_KEYS)
        data: dict = {}
        if "extends" in top:
            extends = self.value(top["extends"])
            if extends in ("default", "none"):
                data["extends"] = extends
            else:
                self.warn(top["extends"], "lexicon_bad_extends", value=extends)
        if "threshold" in top and (value := self.number(top["threshold"], "threshold")) is not None:
            data["threshold"] = value
        if "categories" in top:
            data["categories"] = {
                code: self.group(sub, f"category '{code}'", CATEGORY_KEYS, "weight", ("strong", "terms"))
                for code, sub in self.mapping(top["categories"], "categories").items()
            }
        if "modifiers" in top:
            data["modifiers"] = {
                name: self.group(sub, f"modifier '{name}'", MODIFIER_KEYS, "factor", ("words",))
                for name, sub in self.mapping(top["modifiers"], "modifiers").items()
            }
        if "fillers" in top:
            data["fillers"] = self.words(top["fillers"], "fillers")
        for key, defaults in (("window", {"en": 4, "zh": 4}), ("intensity", vars(Intensity()))):
            if key in top:
                data[key] = self.settings(top[key], key, defaults)
        return data

    def group(self, node, what, known, number_key, word_keys) -> dict:
        fields = self.mapping(node, what, known)
        out: dict = {key: self.words(fields[key], f"{what} {key}") for key in word_keys if key in fields}
        if number_key in fields and (value := self.number(fields[number_key], f"{what} {number_key}")) is not None:
            out[number_key] = value
        return out

    def settings(self, node, what, defaults: dict) -> dict:
        """Numbers (or booleans) whose type must match the default's."""
        out = {}
        for key, value_node in self.mapping(node, what, set(defaults)).items():
            value, default = self.value(value_node), defaults[key]
            if isinstance(default, bool) and isinstance(value, bool):
                out[key] = value
            elif not isinstance(default, bool) and (value := self.number(value_node, f"{what} {key}")) is not None:
                out[key] = type(default)(value)
        return out


def _merge(base: dict, override: dict) -> dict:
    """Mappings merge key by key, lists are concatenated, other values replaced."""
    out = dict(base)
    for key, value in override.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def _build(data: dict, source: str) -> Lexicon:
    window = data.get("window", {})
    return Lexicon(
        categories=tuple(
            Category(code, spec.get("weight", 0.5), tuple(spec.get("strong", ())), tuple(spec.get("terms", ())))
            for code, spec in data.get("categories", {}).items()
        ),
        modifiers=tuple(
            Modifier(name, spec.get("factor", 0.0), tuple(spec.get("words", ())))
            for name, spec in data.get("modifiers", {}).items()
        ),
        fillers=tuple(data.get("fillers", ())),
        window_en=window.get("en", 4),
        window_zh=window.get("zh", 4),
        threshold=data.get("threshold", 1.0),
        intensity=Intensity(**data.get("intensity", {})),
        source=source,
    )


def _inflection(word: str) -> tuple[str, str]:
    """Stem and ending regex: `sue` -> su + e|es|ed|ing; enough morphology for chat."""
    if not (word.isascii() and word.isalpha() and len(word) >= 3):
        return word, ""
    if word.endswith("e"):
        return word[:-1], "(?:e|es|ed|ing)"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1], "(?:y|ies|ied|ying)"
    return word, f"(?:s|es|ed|ing|{word[-1]}ed|{word[-1]}ing)?"


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _atoms(term: str, inflect: bool) -> list[str]:
    """A term as regex atoms: characters, inflection endings, spaces, "..." gaps.

    English words match whole: the first atom checks the character before it
    (after the literal, so `re` can still skip positions by first character)
    and the last atom checks the one after. CJK terms match as substrings.
    """
    atoms: list[str] = []
    for part in filter(None, (p.strip() for p in term.split("..."))):
        atoms += [GAP] if atoms else []
        for word in part.split():
            atoms += [r"\s+"] if atoms and atoms[-1] != GAP else []
            stem, ending = _inflection(word) if inflect and not CJK_CHAR.search(word) else (word, "")
            atoms += [re.escape(char) for char in stem] + ([ending] if ending else [])
    if atoms and _is_latin(term[0]):
        atoms[0] += r"(?<![a-z0-9].)"
    if atoms and _is_latin(term[-1]):
        atoms.append(LATIN_AFTER)
    return atoms


def _trie(terms: Iterable[str], inflect: bool) -> str:
    """One regex for many terms with shared prefixes factored out.

    Hundreds of plain alternatives made `re` try each at every position
    (~3 ms for 500 characters); a trie tries a few dozen first characters.
    """
    root: dict = {}
    for term in terms:
        node = root
        for atom in _atoms(fold(term).strip(), inflect):
            node = node.setdefault(atom, {})
        node[""] = {}  # end of a term
    return _trie_branches(root) or "(?!)"


def _trie_branches(node: dict) -> str:
    # The end of a shorter term goes last, so the longest term wins.
    branches = [atom + _trie_branches(child) for atom, child in node.items() if atom]
    branches += [""] if "" in node and branches else []
    if len(branches) <= 1:
        return "".join(branches)
    return "(?:" + "|".join(branches) + ")"


def _compile(lexicon: Lexicon) -> Compiled:
    modifier_words = [w for m in lexicon.modifiers for w in m.words]
    intensity = lexicon.intensity
    return Compiled(
        categories=tuple(
            re.compile(f"(?P<s>{_trie(c.strong, True)})|(?P<w>{_trie(c.terms, True)})")
            for c in lexicon.categories
        ),
        modifiers=re.compile(
            "|".join(f"(?P<m{i}>{_trie(m.words, False)})" for i, m in enumerate(lexicon.modifiers))
        )
        if lexicon.modifiers
        else None,
        fillers=re.compile(rf"(?:\s+|{_trie([*lexicon.fillers, *modifier_words], False)})*"),
        exclamation=re.compile(f"!{{{max(intensity.exclamation_run, 1)}}}!*"),
        question=re.compile(rf"(?=[!?]*\?)[!?]{{{max(intensity.question_run, 1)},}}"),
        caps=re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])"),
        repeated_letters=re.compile(rf"([^\W\d_])\1{{{max(intensity.repeated_letters - 1, 1)},}}"),
        repeated_words=re.compile(rf"(?<![a-z0-9])([a-z]{{2,}})(?:\s+\1)+{LATIN_AFTER}|([{CJK_RANGES}]{{2,4}})\2+")
        if intensity.repeated_words
        else None,
    )
