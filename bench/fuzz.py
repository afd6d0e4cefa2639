"""Fuzz newslint's whole pipeline for a bounded time and record what breaks it.

    python bench/fuzz.py --seconds 600            # atheris if installed, else hypothesis
    python bench/fuzz.py --seconds 60 --engine hypothesis

The target (tests/fuzzing.py) reads arbitrary bytes as a file, lints them with
every rule in both readers, renders every output format and fixes them,
checking the invariants (no exception, spans inside the text, line/column
agreeing with offsets, determinism, byte-for-byte round trip). An input that
breaks one is written to tests/data/fuzz/ (the file name is its SHA-1), where
tests/test_properties.py replays it on every test run. Exit 0 when nothing was
found, 1 otherwise.

atheris (coverage-guided, ``pip install atheris``) is used when it imports;
otherwise hypothesis runs batch after batch of generated files (structured
news copy in several encodings and line endings, and raw bytes) until the
time is up.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOUND = ROOT / "tests" / "data" / "fuzz"
sys.path.insert(0, str(ROOT))


def record(data: bytes) -> Path:
    FOUND.mkdir(parents=True, exist_ok=True)
    path = FOUND / hashlib.sha1(data).hexdigest()
    path.write_bytes(data)
    return path


def with_hypothesis(seconds: float) -> int:
    from hypothesis import HealthCheck, given, settings

    from tests.fuzzing import fuzz_bytes
    from tests.test_properties import file_bytes

    deadline = time.monotonic() + seconds
    last: list[bytes] = [b""]
    examples = batches = 0

    @settings(
        max_examples=500,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=file_bytes())
    def target(data: bytes) -> None:
        nonlocal examples
        examples += 1
        last[0] = data  # hypothesis replays the smallest failing input last
        fuzz_bytes(data)

    found = 0
    while time.monotonic() < deadline:
        batches += 1
        try:
            target()
        except Exception:
            found += 1
            path = record(last[0])
            print(f"FOUND: {path.relative_to(ROOT)} ({len(last[0])} bytes)")
            traceback.print_exc(limit=-3)
    print(f"hypothesis: {examples} inputs in {batches} batches, {seconds:g} s: {found} found")
    return 1 if found else 0


def seed_corpus() -> Path:
    """libFuzzer's working corpus (.fuzz-corpus/, kept between runs), seeded
    with the seed article, a sample of the shared corpus and the inputs found
    before, each cut to 4 kB."""
    corpus = ROOT / ".fuzz-corpus"
    corpus.mkdir(exist_ok=True)
    from tests.conftest import CORPUS

    seeds = sorted((ROOT / "seeds").glob("*.txt")) + sorted(FOUND.glob("*"))
    if CORPUS.is_dir():
        seeds += sorted(CORPUS.rglob("*.txt"))[::50]
    for path in seeds:
        data = path.read_bytes()[:4096]
        (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return corpus


def dictionary() -> Path:
    """The pieces of news copy and markup the rules look at, as a libFuzzer dictionary."""
    from tests.test_properties import FRAGMENTS

    path = ROOT / ".fuzz-corpus.dict"
    lines = []
    for fragment in FRAGMENTS:
        escaped = "".join(f"\\x{b:02x}" for b in fragment.encode("utf-8"))
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")
    return path


def with_atheris(seconds: float) -> int:
    import atheris

    from tests.fuzzing import fuzz_bytes

    fuzz_bytes((ROOT / "seeds" / "000_461feee81b0fe1e6.txt").read_bytes())  # load every module
    atheris.instrument_all()  # coverage feedback from newslint's code, rules included
    FOUND.mkdir(parents=True, exist_ok=True)
    before = set(os.listdir(FOUND))
    corpus = seed_corpus()
    args = [
        sys.argv[0],
        f"-max_total_time={int(seconds)}",
        f"-artifact_prefix={FOUND}/",
        f"-dict={dictionary()}",
        "-max_len=4096",
        "-print_final_stats=1",
        str(corpus),
    ]
    atheris.Setup(args, fuzz_bytes)
    try:
        atheris.Fuzz()  # libFuzzer exits the process when the time is up or on a crash
    finally:
        new = set(os.listdir(FOUND)) - before
        for name in sorted(new):
            print(f"FOUND: tests/data/fuzz/{name}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60, help="how long to fuzz (default 60)")
    ap.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    args = ap.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    print(f"fuzzing with {engine} for {args.seconds:g} s")
    if engine == "atheris":
        return with_atheris(args.seconds)
    return with_hypothesis(args.seconds)


if __name__ == "__main__":
    sys.exit(main())
