"""One lint run: find the files, read them, parse them, run the rules.

The CLI and the Python API both go through :func:`run`; features that change
what a run does (configuration, caching, parallelism, baselines) hook in here,
not in the CLI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import readers
from .engine import ActiveRule, check_article
from .errors import InputError
from .findings import Finding
from .model import Source
from .sources import decode, iter_article_paths, read_source


@dataclass
class RunOptions:
    """What the user asked for, before any configuration file is read."""

    select: str | None = None
    extend_select: str | None = None
    ignore: str | None = None
    encoding: str | None = None
    stdin_filename: str | None = None


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    #: Every source that was read, by the path it is reported under.
    sources: dict[str, Source] = field(default_factory=dict)
    #: Paths checked, in order.
    checked: list[str] = field(default_factory=list)
    #: One-line messages for inputs that could not be read.
    errors: list[str] = field(default_factory=list)


def collect_paths(paths: Sequence[str], errors: list[str]) -> list[str]:
    """Expand directories into article files; record paths that do not exist."""
    files: list[str] = []
    for p in paths:
        if p == "-":
            files.append(p)
        elif os.path.isdir(p):
            files.extend(iter_article_paths(p))
        elif not os.path.lexists(p):
            errors.append(f"{p}: no such file or directory")
        else:
            files.append(p)
    return files


def run(paths: Sequence[str], options: RunOptions, rules: Sequence[ActiveRule]) -> RunResult:
    result = RunResult()
    for path in collect_paths(paths, result.errors):
        try:
            if path == "-":
                source = decode(
                    sys.stdin.buffer.read(), options.stdin_filename or "-", options.encoding
                )
            else:
                source = read_source(path, options.encoding)
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        article = readers.parse(source)
        result.sources[source.path] = source
        result.checked.append(source.path)
        result.findings.extend(check_article(article, rules))
    return result
