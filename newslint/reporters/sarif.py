"""SARIF 2.1.0, the format code-scanning services read (GitHub, Azure DevOps).

The whole rule catalogue goes in ``tool.driver.rules``; each result points at
its rule by ``ruleId`` and ``ruleIndex``. Columns count Unicode code points
(``run.columnKind``) and ``endColumn`` is exclusive, as SARIF defines it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Severity
from ..fingerprints import numbered
from ..rule import Rule
from . import Report

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a relative path, a ``file://`` URI for an absolute one."""
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path)


def rule_descriptor(r: Rule) -> dict[str, Any]:
    docs = r.docs()
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.message},
        "fullDescription": {"text": " ".join(r.what.split())},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": LEVELS[r.severity], "enabled": r.default_enabled},
        "properties": {"tags": [r.category], "fixable": r.fixable},
    }


def render(report: Report) -> str:
    from ..catalogue import builtin

    known = {r.code for r in builtin()}
    rules = list(builtin()) + [r for r in report.extra_rules if r.code not in known]
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f, path, fp, n in numbered(report.findings, report.sources):
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "snippet": {"text": f.text},
                        },
                    }
                }
            ],
            "partialFingerprints": {"newslintFingerprint/v1": f"{fp}:{n}"},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
