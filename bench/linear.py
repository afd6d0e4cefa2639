"""Every default rule is linear in the article's length: pathological 1 MB and
2 MB paragraphs (quote marks, repeated words and pairs, pasted sentences, spaces,
open ages, wrong articles) are linted, and the
time ratio 2 MB / 1 MB is printed (about 2 means linear).

    python bench/linear.py
"""

from __future__ import annotations

import time

from newslint.api import lint_text

CASES = {
    "straight quotes": '"',
    "curly quotes": "“",
    "quote then space": '" ',
    "repeated word": "the ",
    "or-alternatives": "1980s or ",
    "spaces": "a  ",
    "no-break spaces": "a\u00a0",
    "prefix": "anti ",
    "glued sentences": "a.Ba",
    "glued question marks": "a?B",
    "lost quotes": "?a,? ",
    "mojibake": "Ã©â€™",
    "brackets": "((a)",
    "doubled commas": "a,,",
    "space before comma": "a ,",
    "lost apostrophes": "a s don t ",
    "pasted pairs": "to the ",
    "pasted sentences": "The decision was expected by markets. ",
    "open ages": "a 12 year old ",
    "wrong articles": "a easy ",
    "single quotes": "'a ",
}


def timed(text: str) -> float:
    t0 = time.perf_counter()
    lint_text(text)
    return time.perf_counter() - t0


def main() -> None:
    print(f"{'input':18} {'1 MB (s)':>9} {'2 MB (s)':>9} {'ratio':>6}")
    for name, unit in CASES.items():
        one = "Headline\n\n" + unit * (1_000_000 // len(unit))
        two = "Headline\n\n" + unit * (2_000_000 // len(unit))
        a, b = timed(one), timed(two)
        print(f"{name:18} {a:9.3f} {b:9.3f} {b / a:6.2f}")


if __name__ == "__main__":
    main()
