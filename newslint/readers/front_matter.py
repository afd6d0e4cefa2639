"""Front matter at the top of a Markdown article: YAML (``---``) or TOML (``+++``).

Only what newslint needs is read: the top-level text fields an editor writes
as prose (the headline, a standfirst), each as a list of pieces with their
exact source offsets, so findings point into the field's value. Everything
else in the front matter is metadata and is never linted. Values that are not
simple scalars (nested mappings, lists, multi-line quoted strings) are not
read, and so not linted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A piece of a field's text and the source offset of its first character.
Piece = tuple[str, int]

_YAML_KEY = re.compile(r"([A-Za-z_][\w\-]*)[ \t]*:(?:[ \t]+|$)")
_TOML_KEY = re.compile(r"([A-Za-z_][\w\-]*)[ \t]*=[ \t]*")
_YAML_ESCAPES = {
    "n": "\n",
    "t": "\t",
    '"': '"',
    "\\": "\\",
    "/": "/",
    "0": "\0",
    " ": " ",
    "_": "\u00a0",
    "N": "\u0085",
}
_HEX = {"x": 2, "u": 4, "U": 8}


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block: its extent and its readable top-level fields."""

    #: Source offsets of the whole block, fences included, and its line count.
    start: int
    end: int
    lines: int
    #: Top-level scalar fields: name -> pieces of the value.
    fields: dict[str, tuple[Piece, ...]]


def read_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the very start of ``text`` (LF line endings), if any."""
    closers: tuple[str, ...]
    if text.startswith("---"):
        fence, closers, syntax = "---", ("---", "..."), "yaml"
    elif text.startswith("+++"):
        fence, closers, syntax = "+++", ("+++",), "toml"
    else:
        return None
    first_end = text.find("\n")
    if first_end == -1 or text[:first_end].rstrip() != fence:
        return None
    lines: list[tuple[int, str]] = []
    pos = first_end + 1
    while pos <= len(text):
        nl = text.find("\n", pos)
        line = text[pos:] if nl == -1 else text[pos:nl]
        if line.rstrip() in closers:
            end = len(text) if nl == -1 else nl + 1
            fields = _yaml_fields(lines) if syntax == "yaml" else _toml_fields(lines)
            return FrontMatter(0, end, len(lines) + 2, fields)
        lines.append((pos, line))
        if nl == -1:
            break
        pos = nl + 1
    return None  # never closed: not front matter


def _yaml_fields(lines: list[tuple[int, str]]) -> dict[str, tuple[Piece, ...]]:
    fields: dict[str, tuple[Piece, ...]] = {}
    i = 0
    while i < len(lines):
        start, line = lines[i]
        i += 1
        m = _YAML_KEY.match(line)
        if m is None:
            continue
        key = m.group(1)
        at = m.end()
        rest = line[at:]
        value = rest.rstrip()
        if value[:1] in ("|", ">") and re.fullmatch(r"[|>][+-]?[1-9]?(?:[ \t]+#.*)?", value):
            block: list[Piece] = []
            while i < len(lines) and (not lines[i][1].strip() or lines[i][1][:1] in " \t"):
                s, text = lines[i]
                i += 1
                stripped = text.strip()
                if stripped:
                    indent = len(text) - len(text.lstrip())
                    if block:
                        block.append(("\n", block[-1][1] + len(block[-1][0])))
                    block.append((stripped, s + indent))
            if block:
                fields[key] = tuple(block)
            continue
        pieces = _yaml_scalar(rest, start + at)
        if pieces:
            fields[key] = pieces
    return fields


def _yaml_scalar(rest: str, offset: int) -> tuple[Piece, ...]:
    if not rest.strip():
        return ()
    quote = rest[0]
    if quote == "'":
        return _quoted(rest, offset, "'", lambda s, j: ("'", 2) if s[j : j + 2] == "''" else None)
    if quote == '"':
        return _quoted(rest, offset, '"', _yaml_escape)
    if quote in "[{&*!|>%@`":
        return ()  # flow collections, anchors, tags, reserved: not prose
    comment = re.search(r"[ \t]#", rest)
    value = (rest[: comment.start()] if comment else rest).rstrip()
    return ((value, offset),) if value else ()


def _yaml_escape(s: str, j: int) -> tuple[str, int] | None:
    if s[j] != "\\" or j + 1 >= len(s):
        return None
    c = s[j + 1]
    if c in _YAML_ESCAPES:
        return _YAML_ESCAPES[c], 2
    width = _HEX.get(c)
    if width is not None:
        digits = s[j + 2 : j + 2 + width]
        if len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
            return chr(int(digits, 16)), 2 + width
    return None


def _toml_escape(s: str, j: int) -> tuple[str, int] | None:
    if s[j] != "\\" or j + 1 >= len(s):
        return None
    c = s[j + 1]
    simple = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "b": "\b", "f": "\f", "r": "\r"}
    if c in simple:
        return simple[c], 2
    width = {"u": 4, "U": 8}.get(c)
    if width is not None:
        digits = s[j + 2 : j + 2 + width]
        if len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
            return chr(int(digits, 16)), 2 + width
    return None


def _quoted(rest, offset, quote, escape) -> tuple[Piece, ...]:
    """A one-line quoted scalar: pieces of its value (each contiguous in the source)."""
    pieces: list[Piece] = []
    run_start = 1
    j = 1
    while j < len(rest):
        ch = rest[j]
        esc = escape(rest, j)
        if esc is not None:
            if j > run_start:
                pieces.append((rest[run_start:j], offset + run_start))
            # An escaped quote or backslash points at itself; any other
            # escape at its backslash.
            at = j + 1 if esc[1] == 2 and rest[j + 1] == esc[0] else j
            pieces.append((esc[0], offset + at))
            j += esc[1]
            run_start = j
            continue
        if ch == quote:
            if j > run_start:
                pieces.append((rest[run_start:j], offset + run_start))
            tail = rest[j + 1 :].strip()
            if tail and not tail.startswith("#"):
                return ()
            return tuple(pieces)
        j += 1
    return ()  # not closed on this line: a multi-line string, not read


def _toml_fields(lines: list[tuple[int, str]]) -> dict[str, tuple[Piece, ...]]:
    fields: dict[str, tuple[Piece, ...]] = {}
    for start, line in lines:
        if line.lstrip().startswith("["):
            break  # a table header: the top-level keys are over
        m = _TOML_KEY.match(line)
        if m is None:
            continue
        rest = line[m.end() :]
        offset = start + m.end()
        if rest.startswith(('"""', "'''")):
            continue
        if rest.startswith('"'):
            pieces = _quoted(rest, offset, '"', _toml_escape)
        elif rest.startswith("'"):
            pieces = _quoted(rest, offset, "'", lambda s, j: None)
        else:
            continue  # numbers, dates, booleans, arrays: not prose
        if pieces:
            fields[m.group(1)] = pieces
    return fields
