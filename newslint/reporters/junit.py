"""JUnit XML, as CI dashboards read it: one test case per file checked, one
failure per finding (a clean file is a passing test case)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from . import Report

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def render(report: Report) -> str:
    by_path: dict[str, list] = {p: [] for p in report.paths}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    # A test case fails once however many failures it holds: ``failures``
    # counts failing files, as JUnit consumers expect (failures <= tests).
    failing = sum(1 for findings in by_path.values() if findings)
    suites = ET.Element(
        "testsuites",
        name="newslint",
        tests=str(len(by_path)),
        failures=str(failing),
        errors="0",
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="newslint",
        tests=str(len(by_path)),
        failures=str(failing),
        errors="0",
        skipped="0",
    )
    for path, findings in by_path.items():
        case = ET.SubElement(
            suite, "testcase", name=_xml_text(path), classname="newslint", file=_xml_text(path)
        )
        for f in findings:
            failure = ET.SubElement(
                case,
                "failure",
                message=_xml_text(f"{f.line}:{f.column}: {f.code} {f.name}: {f.message}"),
                type=f.code,
            )
            failure.text = _xml_text(
                f"{f.path}:{f.line}:{f.column}: {f.code} {f.name} ({f.severity.value}): {f.message}"
            )
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
