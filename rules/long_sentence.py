from newslint.findings import Hit
from newslint.rule import Example, rule

_LONG = (
    "The minister said that the government would review the plan again next year "
    "because the costs of the scheme had risen far beyond what had been expected when "
    "it was first announced to parliament and to the public in the spring of the "
    "previous year by her predecessor in the job."
)


@rule(
    code="NL701",
    name="long-sentence",
    category="readability",
    severity="info",
    message="Long sentence",
    what="A body sentence of more than `max_words` words (40 by default). Sentences end "
    "at . ! ? or … before a capital, a digit or an opening quote; abbreviations (Mr, "
    "Dr, Jan) and initials (George W. Bush) do not end one.",
    why="Readers lose the thread of a long sentence; on a phone it fills the screen.",
    options={"max_words": 40},
    default_enabled=False,
    notes="On ../shared/corpus/ (1,438 BBC articles) Harper counts 381 sentences of more "
    "than 40 words in 274 articles (19%), many of them squad lists and long quotes: "
    "advice rather than an error, so off by default and `info`.",
    bad=[
        Example(f"Plan reviewed\n\n{_LONG}\n", at=(3, 1)),
        Example(
            f"Plan reviewed\n\nIt was short. {_LONG.replace('in the job.', 'as minister.')}\n",
            at=(3, 15),
        ),
    ],
    good=[
        "Plan reviewed\n\nThe minister said the plan would be reviewed. Mr. Smith agreed.\n",
        Example(f"Plan reviewed\n\n{_LONG}\n", options={"max_words": 60}),
    ],
)
def check(article, options):
    from newslint.readability import body_sentences  # off by default: load on use

    limit = int(options.get("max_words", 40))
    for block, sentence in body_sentences(article):
        if sentence.words > limit:
            yield Hit(
                block.to_source(sentence.start),
                block.to_source(sentence.end),
                message=f"Long sentence: {sentence.words} words (more than {limit})",
            )
