"""``--changed-since REV`` on a real git repository."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .test_cli import run
from .test_precommit import git

OLD = "Budget agreed\n\nThe the budget was agreed.\n\nIt passed by 200 votes.\n"


def findings(r: subprocess.CompletedProcess[str]) -> list[tuple[str, int, int, str]]:
    return [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(r.stdout)]


def newsroom(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    (repo / "desk").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=repo)
    for name in ("committed.txt", "staged.txt", "unstaged.txt", "untouched.txt"):
        (repo / "desk" / name).write_text(OLD)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "archive", cwd=repo)
    return repo


def test_only_changed_files_and_changed_lines_are_reported(tmp_path):
    repo = newsroom(tmp_path)
    desk = repo / "desk"
    # Committed after the base revision: a new slip on line 5.
    (desk / "committed.txt").write_text(OLD.replace("by 200", "by by 200"))
    git("commit", "-q", "-am", "edit", cwd=repo)
    # Staged: a new paragraph with a slip (line 7); the old slip on line 3 stays.
    (desk / "staged.txt").write_text(OLD + "\nA vote vote followed.\n")
    git("add", "desk/staged.txt", cwd=repo)
    # Unstaged: line 3 rewritten, still with a slip.
    (desk / "unstaged.txt").write_text(OLD.replace("was agreed", "was finally agreed"))
    # New, untracked: every finding counts.
    (desk / "new.txt").write_text("New story.\n\nThe the end.\n")
    # Ignored files are not linted.
    (repo / ".gitignore").write_text("drafts/\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "draft.txt").write_text("Draft.\n\nThe the draft.\n")

    r = run("check", "--format", "json", "--changed-since", "main~1", ".", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert findings(r) == [
        ("./desk/committed.txt", 5, 11, "NL201"),
        ("./desk/new.txt", 1, 10, "NL104"),
        ("./desk/new.txt", 3, 1, "NL201"),
        ("./desk/staged.txt", 7, 3, "NL201"),
        ("./desk/unstaged.txt", 3, 1, "NL201"),
    ]
    # The text report counts only changed files as checked.
    r = run("check", "--changed-since", "main~1", "desk", cwd=repo)
    assert r.stdout.splitlines()[-1] == "5 findings in 4 files"

    # Against the latest commit, the committed edit is no longer a change.
    r = run("check", "--format", "json", "--changed-since", "HEAD", "desk", cwd=repo)
    assert ("desk/committed.txt", 5, 11, "NL201") not in findings(r)
    assert len(findings(r)) == 4


def test_nothing_changed_means_nothing_to_report(tmp_path):
    repo = newsroom(tmp_path)
    r = run("check", "--changed-since", "HEAD", "desk", cwd=repo)
    assert (r.returncode, r.stdout, r.stderr) == (0, "No findings (0 files checked)\n", "")


def test_bad_revision_or_no_repository_is_a_one_line_error(tmp_path):
    repo = newsroom(tmp_path)
    r = run("check", "--changed-since", "no-such-branch", "desk", cwd=repo)
    assert (r.returncode, r.stdout, r.stderr) == (
        2,
        "",
        "newslint: error: --changed-since: unknown git revision 'no-such-branch'\n",
    )
    r = run("check", "--changed-since", "--all", "desk", cwd=repo)
    assert r.returncode == 2
    assert r.stderr == "newslint: error: --changed-since: unknown git revision '--all'\n"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text(OLD)
    r = run("check", "--changed-since", "HEAD", "a.txt", cwd=outside)
    assert (r.returncode, r.stdout, r.stderr) == (
        2,
        "",
        f"newslint: error: --changed-since: {os.path.realpath(outside)} "
        "is not in a git repository\n",
    )


def test_fix_mends_only_what_the_run_reports_on_changed_lines(tmp_path):
    repo = newsroom(tmp_path)
    story = repo / "desk" / "staged.txt"
    story.write_text(OLD + "\nA vote vote followed.\n")
    r = run("check", "--fix", "--changed-since", "main", "desk/staged.txt", cwd=repo)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.splitlines()[-1] == "No findings (1 file checked, 1 fix applied)"
    # The old slip on an unchanged line is the archive's, not this change's: left alone.
    assert story.read_text() == OLD + "\nA vote followed.\n"
