import operator
import re

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import folded_words, source_span

#: Two words, then the same two again ("to the to the"), with only spaces between.
_PAIR_TWICE = lazy(
    r"(?<![\w'’\-])([\w'’]+)[ \t\n]+([\w'’]+)[ \t\n]+(\1)[ \t\n]+(\2)(?![\w'’\-])",
    re.IGNORECASE,
)
#: Words that join a word to itself in idioms: "time and time again", "on and on
#: and on", "stronger and stronger and", "back to back", "side by side".
_JOINERS = frozenset(["and", "or", "to", "by", "on", "after", "upon", "for", "in", "over"])


@rule(
    code="NL205",
    name="repeated-phrase",
    category="wording",
    severity="error",
    message="Two words repeated",
    what='The same two words twice in a row, "to the to the", "him since him since": '
    "the trace of an edit that pasted a phrase again. Idioms that repeat a word around "
    '"and", "to" or "by" ("time and time again", "on and on and on", "to back to back", '
    '"side by side by side") and a doubled single word (the repeated-word rule\'s) are '
    'not flagged, nor are two capitalised words (a name or title: "New York, New York").',
    why="A phrase pasted twice reads as a stutter; readers notice it at once.",
    fix="Removes the second copy and the space before it (safe).",
    notes='On ../shared/corpus/ (1,438 BBC articles) it finds 4, all real: "return to '
    'the to the Real Madrid line-up", "the remit of the of the draft bill", "the deficit '
    'to fall to fall to 2.9%", "treated him since him since he defected".',
    bad=[
        Example(
            "Headline\n\nHe revelled in his return to the to the starting line-up.\n",
            at=(3, 27),
            fixed="Headline\n\nHe revelled in his return to the starting line-up.\n",
        ),
        Example("Headline\n\nThe deficit is expected to fall to fall\nto 2.9%.\n", at=(3, 25)),
    ],
    good=[
        "Headline\n\nHe has said it time and time and time again, on and on and on.\n",
        "Headline\n\nThey won back to back titles, side by side by side.\n",
        "Headline\n\nShe sang New York New York; that is, that is all.\n",
        "Headline\n\nThe the the end.\n",
    ],
)
def check(article, options):
    words = article.shared(folded_words)
    # Each word against the one two ahead: a finding needs two such in a row.
    # At C speed (map, bytes); most articles have none.
    if words is not None and b"\x01\x01" not in bytes(map(operator.eq, words, words[2:])):
        return
    for block in article.blocks:
        text = block.text
        for m in _PAIR_TWICE.finditer(text):
            first, second = m.group(1), m.group(2)
            a, b = first.lower(), second.lower()
            if a == b or b in _JOINERS or (a in _JOINERS and b in _IDIOM_WORDS):
                continue  # "the the the", "time and time and", "to back to back"
            if m.group(3)[:1].isupper() and m.group(4)[:1].isupper():
                continue  # "New York New York": a name or a title
            span = source_span(article, block, m.end(2), m.end(4))
            yield Hit(
                block.to_source(m.start(1)),
                block.to_source(m.end(4) - 1) + 1,
                message=f'Repeated words "{first} {second}"',
                fix=None
                if span is None
                else Fix.delete(*span, description=f'Remove the second "{first} {second}"'),
            )


#: Words that make "W to W", "W by W" idioms: back to back, side by side...
_IDIOM_WORDS = frozenset(
    [
        "back",
        "face",
        "day",
        "hand",
        "door",
        "head",
        "cheek",
        "nose",
        "toe",
        "shoulder",
        "wall",
        "coast",
        "end",
        "person",
        "peer",
        "mouth",
        "year",
        "month",
        "week",
        "house",
        "side",
        "one",
        "two",
        "step",
        "bit",
        "piece",
        "case",
        "game",
        "race",
        "match",
        "point",
        "man",
        "time",
        "neck",
        "heart",
        "eye",
        "page",
        "row",
        "layer",
        "street",
    ]
)
