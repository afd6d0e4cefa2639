"""A Markdown copy of a plain-text article that renders as the same paragraphs.

Used by the corpus-equivalence test and by ``bench/markdown.py``. The headline
goes into YAML front matter as ``title``; the body is copied line for line,
with a backslash inserted only where Markdown would otherwise read plain text
as markup. Every inserted backslash is recorded, so a plain-text position maps
to its Markdown position exactly (:meth:`MarkdownCopy.position`).
"""

from __future__ import annotations

import bisect
import collections
import re
from dataclasses import dataclass, field

#: Block markers at the start of a line (after up to three spaces): the group
#: is the character to escape.
_LINE_START = [
    ("list item", re.compile(r"[ ]{0,3}([-+*])(?:[ \t]|$)")),
    ("ordered list", re.compile(r"[ ]{0,3}\d{1,9}([.)])(?:[ \t]|$)")),
    ("heading", re.compile(r"[ ]{0,3}(#)(?:#{0,5})(?:[ \t]|$)")),
    ("block quote", re.compile(r"[ ]{0,3}(>)")),
    ("setext underline or rule", re.compile(r"[ ]{0,3}([=\-_*])[ \t]*(?:\1[ \t]*)*$")),
    ("code fence", re.compile(r"[ ]{0,3}([`~]){3}")),
]
#: Inline markup: the character at the match start is escaped.
_INLINE = [
    ("backslash", re.compile(r"\\")),
    ("emphasis", re.compile(r"[*_]")),
    ("code span", re.compile(r"`")),
    ("strikethrough", re.compile(r"~")),
    ("HTML", re.compile(r"<(?=[A-Za-z/!?])")),
    ("entity", re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")),
    ("link", re.compile(r"\[(?=[^\]]*\][(\[])")),
]
_PLAIN_SCALAR_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$|\s$")


@dataclass
class MarkdownCopy:
    text: str
    #: Lines added before the body (the front matter replaces the headline line).
    line_shift: int
    #: Column of the title's value on its line (1-based) minus 1.
    title_column: int
    #: 1-based plain line -> sorted 0-based indices (in the plain line) before
    #: which a backslash was inserted.
    inserts: dict[int, list[int]] = field(default_factory=dict)
    #: What had to be escaped, and how often.
    escaped: collections.Counter[str] = field(default_factory=collections.Counter)

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The Markdown position of a plain-text (line, column)."""
        shifted = column + bisect.bisect_right(self.inserts.get(line, []), column - 1)
        if line == 1:
            return 2, shifted + self.title_column
        return line + self.line_shift, shifted


def to_markdown(plain: str) -> MarkdownCopy:
    """The Markdown copy of a plain-text article (LF line endings, headline on line 1)."""
    lines = plain.split("\n")
    headline = lines[0]
    inserts: dict[int, list[int]] = {}
    escaped: collections.Counter[str] = collections.Counter()
    if _PLAIN_SCALAR_UNSAFE.search(headline):
        value, at = _double_quoted(headline)
        escaped["YAML quoting"] += 1
        if at:
            inserts[1] = at
        title_column = len("title: ") + 1  # the value starts after the opening quote
    else:
        value, title_column = headline, len("title: ")
    out = ["---", f"title: {value}", "---"]
    previous_blank = True
    for number, line in enumerate(lines[1:], start=2):
        at: list[int] = []
        if line.strip():
            if previous_blank and (line.startswith("\t") or line.startswith("    ")):
                raise ValueError(f"line {number}: indented as a code block")
            for name, pattern in _LINE_START:
                m = pattern.match(line)
                if m:
                    at.append(m.start(1))
                    escaped[name] += 1
                    break
            for name, pattern in _INLINE:
                for m in pattern.finditer(line):
                    if m.start() not in at:
                        at.append(m.start())
                        escaped[name] += 1
        at.sort()
        if at:
            inserts[number] = at
            pieces, prev = [], 0
            for k in at:
                pieces.append(line[prev:k])
                pieces.append("\\")
                prev = k
            pieces.append(line[prev:])
            line = "".join(pieces)
        out.append(line)
        previous_blank = not line.strip()
    return MarkdownCopy("\n".join(out), 2, title_column, inserts, escaped)


def _double_quoted(value: str) -> tuple[str, list[int]]:
    at = [i for i, ch in enumerate(value) if ch in '"\\']
    return '"' + re.sub(r'(["\\])', r"\\\1", value) + '"', at
