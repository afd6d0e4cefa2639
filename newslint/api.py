"""The public Python API."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from . import readers
from .catalogue import builtin
from .engine import ActiveRule, check_article
from .errors import InputError
from .findings import Finding
from .model import Source
from .sources import iter_article_paths


def default_rules() -> list[ActiveRule]:
    """The rules that are on by default, with their default settings."""
    return [ActiveRule.default(r) for r in builtin() if r.default_enabled]


def lint_source(
    source: Source, rules: Sequence[ActiveRule] | None = None, fmt: str | None = None
) -> list[Finding]:
    article = readers.parse(source, fmt)
    return check_article(article, default_rules() if rules is None else rules)


def lint_text(
    text: str, path: str = "-", *, fmt: str | None = None, rules: Sequence[ActiveRule] | None = None
) -> list[Finding]:
    """Lint an article given as text. ``fmt`` is ``plain`` or ``markdown``
    (default: by ``path``'s extension)."""
    return lint_source(Source.from_raw(text, path), rules, fmt)


def fix_text(
    text: str,
    path: str = "-",
    *,
    fmt: str | None = None,
    rules: Sequence[ActiveRule] | None = None,
    unsafe: bool = False,
) -> tuple[str, list[Finding]]:
    """Fix an article given as text, as ``newslint check --fix`` does: return the
    fixed text (its BOM and line endings as they were) and the findings left."""
    from .fixer import fix_source

    outcome = fix_source(
        Source.from_raw(text, path),
        default_rules() if rules is None else rules,
        fmt=fmt,
        unsafe=unsafe,
    )
    return outcome.source.original(), outcome.findings


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, and article files under directories named, in order."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            out.extend(iter_article_paths(p))
        else:
            out.append(p)
    return out


def lint_paths(
    paths: Iterable[str],
    *,
    rules: Sequence[ActiveRule] | None = None,
    encoding: str | None = None,
    select: str | None = None,
    ignore: str | None = None,
    config: str | None = None,
    isolated: bool = False,
    jobs: int = 1,
    cache: bool = False,
    on_error: str = "raise",
) -> list[Finding]:
    """Lint files and directories as ``newslint check`` does (each file with the
    configuration nearest to it, unless ``config``/``isolated``/``rules`` say
    otherwise) and return the findings, which are plain picklable values.

    An unreadable file raises :class:`InputError` (``on_error="raise"``) or is
    skipped (``on_error="skip"``)."""
    from .runner import RunOptions, run

    if on_error not in ("raise", "skip"):
        raise ValueError("on_error must be 'raise' or 'skip'")
    options = RunOptions(
        select=select,
        ignore=ignore,
        encoding=encoding,
        config=config,
        isolated=isolated,
        jobs=jobs,
        cache=cache,
    )
    result = run(list(paths), options, rules)
    if result.errors and on_error == "raise":
        raise InputError(result.errors[0])
    return result.findings


__all__ = [
    "InputError",
    "default_rules",
    "expand_paths",
    "fix_text",
    "lint_paths",
    "lint_source",
    "lint_text",
]
