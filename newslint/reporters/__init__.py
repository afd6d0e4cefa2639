"""Reporters: each renders the same findings in one output format.

A reporter is a function ``render(report) -> str``; :data:`FORMATS` maps the
``--format`` name to the module that holds it, imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from ..findings import Finding
from ..model import Source
from ..rule import Rule

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "html": "html",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
}


class Report(NamedTuple):
    """Everything a reporter may need about one run. (A NamedTuple, not a
    dataclass: every run defines it, and a dataclass is slower to define.)"""

    findings: Sequence[Finding]
    #: The sources that were linted, by path (for source lines in context).
    sources: Mapping[str, Source] = MappingProxyType({})
    #: Paths that were checked, in order (including those with no findings).
    paths: Sequence[str] = ()
    #: Whether the output goes to a terminal that shows colour.
    color: bool = False
    #: Fixes applied in this run (``--fix``); the findings are what is left.
    fixed: int = 0
    #: Rules this run knew besides the built-in catalogue (rule packs).
    extra_rules: Sequence[Rule] = ()
    #: How many inputs could not be read (each reported on stderr).
    unreadable: int = 0


def renderer(fmt: str) -> Callable[[Report], str]:
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    return module.render  # type: ignore[no-any-return]
