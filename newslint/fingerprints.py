"""Fingerprints: a finding's identity that survives edits elsewhere in the file.

A fingerprint hashes the rule, the flagged text and a little of the text around
it (its context), never a line or column number, so adding a paragraph above a
finding does not change it. Baselines and GitLab's Code Quality report both use
it; two identical slips in the same context share a fingerprint (baselines count
them, GitLab reports number them).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping

from .findings import Finding
from .model import Source

#: Code points of context taken on each side of the flagged text, within its lines.
CONTEXT = 32

_SPACES = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def context(finding: Finding, source: Source | None) -> tuple[str, str]:
    """The text just before and just after the finding, within the lines it
    spans (whitespace squeezed, so re-wrapping a line does not matter)."""
    if source is None or finding.line > source.line_count:
        return "", ""
    text = source.text
    line_start = source.line_starts[finding.line - 1]
    end_line = min(finding.end_line, source.line_count)
    line_end = source.line_starts[end_line] - 1 if end_line < source.line_count else len(text)
    start, end = finding.offset, max(finding.end_offset, finding.offset)
    before = text[max(line_start, start - CONTEXT) : start]
    after = text[end : min(line_end, end + CONTEXT)]
    return _squeeze(before), _squeeze(after)


def portable_path(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (default: the current directory), with ``/``
    separators; stdin (``-``) and paths outside ``base`` are kept as given."""
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base or os.curdir))
    except ValueError:  # another drive on Windows
        rel = path
    if rel.startswith(os.pardir + os.sep) or rel == os.pardir:
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def fingerprint(finding: Finding, source: Source | None, path: str = "") -> str:
    """A stable hex digest of rule + path + flagged text + context."""
    before, after = context(finding, source)
    key = "\x1f".join(
        ("newslint-fingerprint-v1", finding.code, path, _squeeze(finding.text), before, after)
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def numbered(
    findings: Iterable[Finding], sources: Mapping[str, Source], base: str | None = None
) -> Iterator[tuple[Finding, str, str, int]]:
    """Each finding with its portable path (relative to ``base``), its
    fingerprint and its occurrence number: 0 for the first finding with that
    fingerprint, 1 for the next identical one, and so on."""
    seen: dict[str, int] = {}
    paths: dict[str, str] = {}
    for f in findings:
        path = paths.get(f.path)
        if path is None:
            path = paths[f.path] = portable_path(f.path, base)
        fp = fingerprint(f, sources.get(f.path), path)
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        yield f, path, fp, n
