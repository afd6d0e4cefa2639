"""Helpers for rule authors: spans and fixes expressed in the article model."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from .findings import Fix
from .model import Article, Block


def source_span(article: Article, block: Block, start: int, end: int) -> tuple[int, int] | None:
    """The source span of ``block.text[start:end]``, or ``None`` when that text
    is not written as is in the source (markup inside it, such as Markdown
    emphasis or an entity). A fix that edits the span then edits exactly the
    text the rule saw, and no markup around it."""
    s = block.to_source(start)
    e = block.to_source(end - 1) + 1 if end > start else s
    if article.source.text[s:e] != block.text[start:end]:
        return None
    return s, e


def word_set(words: Iterable[str], fold: Callable[[str], str] = str.lower) -> frozenset[str]:
    """A rule's word-list option as a set, each word passed through ``fold``
    (lower-cased by default). Computed once per list, not once per article."""
    return _word_set(tuple(words), fold)


@functools.cache
def _word_set(words: tuple[str, ...], fold: Callable[[str], str]) -> frozenset[str]:
    return frozenset(map(fold, words))


def latin1_text(article: Article) -> bytes | None:
    """:attr:`~newslint.model.Article.block_text` in Latin-1, one byte per
    character, or ``None`` when it holds other characters. ``bytes.translate``
    with a :func:`byte_table` then classes every character at C speed, many
    times faster than a regular expression or ``str.translate``. Computed once
    per article: ``article.shared(latin1_text)``."""
    try:
        return article.block_text.encode("latin-1")
    except UnicodeEncodeError:
        return None


#: Punctuation that separates words when words are compared (quotes, brackets,
#: stops, dashes; U+FFFC stands for code, an image or a URL in Markdown text).
#: Apostrophes are deleted instead, so "it's it's" stays two equal tokens and
#: "'a" meets "a".
FOLD_DROPPED = '"“”‘()[]{}.,;:!?…-–—*_/\ufffc'


def folded_words(article: Article) -> list[bytes] | None:
    """The article's words for comparing neighbours at C speed: Latin-1 text
    lower-cased, :data:`FOLD_DROPPED` as spaces, apostrophes deleted, split on
    spaces; ``None`` when the text is not Latin-1. Shared:
    ``article.shared(folded_words)``."""
    latin1 = article.shared(latin1_text)
    if latin1 is None:
        return None
    return latin1.translate(FOLD_LATIN1, b"'").split()


def byte_table(classify: Callable[[str], str]) -> bytes:
    """A ``bytes.translate`` table for Latin-1 text: each character ``c``
    becomes ``classify(c)`` (one Latin-1 character)."""
    return bytes(ord(classify(chr(b))) for b in range(256))


def remove_block_fix(
    article: Article, block: Block, description: str = "", *, safe: bool = True
) -> Fix | None:
    """Delete a block's lines and the blank lines that separate it from what
    follows (for the last block: from what precedes it), so the text around it
    keeps its own spacing, indentation and final newline. ``None`` when the
    block shares a line with other text or with markup of its container (a
    list item or a quotation in Markdown): removing it is then not a
    mechanical edit. The block's own inline markup (emphasis delimiters
    before its first word, say) goes with it."""
    text = article.source.text
    start, end = block.source_start, block.source_end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    if not _blank_or_markup(article, line_start, start) or not _blank_or_markup(
        article, end, line_end
    ):
        return None
    description = description or "Remove the paragraph"
    rest = text[line_end:]
    stripped = rest.lstrip()
    if stripped:
        # More text follows: remove up to the start of its line.
        following = line_end + len(rest) - len(stripped)
        return Fix.delete(
            line_start, text.rfind("\n", 0, following) + 1, description=description, safe=safe
        )
    before = text[:line_start].rstrip()
    if not before:
        return None  # the only text in the article
    cut = text.find("\n", len(before))
    for a, b in article.skipped:
        if a <= cut < b:
            # What precedes is markup that holds its own line break (an HTML
            # comment, a code block): keep it whole, remove the lines after it.
            return Fix.delete(b, min(line_end + 1, len(text)), description=description, safe=safe)
    return Fix.delete(cut, line_end, description=description, safe=safe)


def _blank_or_markup(article: Article, start: int, end: int) -> bool:
    """Whether ``source.text[start:end]`` holds only whitespace and skipped markup."""
    text = article.source.text
    for i in range(start, end):
        if not text[i].isspace() and not any(a <= i < b for a, b in article.skipped):
            return False
    return True


#: The byte table of :func:`folded_words` (lower case; dropped marks and every
#: space as " ").
FOLD_LATIN1 = byte_table(lambda c: " " if c.lower() in FOLD_DROPPED or c.isspace() else c.lower())
