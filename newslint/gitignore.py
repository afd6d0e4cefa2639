"""Which files git ignores, asked once per repository per run.

When newslint walks a directory it skips the files git ignores (``.gitignore``,
``.git/info/exclude``, the global excludes file), as ruff does. It asks
``git check-ignore --stdin`` once for all the walked files of a repository,
never once per file. Outside a git repository, or without git installed,
nothing is skipped.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable


def repository_root(directory: str, cache: dict[str, str | None]) -> str | None:
    """The nearest directory at or above ``directory`` holding ``.git``."""
    visited = []
    d = directory
    root: str | None = None
    while True:
        if d in cache:
            root = cache[d]
            break
        visited.append(d)
        if os.path.exists(os.path.join(d, ".git")):
            root = d
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    for v in visited:
        cache[v] = root
    return root


def ignored(paths: Iterable[str]) -> set[str]:
    """The subset of ``paths`` that git ignores (paths as given)."""
    by_root: dict[str, list[tuple[str, str]]] = {}
    cache: dict[str, str | None] = {}
    for p in paths:
        absolute = os.path.abspath(p)
        root = repository_root(os.path.dirname(absolute), cache)
        if root is not None:
            by_root.setdefault(root, []).append((p, os.path.relpath(absolute, root)))
    out: set[str] = set()
    for root, items in by_root.items():
        out.update(_check_ignore(root, items))
    return out


def _check_ignore(root: str, items: list[tuple[str, str]]) -> set[str]:
    given = {rel.replace(os.sep, "/"): p for p, rel in items}
    try:
        proc = subprocess.run(
            ["git", "-C", root, "check-ignore", "--stdin", "-z"],
            input="\0".join(given).encode() + b"\0",
            capture_output=True,
            check=False,
        )
    except OSError:
        return set()  # git is not installed
    if proc.returncode not in (0, 1):
        return set()  # not a usable repository: lint everything
    names = proc.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return {given[n] for n in names if n in given}
