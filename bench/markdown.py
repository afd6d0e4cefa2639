"""The Markdown reader against the plain-text reader on the same articles.

    python bench/markdown.py [--corpus ../shared/corpus] [--repeat 3]

Every corpus article is copied to Markdown (front matter title + paragraphs,
escaped only where Markdown would read the text as markup: see
tests/markdown_copy.py). Prints, for the plain text and the Markdown copy, the
time to read (parse into the article model) and the time to check (parse and
run the default rules), the Markdown/plain ratios (the target is at most 3x for
a whole check), whether the findings agree after shifting, and what had to be
escaped.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


from _corpus import DEFAULT_CORPUS  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = ap.parse_args()
    sys.path.insert(0, ROOT)

    from newslint import readers
    from newslint.engine import check_article
    from newslint.errors import InputError
    from newslint.model import Source
    from newslint.selection import select_rules
    from newslint.sources import iter_article_paths, read_source
    from tests.markdown_copy import to_markdown

    rules = select_rules()
    plain: list[Source] = []
    markdown: list[Source] = []
    copies = []
    escaped: collections.Counter[str] = collections.Counter()
    for path in iter_article_paths(args.corpus):
        if not path.endswith(".txt"):
            continue
        try:
            source = read_source(path)
        except InputError:
            source = read_source(path, "latin-1")
        copy = to_markdown(source.text)
        escaped.update(copy.escaped)
        copies.append(copy)
        plain.append(source)
        markdown.append(Source.from_raw(copy.text, path[:-4] + ".md"))
    readers.parse(markdown[0])  # import markdown-it once, outside the timings

    def best(fn) -> float:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    def read(sources):
        return lambda: [readers.parse(s) for s in sources]

    def check(sources):
        return lambda: [check_article(readers.parse(s), rules) for s in sources]

    n = len(plain)
    rp, rm = best(read(plain)), best(read(markdown))
    cp, cm = best(check(plain)), best(check(markdown))
    print(f"articles: {n}")
    print(f"{'':8} {'plain':>10} {'markdown':>10} {'ratio':>6}")
    print(f"{'read':8} {rp * 1000:8.0f}ms {rm * 1000:8.0f}ms {rm / rp:5.1f}x")
    print(f"{'check':8} {cp * 1000:8.0f}ms {cm * 1000:8.0f}ms {cm / cp:5.2f}x")
    print(f"per article: read {rm / n * 1e6:.0f} us as Markdown, {rp / n * 1e6:.0f} us as plain")
    # Copy without markup is split into paragraphs directly; the rest goes
    # through markdown-it. Time the articles that hold markup on their own.
    from newslint.readers.front_matter import read_front_matter
    from newslint.readers.markdown import _needs_parser

    marked = [
        k
        for k, s in enumerate(markdown)
        if _needs_parser(s.text, getattr(read_front_matter(s.text), "end", 0))
    ]
    if marked:
        mp = best(read([plain[k] for k in marked]))
        mm = best(read([markdown[k] for k in marked]))
        cpm = best(check([plain[k] for k in marked]))
        cmm = best(check([markdown[k] for k in marked]))
        print(
            f"articles holding markup ({len(marked)}, through markdown-it): read "
            f"{mm / len(marked) * 1e6:.0f} us vs {mp / len(marked) * 1e6:.0f} us "
            f"({mm / mp:.1f}x), check {cmm / cpm:.2f}x"
        )

    same = 0
    for source, md_source, copy in zip(plain, markdown, copies, strict=True):
        expected = [
            (f.name, *copy.position(f.line, f.column), *copy.position(f.end_line, f.end_column))
            for f in check_article(readers.parse(source), rules)
        ]
        got = [
            (f.name, f.line, f.column, f.end_line, f.end_column)
            for f in check_article(readers.parse(md_source), rules)
        ]
        same += got == expected
    print(f"same findings (shifted): {same}/{n} articles")
    print("escaped to keep the same paragraphs:")
    for what, count in escaped.most_common():
        print(f"  {what:28} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
