"""Baselines: record today's findings, then report only new ones."""

from __future__ import annotations

import json
import shutil

from .conftest import SEED
from .test_cli import run

STORY = (
    "Council approves budget\n\n"
    "The the council approved the budget on Monday.\n\n"
    "Officials said the plan would cost £2m.\n"
)


def test_write_then_check_reports_nothing_until_a_new_slip_appears(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    shutil.copy(SEED, desk / "seed.txt")
    (desk / "story.txt").write_text(STORY)
    r = run("baseline", "write", "newslint-baseline.json", "desk", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == (
        "Baseline newslint-baseline.json: 8 findings in 2 files recorded (2 files checked)\n"
    )
    data = json.loads((tmp_path / "newslint-baseline.json").read_text())
    assert data["newslint_baseline"] == 1
    assert [(e["path"], e["code"], e["name"], e["count"]) for e in data["findings"]] == [
        ("desk/seed.txt", "NL101", "duplicate-headline", 1),
        ("desk/seed.txt", "NL103", "trailing-section-tag", 1),
        ("desk/seed.txt", "NL104", "headline-period", 1),
        ("desk/seed.txt", "NL202", "repeated-alternative", 1),
        ("desk/seed.txt", "NL203", "missing-hyphen", 1),
        ("desk/seed.txt", "NL301", "unbalanced-quotes", 1),
        ("desk/seed.txt", "NL401", "irregular-whitespace", 1),
        ("desk/story.txt", "NL201", "repeated-word", 1),
    ]
    assert all(len(e["fingerprint"]) == 32 for e in data["findings"])

    r = run("check", "--baseline", "newslint-baseline.json", "desk", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (0, "No findings (2 files checked)\n", "")

    # Edits elsewhere (a new paragraph above, a changed sentence below) keep the
    # old finding matched although its line moved; a new slip is reported.
    (desk / "story.txt").write_text(
        "Council approves budget\n\n"
        "A new opening paragraph was added by the desk.\n\n"
        "The the council approved the budget on Monday.\n\n"
        "Officials said the plan would cost £3m and and more.\n"
    )
    r = run("check", "--baseline", "newslint-baseline.json", "desk", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == (
        'desk/story.txt:7:40: NL201 repeated-word: Repeated word "and"'
    )
    assert r.stdout.splitlines()[-1] == "1 finding in 1 file (2 files checked)"

    # From another directory, the baseline's paths still match (they are
    # relative to the baseline file).
    r = run(
        "check",
        "--baseline",
        str(tmp_path / "newslint-baseline.json"),
        "--format",
        "json",
        str(desk),
        cwd=desk,
    )
    assert [(d["line"], d["column"], d["code"]) for d in json.loads(r.stdout)] == [(7, 40, "NL201")]


def test_identical_findings_are_counted(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Vote delayed\n\nThe the vote.\n\nThe the vote.\n")
    r = run("baseline", "write", "--select", "NL201", "b.json", "story.txt", cwd=tmp_path)
    assert r.returncode == 0
    data = json.loads((tmp_path / "b.json").read_text())
    assert [(e["code"], e["count"]) for e in data["findings"]] == [("NL201", 2)]
    story.write_text("Vote delayed\n\nThe the vote.\n\nThe the vote.\n\nThe the vote.\n")
    r = run("check", "--select", "NL201", "--baseline", "b.json", "story.txt", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.splitlines()[-1] == "1 finding in 1 file"


def test_missing_or_corrupt_baseline_is_a_one_line_error(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    cases = {
        None: "newslint: error: baseline b.json: no such file\n",
        "{not json": "newslint: error: baseline b.json: not a newslint baseline "
        "(Expecting property name enclosed in double quotes)\n",
        "[]": "newslint: error: baseline b.json: not a newslint baseline "
        "(no 'newslint_baseline' version key)\n",
        '{"newslint_baseline": 9, "findings": []}': "newslint: error: baseline b.json: "
        "version 9 is not supported (expected 1)\n",
        '{"newslint_baseline": 1, "findings": [{"path": "a"}]}': "newslint: error: baseline "
        "b.json: not a newslint baseline (entry 0 lacks path, code or fingerprint)\n",
    }
    for content, message in cases.items():
        if content is not None:
            (tmp_path / "b.json").write_text(content)
        r = run("check", "--baseline", "b.json", "story.txt", cwd=tmp_path)
        assert (r.returncode, r.stdout, r.stderr) == (2, "", message), content


def test_write_refuses_when_an_input_cannot_be_read_and_keeps_the_old_file(tmp_path):
    (tmp_path / "b.json").write_text("old\n")
    (tmp_path / "bad.txt").write_bytes(b"Caf\x00 opens\n")
    r = run("baseline", "write", "b.json", "bad.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [
        "newslint: error: bad.txt: binary file (contains NUL bytes), not an article",
        "newslint: error: baseline b.json not written: some files could not be read",
    ]
    assert (tmp_path / "b.json").read_text() == "old\n"


def test_fix_mends_only_the_findings_the_baseline_does_not_hold(tmp_path):
    story = tmp_path / "story.txt"
    old = "Budget agreed\n\nThe the budget was agreed.\n"
    story.write_text(old)
    r = run("baseline", "write", "base.json", "story.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    story.write_text(old + "\nA vote vote followed.\n")
    r = run("check", "--fix", "--baseline", "base.json", "story.txt", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    assert story.read_text() == old + "\nA vote followed.\n"
