"""Scopes: the parts of an article a pack rule looks at.

``headline``, ``subhead`` and ``paragraph`` are blocks of those kinds (a
Markdown standfirst counts as a paragraph); ``sentence`` is each sentence of
the paragraphs; ``article`` is every block. A rule matches inside one
:class:`Segment` at a time, never across two, and counts (for ``occurrence``
and ``consistency``) per :class:`Unit`: one block, one sentence, or the whole
article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Article, Block, BlockKind

SCOPES = ("headline", "subhead", "paragraph", "sentence", "article")

_KINDS = {
    "headline": (BlockKind.HEADLINE,),
    "subhead": (BlockKind.SUBHEAD,),
    "paragraph": (BlockKind.PARAGRAPH, BlockKind.STANDFIRST),
}


@dataclass(frozen=True)
class Segment:
    """``block.text[start:end]``: text a rule matches in."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of ``text[start:end]`` (indices relative to this segment)."""
        a = self.start + start
        b = self.start + end
        first = self.block.to_source(a)
        last = self.block.to_source(b - 1) + 1 if b > a else first
        return first, last


#: What a rule counts over: one or more segments.
Unit = tuple[Segment, ...]


def units(article: Article, scope: str) -> Iterator[Unit]:
    """The units of ``scope`` in reading order."""
    if scope == "article":
        whole = tuple(Segment(b, 0, len(b.text)) for b in article.blocks)
        if whole:
            yield whole
        return
    if scope == "sentence":
        for block in article.blocks:
            if block.kind in _KINDS["paragraph"]:
                for start, end in sentences(block.text):
                    yield (Segment(block, start, end),)
        return
    kinds = _KINDS[scope]
    for block in article.blocks:
        if block.kind in kinds:
            yield (Segment(block, 0, len(block.text)),)


def segments(article: Article, scopes: Sequence[str]) -> list[Segment]:
    """Every segment of ``scopes``, in reading order, without repeats."""
    if "article" in scopes:
        return [Segment(b, 0, len(b.text)) for b in article.blocks]
    out: dict[tuple[int, int, int], Segment] = {}
    for scope in scopes:
        for unit in units(article, scope):
            for seg in unit:
                out[(seg.block.index, seg.start, seg.end)] = seg
    return [out[k] for k in sorted(out)]


#: A possible sentence end: terminal punctuation, closing quotes or brackets,
#: then whitespace.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
#: Words after which a full stop does not end a sentence.
_ABBREVIATION_LIST = """mr mrs ms dr st prof gen col lt sgt capt cpl rev sen rep gov jr sr
no nos vs etc inc ltd co corp plc bros fig approx est dept univ jan feb mar apr jun jul aug
sep sept oct nov dec mt ft"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, trailing whitespace excluded.

    A full stop after a title or abbreviation ("Mr.", "Jan."), an initial
    ("J. K. Rowling") or a dotted abbreviation ("U.S.") does not end a
    sentence, nor does punctuation followed by a lower-case word.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        nxt = m.end()
        if nxt >= len(text):
            break
        if text[nxt].islower():
            continue
        if m.group().startswith(".") and _abbreviation(text[start : m.start() + 1]):
            continue
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        out.append((start, end))
        start = nxt
    tail = text[start:].rstrip()
    if tail.strip():
        out.append((start, start + len(tail)))
    return out


def _abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if m is None:
        return False
    word = m.group(1)
    return len(word) == 1 or "." in word or word.lower() in _ABBREVIATIONS
