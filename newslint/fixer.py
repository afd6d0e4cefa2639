"""Applying fixes to an article's text."""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Edit, Finding


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes of ``findings`` to ``text`` (the normalised source text).

    A fix whose edits overlap an edit already taken is left for a later round.
    Returns the new text and the number of fixes applied.
    """
    taken: list[Edit] = []
    applied = 0
    for f in sorted(findings, key=lambda f: (f.offset, f.code)):
        if f.fix is None or (not f.fix.safe and not unsafe):
            continue
        edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        applied += 1
    out = text
    for e in sorted(taken, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: e.start] + e.replacement + out[e.end :]
    return out, applied


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash only at the same point
        return b.start <= a.start <= b.end if a.start == a.end else a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end
