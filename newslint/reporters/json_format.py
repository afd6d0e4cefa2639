"""The JSON format: one array of finding objects (see docs/json.md)."""

from __future__ import annotations

import json
from typing import Any

from ..findings import Finding
from ..model import Source
from . import Report


def finding_dict(f: Finding, source: Source | None) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        edits = []
        for e in f.fix.edits:
            if source is not None:
                a, b = source.position(e.start), source.position(e.end)
                where = {
                    "line": a.line,
                    "column": a.column,
                    "end_line": b.line,
                    "end_column": b.column,
                }
            else:
                where = {}
            edits.append({**where, "content": e.replacement})
        fix = {
            "applicability": "safe" if f.fix.safe else "unsafe",
            "message": f.fix.description,
            "edits": edits,
        }
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "fix": fix,
    }


def render(report: Report) -> str:
    data = [finding_dict(f, report.sources.get(f.path)) for f in report.findings]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
