from newslint.findings import Hit
from newslint.model import BlockKind
from newslint.rule import Example, rule
from newslint.ruletools import remove_block_fix
from newslint.text import comparable_twins


@rule(
    code="NL101",
    name="duplicate-headline",
    category="structure",
    severity="error",
    message="Headline repeated as a body paragraph",
    what="A body paragraph that repeats the headline, ignoring case, spacing, "
    "quote style and final punctuation.",
    why="A CMS or a copy-paste often pastes the headline again as the first "
    "paragraph; readers see the same line twice at the top of the story.",
    fix="Removes the repeated paragraph (safe).",
    bad=[
        Example(
            "Rates rise again\n\nRates rise again.\n\nThe bank raised rates.\n",
            at=(3, 1),
            fixed="Rates rise again\n\nThe bank raised rates.\n",
        ),
        Example('Oil  hits “record” high\n\nOIL HITS "RECORD" HIGH\n', at=(3, 1)),
    ],
    good=[
        "Rates rise again\n\nThe bank raised rates again on Monday.\n",
        "Rates rise\n\nRates rise and fall with inflation.\n",
    ],
)
def check(article, options):
    headline = article.headline
    if headline is None:
        return
    keys = article.shared(comparable_twins)
    key = keys.get(headline)
    if not key:
        return  # no paragraph can be the same (or nothing to compare)
    for block in article.body:
        if block.kind is BlockKind.PARAGRAPH and keys.get(block) == key:
            yield Hit(
                block.source_start,
                block.source_end,
                fix=remove_block_fix(article, block, "Remove the repeated headline"),
            )
