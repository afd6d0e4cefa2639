"""The pre-commit hook, run for real by the pre-commit package.

A snapshot of this checkout (its working tree, committed in a scratch
repository, so uncommitted changes are tested too) is the hook repository; an
editorial repository with a faulty article points at it from its
``.pre-commit-config.yaml``, exactly as the README shows. pre-commit builds its
own virtualenv and pip-installs newslint into it (from PyPI's packages only).
The configuration is the README's snippet with the address and revision filled in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

FAULTY = "Minister resigns over budget row\n\nThe the minister resigned on Monday.\n"
FIXED = "Minister resigns over budget row\n\nThe minister resigned on Monday.\n"


def readme_config(repo: Path, rev: str) -> str:
    """The README's pre-commit snippet, pointed at ``repo`` at ``rev``."""
    readme = (ROOT / "README.md").read_text()
    (snippet,) = [b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if "repos:" in b]
    config = yaml.safe_load(snippet)
    (entry,) = config["repos"]
    assert entry["hooks"] == [{"id": "newslint"}]
    entry["repo"], entry["rev"] = str(repo), rev
    return yaml.safe_dump(config)


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    r = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def snapshot(dest: Path) -> str:
    """Copy this checkout's files (tracked and new, not ignored) to a fresh
    repository, commit them and return the commit."""
    if (ROOT / ".git").exists():
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
        names = [n for n in listed.split("\0") if n and (ROOT / n).is_file()]
    else:
        names = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not {".venv", ".git", "__pycache__"} & set(p.parts)
        ]
    for name in names:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    git("init", "-q", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "snapshot", cwd=dest)
    return git("rev-parse", "HEAD", cwd=dest).strip()


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )


@pytest.mark.timeout(600)
def test_hook_fails_on_a_faulty_article_and_passes_once_it_is_fixed(tmp_path):
    pytest.importorskip("pre_commit")
    hooks = tmp_path / "newslint"
    hooks.mkdir()
    rev = snapshot(hooks)

    desk = tmp_path / "desk"
    desk.mkdir()
    git("init", "-q", cwd=desk)
    (desk / ".pre-commit-config.yaml").write_text(readme_config(hooks, rev))
    (desk / "story.txt").write_text(FAULTY)
    (desk / "notes.py").write_text("x = 'the the'\n")  # not an article: not linted
    git("add", "-A", cwd=desk)

    home = tmp_path / "pre-commit-home"
    r = pre_commit("run", "--all-files", cwd=desk, home=home)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "newslint" in r.stdout and "Failed" in r.stdout
    assert 'story.txt:3:1: NL201 repeated-word: Repeated word "the"\n' in r.stdout
    assert "notes.py" not in r.stdout

    (desk / "story.txt").write_text(FIXED)
    git("add", "-A", cwd=desk)
    r = pre_commit("run", "--all-files", cwd=desk, home=home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "newslint" in r.stdout and "Passed" in r.stdout

    # The opt-in fix hook mends the slip; pre-commit fails because it changed a file.
    config = yaml.safe_load((desk / ".pre-commit-config.yaml").read_text())
    config["repos"][0]["hooks"] = [{"id": "newslint-fix"}]
    (desk / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    (desk / "story.txt").write_text(FAULTY)
    git("add", "-A", cwd=desk)
    r = pre_commit("run", "--all-files", cwd=desk, home=home)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "newslint (fix)" in r.stdout and "files were modified by this hook" in r.stdout
    assert (desk / "story.txt").read_text() == FIXED
    git("add", "-A", cwd=desk)
    r = pre_commit("run", "--all-files", cwd=desk, home=home)
    assert r.returncode == 0, r.stdout + r.stderr
