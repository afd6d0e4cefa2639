"""What a rule is: metadata, documentation, examples and a check function.

A rule lives in one module of the catalogue (``rules/`` in the repository,
installed as :mod:`newslint.rules`)::

    from newslint.rule import rule, Example

    @rule(
        code="NL201",
        name="repeated-word",
        category="wording",
        severity="error",
        message="Repeated word",
        what="...", why="...",
        bad=[Example("...", at=(1, 5))], good=["..."],
    )
    def check(article, options):
        yield Hit(start, end)

Adding the module is all it takes: the catalogue finds it, the CLI lists and
explains it, and the test suite runs its examples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .findings import Hit, Severity
from .model import Article

CATEGORIES = (
    "structure",
    "wording",
    "punctuation",
    "whitespace",
    "scrape",
    "language",
    "readability",
    "style",
    "meta",
)

CheckFunction = Callable[[Article, Mapping[str, Any]], Iterable[Hit]]


@dataclass(frozen=True)
class Example:
    """An article text, and for a bad example where the rule must report.

    ``at`` is a tuple of ``(line, column)`` pairs, or a single pair, that the
    rule must report exactly (other findings of the rule are not allowed).
    ``fixed`` is the text after applying the rule's fixes, where it has one.
    A ``format`` of ``"markdown"`` parses the text as Markdown.
    ``raw`` holds the file's bytes for an example about the bytes themselves
    (made with :meth:`from_bytes`): the example runner reads it as a file is
    read, and ``text`` shows it in the docs.
    """

    text: str
    at: tuple[tuple[int, int], ...] = ()
    fixed: str | None = None
    format: str = "plain"
    options: Mapping[str, Any] = field(default_factory=dict)
    raw: bytes | None = None

    @classmethod
    def from_bytes(cls, raw: bytes, text: str | None = None, **kwargs: Any) -> Example:
        """An example given as file bytes. The docs show ``text``, by default the
        bytes read as UTF-8 with bad bytes as ``\\xNN``."""
        if text is None:
            text = raw.decode("utf-8", errors="backslashreplace")
        return cls(text, raw=raw, **kwargs)

    def __post_init__(self) -> None:
        at: Any = self.at
        if at and isinstance(at[0], int):
            object.__setattr__(self, "at", (tuple(at),))


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    what: str
    why: str
    check: CheckFunction
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    default_enabled: bool = True
    fix: str = ""
    fixable: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)
    #: Where the rule comes from: ``builtin`` or the pack's name.
    origin: str = "builtin"
    #: Free text on measurements behind the rule's defaults.
    notes: str = ""
    #: Work the rule needs once per process, given its options (building a
    #: grammar engine). The runner calls it before it forks worker processes,
    #: so the workers share what it built instead of each building it again.
    prepare: Callable[[Mapping[str, Any]], None] | None = None

    @property
    def summary(self) -> str:
        return self.message

    def docs(self) -> str:
        """The rule's documentation in ruff's sections, as Markdown."""
        parts = [
            f"# {self.name} ({self.code})",
            "",
            f"Category: {self.category} · default severity: {self.severity.value} · "
            f"{'on' if self.default_enabled else 'off'} by default"
            f"{'' if self.origin == 'builtin' else ' when its pack is loaded'} · "
            f"{'fixable' if self.fixable else 'not fixable'}"
            + ("" if self.origin == "builtin" else f" · pack: {self.origin}"),
            "",
            "## What it flags",
            self.what.strip(),
            "",
            "## Why it matters",
            self.why.strip(),
            "",
            "## Example",
        ]
        for ex in self.bad:
            parts += ["```text", ex.text.rstrip("\n"), "```"]
        parts += ["", "## Use instead"]
        for ex in self.good:
            parts += ["```text", ex.text.rstrip("\n"), "```"]
        if self.fix:
            parts += ["", "## Fix", self.fix.strip()]
        if self.options:
            parts += ["", "## Options", f"Under `[rules.{self.name}]`:"]
            for key, value in self.options.items():
                parts.append(f"- `{key}` (default: `{_toml_value(value)}`)")
        if self.notes:
            parts += ["", "## Measurements", self.notes.strip()]
        return "\n".join(parts) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list | tuple):
        inner = ", ".join(_toml_value(v) for v in value)
        return f"[{inner}]"
    return str(value)


def _examples(items: Iterable[Example | str]) -> tuple[Example, ...]:
    return tuple(i if isinstance(i, Example) else Example(i) for i in items)


#: Rules registered by importing catalogue modules, in import order.
_REGISTERED: list[Rule] = []


def rule(
    *,
    code: str,
    name: str,
    category: str,
    severity: str,
    message: str,
    what: str,
    why: str,
    bad: Iterable[Example | str],
    good: Iterable[Example | str],
    default_enabled: bool = True,
    fix: str = "",
    options: Mapping[str, Any] | None = None,
    notes: str = "",
    prepare: Callable[[Mapping[str, Any]], None] | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule; decorate its check function."""

    def decorate(func: CheckFunction) -> Rule:
        r = Rule(
            code=code,
            name=name,
            category=category,
            severity=Severity.parse(severity),
            message=message,
            what=what,
            why=why,
            check=func,
            bad=_examples(bad),
            good=_examples(good),
            default_enabled=default_enabled,
            fix=fix,
            fixable=bool(fix),
            options=dict(options or {}),
            notes=notes,
            prepare=prepare,
        )
        _REGISTERED.append(r)
        return r

    return decorate
