"""GitHub Actions workflow commands: one annotation per finding.

``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message``
(``warning`` and ``notice`` for the other severities). GitHub's escaping: the
message escapes ``%``, ``\\r`` and ``\\n``; property values also ``:`` and ``,``.
"""

from __future__ import annotations

from ..findings import Severity
from . import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for f in report.findings:
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"{f.code} {f.name}"),
            )
        )
        lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(f.message)}\n")
    return "".join(lines)
