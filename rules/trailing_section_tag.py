import re

from newslint.findings import Hit
from newslint.model import BlockKind
from newslint.rule import Example, rule
from newslint.ruletools import remove_block_fix, word_set

#: Agency and wire sign-offs: credits, not CMS tags.
DEFAULT_SIGNOFFS = [
    "AP",
    "AFP",
    "PTI",
    "IANS",
    "ANI",
    "UPI",
    "DPA",
    "EFE",
    "ANSA",
    "REUTERS",
    "BLOOMBERG",
    "XINHUA",
    "TASS",
    "KYODO",
    "BBC",
    "CNN",
    "PA",
    "UNI",
    "WAM",
]

_CAPS_TAG = re.compile(r"[^\W\d_]+(?:[ &/\-][^\W\d_]+|\s&\s[^\W\d_]+){0,3}")


@rule(
    code="NL103",
    name="trailing-section-tag",
    category="structure",
    severity="error",
    message="Section tag left at the end of the article",
    what="A last line that is a bare section, desk or place tag left behind by a CMS "
    '("KASHMIR", "WORLD NEWS"): one to four words in capitals with no punctuation. '
    'A sentence, a byline or an agency sign-off such as "(Reuters)", "— AP" or '
    '"PTI" is not a tag. Extra tags in any case can be listed in the `tags` option.',
    why="Tags are metadata for the CMS, not copy. Left in the body they are published "
    "as a stray word under the last paragraph.",
    fix="Removes the tag line (safe).",
    options={"tags": [], "signoffs": DEFAULT_SIGNOFFS},
    bad=[
        Example(
            "Headline\n\nThe valley fell on Monday.\n\nKASHMIR",
            at=(5, 1),
            fixed="Headline\n\nThe valley fell on Monday.",
        ),
        Example(
            "Headline\n\nThe valley fell on Monday.\n\nWORLD NEWS\n",
            at=(5, 1),
            fixed="Headline\n\nThe valley fell on Monday.\n",
        ),
        Example("Headline\n\nIt rained.\n\nSport\n", at=(5, 1), options={"tags": ["sport"]}),
    ],
    good=[
        "Headline\n\nThe valley fell on Monday.\n\n(Reuters)\n",
        "Headline\n\nThe valley fell on Monday.\n\n— AP\n",
        "Headline\n\nThe valley fell on Monday.\n\nPTI\n",
        "Headline\n\nThe valley fell on Monday.\n\nBy Jane Smith\n",
        "Headline\n\nThe valley fell on Monday, said the UN.\n",
    ],
)
def check(article, options):
    blocks = article.blocks
    if len(blocks) < 2:
        return
    last = blocks[-1]
    if last.kind is BlockKind.HEADLINE or "\n" in last.text:
        return
    text = last.text.strip()
    extra = word_set(options.get("tags", []), str.casefold)
    signoffs = word_set(options.get("signoffs", DEFAULT_SIGNOFFS), str.casefold)
    key = text.casefold()
    if key in signoffs:
        return
    is_tag = key in extra or (
        _CAPS_TAG.fullmatch(text) is not None and text == text.upper() and len(text) > 1
    )
    if is_tag:
        yield Hit(
            last.source_start,
            last.source_end,
            message=f'Section tag "{text}" left at the end of the article',
            fix=remove_block_fix(article, last, "Remove the tag"),
        )
