"""Which rules run: defaults, then ``select``/``extend-select``, minus ``ignore``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .catalogue import Catalogue, builtin
from .engine import ActiveRule
from .errors import UsageError
from .findings import Severity
from .rule import Rule


def split_selectors(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [v.strip() for v in value if v.strip()]


def resolve(catalogue: Catalogue, selectors: Iterable[str], where: str) -> list[Rule]:
    out: list[Rule] = []
    for s in selectors:
        matched = catalogue.resolve(s)
        if not matched:
            raise UsageError(f"unknown rule, code or category {s!r} in {where}")
        out.extend(matched)
    return out


def select_rules(
    *,
    select: str | Iterable[str] | None = None,
    extend_select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    catalogue: Catalogue | None = None,
) -> list[ActiveRule]:
    """The active rules, in catalogue order."""
    catalogue = catalogue or builtin()
    chosen_select = split_selectors(select)
    if chosen_select:
        base = resolve(catalogue, chosen_select, "--select")
    else:
        base = [r for r in catalogue if r.default_enabled]
    chosen = {r.code: r for r in base}
    for r in resolve(catalogue, split_selectors(extend_select), "--extend-select"):
        chosen[r.code] = r
    for r in resolve(catalogue, split_selectors(ignore), "--ignore"):
        chosen.pop(r.code, None)
    severities = severities or {}
    options = options or {}
    active = []
    for r in catalogue:
        if r.code in chosen:
            a = ActiveRule.default(r, options.get(r.name))
            if r.name in severities:
                a = ActiveRule(r, severities[r.name], a.options)
            active.append(a)
    return active
