"""Regular expressions in pack rules: user patterns on RE2, word lists on ``re``.

A pattern written in a pack is compiled with RE2 (PyPI ``google-re2``), whose
matching time is linear in the text, so no pattern can hang a run, whatever
the article. RE2 has no backreferences and no lookaround; a pattern that uses
them is rejected when the pack is loaded, with a message saying which feature
it needs. Word and phrase lists are not patterns: their entries are escaped
and joined into one regular expression per rule, with Unicode word
boundaries, so they cannot backtrack either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any, Protocol


class Match(Protocol):
    def start(self, group: int = 0) -> int: ...
    def end(self, group: int = 0) -> int: ...
    def group(self, group: int = 0) -> str: ...


class Matcher(Protocol):
    def finditer(self, text: str) -> Iterator[Any]: ...


class PatternError(ValueError):
    """A pattern RE2 cannot run in linear time, or cannot parse."""


#: RE2's parse errors, in words an editor can act on.
_WHY = (
    ("invalid escape sequence: \\", "backreferences such as \\1 need backtracking"),
    ("invalid perl operator: (?=", "lookahead (?=...) needs backtracking"),
    ("invalid perl operator: (?!", "negative lookahead (?!...) needs backtracking"),
    ("invalid perl operator: (?<=", "lookbehind (?<=...) needs backtracking"),
    ("invalid perl operator: (?<!", "negative lookbehind (?<!...) needs backtracking"),
    ("invalid perl operator: (?>", "atomic groups (?>...) are not supported"),
    ("invalid named capture group", "a named group must be written (?P<name>...)"),
    ("bad repetition operator", "possessive or nested repetition like a++ is not supported"),
)


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str, ignorecase: bool = False) -> Matcher:
    """Compile a user pattern with RE2; raise :class:`PatternError` with a one-line reason."""
    import re2

    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignorecase
    try:
        return re2.compile(pattern, options)  # type: ignore[no-any-return]
    except re2.error as exc:
        raw = exc.args[0] if exc.args else ""
        detail = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        reasons = [why for prefix, why in _WHY if detail.startswith(prefix)]
        reason = reasons[0] if reasons else detail or "RE2 cannot parse it"
        raise PatternError(reason) from None


def word_list(words: Iterable[str], ignorecase: bool) -> re.Pattern[str]:
    """One regular expression matching any of ``words`` as whole words.

    An entry that starts (ends) with a letter or digit must not be preceded
    (followed) by one, so "cat" does not match in "concatenate"; a space in an
    entry matches any run of whitespace. Longer entries are tried first.
    """
    return _word_list(tuple(words), ignorecase)


@functools.cache
def _word_list(words: tuple[str, ...], ignorecase: bool) -> re.Pattern[str]:
    # Entries are merged into a trie, so the regex tries each first character
    # once instead of every entry at every position.
    trie: dict[str, Any] = {}
    spaced = []
    for w in set(words):
        if w[0].isspace() or w[-1].isspace():
            spaced.append(w)
            continue
        node = trie
        for piece in _pieces(w.lower() if ignorecase else w):
            node = node.setdefault(piece, {})
        node[""] = r"(?![^\W_])" if _is_word_char(w[-1]) else ""
    parts = []
    # One word-boundary check up front for all entries that start with a letter.
    worded = [_branch(f, trie[f]) for f in sorted(trie) if _is_word_char(f[0])]
    if worded:
        parts.append(r"(?<![^\W_])(?:" + "|".join(worded) + ")")
    parts.extend(_branch(f, trie[f]) for f in sorted(trie) if not _is_word_char(f[0]))
    for w in sorted(spaced, key=lambda w: (-len(w), w)):
        body = r"\s+".join(re.escape(piece) for piece in w.split())
        # Spaces around an entry (" - ") must be there but are not part of the match.
        if w[0].isspace():
            body = r"(?<=\s)" + body
        elif _is_word_char(w[0]):
            body = r"(?<![^\W_])" + body
        if w[-1].isspace():
            body += r"(?=\s)"
        elif _is_word_char(w[-1]):
            body += r"(?![^\W_])"
        parts.append(body)
    flags = re.IGNORECASE if ignorecase else 0
    return re.compile("|".join(parts) or r"(?!x)x", flags)


def _pieces(word: str) -> list[str]:
    """Characters of an entry, with each run of spaces as one piece."""
    return re.findall(r"\s+|.", word.strip(), re.S)


def _branch(piece: str, node: dict[str, Any]) -> str:
    head = r"\s+" if piece.isspace() else re.escape(piece)
    alternatives = [_branch(p, child) for p, child in sorted(node.items()) if p]
    if "" in node:
        alternatives.append(node[""])  # the entry ends here (tried last: longest first)
    if len(alternatives) == 1:
        return head + alternatives[0]
    return head + "(?:" + "|".join(alternatives) + ")"


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def normalise(text: str, ignorecase: bool) -> str:
    """The lookup key of a word-list match: whitespace collapsed, case folded."""
    key = " ".join(text.split())
    return key.casefold() if ignorecase else key


def keep_case(matched: str, preferred: str) -> str:
    """``preferred`` in the case of ``matched``: ALL CAPS, Capitalised or as given."""
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return preferred.upper()
    if letters and matched.lstrip()[:1].isupper():
        return preferred[:1].upper() + preferred[1:]
    return preferred
