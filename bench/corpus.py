"""Lint the whole shared corpus: articles per second and findings per rule.

    python bench/corpus.py [--corpus ../shared/corpus] [--show RULE] [--pack cms]
    python bench/corpus.py --pack cms --select CMS     # one pack's rules only

Prints the throughput (one process) and, per rule, how many findings and how
many articles they fall in; ``--show RULE`` prints each finding of a rule with
its text, for review.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time

from _corpus import DEFAULT_CORPUS


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--show", action="append", default=[], help="print findings of this rule")
    ap.add_argument("--select", default=None, help="rules to run (default: the defaults)")
    ap.add_argument(
        "--pack", action="append", default=[], help="load this rule pack (name or folder)"
    )
    args = ap.parse_args()

    from newslint import readers
    from newslint.engine import check_article
    from newslint.errors import InputError
    from newslint.packs import catalogue_with, load_packs
    from newslint.selection import select_rules
    from newslint.sources import iter_article_paths, read_source

    rules = select_rules(select=args.select, catalogue=catalogue_with(load_packs(args.pack)))
    paths = [p for p in iter_article_paths(args.corpus) if p.endswith(".txt")]
    per_rule: collections.Counter[str] = collections.Counter()
    articles_per_rule: dict[str, set[str]] = collections.defaultdict(set)
    shown = []
    unreadable = 0
    t0 = time.perf_counter()
    for path in paths:
        try:
            source = read_source(path)
            if source.problem is not None:  # not UTF-8: an archive file in Latin-1
                source = read_source(path, "latin-1")
        except InputError:
            unreadable += 1
            continue
        for f in check_article(readers.parse(source), rules):
            per_rule[f.name] += 1
            articles_per_rule[f.name].add(path)
            if f.name in args.show or f.code in args.show:
                line = source.line_text(f.line)
                a = max(0, f.column - 50)
                shown.append(
                    f"{os.path.relpath(path, args.corpus)}:{f.line}:{f.column}: {f.name}: "
                    f"{f.message}\n    {line[a : f.column + 60]!r}"
                )
    elapsed = time.perf_counter() - t0
    n = len(paths)
    print(f"articles: {n} ({unreadable} unreadable)")
    print(f"time: {elapsed:.2f} s, {n / elapsed:.0f} articles/s (one process)")
    print(f"findings: {sum(per_rule.values())}")
    print(f"{'rule':32} {'findings':>8} {'articles':>8} {'% articles':>10}")
    for name, count in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        k = len(articles_per_rule[name])
        print(f"{name:32} {count:8} {k:8} {100 * k / n:9.1f}%")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
