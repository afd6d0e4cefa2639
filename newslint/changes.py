"""``--changed-since REV``: what a pull-request check wants.

Only files changed since a git revision are linted (committed, staged and
unstaged changes against REV, and new untracked files), and only findings on
changed lines are reported. Changed lines come from ``git diff -U0``: the lines
a hunk adds or rewrites; an untracked file is changed throughout.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import UsageError
from .findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")

#: A file whose every line counts as changed (a new, untracked file).
WHOLE_FILE: frozenset[int] = frozenset({-1})


def _git(args: Sequence[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None


def _unquote(path: bytes) -> str:
    """A path from a diff header; git C-quotes names with unusual characters."""
    if path.startswith(b'"') and path.endswith(b'"'):
        path = path[1:-1].decode("unicode_escape").encode("latin-1")
    return os.fsdecode(path)


@dataclass(frozen=True)
class Changes:
    """Changed lines per file (absolute, real paths) since a revision."""

    revision: str
    lines: dict[str, frozenset[int]]

    @classmethod
    def since(cls, revision: str, cwd: str = ".") -> Changes:
        top = _git(["rev-parse", "--show-toplevel"], cwd)
        if top.returncode != 0:
            raise UsageError(f"--changed-since: {os.path.abspath(cwd)} is not in a git repository")
        root = os.fsdecode(top.stdout.rstrip(b"\n"))
        if revision.startswith("-") or not revision:
            raise UsageError(f"--changed-since: unknown git revision {revision!r}")
        rev = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd)
        if rev.returncode != 0:
            raise UsageError(f"--changed-since: unknown git revision {revision!r}")
        commit = rev.stdout.decode().strip()
        diff = _git(
            ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--text", commit, "--"],
            root,
        )
        if diff.returncode != 0:
            message = diff.stderr.decode(errors="replace").strip().splitlines()
            raise UsageError(f"--changed-since: git diff failed: {message[0] if message else ''}")
        lines: dict[str, set[int]] = {}
        current: set[int] | None = None
        for raw in diff.stdout.split(b"\n"):
            if raw.startswith(b"+++ "):
                target = raw[4:]
                if target == b"/dev/null":
                    current = None  # deleted
                else:
                    name = _unquote(target)
                    name = name[2:] if name.startswith("b/") else name
                    current = lines.setdefault(_real(os.path.join(root, name)), set())
            elif raw.startswith(b"@@ ") and current is not None:
                m = _HUNK.match(raw.decode("ascii", errors="replace"))
                if m:
                    start = int(m.group(1))
                    count = 1 if m.group(2) is None else int(m.group(2))
                    current.update(range(start, start + count))
        result = {path: frozenset(v) for path, v in lines.items()}
        untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--", "."], root)
        for entry in untracked.stdout.split(b"\0"):
            if entry:
                result[_real(os.path.join(root, os.fsdecode(entry)))] = WHOLE_FILE
        return cls(revision, result)

    def changed_files(self, files: Sequence[str]) -> list[str]:
        """Those of ``files`` that changed."""
        return [f for f in files if _real(f) in self.lines]

    def on_changed_lines(self, findings: Sequence[Finding]) -> list[Finding]:
        out = []
        real: dict[str, str] = {}
        for f in findings:
            if f.path not in real:
                real[f.path] = _real(f.path)
            lines = self.lines.get(real[f.path])
            if lines is None:
                continue
            if lines is WHOLE_FILE or any(n in lines for n in range(f.line, f.end_line + 1)):
                out.append(f)
        return out


def _real(path: str) -> str:
    return os.path.realpath(path)
