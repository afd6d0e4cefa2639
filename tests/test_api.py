"""The public Python API, and the Dask example from docs/api.md on a small tree."""

from __future__ import annotations

import pickle
import re

import pytest

import newslint
from newslint.api import InputError

from .conftest import ROOT, SEED


def test_lint_text_and_lint_paths_agree_and_findings_pickle(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    from_text = newslint.lint_text(text, str(story))
    from_paths = newslint.lint_paths([str(tmp_path)], isolated=True)
    assert [(f.code, f.line, f.column) for f in from_text] == [
        (f.code, f.line, f.column) for f in from_paths
    ]
    assert len(from_paths) == 7
    assert pickle.loads(pickle.dumps(from_paths)) == from_paths


def test_lint_paths_raises_or_skips_unreadable_files(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01 binary")
    (tmp_path / "good.txt").write_text("Headline.\n\nBody.\n")
    with pytest.raises(InputError):
        newslint.lint_paths([str(tmp_path)], isolated=True)
    found = newslint.lint_paths([str(tmp_path)], isolated=True, on_error="skip")
    assert [(f.name, f.path) for f in found] == [("headline-period", str(tmp_path / "good.txt"))]


def test_the_dask_example_in_the_docs_runs_on_a_small_tree(tmp_path, monkeypatch):
    pytest.importorskip("dask.bag")
    pytest.importorskip("dask.distributed")
    archive = tmp_path / "archive"
    archive.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(12):
        (archive / f"a{i:02}.txt").write_text(text if i % 3 == 0 else "Headline\n\nFine.\n")
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(import dask.bag.*?)```", doc, re.S).group(1)
    example = example.replace(
        "LocalCluster(n_workers=2, threads_per_worker=1)",
        "LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True)",
    )
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "lint_archive.py"
    script.write_text(example, encoding="utf-8")
    import subprocess
    import sys

    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.startswith("12 articles, 28 findings ")
