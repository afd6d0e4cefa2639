"""GitHub Actions workflow commands: one annotation per finding.

``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message``
(``warning`` and ``notice`` for the other severities). GitHub's escaping: the
message escapes ``%``, ``\\r`` and ``\\n``; property values also ``:`` and ``,``.
Paths are relative to the current directory (the workspace root in a workflow).
"""

from __future__ import annotations

from ..findings import Severity
from ..fingerprints import portable_path
from . import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    paths: dict[str, str] = {}
    for f in report.findings:
        if f.path not in paths:
            paths[f.path] = portable_path(f.path)
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", paths[f.path]),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"{f.code} {f.name}"),
            )
        )
        lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(f.message)}\n")
    return "".join(lines)
