"""Structure shared by readers: which short lines between paragraphs are subheads."""

from __future__ import annotations

import dataclasses

from ..model import Block, BlockKind

#: Characters that end a sentence or clause; a subhead ends in none of them.
_CLOSING = '.,;:!…"”’)]'
_MAX_SUBHEAD_WORDS = 10


def looks_like_subhead(text: str) -> bool:
    """A short, single-line, unpunctuated line that starts with a capital or digit."""
    if "\n" in text or not text:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit()) or text[-1] in _CLOSING:
        return False
    # Split off no more than a subhead can have: a paragraph is not split whole.
    words = text.split(None, _MAX_SUBHEAD_WORDS)
    return 1 <= len(words) <= _MAX_SUBHEAD_WORDS


def classify_subheads(blocks: list[Block]) -> tuple[Block, ...]:
    """Mark as subheads the paragraphs that look like subheads *between* paragraphs."""
    out = list(blocks)
    for i, block in enumerate(out):
        if block.kind is not BlockKind.PARAGRAPH or i + 1 >= len(out) or i == 0:
            continue
        prev = out[i - 1]
        if prev.kind is BlockKind.HEADLINE:
            continue
        if out[i + 1].kind is BlockKind.PARAGRAPH and looks_like_subhead(block.text):
            out[i] = dataclasses.replace(block, kind=BlockKind.SUBHEAD)
    return tuple(out)
