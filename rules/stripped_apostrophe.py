import re

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text
from newslint.scrape import CURLY, STRAIGHT, apostrophe_style

#: "don t", "isn t", "can t": a negative contraction split at its apostrophe.
_NEGATIVE = (
    "don|doesn|didn|can|couldn|won|wouldn|shouldn|isn|aren|wasn|weren|hasn|haven|hadn"
    "|mustn|needn|ain|shan|mightn"
)
#: Pronouns that take "re", "ve", "ll", "m", "d".
_PRONOUN_SUFFIXES = {
    "re": {"you", "we", "they", "who", "what", "there"},
    "ve": {"i", "you", "we", "they", "who", "could", "would", "should", "might", "must"},
    "ll": {"i", "you", "he", "she", "it", "we", "they", "that", "there", "who", "what"},
    "m": {"i"},
    "d": {"i", "you", "he", "she", "we", "they"},
}
_NEGATIVES = frozenset(_NEGATIVE.split("|"))
#: The lone tokens a lost apostrophe leaves ("s", "t", "re"...).
_SUFFIXES = frozenset({"s", "t", "re", "ve", "ll", "m", "d"})
_PUNCTUATION = str.maketrans(dict.fromkeys('"“”()[]{}.,;:!?…-–—*_/', " "))
#: The same for a whole article in Latin-1, lower-casing too, every space (as
#: ``str.split`` sees it) as " "...
_PUNCTUATION_LATIN1 = byte_table(
    lambda c: " " if c.lower() in '"“”()[]{}.,;:!?…-–—*_/' or c.isspace() else c.lower()
)
#: ...where a lone suffix is a token between spaces (with a space added at each end).
_LONE_SUFFIX = re.compile(rb" (?:s|t|re|ve|ll|m|d) ")
#: A lone contraction suffix after a word and a space: "country s", "don t".
_SUFFIX = lazy(r"(?<=[^\W\d_] )(s|t|re|ve|ll|m|d)(?![\w'’\-])")
#: The word before it (not the tail of "O'Brien" or "rock 'n'").
_WORD_BEFORE = lazy(r"(?<!\w)(?<!\w['’])[^\W\d_]+$")


@rule(
    code="NL502",
    name="stripped-apostrophe",
    category="scrape",
    severity="error",
    message="Apostrophe lost to a space",
    what="An apostrophe replaced by a space, as scrapers and encoding conversions do: "
    '"Hollywood s biggest star", "the country s economy", "don t", "it s", '
    '"they re", "I m", "we ll". A lone lower-case "s" after a word, a "t" after a '
    'negative ("don", "isn", "won"...) and "re", "ve", "ll", "m" and "d" after a '
    'pronoun are flagged. Capital letters ("Mr S Jones", "Grade I D") and numbers '
    '("10 s") are not.',
    why='"the country s economy" is unreadable in print and breaks search: the '
    "apostrophe was there in the original copy and was lost on the way in.",
    fix="Puts the apostrophe back in the article's own style: curly (’) when the "
    "article writes its apostrophes curly, straight (') when straight. The message "
    "offers both variants; the fix is unsafe when the article has no apostrophes "
    "(or both kinds), since the style is then a guess.",
    bad=[
        Example(
            "Headline\n\nHollywood s biggest star said it's over.\n",
            at=(3, 10),
            fixed="Headline\n\nHollywood's biggest star said it's over.\n",
        ),
        Example(
            "Headline\n\nThe country s economy isn’t growing and they re worried.\n",
            at=((3, 12), (3, 45)),
            fixed="Headline\n\nThe country’s economy isn’t growing and they’re worried.\n",
        ),
        Example(
            "Headline\n\nWe don t know, it s early, I m told.\n", at=((3, 7), (3, 18), (3, 29))
        ),
    ],
    good=[
        "Headline\n\nThe country's economy isn't growing and they're worried.\n",
        "Headline\n\nMr S Jones won the 100m in 10 s and Grade I D was sold.\n",
        "Headline\n\nThe letters a to s were used. He will d the rest.\n",
    ],
)
def check(article, options):
    latin1 = article.shared(latin1_text)
    if latin1 is not None and not _LONE_SUFFIX.search(
        b" " + latin1.translate(_PUNCTUATION_LATIN1) + b" "
    ):
        return  # the pre-check below, over the whole article at once
    style: str | None = None
    style_known = False
    for block in article.blocks:
        text = block.text
        if _SUFFIXES.isdisjoint(text.lower().translate(_PUNCTUATION).split()):
            continue  # a fast pre-check at C speed: no lone suffix token
        for m in _SUFFIX.finditer(text):
            suffix = m.group(1)
            space = m.start() - 1
            w = _WORD_BEFORE.search(text, max(0, space - 40), space)
            if w is None:
                continue
            word = w.group(0)
            low = word.lower()
            if suffix == "s":
                if _not_possessive(text, w.start(), low):
                    continue
            elif suffix == "t":
                if low not in _NEGATIVES:
                    continue
            elif low not in _PRONOUN_SUFFIXES[suffix] or (
                suffix == "d" and not _before_verb(text, m.end())
            ):
                continue
            if not style_known:
                style, style_known = apostrophe_style(article), True
            start, end = block.to_source(space), block.to_source(m.end())
            curly = f"{word}’{suffix}"
            straight = f"{word}'{suffix}"
            mark = style or STRAIGHT
            first, second = (curly, straight) if mark == CURLY else (straight, curly)
            yield Hit(
                start,
                end,
                message=f'Apostrophe lost: "{word} {suffix}" should read "{first}" (or "{second}")',
                fix=Fix.replace(
                    start,
                    start + 1,
                    mark,
                    safe=style is not None,
                    description=f"Restore the apostrophe: {first}",
                ),
            )


#: Words that never take "’s": articles, prepositions, conjunctions.
_NEVER_POSSESSIVE = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "and",
        "or",
        "nor",
        "but",
        "than",
        "as",
        "via",
        "per",
    ]
)


def _not_possessive(text: str, start: int, word: str) -> bool:
    """A lone "s" that is not a lost "’s": a list of letters ("a to s")."""
    if word in _NEVER_POSSESSIVE:
        return True  # "the letters a to s"
    before = text[max(0, start - 20) : start].rstrip()
    return before.endswith(("letter", "letters"))


def _before_verb(text: str, i: int) -> bool:
    """After "I d", "we d": a following word that an auxiliary "’d" takes."""
    nxt = re.match(r"\s+([^\W\d_]+)", text[i : i + 30])
    if nxt is None:
        return False
    w = nxt.group(1).lower()
    return w in {"have", "like", "love", "rather", "better", "been", "never", "not", "be"} or (
        w.endswith("ed")
    )
