"""The findings cache: a first run over the corpus (empty cache) against a second
run over the unchanged tree (every file a hit), as a CI job or a pre-commit hook
on a big tree runs them.

    python bench/cache.py [--corpus ../shared/corpus] [--repeat 3]

For the default rules and with the Harper grammar rules (NL602-NL612) added,
prints the median wall seconds of each run over --repeat fresh caches and the
ratio (the target: a second run at least 10x faster than the first). With the
default rules a whole uncached run is a fraction of a second, so most of a
second run is the fixed cost of any run (start-up, walking the tree, reading and
hashing each file): the ratio is the cache's worth where linting is dear.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import DEFAULT_CORPUS
from peers import harper_grammar_rules


def timed(cmd: list[str], cache: str) -> float:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": cache}
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    base = [sys.executable, "-m", "newslint", "check", "--quiet"]
    configs = {
        "default rules": [],
        "with Harper grammar": ["--extend-select", ",".join(harper_grammar_rules())],
    }
    print(f"corpus: {args.corpus}, cores: {os.cpu_count()}, repeat: {args.repeat}")
    print(f"\n{'rules':22} {'first (s)':>10} {'second (s)':>11} {'ratio':>7}")
    for label, extra in configs.items():
        firsts, seconds = [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as cache:
                cmd = [*base, *extra, str(args.corpus)]
                firsts.append(timed(cmd, cache))
                seconds.append(timed(cmd, cache))
        first, second = statistics.median(firsts), statistics.median(seconds)
        print(f"{label:22} {first:10.2f} {second:11.2f} {first / second:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
