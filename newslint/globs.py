"""Path globs for ``exclude`` and ``per-file-ignores``, as ruff and git read them.

``*`` matches within one path component, ``**`` across components, ``?`` one
character, ``[abc]``/``[!abc]`` a set. A pattern without ``/`` matches a file
or directory name anywhere (``drafts``, ``*.md``); one with ``/`` matches the
path relative to the project root (``desk/archive/**``). A path matches when
the pattern matches it or any directory above it, so ``archive`` excludes
everything under every ``archive`` directory.
"""

from __future__ import annotations

import functools
import re


class GlobError(ValueError):
    """A pattern that cannot be a glob; the message says why."""


@functools.lru_cache(maxsize=512)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """The regular expression for ``pattern``; raises :class:`GlobError`."""
    if not pattern.strip():
        raise GlobError("empty pattern")
    p = pattern.replace("\\", "/")
    anchored = "/" in p.rstrip("/")
    p = p.strip("/") if anchored else p.rstrip("/")
    if p.startswith("./"):
        p = p[2:]
    out: list[str] = []
    i, n = 0, len(p)
    while i < n:
        c = p[i]
        if p.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif p.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = i + 1
            if j < n and p[j] in "!^":
                j += 1
            if j < n and p[j] == "]":
                j += 1
            while j < n and p[j] != "]":
                j += 1
            if j >= n:
                raise GlobError("unclosed '['")
            body = p[i + 1 : j]
            if body[:1] in ("!", "^"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    regex = "".join(out)
    if not anchored:
        regex = "(?:.*/)?" + regex
    return re.compile(regex + r"(?:/.*)?\Z", re.DOTALL)


def check_glob(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid glob, or ``None``."""
    try:
        compile_glob(pattern)
    except GlobError as exc:
        return str(exc)
    return None


def matches(pattern: str, relpath: str) -> bool:
    """Whether a ``/``-separated path relative to the root matches ``pattern``."""
    return compile_glob(pattern).match(relpath) is not None
