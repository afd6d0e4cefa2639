from newslint.findings import Hit
from newslint.rule import Example, rule

_HARD = (
    "Notwithstanding considerable institutional opposition, parliamentary representatives "
    "unanimously authorised comprehensive administrative reorganisation, substantially "
    "diminishing bureaucratic accountability mechanisms. "
)
_EASY = "The dog ran to the park. It was a sunny day. The kids played ball. "


@rule(
    code="NL703",
    name="readability-grade",
    category="readability",
    severity="info",
    message="Hard to read",
    what="An article whose Flesch-Kincaid grade (textstat, computed offline) is above "
    "`target` (12 by default: the reading age of a school leaver). Reported at the "
    "first body paragraph.",
    why="News is written for everyone; a high grade means long words and long sentences.",
    options={"target": 12.0},
    default_enabled=False,
    notes="Per-article grades of the shared BBC corpus are printed by "
    "`newslint stats`; off by default (advice, not an error).",
    bad=[
        Example(f"Reform passed\n\n{_HARD * 3}\n", at=(3, 1)),
        Example(f"Reform passed\n\n{_EASY}\n", at=(3, 1), options={"target": -5.0}),
    ],
    good=[
        f"Dog day\n\n{_EASY * 3}\n",
        Example(f"Reform passed\n\n{_HARD}\n", options={"target": 60.0}),
    ],
)
def check(article, options):
    from newslint.readability import scores  # off by default: load on use

    target = float(options.get("target", 12.0))
    body = [b for b in article.body if b.text.strip()]
    if not body:
        return
    grade = scores(article).flesch_kincaid_grade
    if grade > target:
        first = body[0]
        end = len(first.text.split("\n", 1)[0])
        yield Hit(
            first.to_source(0),
            first.to_source(end),
            message=f"Hard to read: Flesch-Kincaid grade {grade:g} (target {target:g})",
        )
