"""Fixing articles without damaging them.

Rules attach a :class:`~newslint.findings.Fix` to a finding: edits on the
normalised text (``Source.text``: LF line endings, no BOM). The fixer

1. chooses fixes that do not overlap or touch each other (a fix is all of its
   edits or none of them; unsafe fixes only when asked),
2. maps their edits back onto the file's own decoded text through the
   :class:`~newslint.model.Source` line table, so CRLF, CR, mixed line endings,
   the BOM and the presence or absence of a final newline stay exactly as they
   were (the file is never rebuilt from the normalised text),
3. re-lints the result and repeats until nothing fixable is left, at most
   :data:`MAX_ROUNDS` times,
4. encodes the result in the file's encoding, refusing when the encoding would
   not give back the original bytes, and writes it atomically, refusing when
   the file changed on disk since it was read.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from . import readers
from .engine import ActiveRule, check_article
from .errors import NewslintError
from .findings import Edit, Finding, Fix
from .model import Source

#: The most lint-and-fix rounds for one article. Each round applies every
#: fix that does not overlap another, so real articles settle in two or three.
MAX_ROUNDS = 10


class FixError(NewslintError):
    """A file could not be fixed; it is left exactly as it was."""


@dataclass(frozen=True)
class FixOutcome:
    """The result of fixing one article."""

    #: The fixed source (the original one when nothing was fixed).
    source: Source
    #: Findings on the fixed text: what still needs a human.
    findings: list[Finding]
    #: Findings on the text as it was read.
    initial: list[Finding]
    #: Fixes applied, over all rounds.
    applied: int = 0
    #: Rounds that applied at least one fix.
    rounds: int = 0
    #: Whether fixable findings were still left after :data:`MAX_ROUNDS` rounds.
    exhausted: bool = False

    @property
    def changed(self) -> bool:
        return self.applied > 0


def is_fixable(finding: Finding, *, unsafe: bool = False) -> bool:
    """Whether ``finding`` has a fix that the run may apply."""
    fix = finding.fix
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def choose_fixes(
    text: str,
    findings: Iterable[Finding],
    *,
    unsafe: bool = False,
    skipped: Sequence[tuple[int, int]] = (),
    encoding: str | None = None,
    source: Source | None = None,
) -> list[Fix]:
    """The fixes to apply together to ``text``, in order of position.

    A fix is left out (for a later round, or for good) when one of its edits
    overlaps or touches an edit already chosen, falls outside the text, cuts
    into a span that is not article text (front matter, code, markup), changes nothing, or
    inserts characters the file's encoding cannot hold.
    """
    taken: list[Edit] = []
    chosen: list[Fix] = []
    n = len(text)
    for f in sorted(findings, key=lambda f: (f.offset, f.end_offset, f.code)):
        fix = f.fix
        if fix is None or not fix.edits or not (fix.safe or unsafe):
            continue
        edits = sorted(fix.edits)
        if any(not 0 <= e.start <= e.end <= n for e in edits):
            continue
        if all(text[e.start : e.end] == e.replacement for e in edits):
            continue
        if any(a.end > b.start for a, b in itertools.pairwise(edits)):
            continue
        if any(_conflict(e, t) for e in edits for t in taken):
            continue
        if any(_cuts_skipped(e, skipped) for e in edits):
            continue
        if encoding is not None and not _encodable("".join(e.replacement for e in edits), encoding):
            continue
        if source is not None and any(_joins_line_endings(source, e) for e in edits):
            continue
        taken.extend(edits)
        chosen.append(fix)
    return chosen


def _joins_line_endings(source: Source, e: Edit) -> bool:
    """Whether deleting ``e`` would leave a lone CR line ending right before an
    LF one, which would then read as one CRLF: a line would vanish that the
    fix did not remove."""
    if e.replacement or e.start == e.end:
        return False
    starts = source.line_starts
    first = bisect.bisect_right(starts, e.start) - 1
    last = bisect.bisect_right(starts, e.end) - 1
    if first == 0 or starts[first] != e.start:
        return False
    line_end = starts[last + 1] - 1 if last + 1 < len(starts) else len(source.text)
    if e.end != line_end:
        return False
    return source.newlines[first - 1] == "\r" and source.newlines[last] == "\n"


def _cuts_skipped(e: Edit, skipped: Sequence[tuple[int, int]]) -> bool:
    """Whether an edit cuts into a span that is not article text (front matter,
    code, markup) rather than leaving it alone or removing it whole."""
    for a, b in skipped:
        if e.start == e.end:
            if a < e.start < b:
                return True
        elif e.start < b and a < e.end and not (e.start <= a and b <= e.end):
            return True
    return False


def _conflict(a: Edit, b: Edit) -> bool:
    """Edits that overlap or touch are never applied together."""
    return a.start <= b.end and b.start <= a.end


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply one round of fixes to a normalised text; return it and the number applied."""
    fixes = choose_fixes(text, findings, unsafe=unsafe)
    edits = sorted(e for fix in fixes for e in fix.edits)
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), len(fixes)


def apply_to_source(source: Source, fixes: Iterable[Fix]) -> Source:
    """Apply fixes to the file's own text and return the new source.

    Every edit is mapped from the normalised text onto the decoded file text
    (BOM and original line endings included); everything between the edits is
    copied from the file as it was. A line break inside a replacement is
    written in the line ending of the line it lands on.
    """
    raw = source.original()
    to_raw = _raw_offsets(source)
    edits = sorted(e for fix in fixes for e in fix.edits)
    out: list[str] = []
    pos = 0
    for e in edits:
        start, end = to_raw(e.start), to_raw(e.end)
        out.append(raw[pos:start])
        replacement = e.replacement
        if "\n" in replacement:
            replacement = replacement.replace("\n", _newline_at(source, e.start))
        out.append(replacement)
        pos = end
    out.append(raw[pos:])
    return Source.from_raw("".join(out), source.path, encoding=source.encoding)


def _raw_offsets(source: Source) -> Callable[[int], int]:
    """Map an offset into ``source.text`` to an offset into ``source.original()``."""
    starts = source.line_starts
    extra = [0] * len(starts)  # code points the original line endings add before each line
    total = 0
    for i, nl in enumerate(source.newlines[: len(starts) - 1]):
        total += len(nl) - 1
        extra[i + 1] = total
    shift = 1 if source.bom else 0

    def to_raw(offset: int) -> int:
        line = bisect.bisect_right(starts, offset) - 1
        return offset + extra[line] + shift

    return to_raw


def _newline_at(source: Source, offset: int) -> str:
    line = bisect.bisect_right(source.line_starts, offset) - 1
    nl = source.newlines[line]
    if nl:
        return nl
    return next((n for n in source.newlines if n), "\n")


def fix_source(
    source: Source,
    rules: Sequence[ActiveRule],
    *,
    fmt: str | None = None,
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
    only: Callable[[list[Finding], Source], list[Finding]] | None = None,
) -> FixOutcome:
    """Lint, fix and re-lint ``source`` until no fixable finding is left (or
    ``max_rounds`` rounds have applied fixes). ``only`` picks the findings that
    may be fixed (those a run reports: new against a baseline, on changed
    lines); it sees the article as read, so there is one round of fixes."""
    active = list(rules)
    article = readers.parse(source, fmt)
    findings = check_article(article, active)
    initial = findings
    applied = rounds = 0
    exhausted = False
    if only is not None:
        max_rounds = 1
    while True:
        fixes = choose_fixes(
            source.text,
            findings if only is None or rounds else only(findings, source),
            unsafe=unsafe,
            skipped=article.skipped,
            encoding=_text_codec(source.encoding),
            source=source,
        )
        if not fixes:
            break
        if rounds == max_rounds:
            exhausted = True
            break
        source = apply_to_source(source, fixes)
        applied += len(fixes)
        rounds += 1
        article = readers.parse(source, fmt)
        findings = check_article(article, active)
    return FixOutcome(source, findings, initial, applied, rounds, exhausted)


# --- bytes -----------------------------------------------------------------


def _text_codec(encoding: str) -> str:
    """The codec that encodes text without adding a BOM."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    if name in ("utf-16", "utf-32"):
        return f"{name}-{'le' if sys.byteorder == 'little' else 'be'}"
    if name == "utf-8-sig":
        return "utf-8"
    return name


def encoder_for(encoding: str, data: bytes) -> Callable[[str], bytes]:
    """A function that encodes decoded text the way ``data`` was encoded: the
    same codec, the same byte order and the same byte-order mark."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise FixError(f"unknown encoding {encoding!r}") from None
    prefix = b""
    codec = name
    if name in ("utf-16", "utf-32"):
        boms = (
            (codecs.BOM_UTF32_LE, "utf-32-le"),
            (codecs.BOM_UTF32_BE, "utf-32-be"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
        )
        codec = _text_codec(name)
        for bom, bom_codec in boms:
            if data.startswith(bom) and bom_codec.startswith(name):
                prefix, codec = bom, bom_codec
                break
    elif name == "utf-8-sig":
        codec = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            prefix = codecs.BOM_UTF8

    def encode(text: str) -> bytes:
        return prefix + text.encode(codec)

    return encode


def encode_fixed(original: Source, fixed: Source, data: bytes) -> bytes:
    """The bytes of ``fixed``, encoded as ``data`` (the bytes ``original`` was
    read from) was. Refuses when encoding the original text does not give back
    ``data`` exactly: then a write could change bytes nobody asked to fix."""
    encode = encoder_for(original.encoding, data)
    try:
        same = encode(original.original()) == data
    except UnicodeEncodeError:
        same = False
    if not same:
        raise FixError(
            f"{original.path}: not fixed: re-encoding it in {original.encoding} "
            "would not reproduce its bytes"
        )
    try:
        return encode(fixed.original())
    except UnicodeEncodeError as exc:  # not reached: replacements are checked first
        raise FixError(f"{original.path}: not fixed: {exc.reason}") from None


@dataclass(frozen=True)
class ReadState:
    """What a file held when it was read, to notice a change before writing."""

    data: bytes
    size: int
    mtime_ns: int
    inode: int = field(default=0)

    @classmethod
    def of(cls, data: bytes, stat: os.stat_result) -> ReadState:
        return cls(data, stat.st_size, stat.st_mtime_ns, stat.st_ino)


def _read_with_state(path: str) -> tuple[bytes, os.stat_result]:
    with open(path, "rb") as fh:
        stat = os.fstat(fh.fileno())
        return fh.read(), stat


def _check_unchanged(path: str, shown: str, state: ReadState) -> None:
    changed = FixError(f"{shown}: changed on disk since it was read; not fixed")
    try:
        data, stat = _read_with_state(path)
    except OSError:
        raise changed from None
    if (stat.st_size, stat.st_mtime_ns, stat.st_ino) != (state.size, state.mtime_ns, state.inode):
        raise changed
    if data != state.data:
        raise changed


def write_fixed(path: str, state: ReadState, new: bytes) -> None:
    """Atomically replace the file at ``path`` with ``new``, keeping its
    permissions; refuse (and leave it untouched) if it changed since it was
    read or the user may not write it. A symbolic link is followed: the file it points to
    is replaced."""
    from .atomic import write_bytes_atomic

    real = os.path.realpath(path)
    _check_unchanged(real, path, state)
    if not os.access(real, os.W_OK):
        # The directory may allow a rename over it, but a file the user may
        # not write is not theirs to change.
        raise FixError(f"{path}: not fixed: permission denied")
    try:
        write_bytes_atomic(real, new, before_replace=lambda: _check_unchanged(real, path, state))
    except OSError as exc:
        raise FixError(f"{path}: not fixed: cannot write ({exc.strerror or exc})") from None


# --- diffs -----------------------------------------------------------------


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of two decoded texts, marking a missing final newline as
    ``diff`` does. Carriage returns are kept, so CRLF lines show as such."""
    a = _diff_lines(old)
    b = _diff_lines(new)
    out: list[str] = []
    for line in difflib.unified_diff(a, b, path, path):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
        elif line.endswith(_NO_EOL):
            out.append(line)
        elif not line.endswith("\n"):
            out.append(line + "\n")
        else:
            out.append(line)
    return "".join(out)


_NO_EOL = "\n\\ No newline at end of file\n"


def _diff_lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    # splitlines also breaks at form feeds and Unicode separators: re-join so
    # only \n, \r\n and \r end a line, as for the Source.
    merged: list[str] = []
    for piece in lines:
        if merged and not merged[-1].endswith(("\n", "\r")):
            merged[-1] += piece
        else:
            merged.append(piece)
    if merged and not merged[-1].endswith(("\n", "\r")):
        merged[-1] += _NO_EOL
    return merged
