import itertools
import operator
import re

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import (
    FOLD_DROPPED,
    FOLD_LATIN1,
    folded_words,
    source_span,
    word_set,
)
from newslint.text import FUNCTION_WORDS

# A word, then whitespace (a line break included) and optionally an opening
# quote, then the same word. Words with digits never count (scores: "6-4 6-4").
# A run of repeats ("the the the") is one finding.
# Possessive and atomic where backtracking cannot change the match: a word is
# matched whole, and each further repeat must end a word, so a run of repeats
# ("a a a ...", any length) is matched in linear time and constant memory.
_PAIR = lazy(
    r"(?<![\w'’\-.])([^\W\d_]++(?:['’][^\W\d_]++)?+)(\s+[\"“‘']?)(\1)(?![\w'’\-])"
    r"(?:\s+\1(?![\w'’\-]))*+",
    re.IGNORECASE,
)

#: Doublings that are grammatical or idiomatic.
DEFAULT_ALLOW = [
    "had",
    "that",
    "this",
    "bye",
    "very",
    "really",
    "so",
    "no",
    "ha",
    "knock",
    "tut",
    "chop",
    "yada",
    "blah",
    "cha",
    "pom",
    "ylang",
    "dum",
    "boo",
    "now",
    "yes",
    "well",
    "there",
    "far",
    "long",
    "wait",
]


@rule(
    code="NL201",
    name="repeated-word",
    category="wording",
    severity="error",
    message="Repeated word",
    what='The same word twice in a row, "the the", also across a line break or an '
    'opening quote ("a \\"a job"). Grammatical doublings ("had had", "that '
    'that"), reduplicated names written with capitals ("Bafana Bafana"), a common '
    'word followed by the same word as a title ("law lord Lord Bingham") and '
    'numbers or scores ("6-4 6-4") are not flagged.',
    why="A doubled word is the commonest trace of a hurried edit, and readers notice it at once.",
    fix="Removes the second word and the space before it (safe).",
    options={"allow": DEFAULT_ALLOW},
    bad=[
        Example(
            "Headline\n\nIt was a staple of the the firm's business.\n",
            at=(3, 20),
            fixed="Headline\n\nIt was a staple of the firm's business.\n",
        ),
        Example("Headline\n\nHe said his side will\nwill not give up.\n", at=(3, 18)),
        Example("Headline\n\nThe The minister spoke.\n", at=(3, 1)),
        Example('Headline\n\nHe would have a "a job" to do.\n', at=(3, 15)),
        Example("Headline\n\nShe was talking in in the hall.\n", at=(3, 17)),
        Example("Headline\n\nIt's it's a deal, and they don’t don’t know.\n", at=((3, 1), (3, 28))),
    ],
    good=[
        "Headline\n\nThe plant had had to be replaced.\n",
        "Headline\n\nHe stressed that that was the motive.\n",
        "Headline\n\nBafana Bafana won 6-4 6-4 against the senior law lord Lord Bingham.\n",
        "Headline\n\nIt was over. Over the years things changed.\n",
        "Headline\n\nShe said bye bye to the crowd.\n",
    ],
)
def check(article, options):
    words = article.shared(folded_words)
    if words is not None and b"\x01" not in bytes(map(operator.eq, words, words[1:])):
        return  # the pre-check below, over the whole article at once
    allow = word_set(options.get("allow", DEFAULT_ALLOW))
    for block in article.blocks:
        text = block.text
        if not _may_repeat(text):
            continue
        for m in _PAIR.finditer(text):
            first, gap, second = m.group(1), m.group(2), m.group(3)
            word = second.lower()
            if first.lower() != word or word in allow:
                continue
            if second[0].isupper() and not (first[0].isupper() and word in FUNCTION_WORDS):
                # "Bafana Bafana", "Duran Duran" (names), "law lord Lord Bingham"
                # (a title): a capitalised second word is left alone unless both
                # are a capitalised function word ("The The minister").
                continue
            start = block.to_source(m.start(1))
            end = block.to_source(m.end())
            fix = None
            span = source_span(article, block, m.end(1), m.end())
            if not gap.strip() and span is not None:
                # The fix is certain only when nothing but space separates them;
                # 'a "a job' needs a human to decide where the quote opens.
                fix = Fix.delete(*span, description=f'Remove the second "{second}"')
            yield Hit(start, end, message=f'Repeated word "{second}"', fix=fix)


#: The same for text outside Latin-1 (the pre-check's str fallback).
_DROP = str.maketrans({**dict.fromkeys(FOLD_DROPPED, " "), **dict.fromkeys("'’")})


def _may_repeat(text: str) -> bool:
    """A fast pre-check: are two neighbouring tokens the same word, once case and
    punctuation are dropped? Most paragraphs have no repeat, and this runs at C
    speed; the regular expression then decides."""
    try:
        # bytes.translate is many times faster than str.translate.
        words: list[str] | list[bytes] = text.encode("latin-1").translate(FOLD_LATIN1, b"'").split()
    except UnicodeEncodeError:
        words = text.lower().translate(_DROP).split()
    return any(map(operator.eq, words, itertools.islice(words, 1, None)))
