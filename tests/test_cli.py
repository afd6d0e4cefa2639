"""The command line, run as users run it: output documents and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import SEED, SEEDS

CLEAN = "Ministers agree budget deal\n\nThe deal was signed on Monday, officials said.\n"


def run(*args: str, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_check_seed_prints_findings_with_caret_and_summary_and_exits_1():
    r = run("check", str(SEED))
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0] == (f"{SEED}:1:89: NL104 headline-period: Headline ends with a full stop")
    assert lines[1].endswith("Ahmad Massoud, leader mulling surrender.")
    assert lines[2].index("^") == lines[1].index("surrender.") + len("surrender")
    assert lines[-1] == "7 findings in 1 file"
    heads = [
        [*ln.split(": ", 1)[0].rsplit(":", 2)[1:], ln.split()[1]]
        for ln in lines
        if ln.startswith(str(SEED))
    ]
    assert heads == [
        ["1", "89", "NL104"],
        ["3", "1", "NL101"],
        ["5", "65", "NL203"],
        ["7", "84", "NL401"],
        ["11", "74", "NL301"],
        ["19", "261", "NL202"],
        ["31", "1", "NL103"],
    ]
    assert r.stderr == ""


def test_check_directory_recurses_and_json_has_the_documented_fields():
    r = run("check", "--format", "json", str(SEEDS))
    assert r.returncode == 1
    data = json.loads(r.stdout)
    # The seed twice: as plain text and as Markdown (seeds/*.md).
    assert [d["path"] for d in data] == [str(SEED.with_suffix(".md"))] * 7 + [str(SEED)] * 7
    first = data[7]
    assert {k: first[k] for k in first if k != "fix"} == {
        "path": str(SEED),
        "line": 1,
        "column": 89,
        "end_line": 1,
        "end_column": 90,
        "code": "NL104",
        "name": "headline-period",
        "severity": "warning",
        "message": "Headline ends with a full stop",
    }
    assert first["fix"] == {
        "applicability": "safe",
        "message": "Remove the full stop",
        "edits": [{"line": 1, "column": 89, "end_line": 1, "end_column": 90, "content": ""}],
    }
    quote = next(d for d in data[7:] if d["name"] == "unbalanced-quotes")
    assert (quote["line"], quote["column"], quote["fix"]) == (11, 74, None)


def test_clean_article_exits_0(tmp_path):
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN)
    r = run("check", str(article))
    assert (r.returncode, r.stdout, r.stderr) == (0, "No findings (1 file checked)\n", "")


def test_stdin_is_read_with_dash_and_named_by_stdin_filename():
    r = run("check", "--stdin-filename", "desk/story.txt", "-", stdin="Headline.\n\nBody.\n")
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == (
        "desk/story.txt:1:9: NL104 headline-period: Headline ends with a full stop"
    )


def test_missing_path_is_a_one_line_error_with_exit_2_and_other_files_still_linted(tmp_path):
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN)
    r = run("check", str(tmp_path / "nope.txt"), str(article))
    assert r.returncode == 2
    assert r.stderr == f"newslint: error: {tmp_path / 'nope.txt'}: no such file or directory\n"
    assert r.stdout == "No findings (1 file checked, 1 could not be read)\n"


def test_usage_errors_exit_2_with_one_line_and_no_traceback():
    for args, message in [
        (
            ("check", "--format", "xml", str(SEED)),
            "newslint: error: unknown format 'xml' "
            "(expected one of: text, json, html, sarif, github, junit, gitlab)\n",
        ),
        (
            ("check", "--select", "no-such-rule", str(SEED)),
            "newslint: error: unknown rule, code or category 'no-such-rule' in --select\n",
        ),
        (("check", "--xyzzy", str(SEED)), "newslint: error: No such option: --xyzzy\n"),
        (("explain", "NL999"), "newslint: error: unknown rule 'NL999' (see 'newslint rules')\n"),
    ]:
        r = run(*args)
        assert (r.returncode, r.stderr) == (2, message), args


def test_select_and_ignore_by_code_prefix_name_and_category():
    r = run(
        "check",
        "--format",
        "json",
        "--select",
        "NL1,wording",
        "--ignore",
        "missing-hyphen",
        str(SEED),
    )
    names = [d["name"] for d in json.loads(r.stdout)]
    assert names == [
        "headline-period",
        "duplicate-headline",
        "repeated-alternative",
        "trailing-section-tag",
    ]


def test_exit_zero_and_quiet():
    r = run("check", "--exit-zero", "--quiet", str(SEED))
    assert r.returncode == 0
    assert len([ln for ln in r.stdout.splitlines() if ln.startswith(str(SEED))]) == 7
    assert "findings in" not in r.stdout


def test_rules_lists_the_catalogue_and_explain_prints_docs():
    r = run("rules", "--format", "json")
    rules = {d["name"]: d for d in json.loads(r.stdout)}
    assert rules["unbalanced-quotes"] == {
        "code": "NL301",
        "name": "unbalanced-quotes",
        "category": "punctuation",
        "severity": "error",
        "default": True,
        "fixable": False,
        "summary": "Unbalanced quotation marks",
        "origin": "builtin",
    }
    assert rules["trailing-whitespace"]["default"] is False
    r = run("explain", "repeated-word")
    assert r.returncode == 0
    assert r.stdout.startswith("# repeated-word (NL201)\n")
    for section in ("## What it flags", "## Why it matters", "## Example", "## Use instead"):
        assert section in r.stdout


def test_control_and_invisible_characters_show_as_spaces_in_the_excerpt():
    """An escape sequence in an article must not drive the terminal, and a caret
    under a zero-width space needs a column to point at."""
    text = "Headline\n\nRed \x1b[31malert\x0bhere and Panj\u200bshir.\n"
    r = run(
        "check", "--select", "irregular-whitespace", "--stdin-filename", "a.txt", "-", stdin=text
    )
    assert r.returncode == 1
    assert r.stdout == (
        "a.txt:3:15: NL401 irregular-whitespace: Irregular whitespace: vertical tab\n"
        "    Red  [31malert here and Panj shir.\n"
        "    " + " " * 14 + "^\n"
        "a.txt:3:29: NL401 irregular-whitespace: Irregular whitespace: zero-width space\n"
        "    Red  [31malert here and Panj shir.\n"
        "    " + " " * 28 + "^\n"
        "2 findings in 1 file\n"
    )
