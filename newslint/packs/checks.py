"""The check functions of declarative rules, one class per rule type.

Each class is a frozen value built by the loader from a rule file; calling it
with an article runs the rule, so it is an ordinary
:data:`newslint.rule.CheckFunction`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..findings import Fix, Hit
from ..model import Article
from ..text import WORD
from .regex import Matcher, compile_pattern, keep_case, normalise, word_list
from .scopes import Segment, segments, units


class Template:
    """A rule message with ``{match}``-style fields filled in per finding."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, **fields: object) -> str:
        return self.text.format_map(fields)


@dataclass(frozen=True)
class Finder:
    """Words and phrases (``tokens``) and RE2 ``patterns``, minus ``exceptions``."""

    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    ignorecase: bool = True

    def _matchers(self) -> list[Matcher]:
        out: list[Matcher] = []
        if self.tokens:
            out.append(word_list(self.tokens, self.ignorecase))
        if self.patterns:
            joined = "|".join(f"(?:{p})" for p in self.patterns)
            out.append(compile_pattern(joined, self.ignorecase))
        return out

    def find(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping, non-empty ``(start, end)`` spans in ``text``, in order."""
        spans = sorted(
            (m.start(), m.end())
            for matcher in self._matchers()
            for m in matcher.finditer(text)
            if m.end() > m.start()
        )
        if self.exceptions:
            joined = "|".join(f"(?:{p})" for p in self.exceptions)
            excepted = [
                (m.start(), m.end())
                for m in compile_pattern(joined, self.ignorecase).finditer(text)
            ]
            starts = [a for a, _ in excepted]
            spans = [s for s in spans if not _inside(s, starts, excepted)]
        out: list[tuple[int, int]] = []
        for s in spans:
            if not out or s[0] >= out[-1][1]:
                out.append(s)
        return out


def _inside(span: tuple[int, int], starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside one of ``spans`` (sorted, non-overlapping)."""
    k = bisect.bisect_right(starts, span[0]) - 1
    return k >= 0 and span[1] <= spans[k][1]


def _hit(seg: Segment, start: int, end: int, message: str, fix: Fix | None = None) -> Hit:
    a, b = seg.source_span(start, end)
    return Hit(a, b, message, fix)


@dataclass(frozen=True)
class Existence:
    finder: Finder
    scopes: tuple[str, ...]
    message: Template

    def __call__(self, article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        for seg in segments(article, self.scopes):
            text = seg.text
            for s, e in self.finder.find(text):
                yield _hit(seg, s, e, self.message(match=text[s:e]))


@dataclass(frozen=True)
class Substitution:
    #: observed (normalised) -> preferred
    swap: tuple[tuple[str, str], ...]
    scopes: tuple[str, ...]
    message: Template
    ignorecase: bool
    #: ``safe``, ``unsafe`` or ``none``.
    fix: str

    def __call__(self, article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        table = dict(self.swap)
        pattern = word_list(tuple(table), self.ignorecase)
        for seg in segments(article, self.scopes):
            for m in pattern.finditer(seg.text):
                observed = m.group()
                preferred = table[normalise(observed, self.ignorecase)]
                if self.ignorecase:
                    preferred = keep_case(observed, preferred)
                if observed == preferred:
                    continue
                a, b = seg.source_span(m.start(), m.end())
                fix = None
                if self.fix != "none" and b - a == len(observed):
                    fix = Fix.replace(
                        a, b, preferred, safe=self.fix == "safe", description=f"Use {preferred!r}"
                    )
                message = self.message(match=observed, preferred=preferred)
                yield Hit(a, b, message, fix)


@dataclass(frozen=True)
class Consistency:
    #: Each group: its variants; each variant: its forms.
    groups: tuple[tuple[tuple[str, ...], ...], ...]
    scope: str
    message: Template
    ignorecase: bool

    def __call__(self, article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        for group in self.groups:
            variant_of = {normalise(f, self.ignorecase): i for i, v in enumerate(group) for f in v}
            pattern = word_list(tuple(f for v in group for f in v), self.ignorecase)
            for unit in units(article, self.scope):
                seen: list[tuple[int, Segment, int, int]] = []
                for seg in unit:
                    for m in pattern.finditer(seg.text):
                        variant = variant_of[normalise(m.group(), self.ignorecase)]
                        seen.append((variant, seg, m.start(), m.end()))
                used = {v for v, *_ in seen}
                if len(used) < 2:
                    continue
                counts = {v: sum(1 for x in seen if x[0] == v) for v in used}
                order = [x[0] for x in seen]
                major = max(used, key=lambda v: (counts[v], -order.index(v)))
                first = next(x for x in seen if x[0] == major)
                preferred = first[1].text[first[2] : first[3]]
                for variant, seg, s, e in seen:
                    if variant != major:
                        word = seg.text[s:e]
                        yield _hit(seg, s, e, self.message(match=word, preferred=preferred))


_ARTICLES = {"a", "an", "the"}
_CONJUNCTIONS = {"and", "but", "for", "nor", "or", "so", "yet"}
_SHORT_PREPOSITIONS = {"as", "at", "by", "in", "of", "on", "per", "to", "via", "v", "vs"}
_LONG_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around",
    "before", "behind", "below", "beneath", "beside", "between", "beyond", "despite",
    "during", "except", "from", "into", "like", "near", "onto", "past", "since",
    "through", "toward", "towards", "under", "until", "upon", "with", "within", "without",
}  # fmt: skip
#: Words that are prepositions or adverbs ("Give Up"): never flagged in title case.
_AMBIGUOUS = {"up", "off", "out", "over", "down", "back", "round"}
MINOR_WORDS = {
    "ap-title": _ARTICLES | _CONJUNCTIONS | _SHORT_PREPOSITIONS,
    "chicago-title": _ARTICLES | _CONJUNCTIONS | _SHORT_PREPOSITIONS | _LONG_PREPOSITIONS,
}
#: Words a sentence-case headline does not capitalise after its first word.
SENTENCE_LOWER = (
    _ARTICLES
    | _CONJUNCTIONS
    | _SHORT_PREPOSITIONS
    | _LONG_PREPOSITIONS
    | {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "its"}
)
CASE_STYLES = ("sentence", "ap-title", "chicago-title")
_STYLE_NAMES = {
    "sentence": "sentence case",
    "ap-title": "AP title case",
    "chicago-title": "Chicago title case",
}
#: After these a headline starts afresh ("Analysis: No pain, no gain?").
_RESTART = re.compile(r"[:?!.]\s*[\"'“‘]?$|^\s*[\"'“‘]?$")


@dataclass(frozen=True)
class Capitalization:
    style: str
    scopes: tuple[str, ...]
    message: Template
    exceptions: frozenset[str]

    def __call__(self, article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        for seg in segments(article, self.scopes):
            text = seg.text
            words = list(WORD.finditer(text))
            for i, m in enumerate(words):
                word = m.group()
                expected = self._expected(text, words, i)
                if expected is not None and expected != word:
                    msg = self.message(
                        match=word, expected=expected, style=_STYLE_NAMES[self.style]
                    )
                    yield _hit(seg, m.start(), m.end(), msg)

    def _expected(self, text: str, words: Sequence[re.Match[str]], i: int) -> str | None:
        """The word as the style wants it, or None when the style has no say."""
        word = words[i].group()
        head = word.split("-")[0]
        if (
            word in self.exceptions
            or not head[:1].isalpha()
            or any(c.isdigit() for c in word)
            or any(c.isupper() for c in head[1:])  # UK, iPhone, McDonald
            or head.lower() in ("i", "i'm", "i've", "i'll", "i'd")
        ):
            return None
        before = text[words[i].start() - 1] if words[i].start() else " "
        if not (before.isspace() or before in "\"'“‘(["):
            return None  # "Q&A", "and/or": part of a larger token
        starts = bool(_RESTART.search(text[: words[i].start()]))
        low = head.lower()
        capital = word[:1].upper() + word[1:]
        lower = word[:1].lower() + word[1:]
        if self.style == "sentence":
            if starts:  # after a colon either case is sentence case
                return capital if i == 0 else None
            return lower if low in SENTENCE_LOWER else None
        last = i == len(words) - 1
        if starts or last:
            return capital
        if low in _AMBIGUOUS:
            return None
        return lower if low in MINOR_WORDS[self.style] else capital


@dataclass(frozen=True)
class Occurrence:
    finder: Finder
    scope: str
    message: Template
    max: int | None
    min: int | None

    def __call__(self, article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        for unit in units(article, self.scope):
            found = [(seg, s, e) for seg in unit for s, e in self.finder.find(seg.text)]
            count = len(found)
            if self.max is not None and count > self.max:
                seg, s, e = found[self.max]
                msg = self.message(match=seg.text[s:e], count=count, max=self.max, min=self.min)
                yield _hit(seg, s, e, msg)
            if self.min is not None and count < self.min:
                seg = unit[0]
                text = seg.text
                s = len(text) - len(text.lstrip())
                e = len(text.rstrip())
                if e > s:
                    msg = self.message(match=text[s:e], count=count, max=self.max, min=self.min)
                    yield _hit(seg, s, e, msg)


@dataclass(frozen=True)
class Conditional:
    pattern: str
    #: RE2 pattern with ``{match}`` where the (escaped) matched text goes.
    definition: str
    #: The blocks looked at; the first use is counted across all of them.
    scopes: tuple[str, ...]
    message: Template
    exceptions: frozenset[str]
    ignorecase: bool

    def __call__(self, article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        finder = compile_pattern(self.pattern, self.ignorecase)
        done: set[str] = set(self.exceptions)
        for seg in segments(article, self.scopes):
            text = seg.text
            for m in finder.finditer(text):
                found = m.group()
                if not found or found in done:
                    continue
                done.add(found)
                if not self._defined(text, m.start(), m.end(), found):
                    yield _hit(seg, m.start(), m.end(), self.message(match=found))

    def _defined(self, text: str, start: int, end: int, found: str) -> bool:
        definition = compile_pattern(
            self.definition.replace("{match}", re.escape(found)), self.ignorecase
        )
        return any(d.start() <= start and end <= d.end() for d in definition.finditer(text))
