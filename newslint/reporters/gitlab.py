"""GitLab Code Quality: a JSON array of issues, shown on merge requests.

Each issue's ``fingerprint`` is stable across edits elsewhere in the file (rule,
path, flagged text and its context; never a line number), so GitLab can tell
new issues from old ones; identical slips in the same context are numbered.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..findings import Severity
from ..fingerprints import numbered
from . import Report

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def render(report: Report) -> str:
    issues: list[dict[str, Any]] = []
    for f, path, fp, n in numbered(report.findings, report.sources):
        issues.append(
            {
                "type": "issue",
                "engine_name": "newslint",
                "check_name": f.name,
                "description": f"{f.code} {f.name}: {f.message}",
                "categories": ["Style"],
                "fingerprint": hashlib.md5(f"{fp}:{n}".encode(), usedforsecurity=False).hexdigest(),
                "severity": SEVERITIES[f.severity],
                "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
