"""Parallel runs and the findings cache: same findings, in the same order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import SEED

CLEAN = "Ministers agree budget deal\n\nThe deal was signed on Monday, officials said.\n"


def run(*args: str, cache: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NO_COLOR": "1",
        "NEWSLINT_CACHE_DIR": str(cache),
    }
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args], capture_output=True, text=True, env=env, cwd=cwd
    )


def _tree(root: Path, n: int) -> Path:
    seed = SEED.read_text(encoding="utf-8")
    for i in range(n):
        desk = root / f"desk{i % 3}"
        desk.mkdir(parents=True, exist_ok=True)
        text = seed if i % 2 == 0 else CLEAN
        (desk / f"story{i:03}.txt").write_text(
            text.replace("Panjshir", f"Panjshir{i}"), encoding="utf-8"
        )
    return root


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_parallel_run_gives_the_same_findings_in_the_same_order(tmp_path):
    tree = _tree(tmp_path / "articles", 60)
    one = run("check", "--format", "json", "--no-cache", "-j", "1", str(tree), cache=tmp_path / "c")
    two = run("check", "--format", "json", "--no-cache", "-j", "2", str(tree), cache=tmp_path / "c")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    findings = json.loads(one.stdout)
    assert len(findings) == 30 * 7
    assert [f["path"] for f in findings] == sorted(f["path"] for f in findings)
    assert not (tmp_path / "c").exists()  # --no-cache wrote nothing


def test_second_run_reads_the_cache_and_an_edit_or_new_settings_miss_it(tmp_path):
    tree = _tree(tmp_path / "articles", 20)
    cache = tmp_path / "cache"
    first = run("check", "--format", "json", str(tree), cache=cache)
    assert len(_entries(cache)) == 20
    assert (cache / "CACHEDIR.TAG").exists()
    second = run("check", "--format", "json", str(tree), cache=cache)
    assert second.stdout == first.stdout and second.returncode == 1
    assert len(_entries(cache)) == 20

    # An edited article is linted again; the others still come from the cache.
    story = tree / "desk0" / "story000.txt"
    story.write_text(
        story.read_text(encoding="utf-8").replace("anti Taliban", "anti-Taliban"), encoding="utf-8"
    )
    third = json.loads(run("check", "--format", "json", str(tree), cache=cache).stdout)
    assert len(_entries(cache)) == 21
    assert [f["name"] for f in third if f["path"] == str(story)].count("missing-hyphen") == 0
    assert len(third) == len(json.loads(first.stdout)) - 1

    # Other settings are another key: no stale findings.
    only = json.loads(
        run("check", "--format", "json", "--select", "NL104", str(tree), cache=cache).stdout
    )
    assert {f["code"] for f in only} == {"NL104"}


def test_a_corrupted_cache_entry_is_a_miss_and_is_rewritten(tmp_path):
    tree = _tree(tmp_path / "articles", 2)
    cache = tmp_path / "cache"
    first = run("check", "--format", "json", str(tree), cache=cache)
    for entry in _entries(cache):
        entry.write_text('{"format": 1, "findings": [["NL1", "x", "error", "m", 10, 5, null]]')
    again = run("check", "--format", "json", str(tree), cache=cache)
    assert again.stdout == first.stdout
    assert all(json.loads(e.read_text())["findings"] is not None for e in _entries(cache))


def test_concurrent_runs_share_one_cache_safely(tmp_path):
    tree = _tree(tmp_path / "articles", 40)
    cache = tmp_path / "cache"
    env = {"PATH": os.environ.get("PATH", ""), "NEWSLINT_CACHE_DIR": str(cache)}
    cmd = [sys.executable, "-m", "newslint", "check", "--format", "json", "-j", "1", str(tree)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env) for _ in range(3)]
    outs = [p.communicate()[0] for p in procs]
    assert outs[0] == outs[1] == outs[2]
    assert len(json.loads(outs[0])) == 20 * 7
    assert run("check", "--format", "json", str(tree), cache=cache).stdout == outs[0]


def test_clean_removes_the_cache(tmp_path):
    tree = _tree(tmp_path / "articles", 1)
    cache = tmp_path / "cache"
    run("check", str(tree), cache=cache)
    assert cache.is_dir()
    r = run("clean", cache=cache)
    assert (r.returncode, r.stdout) == (0, f"removed {cache}\n")
    assert not cache.exists()
    assert run("clean", cache=cache).stdout == ""


_COUNT_BUILDS = """
import json, os, sys
from newslint import harper_backend
from newslint.runner import RunOptions, run

built = []
original = harper_backend.HarperBackend.__init__

def counting(self, dialect):
    built.append(os.getpid())
    with open(sys.argv[2], "a") as log:
        log.write(f"{os.getpid()}\\n")
    original(self, dialect)

harper_backend.HarperBackend.__init__ = counting
cache = sys.argv[3] if len(sys.argv) > 3 else None
options = RunOptions(jobs=2, cache=cache is not None, cache_dir=cache, extend_select="grammar-typo")
result = run([sys.argv[1]], options)
print(json.dumps({"parent": os.getpid(), "findings": [
    [f.path.rsplit("/", 1)[-1], f.name, f.line, f.column] for f in result.findings
    if f.name == "grammar-typo"
]}))
"""


def _grammar_tree(root: Path) -> Path:
    """40 articles, every tenth with "to to" in it (a grammar-typo finding)."""
    root.mkdir()
    for i in range(40):
        slip = "They want to to win." if i % 10 == 0 else "They want to win."
        (root / f"story{i:02}.txt").write_text(f"Cup final\n\n{slip}\n", encoding="utf-8")
    return root


def _counted_run(tree: Path, log: Path, cache: Path | None = None) -> tuple[dict, list[str]]:
    """Run the grammar-typo rule over ``tree`` in 2 processes; return the report
    and the pids of the processes that built a Harper linter."""
    log.touch()
    args = [str(tree), str(log)] + ([str(cache)] if cache is not None else [])
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_BUILDS, *args],
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), log.read_text().split()


def test_a_parallel_run_builds_the_grammar_engine_once_before_the_workers_fork(tmp_path):
    tree = _grammar_tree(tmp_path / "articles")
    report, builds = _counted_run(tree, tmp_path / "builds.log")
    # One build, in the parent: both workers use the linter it forked with.
    assert builds == [str(report["parent"])]
    assert report["findings"] == [
        [f"story{i:02}.txt", "grammar-typo", 3, 11] for i in range(0, 40, 10)
    ]


def test_a_run_with_every_file_cached_builds_no_grammar_engine_and_starts_no_pool(tmp_path):
    tree = _grammar_tree(tmp_path / "articles")
    cache = tmp_path / "cache"
    first, first_builds = _counted_run(tree, tmp_path / "builds0.log", cache)
    second, second_builds = _counted_run(tree, tmp_path / "builds1.log", cache)
    # An edit: one miss, so the pool and the engine are back.
    (tree / "story05.txt").write_text("Cup final\n\nAll though it rained.\n")
    third, third_builds = _counted_run(tree, tmp_path / "builds2.log", cache)
    assert first_builds == [str(first["parent"])]
    assert second_builds == []  # every file a cache hit
    assert second["findings"] == first["findings"]
    assert third_builds == [str(third["parent"])]
    assert third["findings"] == sorted([*first["findings"], ["story05.txt", "grammar-typo", 3, 1]])
