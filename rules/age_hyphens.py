import re

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import source_span

_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred"
)
#: What comes before "old" in an age compound: a number (figures or words,
#: "twenty-five"), a space or a hyphen, year/month/week/day, a space or a hyphen.
_BEFORE_OLD = lazy(
    rf"(?<![\w.,])(\d{{1,3}}|(?:{_UNITS})(?:-(?:{_UNITS}))?)([ -])(year|month|week|day)([ -])$",
    re.IGNORECASE,
)
#: Words before "one year old" that make it a compound ("a one year old boy").
_DETERMINERS = frozenset(
    ["a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "my", "your"]
)
_WORD_BEFORE = lazy(r"([^\W\d_]+)\W*$")
#: How far back the number may start: "seventy-seven month " is 20 characters.
_REACH = 24


@rule(
    code="NL204",
    name="age-hyphens",
    category="wording",
    severity="warning",
    message="Age compound without its hyphens",
    what='An age written as a compound with a space in it: "a 12 year old girl", "a 41 '
    'year-old", "11 year olds", "a two week old baby". Ages used as a noun or before '
    'one take two hyphens ("12-year-old", "11-year-olds"). "Five years old", with '
    '"years", is not a compound, nor is "one year old" after a verb ("the baby is '
    'one year old"): neither is flagged.',
    why="Without both hyphens the words do not read as one age (a 12 year-old girl) and "
    "the copy looks unedited; every major news style guide hyphenates them.",
    fix="Writes the compound with hyphens (safe).",
    notes="On ../shared/corpus/ (1,438 BBC articles, where 139 compounds of this kind "
    "are hyphenated) it finds 11, all with a space left in: 12 year-old, 41 year-old, "
    "11 year olds, 14-16 year olds, 25-year olds...",
    bad=[
        Example(
            "Headline\n\nThe 12 year old girl was found safe.\n",
            at=(3, 5),
            fixed="Headline\n\nThe 12-year-old girl was found safe.\n",
        ),
        Example(
            "Headline\n\nOnly a quarter of 14-16 year olds knew.\n",
            at=(3, 22),
            fixed="Headline\n\nOnly a quarter of 14-16-year-olds knew.\n",
        ),
        Example(
            "Headline\n\nThe 41 year-old striker and two twenty-five-year olds signed.\n",
            at=((3, 5), (3, 33)),
            fixed="Headline\n\nThe 41-year-old striker and two twenty-five-year-olds signed.\n",
        ),
    ],
    good=[
        "Headline\n\nThe 12-year-old girl and 11-year-olds in the class.\n",
        "Headline\n\nShe is five years old, and the firm is 100 years old.\n",
        "Headline\n\nA year old rule, the 1990 year, 3.5 year old data.\n",
    ],
)
def check(article, options):
    lowered = article.block_text.lower()
    if " old" not in lowered and "-old" not in lowered:
        return  # the common case, checked at C speed
    for block in article.blocks:
        text = block.text
        lowered = text.lower()
        hits = []
        for needle in (" old", "-old"):
            at = lowered.find(needle)
            while at != -1:
                hit = _age_ending_at(article, block, text, lowered, at + 1)
                if hit is not None:
                    hits.append(hit)
                at = lowered.find(needle, at + 4)
        yield from sorted(hits)


def _after_determiner(text, start):
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _DETERMINERS


def _age_ending_at(article, block, text, lowered, old):
    """The finding for an age compound whose "old" starts at ``old``, if any."""
    end = old + (4 if lowered.startswith("olds", old) else 3)
    if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
        return None  # "older", "old-fashioned"
    m = _BEFORE_OLD.search(text, max(0, old - _REACH), old)
    if m is None or (m.group(2) == "-" and m.group(4) == "-"):
        return None
    start = m.start()
    if m.group(1).lower() in ("1", "one") and end - old == 3 and not _after_determiner(text, start):
        return None  # "the baby is one year old": a predicate, not a compound
    fixed = f"{m.group(1)}-{m.group(3)}-{text[old:end]}"
    span = source_span(article, block, start, end)
    return Hit(
        block.to_source(start),
        block.to_source(end - 1) + 1,
        message=f'Age compound without its hyphens: write "{fixed}"',
        fix=None if span is None else Fix.replace(*span, fixed, description=f'Write "{fixed}"'),
    )
