"""The GitHub Actions workflow and the GitLab CI job in docs/ci.md, run as written.

The ``newslint`` commands are taken from the documented YAML as it stands and run
by a shell with the variables GitHub and GitLab set, on a scratch repository whose
pull request adds a slip to an archive that already has one.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from .conftest import ROOT
from .test_precommit import git

CI_DOC = ROOT / "docs" / "ci.md"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

OLD_STORY = "Archive story\n\nThe the archive had this slip already.\n"
STORY = "Budget agreed\n\nMinisters agreed the budget.\n\nIt passed on Monday.\n"
STORY_PR = "Budget agreed\n\nMinisters agreed the budget.\n\nIt passed on on Monday.\n"


def documented_yaml() -> list[dict]:
    blocks = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(), flags=re.S)
    return [yaml.safe_load(b) for b in blocks]


def github_commands() -> list[str]:
    (workflow,) = [d for d in documented_yaml() if "jobs" in d]
    steps = workflow["jobs"]["newslint"]["steps"]
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload")]
    assert upload and upload[0]["with"]["sarif_file"] == "newslint.sarif"
    return [s["run"] for s in steps if s.get("run", "").startswith("newslint ")]


def gitlab_job() -> dict:
    (job,) = [d["newslint"] for d in documented_yaml() if "script" in d.get("newslint", {})]
    return job


def pull_request(tmp_path: Path) -> Path:
    """A repository on a feature branch that adds a slip; origin/main is the base."""
    repo = tmp_path / "newsroom"
    (repo / "desk").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=repo)
    (repo / "desk" / "archive.txt").write_text(OLD_STORY)
    (repo / "desk" / "budget.txt").write_text(STORY)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "archive", cwd=repo)
    git("update-ref", "refs/remotes/origin/main", "HEAD", cwd=repo)
    git("checkout", "-q", "-b", "feature", cwd=repo)
    (repo / "desk" / "budget.txt").write_text(STORY_PR)
    git("commit", "-q", "-am", "edit", cwd=repo)
    return repo


def shell(command: str, repo: Path, **env: str) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin"
    return subprocess.run(
        ["bash", "-c", command],
        cwd=repo,
        env={"PATH": path, "NO_COLOR": "1", **env},
        capture_output=True,
        text=True,
    )


def test_github_workflow_commands(tmp_path):
    repo = pull_request(tmp_path)
    annotate, sarif = github_commands()

    r = shell(annotate, repo, GITHUB_BASE_REF="main")
    assert (r.returncode, r.stderr) == (1, "")
    assert r.stdout == (
        "::error file=desk/budget.txt,line=5,col=11,endLine=5,endColumn=16,"
        'title=NL201 repeated-word::Repeated word "on"\n'
    )

    r = shell(sarif, repo, GITHUB_BASE_REF="main")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    doc = json.loads((repo / "newslint.sarif").read_text())
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    results = doc["runs"][0]["results"]
    assert [
        (
            res["ruleId"],
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            res["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for res in results
    ] == [("NL201", "desk/archive.txt", 3), ("NL201", "desk/budget.txt", 5)]


def test_gitlab_job_commands(tmp_path):
    repo = pull_request(tmp_path)
    job = gitlab_job()
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    commands = [c for c in job["script"] if c.startswith("newslint ")]
    assert len(commands) == 2
    quality, changed = commands
    env = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}

    r = shell(quality, repo, **env)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    issues = json.loads((repo / "gl-code-quality-report.json").read_text())
    assert [
        (i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
        for i in issues
    ] == [
        ("repeated-word", "major", "desk/archive.txt", 3),
        ("repeated-word", "major", "desk/budget.txt", 5),
    ]

    r = shell(changed, repo, **env)
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == (
        './desk/budget.txt:5:11: NL201 repeated-word: Repeated word "on"'
    )
    assert r.stdout.splitlines()[-1] == "1 finding in 1 file"


def test_readme_shows_the_same_commands_as_the_ci_doc():
    readme = (ROOT / "README.md").read_text()
    for command in github_commands():
        assert command in readme
