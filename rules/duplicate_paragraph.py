from newslint.findings import Hit
from newslint.rule import Example, rule
from newslint.ruletools import remove_block_fix
from newslint.text import comparable_twins

_MIN_WORDS = 3


@rule(
    code="NL102",
    name="duplicate-paragraph",
    category="structure",
    severity="error",
    message="Paragraph repeated",
    what="A body paragraph that repeats an earlier one anywhere in the article "
    "(ignoring case, spacing and final punctuation). Paragraphs of fewer than "
    "three words (sports results, list labels) are not compared.",
    why="Paragraphs pasted twice are a common editing slip that readers notice at once.",
    fix="Removes the later copy (safe).",
    bad=[
        Example(
            "Headline\n\nThe minister resigned on Monday.\n\nShe gave no reason.\n\n"
            "The minister resigned on Monday.\n",
            at=(7, 1),
            fixed="Headline\n\nThe minister resigned on Monday.\n\nShe gave no reason.\n",
        ),
        Example("Headline\n\nFirst para here.\n\nfirst  para here\n\nLast one.\n", at=(5, 1)),
    ],
    good=[
        "Headline\n\nThe minister resigned.\n\nThe minister had resigned before.\n",
        "Results\n\nWon 3-1\n\nThe team played well.\n\nWon 3-1\n",
    ],
)
def check(article, options):
    seen: dict[str, object] = {}
    keys = article.shared(comparable_twins)
    for block in article.paragraphs:
        key = keys.get(block)
        if key is None:
            continue  # no other block can be the same
        if key.count(" ") < _MIN_WORDS - 1:  # words: one space between each
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = block
            continue
        line = article.source.position(first.source_start).line
        yield Hit(
            block.source_start,
            block.source_end,
            message=f"Paragraph repeats the paragraph at line {line}",
            fix=remove_block_fix(article, block, "Remove the repeated paragraph"),
        )
