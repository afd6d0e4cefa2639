"""Telling names from misspellings.

News copy is full of names a dictionary has never seen: people, places,
parties, clubs, tags and acronyms. A spelling checker that flags them is
switched off within a day. :func:`name_reason` says why a flagged word is
probably a name or a deliberate form rather than a slip.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from .model import Article

_OPENING = " \t\n\"“‘'([«"
_SENTENCE_END = ".!?:;…-–—"
_LETTERS = r"A-Za-z\u00C0-\u024F"


def is_sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``text[start]`` opens a sentence (or the text)."""
    i = start - 1
    while i >= 0 and text[i] in _OPENING:
        if text[i] == "\n" and i > 0 and text[i - 1] in _SENTENCE_END:
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def core_word(word: str) -> str:
    """The word without a trailing full stop or apostrophes ("Massoud’s" -> "Massoud’s")."""
    return word.rstrip(".").strip("'’")


def name_reason(
    text: str,
    start: int,
    end: int,
    *,
    article_text: str = "",
    accept: Collection[str] = (),
    suggestions: tuple[str, ...] = (),
) -> str:
    """Why ``text[start:end]`` is not a spelling error, or ``""`` if it may be one.

    ``accept`` holds the project's vocabulary, compared case-insensitively.
    ``article_text`` is the whole article (for words that recur in it).
    """
    word = text[start:end]
    core = core_word(word)
    letters = [c for c in core if c.isalpha()]
    if core.casefold() in accept or word.casefold() in accept:
        return "project vocabulary"
    if (
        any(c.isdigit() for c in word)
        or (start > 0 and text[start - 1].isdigit())
        or (end < len(text) and text[end].isdigit())
    ):
        return "number or unit"
    if len(letters) <= 1:
        return "single letter"
    if all(c.isupper() for c in letters):
        return "all capitals: a tag or an acronym"
    if any(c.isupper() for c in core[1:]):
        return "inner capital: a name"
    if suggestions and suggestions[0].casefold() == core.casefold():
        return "only the capitalisation differs"
    if (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-"):
        return "part of a hyphenated word"
    if core[:1].isupper():
        if is_sentence_initial(text, start):
            return "capitalised: a name at the start of a sentence"
        return "capitalised mid-sentence: a name"
    pattern = rf"(?<![{_LETTERS}]){re.escape(core)}(?![{_LETTERS}])"
    if len(re.findall(pattern, article_text or text, re.IGNORECASE)) >= 2:
        return "recurs in the article: a deliberate term"
    if end - start <= 3 and _between_capitalised(text, start, end):
        return "a name particle (da, van, del)"
    return ""


def _between_capitalised(text: str, start: int, end: int) -> bool:
    before = re.search(rf"([{_LETTERS}]+)\s+$", text[max(0, start - 40) : start])
    after = re.match(rf"\s+([{_LETTERS}]+)", text[end : end + 40])
    return bool(before and before.group(1)[0].isupper() and after and after.group(1)[0].isupper())


# -- Names spelt two ways ---------------------------------------------------

_NAME = re.compile(r"(?<![\w’'\-])([A-Z][a-z]+(?:[A-Z][a-z]+)?)(?:['’]s)?(?![\w\-])")
_SKELETON_SAME = str.maketrans({"c": "k", "q": "k", "g": "k", "z": "s", "v": "f", "w": "f"})


def skeleton(name: str) -> str:
    """Consonants in order, doubles single, similar sounds alike ("Gaddafi" -> "kdf")."""
    consonants = [c for c in name.lower() if c.isalpha() and c not in "aeiouy"]
    out: list[str] = []
    for c in "".join(consonants).translate(_SKELETON_SAME):
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True)
class NameVariant:
    majority: str
    majority_count: int
    minority: str
    #: Source spans of each use of the minority spelling.
    spans: tuple[tuple[int, int], ...]


def name_variants(article: Article) -> list[NameVariant]:
    """Pairs of spellings of one name in an article, with the minority's spans."""
    uses: dict[str, list[tuple[int, int]]] = {}
    mid: set[str] = set()
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for block in article.blocks:
        text = block.text
        if is_name_list(text):
            continue  # squad lists and line-ups: many different people, few verbs
        for m in _NAME.finditer(text):
            name = m.group(1)
            if len(name) < 5:
                continue
            uses.setdefault(name, []).append(
                (block.to_source(m.start(1)), block.to_source(m.end(1)))
            )
            if not is_sentence_initial(text, m.start(1)):
                mid.add(name)
            prev = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, m.start(1) - 30) : m.start(1)])
            if prev:
                before.setdefault(name, set()).add(prev.group(1))
            nxt = re.match(r"\s+([A-Z][\w'’]+)", text[m.end() : m.end() + 30])
            if nxt:
                after.setdefault(name, set()).add(nxt.group(1))
    names = sorted((n for n in uses if n in mid), key=lambda n: uses[n][0])
    by_skeleton: dict[str, list[str]] = {}
    for n in names:
        by_skeleton.setdefault(skeleton(n), []).append(n)
    pairs = [
        (a, b)
        for group in by_skeleton.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if _same_name(a, b, before) and _same_name(a, b, after)
    ]
    if not pairs:
        return []
    from .harper_backend import unknown_words

    unknown = unknown_words(sorted({n for pair in pairs for n in pair}))
    out: list[NameVariant] = []
    for a, b in pairs:
        if a not in unknown and b not in unknown:
            continue  # two dictionary words: German and Germany, Clark and Clarke
        first, second = (a, b) if uses[a][0] <= uses[b][0] else (b, a)
        if len(uses[second]) > len(uses[first]):
            first, second = second, first
        out.append(NameVariant(first, len(uses[first]), second, tuple(uses[second])))
    return out


def is_name_list(text: str) -> bool:
    """Whether a paragraph is mostly capitalised words (a squad list, a line-up)."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 6:
        return False
    return sum(1 for w in words if w[0].isupper()) > 0.6 * len(words)


def _same_name(a: str, b: str, neighbours: Mapping[str, set[str]]) -> bool:
    la, lb = a.lower(), b.lower()
    if la == lb:
        return False
    short, long_ = sorted((la, lb), key=len)
    if long_.startswith(short) and long_[len(short) :] in ("s", "es", "n", "an", "ian", "i"):
        return False  # plural or demonym: "Blair"/"Blairs", "Kenya"/"Kenyan"
    if SequenceMatcher(None, la, lb).ratio() < 0.75:
        return False
    if la[0] != lb[0] and la[0].translate(_SKELETON_SAME) != lb[0].translate(_SKELETON_SAME):
        return False  # Roland and Orlando
    only_a = {n for n in neighbours.get(a, ()) if n.lower() not in _TITLES}
    only_b = {n for n in neighbours.get(b, ()) if n.lower() not in _TITLES}
    # Gordon Brown and Des Browne, Elena Bovina and Eleni Daniilidou: two people.
    return not (only_a and only_b and not only_a & only_b)


_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lord",
        "lady",
        "president",
        "prime",
        "minister",
        "colonel",
        "general",
        "king",
        "queen",
        "prince",
        "princess",
        "chancellor",
        "secretary",
        "senator",
        "governor",
        "judge",
        "commander",
        "captain",
        "chairman",
        "chief",
    ]
)
