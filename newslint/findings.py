"""Values that flow from rules to reporters: severities, edits, fixes and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    """How serious a finding is. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected one of: error, warning, info)"
            ) from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Edit(NamedTuple):
    """Replace ``source.text[start:end]`` with ``replacement`` (normalised offsets)."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    """One or more edits that together mend a finding."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""

    @classmethod
    def replace(
        cls, start: int, end: int, replacement: str, *, safe: bool = True, description: str = ""
    ) -> Fix:
        return cls((Edit(start, end, replacement),), safe, description)

    @classmethod
    def delete(cls, start: int, end: int, *, safe: bool = True, description: str = "") -> Fix:
        return cls((Edit(start, end, ""),), safe, description)


class Hit(NamedTuple):
    """What a rule check yields: a span of the source, and optionally its own
    message (else the rule's) and a fix. Offsets are into ``Source.text``."""

    start: int
    end: int
    message: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True, order=True)
class Finding:
    """One reported problem, with 1-based positions counted in code points.

    ``end_line``/``end_column`` point just past the flagged text (exclusive),
    as SARIF and ruff do. ``offset``/``end_offset`` are the same span as
    code-point offsets into the normalised text (LF line endings, no BOM).
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)
    #: The flagged text (for fingerprints, baselines and reports).
    text: str = field(default="", compare=False)
    fix: Fix | None = field(default=None, compare=False)
