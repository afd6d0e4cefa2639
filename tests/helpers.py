"""Helpers shared by the tests."""

from __future__ import annotations

from newslint import readers
from newslint.catalogue import builtin
from newslint.engine import ActiveRule, check_article
from newslint.findings import Finding
from newslint.model import Source


def lint(
    text: str,
    *names: str,
    fmt: str = "plain",
    path: str = "article.txt",
    options: dict | None = None,
) -> list[Finding]:
    """Lint text with the named rules (all default rules when none are named)."""
    cat = builtin()
    if names:
        rules = [ActiveRule.default(cat.get(n), options) for n in names]
    else:
        rules = [ActiveRule.default(r) for r in cat if r.default_enabled]
    return check_article(readers.parse(Source.from_raw(text, path), fmt), rules)


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.name, f.line, f.column) for f in findings]
