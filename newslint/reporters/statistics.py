"""``--statistics``: how many findings each rule made, instead of the findings."""

from __future__ import annotations

import json
from collections import Counter

from ..findings import Finding


def counts(findings: list[Finding]) -> list[tuple[str, str, str, int, bool]]:
    """``(code, name, severity, count, fixable)`` per rule, most findings first."""
    tally = Counter((f.code, f.name, f.severity.value) for f in findings)
    fixable = {f.code for f in findings if f.fix is not None}
    rows = [(c, n, s, k, c in fixable) for (c, n, s), k in tally.items()]
    rows.sort(key=lambda r: (-r[3], r[0]))
    return rows


def render_text(findings: list[Finding]) -> str:
    rows = counts(findings)
    if not rows:
        return ""
    width = max(len(str(r[3])) for r in rows)
    name_width = max(len(r[1]) for r in rows)
    return "".join(
        f"{k:>{width}}  {c}  {n:<{name_width}}  {s:<7}{'  [fixable]' if fx else ''}".rstrip() + "\n"
        for c, n, s, k, fx in rows
    )


def render_json(findings: list[Finding]) -> str:
    data = [
        {"code": c, "name": n, "severity": s, "count": k, "fixable": fx}
        for c, n, s, k, fx in counts(findings)
    ]
    return json.dumps(data, indent=2) + "\n"
