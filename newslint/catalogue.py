"""The rule catalogue: every rule module under ``rules/`` (``newslint.rules``)."""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Iterable

from . import rule as rule_module
from .rule import CATEGORIES, Rule

_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: Built-in rules are NL123; pack rules carry their pack's prefix (CMS001).
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")


class Catalogue:
    """All known rules, looked up by code, name, code prefix or category."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(sorted(rules, key=lambda r: r.code))
        self.by_code: dict[str, Rule] = {}
        self.by_name: dict[str, Rule] = {}
        for r in self.rules:
            if not _CODE.match(r.code):
                raise ValueError(
                    f"rule {r.name}: code {r.code!r} is not of the form NL123 or ABC123"
                )
            if not _KEBAB.match(r.name):
                raise ValueError(f"rule {r.code}: name {r.name!r} is not kebab-case")
            if r.category not in CATEGORIES:
                raise ValueError(f"rule {r.name}: unknown category {r.category!r}")
            if r.code in self.by_code:
                raise ValueError(f"rule code {r.code} is used twice")
            if r.name in self.by_name:
                raise ValueError(f"rule name {r.name} is used twice")
            self.by_code[r.code] = r
            self.by_name[r.name] = r

    def get(self, key: str) -> Rule | None:
        """A rule by exact code or name."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def resolve(self, selector: str) -> list[Rule]:
        """Rules matched by a selector: code, code prefix, name, category or ``ALL``.

        Returns an empty list for a selector that matches nothing.
        """
        s = selector.strip()
        if s.upper() == "ALL":
            return list(self.rules)
        one = self.get(s)
        if one is not None:
            return [one]
        if s.lower() in CATEGORIES:
            return [r for r in self.rules if r.category == s.lower()]
        if re.fullmatch(r"[A-Z]{2,4}\d{0,3}", s.upper()):
            return [r for r in self.rules if r.code.startswith(s.upper())]
        return []

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


@functools.cache
def builtin() -> Catalogue:
    """The rules shipped with newslint (imported once per process)."""
    import newslint.rules as rules_pkg

    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"newslint.rules.{info.name}")
    return Catalogue(rule_module._REGISTERED)
