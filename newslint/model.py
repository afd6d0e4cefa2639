"""The article model every reader builds and every rule reads.

A :class:`Source` is the decoded file: its text with line endings normalised to
``\\n`` and the BOM removed, plus what is needed to map any offset back to a
1-based line and column (in Unicode code points) and to the original bytes.

An :class:`Article` is what an editor sees: a headline, body paragraphs and
subheads. Each is a :class:`Block` whose ``text`` is the visible text and whose
``source_map`` maps every index of that text back to an offset in the source,
so a rule never has to know whether the article came from plain text or
Markdown.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

_T = TypeVar("_T")


class Position(NamedTuple):
    """A 1-based line and column, the column counted in code points."""

    line: int
    column: int


class DecodeProblem(NamedTuple):
    """Where a file stopped being valid text in its encoding."""

    #: Code-point offset into ``Source.text`` of the first bad byte (which the
    #: text holds as U+FFFD).
    offset: int
    #: The first bad byte's value.
    byte: int
    #: The encoding the file was read as.
    encoding: str


class Source:
    """The normalised text of one file, with offset -> line/column mapping.

    ``text`` has ``\\n`` line endings only. ``newlines`` records the original
    ending of each line (``"\\n"``, ``"\\r\\n"``, ``"\\r"`` or ``""`` for a last
    line without one) so that fixes can be written back byte for byte.

    ``problem`` is set when the file is not valid in its encoding: ``text`` then
    holds U+FFFD for the bad bytes, only meta rules (``encoding-error``) check
    it, and it must never be written back.
    """

    __slots__ = ("bom", "encoding", "line_starts", "newlines", "path", "problem", "text")

    def __init__(
        self,
        text: str,
        path: str = "-",
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        newlines: Sequence[str] | None = None,
        problem: DecodeProblem | None = None,
    ) -> None:
        self.path = path
        self.problem = problem
        self.text = text
        self.encoding = encoding
        self.bom = bom
        # Each line starts one past the end of the one before (at C speed).
        starts = list(itertools.accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
        starts.pop()
        self.line_starts: list[int] = starts
        if newlines is None:
            newlines = ["\n"] * (len(starts) - 1) + [""]
        self.newlines: list[str] = list(newlines)

    @classmethod
    def from_raw(
        cls,
        raw: str,
        path: str = "-",
        *,
        encoding: str = "utf-8",
        problem: DecodeProblem | None = None,
    ) -> Source:
        """Build a source from decoded text that may hold a BOM and CR/CRLF endings."""
        bom = raw.startswith("\ufeff")
        if bom:
            raw = raw[1:]
        if "\r" not in raw:
            return cls(raw, path, encoding=encoding, bom=bom, problem=problem)
        pieces: list[str] = []
        newlines: list[str] = []
        start = 0
        n = len(raw)
        i = 0
        while True:
            j = _next_break(raw, i)
            if j == -1:
                pieces.append(raw[start:])
                newlines.append("")
                break
            if raw[j] == "\r" and j + 1 < n and raw[j + 1] == "\n":
                pieces.append(raw[start:j])
                newlines.append("\r\n")
                start = i = j + 2
            else:
                pieces.append(raw[start:j])
                newlines.append(raw[j])
                start = i = j + 1
        return cls(
            "\n".join(pieces),
            path,
            encoding=encoding,
            bom=bom,
            newlines=newlines,
            problem=problem,
        )

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def position(self, offset: int) -> Position:
        """The 1-based line and column of a code-point offset into ``text``."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column (inverse of :meth:`position`)."""
        return self.line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    def lines(self) -> Iterator[tuple[int, int, str]]:
        """Each line as ``(line_number, start_offset, text)``."""
        text = self.text
        starts = self.line_starts
        last = len(starts) - 1
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i < last else len(text)
            yield i + 1, start, text[start:end]

    def original(self) -> str:
        """The decoded text exactly as it was in the file (BOM and line endings restored)."""
        if all(nl == "\n" for nl in self.newlines[:-1]) and self.newlines[-1] in ("", "\n"):
            body = self.text
        else:
            body = "".join(line + self.newlines[i] for i, (_, _, line) in enumerate(self.lines()))
        return ("\ufeff" if self.bom else "") + body


def _next_break(raw: str, i: int) -> int:
    a = raw.find("\r", i)
    b = raw.find("\n", i)
    if a == -1:
        return b
    if b == -1:
        return a
    return min(a, b)


class BlockKind(StrEnum):
    HEADLINE = "headline"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"
    #: Other text fields that are linted as prose (Markdown front matter
    #: ``subtitle``/``description``/``summary``).
    STANDFIRST = "standfirst"


@dataclass(frozen=True, eq=False)
class Block:
    """A run of visible text: a headline, subhead or paragraph.

    ``source_map`` holds, for each piece of the text that is contiguous in the
    source, a pair ``(text_index, source_offset)``, sorted by ``text_index``.
    A plain-text block is a single piece.
    """

    kind: BlockKind
    text: str
    source_map: tuple[tuple[int, int], ...]
    #: Index of this block among the article's blocks, in reading order.
    index: int = 0
    #: Source offset just past the block's last character.
    source_end: int = 0

    @classmethod
    def contiguous(cls, kind: BlockKind, text: str, start: int, index: int = 0) -> Block:
        return cls(kind, text, ((0, start),), index, start + len(text))

    def to_source(self, index: int) -> int:
        """Map an index into :attr:`text` (0..len) to a source offset."""
        pieces = self.source_map
        if len(pieces) == 1:
            return pieces[0][1] + index
        if index >= len(self.text):
            # One past the end maps to just after the last character: the
            # block's source end (past a closing entity or a Markdown object
            # such as an image, not into it).
            if self.source_end:
                return self.source_end
            if not self.text:
                return pieces[0][1]
            return self.to_source(len(self.text) - 1) + 1
        k = bisect.bisect_right(pieces, (index, float("inf"))) - 1
        text_index, offset = pieces[k]
        return offset + index - text_index

    @property
    def source_start(self) -> int:
        return self.source_map[0][1]


@dataclass(frozen=True, eq=False)
class Article:
    """A parsed article: what rules read."""

    source: Source
    blocks: tuple[Block, ...]
    #: ``plain`` or ``markdown``.
    format: str = "plain"
    #: Source spans (start, end) that are not article text (front matter, code,
    #: suppression comments). Line-based rules skip them.
    skipped: tuple[tuple[int, int], ...] = field(default=())
    #: What :meth:`shared` has computed, by function.
    _shared: dict[Callable[[Article], Any], Any] = field(
        default_factory=dict, init=False, repr=False
    )

    @property
    def path(self) -> str:
        return self.source.path

    def shared(self, compute: Callable[[Article], _T]) -> _T:
        """``compute(self)``, computed once per article: for work that several
        rules need (a form of every paragraph, the article's words), so that
        each rule does not redo it."""
        try:
            return self._shared[compute]  # type: ignore[no-any-return]
        except KeyError:
            value = self._shared[compute] = compute(self)
            return value

    @functools.cached_property
    def block_text(self) -> str:
        """The text of every block, joined by blank lines (computed once).

        For pre-checks at C speed: what a search without look-arounds or
        anchors finds in one block's text it also finds here, so a rule can
        skip the whole article when this has no candidate."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def headline(self) -> Block | None:
        for block in self.blocks:
            if block.kind is BlockKind.HEADLINE:
                return block
        return None

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """Body paragraphs, in order (subheads excluded)."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.PARAGRAPH)

    @property
    def subheads(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind is BlockKind.SUBHEAD)

    @property
    def body(self) -> tuple[Block, ...]:
        """Everything below the headline: paragraphs and subheads in order."""
        return tuple(b for b in self.blocks if b.kind is not BlockKind.HEADLINE)

    def next_block(self, block: Block) -> Block | None:
        i = block.index + 1
        return self.blocks[i] if i < len(self.blocks) else None
