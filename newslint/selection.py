"""Which rules run: defaults, then ``select``/``extend-select``, minus ``ignore``.

Selection works in layers, as ruff's does: the defaults, then the
configuration file, then the command line. A layer with ``select`` starts
afresh from it; ``extend-select`` adds to what the layers before chose;
``ignore``/``extend-ignore`` remove. Within a layer the more specific selector
wins (``select = ["NL1"]`` with ``ignore = ["NL101"]`` runs NL1 without NL101;
``select = ["NL101"]`` with ``ignore = ["NL1"]`` runs NL101), and on a tie
``ignore`` wins. Specificity: ``ALL`` < a category or ``NL`` < ``NL1`` <
``NL10`` < a full code or a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from .catalogue import Catalogue, builtin
from .engine import ActiveRule
from .errors import UsageError
from .findings import Severity
from .rule import CATEGORIES, Rule


def split_selectors(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [v.strip() for v in value if v.strip()]


def specificity(selector: str) -> int:
    """How specific a selector is: 0 for ``ALL`` up to 4 for one rule."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if s.lower() in CATEGORIES:
        return 1
    m = re.fullmatch(r"NL(\d{0,3})", s.upper())
    if m is not None:
        return 1 + len(m.group(1))
    return 4


def resolve(catalogue: Catalogue, selectors: Iterable[str], where: str) -> list[Rule]:
    out: list[Rule] = []
    for s in selectors:
        matched = catalogue.resolve(s)
        if not matched:
            raise UsageError(f"unknown rule, code or category {s!r} in {where}")
        out.extend(matched)
    return out


class Layer(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """One source of selection: the configuration file or the command line.

    ``select`` of ``None`` keeps what the layers before chose.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Where the selectors come from, for error messages (``--select``).
    where: str = "the command line"


def select_codes(catalogue: Catalogue, layers: Sequence[Layer]) -> set[str]:
    """The codes of the rules chosen by ``layers``, applied over the defaults."""
    chosen = {r.code for r in catalogue if r.default_enabled}
    for layer in layers:
        steps: list[tuple[int, int, list[Rule]]] = []
        if layer.select is not None:
            chosen = set()
        for s in (*(layer.select or ()), *layer.extend_select):
            steps.append((specificity(s), 0, resolve(catalogue, [s], layer.where)))
        for s in layer.ignore:
            steps.append((specificity(s), 1, resolve(catalogue, [s], layer.where)))
        steps.sort(key=lambda step: (step[0], step[1]))
        for _, remove, rules in steps:
            if remove:
                chosen.difference_update(r.code for r in rules)
            else:
                chosen.update(r.code for r in rules)
    return chosen


def apply_severities(
    catalogue: Catalogue, severities: Mapping[str, Severity]
) -> dict[str, Severity]:
    """Per-code severities from ``selector -> severity`` overrides, the more
    specific selector winning."""
    out = {r.code: r.severity for r in catalogue}
    for selector in sorted(severities, key=specificity):
        for r in catalogue.resolve(selector):
            out[r.code] = severities[selector]
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
    """The active rules, in catalogue order (command-line selection over the defaults)."""
    catalogue = catalogue or builtin()
    chosen_select = split_selectors(select)
    layer = Layer(
        select=tuple(chosen_select) if chosen_select else None,
        extend_select=tuple(split_selectors(extend_select)),
        ignore=tuple(split_selectors(ignore)),
        where="--select" if chosen_select else "--extend-select",
    )
    _check_each(catalogue, chosen_select, "--select")
    _check_each(catalogue, split_selectors(extend_select), "--extend-select")
    _check_each(catalogue, split_selectors(ignore), "--ignore")
    chosen = select_codes(catalogue, [layer])
    sev = apply_severities(catalogue, severities or {})
    options = options or {}
    return [
        ActiveRule(r, sev[r.code], ActiveRule.default(r, options.get(r.name)).options)
        for r in catalogue
        if r.code in chosen
    ]


def _check_each(catalogue: Catalogue, selectors: Iterable[str], where: str) -> None:
    resolve(catalogue, selectors, where)
