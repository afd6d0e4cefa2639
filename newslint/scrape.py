"""Helpers for the scrape-damage rules: the article's apostrophe style and the
tokens (web addresses, e-mail addresses, file names) whose punctuation is not
prose punctuation."""

from __future__ import annotations

import re

from .model import Article

STRAIGHT = "'"
CURLY = "’"

#: An apostrophe between two letters ("don't", "minister’s").
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])(['’])(?=[^\W\d_])")


def apostrophe_style(article: Article) -> str | None:
    """The apostrophe the article uses between letters: ``'`` or ``’``.

    ``None`` when it uses neither, or both about as often (no clear house style).
    """
    straight = curly = 0
    for block in article.blocks:
        for m in _INNER_APOSTROPHE.finditer(block.text):
            if m.group(1) == CURLY:
                curly += 1
            else:
                straight += 1
    if straight == curly:
        return None
    if curly > 2 * straight:
        return CURLY
    if straight > 2 * curly:
        return STRAIGHT
    return None


def token_bounds(text: str, i: int) -> tuple[int, int]:
    """The run of non-space characters around ``text[i]``."""
    start = i
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = i
    n = len(text)
    while end < n and not text[end].isspace():
        end += 1
    return start, end


class Tokens:
    """Runs of non-space characters of one text, looked up by index.

    Lookups made in increasing order (as a rule scanning its text does) reuse the
    last token, so a long run of punctuation without a space stays linear."""

    __slots__ = ("_address", "_end", "_start", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._start = self._end = -1
        self._address = False

    def around(self, i: int) -> tuple[int, int]:
        if not self._start <= i < self._end:
            self._start, self._end = token_bounds(self.text, i)
            self._address = is_address(self.text[self._start : self._end])
        return self._start, self._end

    def is_address(self, i: int) -> bool:
        """Whether ``text[i]`` is inside a web or e-mail address or a path."""
        self.around(i)
        return self._address


_ADDRESS = re.compile(r"://|^(?:www|ftp)\.|@|^(?:https?|mailto|ftp):|[\\/]|[?&]\w+=", re.I)


def is_address(token: str) -> bool:
    """A web or e-mail address, a path, or a query string: punctuation inside it
    is part of the address, not of the prose."""
    return bool(_ADDRESS.search(token.strip("()[]<>\"'“”‘’,;")))
