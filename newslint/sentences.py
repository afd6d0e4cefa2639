"""Sentences and words of a block of text, with offsets: newslint's own split
(abbreviations and initials do not end a sentence), shared by the rules that
look at sentences and by the readability scores."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .text import WORD

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpl",
        "maj",
        "rev",
        "sen",
        "rep",
        "gov",
        "pres",
        "supt",
        "insp",
        "det",
        "no",
        "nos",
        "vs",
        "v",
        "etc",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "bros",
        "mt",
        "ft",
    ]
)

_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|[.!?…]+[\"'”’)\]]*\s*$")


class Sentence(NamedTuple):
    start: int
    end: int
    words: int


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of a block of text, with their offsets and word counts."""
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        if m.start() < start:
            continue
        if _is_abbreviation(text, m.start()):
            continue
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        yield Sentence(start, end, word_count(text[start:end]))
        start = m.end()
        while start < n and text[start].isspace():
            start += 1
    if start < n and text[start:].strip():
        end = len(text.rstrip())
        yield Sentence(start, end, word_count(text[start:end]))


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([^\W\d_]+)$", text[max(0, dot - 12) : dot])
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush", "J.K. Rowling"
    if word.lower() in ("no", "nos"):  # "No. 10", but "He said no."
        rest = text[dot + 1 :].lstrip()
        return rest[:1].isdigit()
    return word.lower() in ABBREVIATIONS


def word_count(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))
