"""Running a rule's own examples: what the test suite does for every shipped
pack, available to a desk for its own pack (``newslint rules --pack DIR
--check-examples``)."""

from __future__ import annotations

from ..engine import ActiveRule, check_article
from ..rule import Rule


def example_failures(rule: Rule) -> list[str]:
    """One line per example that does not behave as declared (empty: all pass)."""
    from .. import readers
    from ..fixer import apply_fixes
    from ..model import Source

    out = []
    for kind in ("bad", "good"):
        for i, ex in enumerate(getattr(rule, kind)):
            source = Source.from_raw(ex.text, "example.md" if ex.format == "markdown" else "x.txt")
            findings = check_article(readers.parse(source, ex.format), [ActiveRule.default(rule)])
            got = sorted((f.line, f.column) for f in findings)
            where = f"{rule.code} {rule.name}: examples.{kind}[{i}]"
            if kind == "good" and got:
                out.append(f"{where}: expected no finding, got {_pairs(got)}")
            elif kind == "bad" and not got:
                out.append(f"{where}: expected a finding, got none")
            elif kind == "bad" and ex.at and got != sorted(ex.at):
                out.append(f"{where}: expected {_pairs(sorted(ex.at))}, got {_pairs(got)}")
            elif kind == "bad" and ex.fixed is not None:
                fixed, _ = apply_fixes(source.text, findings)
                if fixed != ex.fixed:
                    out.append(f"{where}: the fixed text is {fixed!r}, expected {ex.fixed!r}")
    return out


def _pairs(pairs: list[tuple[int, int]]) -> str:
    return "[" + ", ".join(f"[{line}, {col}]" for line, col in pairs) + "]"
