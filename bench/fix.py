"""Fix the whole shared corpus in-process, as it is and with the seed's slips
planted in every article: articles per second, fixes and rounds.

    python bench/fix.py [--corpus ../shared/corpus]

Planted in each article: the headline pasted again (with a full stop) as the
first paragraph, a double space, "the the" and a trailing "KASHMIR" tag. Prints
the throughput of ``fixer.fix_source`` (lint, fix, re-lint until settled) and
how many rounds articles needed; nothing is written to disk.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time

from _corpus import DEFAULT_CORPUS


def plant(text: str) -> str:
    head, sep, body = text.partition("\n\n")
    body = body.replace(" the ", " the the ", 1).replace(". ", ".  ", 1)
    end = len(body.rstrip())
    return f"{head}{sep}{head}.\n\n{body[:end]}\n\nKASHMIR{body[end:]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()

    from newslint.errors import InputError
    from newslint.fixer import fix_source
    from newslint.model import Source
    from newslint.selection import select_rules
    from newslint.sources import iter_article_paths, read_source

    rules = select_rules()
    sources = []
    for path in (p for p in iter_article_paths(args.corpus) if p.endswith(".txt")):
        try:
            sources.append(read_source(path))
        except InputError:
            sources.append(read_source(path, "latin-1"))
    if not sources:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    planted = [Source.from_raw(plant(s.original()), s.path, encoding=s.encoding) for s in sources]
    for label, batch in (("as is", sources), ("planted", planted)):
        rounds: collections.Counter[int] = collections.Counter()
        applied = 0
        t0 = time.perf_counter()
        for source in batch:
            outcome = fix_source(source, rules)
            rounds[outcome.rounds] += 1
            applied += outcome.applied
        elapsed = time.perf_counter() - t0
        print(
            f"{label:8} {len(batch)} articles in {elapsed:.2f} s "
            f"({len(batch) / elapsed:.0f} articles/s), {applied} fixes, "
            f"rounds: {dict(sorted(rounds.items()))}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
