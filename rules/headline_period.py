from newslint.findings import Fix, Hit
from newslint.rule import Example, rule
from newslint.ruletools import source_span

#: Abbreviations whose full stop may legitimately end a headline.
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "jr",
        "sr",
        "st",
        "etc",
        "bros",
        "no",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
    ]
)


@rule(
    code="NL104",
    name="headline-period",
    category="structure",
    severity="warning",
    message="Headline ends with a full stop",
    what="A headline whose last character is a full stop. An ellipsis and a "
    'closing abbreviation ("Inc.", "U.S.") are not flagged.',
    why="Headlines are not sentences: house styles drop the full stop, and a "
    "stray one usually means a sentence was pasted in as the headline.",
    fix="Removes the full stop (safe).",
    bad=[
        Example(
            "Taliban close in on Panjshir valley.\n\nBody text.\n",
            at=(1, 36),
            fixed="Taliban close in on Panjshir valley\n\nBody text.\n",
        ),
        Example("Markets fall as oil price rises.\n", at=(1, 32)),
    ],
    good=[
        "Taliban close in on Panjshir valley\n\nBody text.\n",
        "Who will lead the party?\n\nBody text.\n",
        "Shares jump after merger with Acme Inc.\n",
        "And then there were none...\n",
    ],
)
def check(article, options):
    headline = article.headline
    if headline is None:
        return
    text = headline.text.rstrip()
    if not text.endswith(".") or text.endswith("..") or text.endswith("…"):
        return
    last = text.split()[-1].rstrip(".")
    if not last or "." in last or last.lower() in _ABBREVIATIONS:
        return  # a line of stops is no headline with a full stop; nor is "U.S." or "Inc."
    at = headline.to_source(len(text) - 1)
    span = source_span(article, headline, len(text) - 1, len(text))
    yield Hit(
        at,
        at + 1,
        fix=None if span is None else Fix.delete(*span, description="Remove the full stop"),
    )
