"""The Markdown reader: an article as an editor sees it once rendered, with
every character of its text mapped back to the exact source offset.

Built on markdown-it-py (CommonMark, plus tables, strikethrough and footnotes
from mdit-py-plugins). Front matter (YAML ``---`` or TOML ``+++``) is read by
:mod:`newslint.readers.front_matter`:

- the headline is the front matter's ``title`` (or ``headline``), else a heading
  that opens the article, else the first line of the first paragraph;
- ``subtitle``, ``description`` and ``summary`` are standfirsts, linted as text
  where they stand in the front matter;
- other headings are subheads; paragraphs, block quotes, list items, footnotes
  and table rows are paragraphs;
- code (blocks and inline), URLs, link targets, images, raw HTML, HTML comments
  and the rest of the front matter are not linted; they are recorded in
  :attr:`Article.skipped`, with the markup itself (emphasis delimiters, link
  brackets, escapes, entities), so that line-based rules skip them and no fix
  cuts through them. Code spans, images, autolinks, bare URLs and footnote
  references stand in the text as one U+FFFC character, so the words on either
  side of them never run together ("the `x` the" is not "the the").

markdown-it gives line maps per block only; the column of each inline token is
found by aligning the tokens, in order, with the block's content string (whose
lines are suffixes of the source lines), using each token's markup for
delimiters, escapes and entities. A block that cannot be aligned exactly is
not linted rather than reported at a wrong place.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Article, Block, BlockKind, Source
from .front_matter import FrontMatter, Piece, read_front_matter
from .structure import classify_subheads

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Front matter fields that hold the headline, in order of preference.
HEADLINE_FIELDS = ("title", "headline")
#: Front matter fields linted as prose (standfirsts).
STANDFIRST_FIELDS = ("subtitle", "description", "summary")
#: Stands in the text for something visible that is not prose (code, a URL, an image).
OBJECT = "\ufffc"

_URL = re.compile(
    r"(?<![\w@])(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]’'*_]",
    re.IGNORECASE,
)
_CONTAINERS = frozenset(
    ["blockquote_open", "list_item_open", "footnote_open", "bullet_list_open", "ordered_list_open"]
)
_DELIMITERS = frozenset(["em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"])


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
    # Keep escapes and entities as their own tokens (their markup is the source
    # text), and leave out the non-standard inline footnotes ``^[...]``.
    md.disable(["text_join", "footnote_inline"])
    return md


def parse_markdown(source: Source, *, fast: bool = True) -> Article:
    """Read a Markdown article. Text with nothing Markdown could read as markup
    (most news copy) is split into paragraphs directly, exactly as markdown-it
    would; ``fast=False`` always runs markdown-it (the tests compare both)."""
    text = source.text
    skipped: list[tuple[int, int]] = []
    blocks: list[Block] = []
    fm = read_front_matter(text)
    headline_from_fm = False
    first_line = 0
    body_start = 0
    if fm is not None:
        headline_from_fm = _front_matter_blocks(fm, blocks, skipped)
        first_line, body_start = fm.lines, fm.end
    nested: set[int] = set()  # ids of blocks inside containers: never subheads
    body_blocks = None
    if fast and not _needs_parser(text, body_start):
        urls: list[tuple[int, int]] = []
        body_blocks = _plain_blocks(source, first_line, urls)
        if body_blocks is not None:
            skipped.extend(urls)
    if body_blocks is None:
        body = "\n" * first_line + text[body_start:]
        body_blocks = _body_blocks(source, _parser().parse(body), first_line, skipped, nested)
    if not headline_from_fm and body_blocks:
        first = body_blocks[0]
        if first.kind is BlockKind.SUBHEAD:
            body_blocks[0] = dataclasses.replace(first, kind=BlockKind.HEADLINE)
        else:
            body_blocks[0:1] = _split_first_line(first)
    blocks.extend(body_blocks)
    blocks.sort(key=lambda b: b.source_start)
    indexed = [Block(b.kind, b.text, b.source_map, i, b.source_end) for i, b in enumerate(blocks)]
    classified = list(classify_subheads(indexed))
    for i, b in enumerate(blocks):
        if id(b) in nested:
            classified[i] = indexed[i]
    return Article(source, tuple(classified), "markdown", tuple(sorted(set(skipped))))


#: What Markdown could read as markup: inline markup characters, entities,
#: block markers or indentation at the start of a line. Text without any of
#: these is plain paragraphs (line edges that are not plain spaces are checked
#: in :func:`_plain_blocks`). Each check is a fast scan: most copy has none.
_MARKUP_CHARS = "\\`*_<[]~|"
_ENTITY = re.compile(r"&(?:#|[A-Za-z][A-Za-z0-9]{0,31};)")
_LINE_MARKER = re.compile(r"\n[ ]*(?:[-+#>=\t]|\d{1,9}[.)]|[ ]{4})")


def _needs_parser(text: str, start: int) -> bool:
    body = "\n" + text[start:]
    if any(c in body for c in _MARKUP_CHARS):
        return True
    if "&" in body and _ENTITY.search(body):
        return True
    return _LINE_MARKER.search(body) is not None


def _plain_blocks(source: Source, first_line: int, skipped: list) -> list[Block] | None:
    """Paragraphs of text that holds no markup: runs of non-blank lines, each
    line stripped of its edge spaces, as markdown-it reads them. None when a
    line starts or ends with other whitespace (a tab, a no-break space), which
    only markdown-it reads exactly."""
    blocks: list[Block] = []
    out: _Text | None = None
    text = source.text
    starts = source.line_starts
    n = len(starts)
    for k in range(first_line, n):
        start = starts[k]
        end = starts[k + 1] - 1 if k + 1 < n else len(text)
        line = text[start:end]
        core = line.strip(" ")
        if not core:
            if out is not None:
                block = out.block(BlockKind.PARAGRAPH)
                if block is not None:
                    blocks.append(block)
                out = None
            continue
        if core[0].isspace() or core[-1].isspace():
            return None
        lead = len(line) - len(line.lstrip(" "))
        if out is None:
            out = _Text()
        else:
            out.add("\n", starts[k] - 1)
        cm = _Content(core, [0], [start + lead], start + lead + len(core))
        _add_text(cm, out, skipped, 0, core)
    if out is not None:
        block = out.block(BlockKind.PARAGRAPH)
        if block is not None:
            blocks.append(block)
    return blocks


# -- front matter -------------------------------------------------------------


def _front_matter_blocks(fm: FrontMatter, blocks: list[Block], skipped: list) -> bool:
    linted: list[tuple[int, int]] = []
    found_headline = False
    for name in HEADLINE_FIELDS:
        pieces = fm.fields.get(name)
        if pieces:
            block = _pieces_block(BlockKind.HEADLINE, pieces)
            if block is not None:
                blocks.append(block)
                linted.append((block.source_start, block.source_end))
                found_headline = True
                break
    for name in STANDFIRST_FIELDS:
        pieces = fm.fields.get(name)
        if pieces:
            block = _pieces_block(BlockKind.STANDFIRST, pieces)
            if block is not None:
                blocks.append(block)
                linted.append((block.source_start, block.source_end))
    at = fm.start
    for a, b in sorted(linted):
        if a > at:
            skipped.append((at, a))
        at = max(at, b)
    if fm.end > at:
        skipped.append((at, fm.end))
    return found_headline


def _pieces_block(kind: BlockKind, pieces: Sequence[Piece]) -> Block | None:
    out = _Text()
    for s, offset in pieces:
        out.add(s, offset)
    return out.block(kind)


# -- blocks -------------------------------------------------------------------


def _body_blocks(
    source: Source, tokens: Sequence[Token], first_line: int, skipped: list, nested: set[int]
) -> list[Block]:
    starts = source.line_starts
    n_lines = len(starts)
    text_len = len(source.text)

    def span(lines: list[int]) -> tuple[int, int]:
        a, b = lines
        return starts[a], (starts[b] if b < n_lines else text_len)

    covered = bytearray(n_lines + 1)
    blocks: list[Block] = []
    depth = 0
    container: Token | None = None  # the block token that opened the current text block
    row: list[tuple[Token, _Content]] | None = None
    row_cursor = 0
    for tok in tokens:
        if tok.map is not None:
            a, b = tok.map
            covered[a:b] = b"\x01" * (b - a)
        t = tok.type
        if t in _CONTAINERS or t.startswith("footnote_block"):
            depth += tok.nesting
            continue
        if t.endswith("_close") and t[:-6] + "_open" in _CONTAINERS:
            depth -= 1
            continue
        if t in ("paragraph_open", "heading_open"):
            container = tok
        elif t in ("code_block", "fence", "html_block") and tok.map is not None:
            skipped.append(span(tok.map))
        elif t == "tr_open":
            row, row_cursor = [], 0
        elif t == "tr_close" and row is not None:
            block = _row_block(row, skipped)
            if block is not None:
                blocks.append(block)
                nested.add(id(block))
            row = None
        elif t == "inline" and tok.map is not None:
            if row is not None:
                line = source.line_text(tok.map[0] + 1)
                cell = _cell_content(tok.content, line, starts[tok.map[0]], row_cursor)
                if cell is not None:
                    row.append((tok, cell))
                    row_cursor = cell.end - starts[tok.map[0]]
                continue
            heading = container is not None and container.type == "heading_open"
            content = _line_content(source, tok.content, tok.map[0], heading)
            out = _Text()
            if content is None or not _walk(tok.children or [], content, out, skipped):
                skipped.append(span(tok.map))  # not alignable: not linted
                continue
            block = out.block(BlockKind.SUBHEAD if heading else BlockKind.PARAGRAPH)
            if block is None:
                continue  # no text: only an image, code or a URL
            blocks.append(block)
            if depth:
                nested.add(id(block))
    # Lines no block covers hold link reference definitions: link targets.
    text = source.text
    for i in range(first_line, n_lines):
        if not covered[i]:
            end = starts[i + 1] if i + 1 < n_lines else text_len
            if not text[starts[i] : end].isspace() and starts[i] < end:
                skipped.append((starts[i], end))
    return blocks


def _split_first_line(block: Block) -> list[Block]:
    """A paragraph whose first line is the headline (no title anywhere else)."""
    nl = block.text.find("\n")
    if nl == -1:
        return [dataclasses.replace(block, kind=BlockKind.HEADLINE)]
    head = _slice(block, 0, len(block.text[:nl].rstrip()), BlockKind.HEADLINE)
    rest_start = nl + 1
    while rest_start < len(block.text) and block.text[rest_start].isspace():
        rest_start += 1
    if rest_start >= len(block.text):
        return [head]
    return [head, _slice(block, rest_start, len(block.text), BlockKind.PARAGRAPH)]


def _slice(block: Block, a: int, b: int, kind: BlockKind) -> Block:
    pieces = []
    for k, (ti, off) in enumerate(block.source_map):
        nxt = block.source_map[k + 1][0] if k + 1 < len(block.source_map) else len(block.text)
        if nxt <= a or ti >= b:
            continue
        start = max(ti, a)
        pieces.append((start - a, off + start - ti))
    end = block.to_source(b - 1) + 1 if b < len(block.text) else block.source_end
    return Block(kind, block.text[a:b], tuple(pieces), 0, end)


# -- content: an inline token's string mapped to the source --------------------


class _Content:
    """The content string of an inline token, as pieces contiguous in the source."""

    __slots__ = ("end", "offsets", "starts", "text")

    def __init__(self, text: str, starts: list[int], offsets: list[int], end: int) -> None:
        self.text = text
        self.starts = starts
        self.offsets = offsets
        self.end = end

    def pos(self, i: int) -> int:
        k = bisect.bisect_right(self.starts, i) - 1
        return self.offsets[k] + i - self.starts[k]

    def add(self, out: _Text, i: int, s: str) -> None:
        """Append ``s``, which is ``text[i:i+len(s)]``, piece by piece."""
        starts = self.starts
        k = bisect.bisect_right(starts, i) - 1
        while s:
            limit = starts[k + 1] - i if k + 1 < len(starts) else len(s)
            chunk = s[:limit]
            out.add(chunk, self.offsets[k] + i - starts[k])
            s = s[len(chunk) :]
            i += len(chunk)
            k += 1


def _line_content(source: Source, content: str, first: int, heading: bool) -> _Content | None:
    """Map a block's content (its lines stripped of container markers and
    indentation) to the source lines ``first``, ``first + 1``..."""
    starts: list[int] = []
    offsets: list[int] = []
    ci = 0
    line_starts = source.line_starts
    for k, cl in enumerate(content.split("\n")):
        n = first + k
        if n >= len(line_starts):
            return None
        sl = source.line_text(n + 1)
        if sl.endswith(cl):
            col = len(sl) - len(cl)
        else:
            core = cl.strip()
            if not core:
                return None
            r = sl.rstrip()
            lead = len(cl) - len(cl.lstrip())
            if r.endswith(core):
                col = len(r) - len(core) - lead
            else:
                j = sl.find(core, len(sl) - len(sl.lstrip("# \t>")) if heading else 0)
                if j == -1:
                    return None
                col = j - lead
        starts.append(ci)
        offsets.append(line_starts[n] + col)
        ci += len(cl) + 1
    end = offsets[-1] + ci - 1 - starts[-1]
    return _Content(content, starts, offsets, end)


def _cell_content(content: str, line: str, line_start: int, cursor: int) -> _Content | None:
    """A table cell's content: in the row's line, with ``\\|`` read as ``|``."""
    if not content:
        return None
    escaped = content.replace("|", "\\|")
    j = line.find(escaped, cursor)
    if j == -1:
        return None
    starts, offsets = [0], [line_start + j]
    src = j
    for i, ch in enumerate(content):
        if ch == "|":
            src += 1  # the backslash
            starts.append(i)
            offsets.append(line_start + src)
        src += 1
    return _Content(content, starts, offsets, line_start + src)


# -- building a block's text ---------------------------------------------------


class _Text:
    """A block's visible text as it is built, with its source map."""

    __slots__ = ("chunks", "contig", "end", "length", "pieces")

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.pieces: list[tuple[int, int]] = []
        self.length = 0
        self.contig = -1  # the source offset that would continue the last piece
        self.end = 0

    def add(self, s: str, offset: int, width: int | None = None) -> None:
        """Append ``s``, found at ``offset`` in the source (``width`` source
        characters wide when it is a decoded escape or entity)."""
        if not s:
            return
        if offset != self.contig:
            self.pieces.append((self.length, offset))
        self.chunks.append(s)
        self.length += len(s)
        if width is None:
            self.contig = self.end = offset + len(s)
        else:
            self.contig, self.end = -1, offset + width

    def add_object(self, start: int, end: int) -> None:
        self.pieces.append((self.length, start))
        self.chunks.append(OBJECT)
        self.length += 1
        self.contig, self.end = -1, end

    def block(self, kind: BlockKind) -> Block | None:
        text = "".join(self.chunks)
        if not text.replace(OBJECT, "").strip():
            return None
        block = Block(kind, text, tuple(self.pieces), 0, self.end)
        a, b = len(text) - len(text.lstrip()), len(text.rstrip())
        return block if (a, b) == (0, len(text)) else _slice(block, a, b, kind)


def _row_block(row: list[tuple[Token, _Content]], skipped: list) -> Block | None:
    """A table row as one paragraph, its cells separated by U+FFFC."""
    out = _Text()
    for tok, content in row:
        if out.length:
            out.add_object(content.offsets[0] - 1, content.offsets[0])
        if not _walk(tok.children or [], content, out, skipped):
            return None
    return out.block(BlockKind.PARAGRAPH)


def _walk(tokens: Sequence[Token], cm: _Content, out: _Text, skipped: list) -> bool:
    """Align inline tokens with the content string; append their visible text."""
    c = cm.text
    n = len(c)
    i = 0
    in_autolink = False

    def seek(s: str) -> int:
        return i if c.startswith(s, i) else c.find(s, i)

    for tok in tokens:
        t = tok.type
        if in_autolink:
            in_autolink = t != "link_close"
            continue
        if t == "text":
            j = seek(tok.content)
            if j < 0:
                return False
            _add_text(cm, out, skipped, j, tok.content)
            i = j + len(tok.content)
        elif t == "text_special":
            j = seek(tok.markup)
            if j < 0:
                return False
            if tok.content == tok.markup:  # a backslash before a letter: literal
                cm.add(out, j, tok.content)
            elif tok.info == "escape":
                cm.add(out, j + 1, tok.content)
            else:
                out.add(tok.content, cm.pos(j), len(tok.markup))
            i = j + len(tok.markup)
            if tok.content != tok.markup:
                _markup(cm, skipped, j, i)
        elif t in ("softbreak", "hardbreak"):
            j = c.find("\n", i)
            if j < 0:
                return False
            out.add("\n", cm.pos(j))
            i = j + 1
            while i < n and c[i] in " \t":
                i += 1
        elif t in _DELIMITERS:
            j = seek(tok.markup)
            if j < 0:
                return False
            i = j + len(tok.markup)
            _markup(cm, skipped, j, i)
        elif t == "code_inline":
            j = seek(tok.markup)
            if j < 0:
                return False
            close = _closing_ticks(c, j + len(tok.markup), len(tok.markup))
            if close < 0:
                return False
            i = close + len(tok.markup)
            _object(cm, out, skipped, j, i)
        elif t == "link_open":
            if tok.markup == "autolink":
                j = seek("<")
                k = c.find(">", j + 1) if j >= 0 else -1
                if k < 0:
                    return False
                i = k + 1
                _object(cm, out, skipped, j, i)
                in_autolink = True
            else:
                j = seek("[")
                if j < 0:
                    return False
                i = j + 1
                _markup(cm, skipped, j, i)
        elif t == "link_close":
            j = seek("]")
            if j < 0:
                return False
            i = _link_tail(c, j + 1)
            skipped.append((cm.pos(j), cm.pos(i - 1) + 1))
        elif t == "image":
            j = seek("![")
            k = _label_end(c, j + 1) if j >= 0 else -1
            if k < 0:
                return False
            i = _link_tail(c, k + 1)
            _object(cm, out, skipped, j, i)
        elif t == "footnote_ref":
            j = seek("[^")
            k = c.find("]", j) if j >= 0 else -1
            if k < 0:
                return False
            i = k + 1
            _object(cm, out, skipped, j, i)
        elif t == "html_inline":
            j = seek(tok.content)
            if j < 0:
                return False
            i = j + len(tok.content)
            skipped.append((cm.pos(j), cm.pos(i - 1) + 1))
        # Anything else carries no visible text of its own.
    return True


def _add_text(cm: _Content, out: _Text, skipped: list, i: int, s: str) -> None:
    """Append a text token; bare URLs in it become objects."""
    if "://" not in s and "www." not in s.lower():
        cm.add(out, i, s)
        return
    at = 0
    for m in _URL.finditer(s):
        cm.add(out, i + at, s[at : m.start()])
        _object(cm, out, skipped, i + m.start(), i + m.end())
        at = m.end()
    cm.add(out, i + at, s[at:])


def _markup(cm: _Content, skipped: list, a: int, b: int) -> None:
    """Record markup (a delimiter, an escape, an entity): not plain text, so no
    fix may cut through it."""
    skipped.append((cm.pos(a), cm.pos(b - 1) + 1))


def _object(cm: _Content, out: _Text, skipped: list, a: int, b: int) -> None:
    start, end = cm.pos(a), cm.pos(b - 1) + 1
    skipped.append((start, end))
    out.add_object(start, end)


def _closing_ticks(c: str, start: int, n: int) -> int:
    """The index of the run of exactly ``n`` backticks that closes a code span."""
    i = start
    while True:
        i = c.find("`", i)
        if i < 0:
            return -1
        j = i
        while j < len(c) and c[j] == "`":
            j += 1
        if j - i == n:
            return i
        i = j


def _label_end(c: str, start: int) -> int:
    """The index of the ``]`` that closes the ``[`` at ``start``."""
    level = 0
    i = start
    while i < len(c):
        ch = c[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            level += 1
        elif ch == "]":
            level -= 1
            if level == 0:
                return i
        i += 1
    return -1


def _link_tail(c: str, j: int) -> int:
    """The index just past a link's target after its ``]``: ``(dest "title")``,
    ``[label]``, ``[]`` or nothing (a shortcut reference)."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    n = len(c)
    if j < n and c[j] == "(":
        p = _skip_space(c, j + 1)
        dest = parseLinkDestination(c, p, n)
        if dest.ok:
            p = _skip_space(c, dest.pos)
            if p < n and c[p] in "\"'(":
                title = parseLinkTitle(c, p, n)
                if title.ok:
                    p = _skip_space(c, title.pos)
        if p < n and c[p] == ")":
            return p + 1
        k = c.find(")", j)
        return k + 1 if k >= 0 else j
    if j < n and c[j] == "[":
        k = c.find("]", j + 1)
        if k >= 0:
            return k + 1
    return j


def _skip_space(c: str, p: int) -> int:
    while p < len(c) and c[p] in " \t\n":
        p += 1
    return p
