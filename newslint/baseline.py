"""Baselines: adopt newslint on an archive without fixing every old article first.

``newslint baseline write FILE PATH...`` records today's findings; ``newslint
check --baseline FILE`` then reports only findings that are not in it. A
finding is recorded by path, rule and fingerprint (the flagged text and its
context, not its line), so edits elsewhere in an article keep old findings
matched. Identical findings are counted: a third "the the" in the same context
where the baseline has two is new.

The file is versioned JSON (``{"newslint_baseline": 1, "findings": [...]}``),
sorted so that it diffs well, and written atomically. Paths in it are relative
to the baseline file's directory, so the check may run from anywhere.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .atomic import write_text_atomic
from .errors import UsageError
from .findings import Finding
from .fingerprints import fingerprint, portable_path
from .model import Source

VERSION = 1
KEY = "newslint_baseline"

Entry = tuple[str, str, str]  # path, code, fingerprint


def _base(file: str) -> str:
    return os.path.dirname(os.path.abspath(file))


def _entries(findings: Sequence[Finding], sources: Mapping[str, Source], base: str) -> list[Entry]:
    out = []
    paths: dict[str, str] = {}
    for f in findings:
        path = paths.get(f.path)
        if path is None:
            path = paths[f.path] = portable_path(f.path, base)
        out.append((path, f.code, fingerprint(f, sources.get(f.path), path)))
    return out


@dataclass(frozen=True)
class Baseline:
    """Recorded findings: how many of each (path, rule, fingerprint)."""

    counts: Mapping[Entry, int]
    #: The directory paths in the file are relative to.
    base: str

    @classmethod
    def load(cls, file: str) -> Baseline:
        try:
            with open(file, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise UsageError(f"baseline {file}: no such file") from None
        except IsADirectoryError:
            raise UsageError(f"baseline {file}: is a directory") from None
        except PermissionError:
            raise UsageError(f"baseline {file}: permission denied") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            raise UsageError(f"baseline {file}: not a newslint baseline ({reason})") from None
        return cls(_parse(data, file), _base(file))

    def new_findings(
        self, findings: Sequence[Finding], sources: Mapping[str, Source]
    ) -> list[Finding]:
        """The findings not accounted for by the baseline, in their order."""
        left = Counter(self.counts)
        new = []
        for f, entry in zip(findings, _entries(findings, sources, self.base), strict=True):
            if left[entry] > 0:
                left[entry] -= 1
            else:
                new.append(f)
        return new


def _parse(data: Any, file: str) -> dict[Entry, int]:
    def bad(reason: str) -> UsageError:
        return UsageError(f"baseline {file}: not a newslint baseline ({reason})")

    if not isinstance(data, dict) or KEY not in data:
        raise bad(f"no {KEY!r} version key")
    if data[KEY] != VERSION:
        raise UsageError(
            f"baseline {file}: version {data[KEY]!r} is not supported (expected {VERSION})"
        )
    items = data.get("findings")
    if not isinstance(items, list):
        raise bad("'findings' is not a list")
    counts: dict[Entry, int] = {}
    for i, item in enumerate(items):
        try:
            entry = (item["path"], item["code"], item["fingerprint"])
            count = item.get("count", 1)
        except (TypeError, KeyError, AttributeError):
            raise bad(f"entry {i} lacks path, code or fingerprint") from None
        if not all(isinstance(v, str) for v in entry):
            raise bad(f"entry {i} has a path, code or fingerprint that is not a string")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise bad(f"entry {i} has a count that is not a positive integer")
        counts[entry] = counts.get(entry, 0) + count
    return counts


def render(findings: Sequence[Finding], sources: Mapping[str, Source], file: str) -> str:
    """The baseline document recording ``findings``."""
    names = {f.code: f.name for f in findings}
    tally = Counter(_entries(findings, sources, _base(file)))
    items = [
        {"path": path, "code": code, "name": names[code], "fingerprint": fp, "count": n}
        for (path, code, fp), n in sorted(tally.items())
    ]
    return json.dumps({KEY: VERSION, "findings": items}, indent=2, ensure_ascii=False) + "\n"


def write(file: str, findings: Sequence[Finding], sources: Mapping[str, Source]) -> None:
    try:
        write_text_atomic(file, render(findings, sources, file))
    except OSError as exc:
        raise UsageError(f"baseline {file}: cannot write ({exc.strerror})") from None
