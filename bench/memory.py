"""Peak memory of one run over a large archive: the shared corpus repeated to
20,000 articles (symlinks in a temporary tree), linted by the ``newslint``
command as a CI job runs it, one process and then in parallel.

    python bench/memory.py [--articles 20000] [--corpus ../shared/corpus]

Prints, for each run, the articles, the summary line, the wall time and the
peak resident memory of the largest process (the target: under 200 MB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_tree(corpus: Path, articles: int, into: Path) -> None:
    sources = sorted(corpus.rglob("*.txt"))
    if not sources:
        raise SystemExit(f"no articles under {corpus}")
    for i in range(articles):
        folder = into / f"desk{i // 1000:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{i:05d}.txt").symlink_to(sources[i % len(sources)])


def measure(args: list[str], cwd: Path) -> tuple[float, float, str, int]:
    """Wall seconds, peak RSS in MB of the largest process, the summary line, exit code."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    last = ""
    for line in proc.stdout:
        last = line.rstrip("\n")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    # The rusage of the waited child covers its own waited children (the
    # workers of a parallel run): ru_maxrss is the largest of them, in kB.
    return wall, usage.ru_maxrss / 1024, last, proc.returncode


def main() -> int:
    from tests.conftest import CORPUS

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslint-memory-") as tmp:
        tree = Path(tmp)
        build_tree(args.corpus, args.articles, tree)
        print(f"{args.articles} articles ({args.corpus} repeated)")
        print(f"{'run':34} {'wall (s)':>8} {'peak RSS (MB)':>14}  summary")
        runs = {
            "default rules, --jobs 1": ["check", "--no-cache", "--jobs", "1", "."],
            "default rules, all cores": ["check", "--no-cache", "."],
            "every rule (--select ALL), --jobs 1": [
                "check",
                "--no-cache",
                "--jobs",
                "1",
                "--select",
                "ALL",
                ".",
            ],
        }
        for name, argv in runs.items():
            wall, peak, summary, _ = measure(argv, tree)
            print(f"{name:34} {wall:8.1f} {peak:14.1f}  {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
