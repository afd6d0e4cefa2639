from newslint.findings import Hit
from newslint.rule import Example, rule

_S = "The council said the road would close for repairs on Monday morning. "


@rule(
    code="NL702",
    name="long-paragraph",
    category="readability",
    severity="info",
    message="Long paragraph",
    what="A body paragraph of more than `max_words` words (100 by default) or more than "
    "`max_sentences` sentences (5 by default). News paragraphs are one to three "
    "sentences.",
    why="A long block of text on a phone screen makes readers skip it.",
    options={"max_words": 100, "max_sentences": 5},
    default_enabled=False,
    notes="The shared BBC corpus has lost many of its paragraph breaks (paragraphs run "
    "together), so this rule fires on a large share of it: off by default.",
    bad=[
        Example("Road closes\n\n" + _S * 6 + "\n", at=(3, 1)),
        Example("Road closes\n\nShort.\n\n" + _S * 9 + "\n", at=(5, 1)),
    ],
    good=[
        "Road closes\n\n" + _S * 3 + "\n\n" + _S * 3 + "\n",
        "Road closes\n\nThe road closes on Monday.\n",
    ],
)
def check(article, options):
    from newslint.sentences import sentences, word_count  # off by default: load on use

    max_words = int(options.get("max_words", 100))
    max_sentences = int(options.get("max_sentences", 5))
    for block in article.paragraphs:
        words = word_count(block.text)
        count = sum(1 for _ in sentences(block.text))
        if words > max_words or count > max_sentences:
            yield Hit(
                block.to_source(0),
                block.to_source(min(len(block.text), len(block.text.split("\n", 1)[0]))),
                message=f"Long paragraph: {words} words, {count} sentences "
                f"(limits {max_words} words, {max_sentences} sentences)",
            )
