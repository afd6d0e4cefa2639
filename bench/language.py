"""Language rules on the shared corpus: spelling per 1,000 words, and the time per
article with and without the grammar backend.

    python bench/language.py [--corpus ../shared/corpus] [--limit N]

Prints: the Harper linter's build time; per-article time (mean, median, p95; CPU
time of this process, so other load on the machine does not count) for the default
rules, for the default rules plus every language rule on its defaults, and for
Harper alone; spelling findings per 1,000 words and per 10 articles; and findings
per language rule.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time

from _corpus import DEFAULT_CORPUS


def _summary(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    mean, median = statistics.mean(ms), statistics.median(ms)
    return f"mean {mean:6.2f} ms  median {median:6.2f} ms  p95 {p95:6.2f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args()

    from newslint import readers
    from newslint.engine import check_article
    from newslint.errors import InputError
    from newslint.readability import word_count
    from newslint.selection import select_rules
    from newslint.sources import iter_article_paths, read_source

    paths = [p for p in iter_article_paths(args.corpus) if p.endswith(".txt")]
    if args.limit:
        paths = paths[: args.limit]
    articles = []
    for path in paths:
        try:
            source = read_source(path)
        except InputError:
            source = read_source(path, "latin-1")
        articles.append(readers.parse(source))
    words = sum(word_count(b.text) for a in articles for b in a.blocks)

    t0 = time.process_time()
    from newslint.harper_backend import harper_backend

    harper_backend()
    build = time.process_time() - t0

    default = select_rules()
    spelling = select_rules(select="spelling")
    curated = select_rules(
        extend_select="spelling,grammar,grammar-agreement,grammar-capitalization,"
        "grammar-typo,grammar-misc,grammar-formatting"
    )
    language = select_rules(extend_select="language")
    runs = {}
    findings: collections.Counter[str] = collections.Counter()
    spelled = 0
    # Smallest Harper configuration first: the backend only ever adds Harper rules.
    for label, rules in (
        ("default rules (no grammar backend)", default),
        ("spelling alone (Harper)", spelling),
        ("default + spelling + qualifying grammar", curated),
        ("default + every language rule (Harper)", language),
    ):
        times = []
        for article in articles:
            t = time.process_time()
            found = check_article(article, rules)
            times.append(time.process_time() - t)
            if rules is spelling:
                spelled += len(found)
            if rules is language:
                findings.update(f.name for f in found if f.code.startswith("NL6"))
        runs[label] = times

    n = len(articles)
    print(f"articles: {n}, words: {words}")
    print(f"Harper linter build (once per process): {build * 1000:.0f} ms CPU")
    for label, times in runs.items():
        print(f"{label:38} {_summary(times)}")
    spell = spelled
    print(
        f"spelling findings: {spell} = {1000 * spell / max(words, 1):.2f} per 1,000 words, "
        f"{10 * spell / max(n, 1):.2f} per 10 articles"
    )
    print(f"{'language rule':28} {'findings':>8}")
    for name, count in sorted(findings.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{name:28} {count:8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
