"""The rule engine: run the active rules over an article and collect findings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import Finding, Fix, Hit, Severity
from .model import Article
from .rule import Rule

#: The rule that reports a file that is not valid in its encoding.
ENCODING_ERROR = "encoding-error"

if TYPE_CHECKING:
    from .catalogue import Catalogue


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for one run: its severity and options resolved."""

    rule: Rule
    severity: Severity
    options: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def default(cls, rule: Rule, options: Mapping[str, Any] | None = None) -> ActiveRule:
        merged = dict(rule.options)
        merged.update(options or {})
        return cls(rule, rule.severity, merged)


def check_article(
    article: Article, rules: Sequence[ActiveRule], catalogue: Catalogue | None = None
) -> list[Finding]:
    """All findings of ``rules`` on ``article``, sorted by position then code,
    minus those that suppression comments in the article turn off
    (:mod:`newslint.suppression`; ``catalogue`` resolves the names in them).

    A source that could not be decoded (``source.problem``) is checked by
    ``encoding-error`` only: its other words cannot be trusted.
    """
    if article.source.problem is not None:
        rules = [a for a in rules if a.rule.name == ENCODING_ERROR]
    findings: list[Finding] = []
    for active in rules:
        findings.extend(_findings(article, active, active.rule.check(article, active.options)))
    if "newslint-" in article.source.text:
        findings = _suppress(article, rules, findings, catalogue)
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.end_line, f.end_column))
    return findings


def _suppress(
    article: Article,
    rules: Sequence[ActiveRule],
    findings: list[Finding],
    catalogue: Catalogue | None,
) -> list[Finding]:
    from .catalogue import builtin
    from .suppression import UNUSED_SUPPRESSION, apply

    cat = catalogue or builtin()

    def resolve(selector: str) -> frozenset[str] | None:
        codes = {r.code for r in cat.resolve(selector)}
        # Rules running here that the catalogue does not hold (rule packs).
        s = selector.strip()
        prefix = re.fullmatch(r"[A-Za-z]{2,4}\d{0,3}", s) is not None
        for a in rules:
            r = a.rule
            if (
                r.name == s.lower()
                or r.category == s.lower()
                or s.upper() == "ALL"
                or (prefix and r.code.startswith(s.upper()))
            ):
                codes.add(r.code)
        return frozenset(codes) or None

    outcome = apply(findings, article.source, resolve, [a.rule.code for a in rules])
    kept = outcome.kept
    for active in rules:
        if active.rule.name == UNUSED_SUPPRESSION:
            # Their fixes edit whole comment lines only, which are skipped text.
            kept.extend(_findings(article, active, outcome.problems, check_fixes=False))
    return kept


def _findings(
    article: Article, active: ActiveRule, hits: Iterable[Hit], *, check_fixes: bool = True
) -> Iterable[Finding]:
    source = article.source
    rule = active.rule
    for hit in hits:
        if (
            check_fixes
            and hit.fix is not None
            and article.skipped
            and not _fix_is_safe(article, hit.fix)
        ):
            hit = hit._replace(fix=None)
        start = source.position(hit.start)
        end = source.position(hit.end)
        yield Finding(
            path=source.path,
            line=start.line,
            column=start.column,
            end_line=end.line,
            end_column=end.column,
            code=rule.code,
            name=rule.name,
            severity=active.severity,
            message=hit.message or rule.message,
            offset=hit.start,
            end_offset=hit.end,
            text=source.text[hit.start : hit.end],
            fix=hit.fix,
        )


def _fix_is_safe(article: Article, fix: Fix) -> bool:
    """A fix may not cut through markup, code or front matter (``Article.skipped``):
    an edit that touches a skipped span must hold it whole and remove whole blocks
    (deleting a repeated paragraph with its emphasis is safe; deleting " *the" out of
    "*the* the" is not)."""
    for start, end in (e[:2] for e in fix.edits):
        touched = [
            (a, b)
            for a, b in article.skipped
            if ((start < b and a < end) if start < end else a < start < b)
        ]
        if not touched:
            continue
        if any(not (start <= a and b <= end) for a, b in touched):
            return False
        if not any(start <= b.source_start and b.source_end <= end for b in article.blocks):
            return False
    return True
