from newslint.findings import Fix, Hit
from newslint.rule import Example, rule


def _prepare(options):
    from newslint.harper_backend import load_dictionary

    load_dictionary()


@rule(
    code="NL620",
    name="inconsistent-name",
    category="language",
    severity="warning",
    default_enabled=False,
    prepare=_prepare,
    message="Name spelt two ways",
    what="Two spellings of what is clearly one name in one article (Massoud and Masood, "
    "Zelenskyy and Zelensky, Gaddafi and Qaddafi), found from the article itself: "
    "capitalised names of five letters or more, used mid-sentence, with the same "
    "consonant skeleton (vowels dropped, double letters single, c/k/q/g alike) and "
    "at least 75% alike. Plurals and possessives, names that differ by a final "
    "letter after a different first name (Gordon Brown, Des Browne) and spellings that "
    "never appear mid-sentence are not flagged. Reported at each use of the less "
    "common spelling (on a tie, the later one).",
    why="A name spelt two ways tells readers nobody checked it, and may point to two "
    "different people.",
    fix="Replaces the spelling with the article's more common one (unsafe: applied only "
    "with --unsafe-fixes).",
    notes="On ../shared/corpus/ it reports 16 names, 15 of them real misspellings "
    "(`python bench/language.py`). It is off by default for its cost, not its precision: "
    "an article with a candidate pair loads Harper's dictionary (about 1 s and 180 MB per "
    "process), which made the default run over 510 articles about 7x slower and pushed "
    'peak memory past 200 MB. Turn it on with `extend-select = ["inconsistent-name"]`.',
    bad=[
        Example(
            "Massoud talks\n\nAhmad Massoud met officials. Later Massoud said he would "
            "fight. Aides to Masood denied it.\n",
            at=(3, 74),
        ),
        Example(
            "Libya talks\n\nColonel Gaddafi spoke on the radio. Critics of Qaddafi say that "
            "Gaddafi lied about the oil deal.\n",
            at=(3, 48),
        ),
    ],
    good=[
        "Budget row\n\nGordon Brown and Des Browne met. Mr Brown and Mr Browne agreed.\n",
        "Kyiv visit\n\nPresident Zelensky met the Zelensky family. Ukraine's Zelensky spoke.\n",
    ],
)
def check(article, options):
    from newslint.propernames import name_variants  # off by default: load on use

    for variant in name_variants(article):
        for start, end in variant.spans:
            yield Hit(
                start,
                end,
                message=f'Name spelt two ways: "{variant.minority}" here, '
                f'"{variant.majority}" {variant.majority_count} '
                f"time{'s' if variant.majority_count != 1 else ''} in this article",
                fix=Fix.replace(
                    start,
                    end,
                    variant.majority,
                    safe=False,
                    description=f'Use "{variant.majority}"',
                ),
            )
