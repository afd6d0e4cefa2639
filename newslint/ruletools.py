"""Helpers for rule authors: spans and fixes expressed in the article model."""

from __future__ import annotations

from .findings import Fix
from .model import Article, Block


def remove_block_fix(article: Article, block: Block, description: str = "") -> Fix:
    """Delete a block together with the blank lines that separate it from the next
    block (or, for the last block, from the previous one)."""
    text = article.source.text
    following = article.next_block(block)
    if following is not None:
        start, end = block.source_start, following.source_start
        # Keep the next block's indentation on its line.
        while end > start and text[end - 1] in " \t":
            end -= 1
        # Start at the beginning of the block's line, so its indentation goes too.
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            start = line_start
    else:
        previous = article.blocks[block.index - 1] if block.index > 0 else None
        start = previous.source_end if previous is not None else block.source_start
        end = block.source_end
    return Fix.delete(start, end, description=description or "Remove the paragraph")
