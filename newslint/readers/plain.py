"""The plain-text reader: headline on the first non-empty line, paragraphs
separated by blank lines."""

from __future__ import annotations

import itertools

from ..model import Article, Block, BlockKind, Source
from .structure import classify_subheads


def parse_plain(source: Source) -> Article:
    """Suppression comments on a line of their own (``<!-- newslint-... -->``)
    are not text: their lines are left out and listed in ``Article.skipped``."""
    comments = _comment_spans(source)
    comment_starts = {start for start, _ in comments}
    gaps = bool(comment_starts)  # comment lines are left out of their paragraph
    groups: list[list[tuple[int, str]]] = []  # runs of non-blank lines: (start offset, text)
    current: list[tuple[int, str]] = []
    for start, text in zip(source.line_starts, source.text.split("\n"), strict=True):
        if start in comment_starts:
            continue
        if text.strip():
            current.append((start, text))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    blocks: list[Block] = []
    for i, group in enumerate(groups):
        if i == 0:
            start, text = group[0]
            blocks.append(_block(source, BlockKind.HEADLINE, [(start, text)], len(blocks), gaps))
            group = group[1:]
            if not group:
                continue
        blocks.append(_block(source, BlockKind.PARAGRAPH, group, len(blocks), gaps))
    return Article(source, classify_subheads(blocks), "plain", skipped=comments)


def _comment_spans(source: Source) -> tuple[tuple[int, int], ...]:
    if "newslint-" not in source.text:
        return ()  # most articles: no need to load the suppression module
    from ..suppression import directive_spans

    return directive_spans(source)


def _block(
    source: Source, kind: BlockKind, lines: list[tuple[int, str]], index: int, gaps: bool
) -> Block:
    """A block of ``lines``; ``gaps``: lines may have been left out between them."""
    first_start, first_text = lines[0]
    last_start, last_text = lines[-1]
    start = first_start + (len(first_text) - len(first_text.lstrip()))
    end = last_start + len(last_text.rstrip())
    if not gaps:
        return Block.contiguous(kind, source.text[start:end], start, index)
    # Lines are contiguous unless a comment line was left out between two of them.
    pieces = [(0, start)]
    parts = []
    piece_start = start
    for (a, a_text), (b, _) in itertools.pairwise(lines):
        line_end = a + len(a_text)
        if b != line_end + 1:  # a skipped line in between
            parts.append(source.text[piece_start : line_end + 1])
            piece_start = b
            pieces.append((sum(map(len, parts)), b))
    parts.append(source.text[piece_start:end])
    if len(pieces) == 1:
        return Block.contiguous(kind, source.text[start:end], start, index)
    return Block(kind, "".join(parts), tuple(pieces), index, end)
