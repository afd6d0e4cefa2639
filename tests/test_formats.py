"""Every output format, parsed back: the seed article's findings, exactly."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from newslint.catalogue import builtin
from newslint.reporters.github import escape_data, escape_property

from .conftest import ROOT, SEED
from .test_cli import CLEAN, run

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
JSON_SCHEMA = json.loads((ROOT / "docs" / "newslint-json-v1.schema.json").read_text())

# (code, name, severity, line, column, end_line, end_column)
SEED_FINDINGS = [
    ("NL104", "headline-period", "warning", 1, 89, 1, 90),
    ("NL101", "duplicate-headline", "error", 3, 1, 3, 90),
    ("NL203", "missing-hyphen", "warning", 5, 65, 5, 77),
    ("NL401", "irregular-whitespace", "warning", 7, 84, 7, 86),
    ("NL301", "unbalanced-quotes", "error", 11, 74, 11, 75),
    ("NL202", "repeated-alternative", "error", 19, 261, 19, 275),
    ("NL103", "trailing-section-tag", "error", 31, 1, 31, 8),
]
SEED_MESSAGES = {
    "NL104": "Headline ends with a full stop",
    "NL101": "Headline repeated as a body paragraph",
    "NL203": '"anti Taliban" should be hyphenated: "anti-Taliban"',
    "NL401": "Irregular whitespace: space, no-break space",
    "NL301": "Opening quote mark left dangling at the end of the paragraph; "
    "its quotation is not in this paragraph",
    "NL202": '"1980s or 1980s": the same word on both sides of "or"',
    "NL103": 'Section tag "KASHMIR" left at the end of the article',
}


def desk(tmp_path: Path) -> Path:
    """A desk directory with the seed article and a clean one; returns it."""
    d = tmp_path / "desk"
    d.mkdir()
    shutil.copy(SEED, d / "seed.txt")
    (d / "clean.txt").write_text(CLEAN)
    return d


def check(tmp_path: Path, *args: str):
    desk(tmp_path)
    return run("check", *args, "desk", cwd=tmp_path)


def test_json_validates_against_the_documented_schema_and_keeps_the_array_shape(tmp_path):
    r = check(tmp_path, "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    jsonschema.Draft202012Validator.check_schema(JSON_SCHEMA)
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(data)
    assert isinstance(data, list)
    assert [
        (
            d["code"],
            d["name"],
            d["severity"],
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
        )
        for d in data
    ] == SEED_FINDINGS
    assert {d["path"] for d in data} == {"desk/seed.txt"}
    assert {d["code"]: d["message"] for d in data} == SEED_MESSAGES


def test_json_schema_rejects_a_document_of_another_shape():
    bad = [{"path": "a.txt", "line": 0, "column": 1}]
    errors = list(jsonschema.Draft202012Validator(JSON_SCHEMA).iter_errors(bad))
    assert errors


def test_sarif_validates_against_the_official_schema_with_catalogue_and_regions(tmp_path):
    r = check(tmp_path, "--format", "sarif")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    assert doc["version"] == "2.1.0"
    (run_,) = doc["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "newslint"
    catalogue = list(builtin())
    assert [d["id"] for d in driver["rules"]] == [r.code for r in catalogue]
    hyphen = next(d for d in driver["rules"] if d["id"] == "NL203")
    rule = builtin().get("NL203")
    assert hyphen["name"] == "missing-hyphen"
    assert hyphen["shortDescription"] == {"text": rule.message}
    assert hyphen["help"] == {"text": rule.docs(), "markdown": rule.docs()}
    assert hyphen["fullDescription"]["text"] == " ".join(rule.what.split())
    assert hyphen["defaultConfiguration"]["level"] == "warning"
    levels = {"error": "error", "warning": "warning", "info": "note"}
    got = []
    for result in run_["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        (loc,) = result["locations"]
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == "desk/seed.txt"
        region = loc["physicalLocation"]["region"]
        got.append(
            (
                result["ruleId"],
                driver["rules"][result["ruleIndex"]]["name"],
                next(k for k, v in levels.items() if v == result["level"]),
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
            )
        )
        assert result["message"]["text"] == SEED_MESSAGES[result["ruleId"]]
    assert got == SEED_FINDINGS


def test_sarif_of_a_clean_run_is_valid_and_empty(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN)
    r = run("check", "--format", "sarif", "clean.txt", cwd=tmp_path)
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    assert doc["runs"][0]["results"] == []


def test_github_workflow_commands(tmp_path):
    r = check(tmp_path, "--format", "github")
    assert r.returncode == 1
    commands = {"error": "error", "warning": "warning", "notice": "info"}
    got = []
    for line in r.stdout.splitlines():
        assert line.startswith("::")
        command, rest = line[2:].split(" ", 1)
        props, message = rest.split("::", 1)
        p = dict(kv.split("=", 1) for kv in props.split(","))
        assert p["file"] == "desk/seed.txt"
        code, name = p["title"].split(" ")
        assert message == escape_data(SEED_MESSAGES[code])
        got.append(
            (
                code,
                name,
                commands[command],
                int(p["line"]),
                int(p["col"]),
                int(p["endLine"]),
                int(p["endColumn"]),
            )
        )
    assert got == SEED_FINDINGS
    assert r.stdout.splitlines()[2] == (
        "::warning file=desk/seed.txt,line=5,col=65,endLine=5,endColumn=77,"
        'title=NL203 missing-hyphen::"anti Taliban" should be hyphenated: "anti-Taliban"'
    )


def test_github_escaping_of_data_and_property_values(tmp_path):
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    weird = tmp_path / "a,b:100%.txt"
    weird.write_text("Headline.\n\nBody.\n")
    r = run("check", "--format", "github", weird.name, cwd=tmp_path)
    assert r.stdout == (
        "::warning file=a%2Cb%3A100%25.txt,line=1,col=9,endLine=1,endColumn=10,"
        "title=NL104 headline-period::Headline ends with a full stop\n"
    )


def test_junit_has_one_case_per_file_and_one_failure_per_finding(tmp_path):
    r = check(tmp_path, "--format", "junit")
    assert r.returncode == 1
    assert r.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(r.stdout)
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"desk/clean.txt", "desk/seed.txt"}
    assert list(cases["desk/clean.txt"]) == []
    got = []
    severity = {c: s for c, _, s, *_ in SEED_FINDINGS}
    for failure in cases["desk/seed.txt"].iter("failure"):
        code = failure.get("type")
        where, rest = failure.get("message").split(f": {code} ", 1)
        name, message = rest.split(": ", 1)
        assert message == SEED_MESSAGES[code]
        line, column = map(int, where.split(":"))
        assert failure.text == (
            f"desk/seed.txt:{line}:{column}: {code} {name} ({severity[code]}): {message}"
        )
        got.append((code, name, line, column))
    assert got == [(c, n, ln, col) for c, n, _, ln, col, _, _ in SEED_FINDINGS]


def test_junit_stays_well_formed_with_control_characters_in_a_file_name(tmp_path):
    (tmp_path / "odd\x01.txt").write_text("Budget deal.\n\nThe deal was signed.\n")
    r = run("check", "--format", "junit", "odd\x01.txt", cwd=tmp_path)
    root = ET.fromstring(r.stdout)
    assert [c.get("name") for c in root.iter("testcase")] == ["odd\\x01.txt"]
    assert [f.get("type") for f in root.iter("failure")] == ["NL104"]


def test_gitlab_code_quality(tmp_path):
    r = check(tmp_path, "--format", "gitlab")
    assert r.returncode == 1
    issues = json.loads(r.stdout)
    severities = {"major": "error", "minor": "warning", "info": "info"}
    got = []
    for issue in issues:
        code, name = issue["description"].split(":", 1)[0].split(" ")
        assert issue["check_name"] == name
        assert issue["description"] == f"{code} {name}: {SEED_MESSAGES[code]}"
        assert issue["location"]["path"] == "desk/seed.txt"
        assert len(issue["fingerprint"]) == 32
        lines = issue["location"]["lines"]
        got.append((code, name, severities[issue["severity"]], lines["begin"], lines["end"]))
    assert got == [(c, n, s, ln, el) for c, n, s, ln, _, el, _ in SEED_FINDINGS]
    assert len({i["fingerprint"] for i in issues}) == 7


def test_gitlab_fingerprints_survive_edits_elsewhere_and_number_duplicates(tmp_path):
    story = tmp_path / "story.txt"
    body = "Vote delayed\n\nThe the vote was delayed.\n\nIt was the the second delay.\n"
    story.write_text(body)
    first = json.loads(run("check", "--format", "gitlab", "story.txt", cwd=tmp_path).stdout)
    story.write_text(body.replace("\n\n", "\n\nA new opening paragraph.\n\n", 1))
    moved = json.loads(run("check", "--format", "gitlab", "story.txt", cwd=tmp_path).stdout)
    assert [i["location"]["lines"]["begin"] for i in first] == [3, 5]
    assert [i["location"]["lines"]["begin"] for i in moved] == [5, 7]
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in first]
    # The same slip in the same words twice: two issues, two fingerprints.
    story.write_text("Vote delayed\n\nThe the vote.\n\nThe the vote.\n")
    twice = json.loads(
        run("check", "--format", "gitlab", "--select", "NL201", "story.txt", cwd=tmp_path).stdout
    )
    assert len(twice) == 2 and twice[0]["fingerprint"] != twice[1]["fingerprint"]


def test_output_file_holds_the_report_and_stdout_stays_empty(tmp_path):
    desk(tmp_path)
    r = run("check", "--format", "sarif", "--output-file", "out.sarif", "desk", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (1, "", "")
    doc = json.loads((tmp_path / "out.sarif").read_text())
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    assert len(doc["runs"][0]["results"]) == 7
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".newslint-")] == []


def test_statistics_counts_findings_per_rule(tmp_path):
    d = desk(tmp_path)
    (d / "more.txt").write_text(
        "Vote delayed.\n\nThe the vote was delayed and and so was the the count.\n"
    )
    r = run("check", "--statistics", "desk", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.splitlines()[:3] == [
        "3  NL201  repeated-word         error    [fixable]",
        "2  NL104  headline-period       warning  [fixable]",
        "1  NL101  duplicate-headline    error    [fixable]",
    ]
    assert len(r.stdout.splitlines()) == 8
    r = run("check", "--statistics", "--format", "json", "desk", cwd=tmp_path)
    stats = {d["name"]: d for d in json.loads(r.stdout)}
    assert stats["repeated-word"] == {
        "code": "NL201",
        "name": "repeated-word",
        "severity": "error",
        "count": 3,
        "fixable": True,
    }
    assert stats["unbalanced-quotes"]["count"] == 1
    assert stats["unbalanced-quotes"]["fixable"] is False
    r = run("check", "--statistics", "--format", "sarif", "desk", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (
        2,
        "newslint: error: --statistics prints text or json, not sarif\n",
    )


def test_fail_level_decides_which_severity_fails_the_run(tmp_path):
    (tmp_path / "warn.txt").write_text("Headline.\n\nBody.\n")  # only a warning
    assert run("check", "warn.txt", cwd=tmp_path).returncode == 1
    assert run("check", "--fail-level", "info", "warn.txt", cwd=tmp_path).returncode == 1
    assert run("check", "--fail-level", "warning", "warn.txt", cwd=tmp_path).returncode == 1
    r = run("check", "--fail-level", "error", "warn.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout.splitlines()[0] == (
        "warn.txt:1:9: NL104 headline-period: Headline ends with a full stop"
    )
    assert run("check", "--fail-level", "error", str(SEED)).returncode == 1
    r = run("check", "--fail-level", "fatal", "warn.txt", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (
        2,
        "",
        "newslint: error: --fail-level: unknown severity 'fatal' "
        "(expected one of: error, warning, info)\n",
    )


def test_quiet_prints_nothing_on_clean_copy(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN)
    r = run("check", "--quiet", "clean.txt", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_sarif_lists_rule_pack_rules_used_in_the_run(tmp_path):
    (tmp_path / "story.txt").write_text(
        "Exam results out\n\nClick here to see the full list of results.\n"
    )
    r = run("check", "--pack", "cms", "--format", "sarif", "story.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    (run_,) = doc["runs"]
    rules = run_["tool"]["driver"]["rules"]
    (result,) = run_["results"]
    assert result["ruleId"] == "CMS003"
    assert rules[result["ruleIndex"]]["id"] == "CMS003"
    assert rules[result["ruleIndex"]]["defaultConfiguration"]["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    r = run("check", "--pack", "cms", "--format", "json", "story.txt", cwd=tmp_path)
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(json.loads(r.stdout))


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


@given(st.text(alphabet=st.sampled_from("ab%:,\r\n%25 "), max_size=30))
def test_github_escaping_round_trips_and_leaves_no_separator(value):
    prop = escape_property(value)
    assert not set(prop) & {",", ":", "\r", "\n"}
    assert _unescape(prop) == value
    data = escape_data(value)
    assert not set(data) & {"\r", "\n"}
    assert _unescape(data) == value


def test_sarif_columns_count_code_points_in_a_crlf_file_with_a_bom(tmp_path):
    (tmp_path / "story.txt").write_bytes(
        "\ufeffMarkets rally\r\n\r\nTraders 😀 said the the rally held.\r\n".encode()
    )
    r = run("check", "--format", "sarif", "story.txt", cwd=tmp_path)
    doc = json.loads(r.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    (result,) = doc["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["ruleId"] == "NL201"
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 16, 23)
    assert region["snippet"] == {"text": "the the"}
