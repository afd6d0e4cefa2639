"""The plain-text reader: headline on the first non-empty line, paragraphs
separated by blank lines."""

from __future__ import annotations

from ..model import Article, Block, BlockKind, Source
from .structure import classify_subheads


def parse_plain(source: Source) -> Article:
    groups: list[list[tuple[int, str]]] = []  # runs of non-blank lines: (start offset, text)
    current: list[tuple[int, str]] = []
    for _, start, text in source.lines():
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
            blocks.append(_block(source, BlockKind.HEADLINE, [(start, text)], len(blocks)))
            group = group[1:]
            if not group:
                continue
        blocks.append(_block(source, BlockKind.PARAGRAPH, group, len(blocks)))
    return Article(source, classify_subheads(blocks), "plain")


def _block(source: Source, kind: BlockKind, lines: list[tuple[int, str]], index: int) -> Block:
    first_start, first_text = lines[0]
    last_start, last_text = lines[-1]
    start = first_start + (len(first_text) - len(first_text.lstrip()))
    end = last_start + len(last_text.rstrip())
    return Block.contiguous(kind, source.text[start:end], start, index)
