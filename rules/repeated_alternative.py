import re

from newslint.findings import Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text, word_set
from newslint.text import FUNCTION_WORDS

# "X or X", "X and X", "X nor X" with no punctuation between: X is one word,
# name, number or decade ("1980s"). What follows the pair is captured to tell
# a closed pair from "clothing and clothing accessories".
_CONJUNCTION = lazy(r"[ \t\n]+(and|or|nor)[ \t\n]+")
_WORD = r"[^\W_]+(?:[’'.\-][^\W_]+)*"
# The word just before a conjunction (searched in a short window ending there)...
_BEFORE = lazy(rf"(?<![\w'’\-.&/])({_WORD})\Z")
# ...and the word after it, with what follows.
_AFTER = lazy(rf"({_WORD})(?![\w'’&/]|-\w)([ \t\n]*)(\S*)")
_WINDOW = 60
#: For a whole article in Latin-1: lower case, and every character that cannot be
#: in the word before a conjunction (see the look-behind of _BEFORE) as a space...
_SPACED = byte_table(lambda c: c.lower() if c.isalnum() or c in "_'’-.&/" else " ")  # \w or '’-.&/
#: ...where a finding needs a word before a conjunction that the text after it
#: starts with: the pre-check that skips most articles at C speed.
_QUICK = re.compile(rb" ([^ ]++) ++(?:and|or|nor) ++(?:(?:the|a|an|his|her|its|their) ++)?\1")
#: Determiners that may open the second side: "the 1990s or the 1990s".
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their"])

#: Words that legitimately double with "and": iteration and idiom.
DEFAULT_ALLOW = [
    "more",
    "less",
    "again",
    "over",
    "round",
    "around",
    "on",
    "through",
    "neck",
    "by",
    "up",
    "down",
    "in",
    "out",
    "off",
    "back",
    "time",
    "times",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "miles",
    "pages",
    "ages",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "rows",
    "layers",
    "tons",
    "side",
    "bit",
    "bits",
    "step",
    "inch",
    "inches",
    "far",
    "wider",
    "faster",
    "higher",
    "ever",
    "so",
    "such",
    "head",
    "heads",
    "then",
]


#: Auxiliaries and common reporting verbs: a subject "X and X" ends before them.
_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "said",
        "say",
        "says",
        "told",
        "did",
        "do",
        "does",
    ]
)


def _iterative(word: str, conjunction: str, allow: frozenset[str]) -> bool:
    w = word.lower()
    if w in allow:
        return True
    if conjunction != "and":
        return False
    # Comparatives and progressives iterate: "better and better", "building and building".
    return (w.endswith("er") and len(w) > 4) or w.endswith("ing")


def _differs_before(text: str, end: int, second: str) -> bool:
    """A fast pre-check: whether the text just before ``end`` certainly does not
    end with ``second`` (case aside), so no word before the conjunction can be
    the same word. Only ASCII text is judged; anything else is left to
    :data:`_BEFORE` (lower-casing may change the length of other letters)."""
    prev = text[max(0, end - len(second)) : end]
    return prev.isascii() and second.isascii() and prev.lower() != second.lower()


@rule(
    code="NL202",
    name="repeated-alternative",
    category="wording",
    severity="error",
    message="The same word on both sides of a conjunction",
    what='"X or X", "X and X" or "X nor X" with the same word, name, number or '
    'decade on both sides ("the 1980s or 1980s", "Delhi and Delhi"). Idioms of '
    'repetition stay quiet: "more and more", "again and again", "over and over", '
    '"round and round", "on and on", "neck and neck", "through and through", '
    '"miles and miles", comparatives ("better and better") and -ing forms '
    '("building and building"). So does a pair whose second word starts a longer '
    'name or compound ("Bank and Bank of China", "clothing and clothing stores").',
    why="One side of the alternative was meant to be something else: an edit "
    "replaced the wrong word, and the sentence now says nothing.",
    options={"allow": DEFAULT_ALLOW},
    bad=[
        Example("Headline\n\nThis is not the 1980s or 1980s, he said.\n", at=(3, 17)),
        Example("Headline\n\nFlights from Delhi and Delhi were cancelled.\n", at=(3, 14)),
        Example("Headline\n\nIt was neither Delhi nor Delhi, but Mumbai.\n", at=(3, 16)),
        Example("Headline\n\nIt is not the 1990s or the 1990s, he said.\n", at=(3, 15)),
    ],
    good=[
        "Headline\n\nMore and more people came, again and again, on and on.\n",
        "Headline\n\nIt was neck and neck through and through; miles and miles of road.\n",
        "Headline\n\nChina Construction Bank and Bank of China gained.\n",
        "Headline\n\nSales at clothing and clothing accessory stores rose.\n",
        "Headline\n\nThings got better and better, and it kept building and building.\n",
        "Headline\n\nYou should change, and change now.\n",
        "Headline\n\nA bank or a bank branch; the north and the north-east.\n",
    ],
)
def check(article, options):
    latin1 = article.shared(latin1_text)
    if latin1 is not None and _QUICK.search(b" " + latin1.translate(_SPACED)) is None:
        return
    allow = word_set(options.get("allow", DEFAULT_ALLOW))
    for block in article.blocks:
        text = block.text
        for c in _CONJUNCTION.finditer(text):
            behind = _AFTER.match(text, c.end())
            determiner = ""
            if behind is not None and behind.group(1).lower() in _DETERMINERS:
                # Compare the word after the determiner: "the 1990s or the 1990s".
                determiner = behind.group(1) + " "
                behind = _AFTER.match(text, behind.end(2))
            if behind is None or _differs_before(text, c.start(), behind.group(1)):
                continue
            before = _BEFORE.search(text, max(0, c.start() - _WINDOW), c.start())
            if before is None:
                continue
            first, conj = before.group(1), c.group(1)
            second, space, after = behind.group(1, 2, 3)
            if first.lower() != second.lower() or _iterative(first, conj, allow):
                continue
            if first.lower() in FUNCTION_WORDS:
                # "in and in", "it and it": leave function words to other rules.
                continue
            if after and space and after[0].isalnum():
                # The pair must be closed. With "or"/"nor", punctuation, the end
                # or a function word closes it; a content word or "of" continues
                # the second X into a longer unit ("Bank and Bank of China").
                # "and" also joins clauses and compounds ("maternity pay and pay
                # the credit", "head teachers and teachers in"), so there only
                # punctuation, the end or a verb closes it.
                word = re.match(r"[\w'’]+", after)
                nxt = word.group(0).lower() if word else after.lower()
                if conj == "and":
                    if nxt not in _VERBS:
                        continue
                elif nxt == "of" or nxt not in FUNCTION_WORDS:
                    continue
            yield Hit(
                block.to_source(before.start(1)),
                block.to_source(behind.end(1)),
                message=f'"{first} {conj} {determiner}{second}": the same word on both sides '
                f'of "{conj}"',
            )
