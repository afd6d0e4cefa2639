"""Grammar rules, one per Harper lint kind (NL602-NL618).

Each rule keeps the findings of one kind of Harper lint (or the matching
LanguageTool categories with ``--languagetool``). The ``harper_rules`` option
lists the Harper rules it runs; ``["all"]`` runs every Harper rule of the kind.
Every finding of their default Harper rules on ../shared/corpus/ (1,438 BBC
articles) was read: the rules whose defaults were right at least 9 times in 10
over at least 3 findings (grammar, grammar-agreement, grammar-capitalization,
grammar-typo, grammar-misc, grammar-formatting) qualify to be on by default,
but all are off: together they find about 3 slips per 100 articles, and
building Harper's linter adds about 0.55 s to every run (a structural run of
one article takes about 0.2 s). Turn them on with ``extend-select =
["language"]``. Harper rules that
encode American or house styles BBC copy does not follow (Oxford comma, en
dashes in scores, the Unicode ellipsis, "Türkiye") are never in a default list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from newslint.findings import Fix, Hit
from newslint.model import Article
from newslint.rule import Example, rule


class Kind(NamedTuple):  # not a dataclass: cheaper to define at start-up
    code: str
    name: str
    harper_kind: str
    message: str
    what: str
    harper_rules: Sequence[str]
    default_enabled: bool
    notes: str
    bad: Sequence[Example]
    good: Sequence[str]


_SPEED = (
    " Off by default whatever its precision: building Harper's linter adds about 0.55 s "
    "to every run (a structural run of one article takes about 0.2 s); then about 3 ms "
    "per article."
)


def _h(text: str) -> str:
    return f"Headline\n\n{text}\n"


KINDS = (
    Kind(
        "NL602",
        "grammar",
        "Grammar",
        "Grammar error",
        'Wrong verb forms: "has went", "did not approved", "helped cleaned", "will voted", '
        '"not only it is".',
        ["SimplePastToPastParticiple", "HelpedPast", "DidPast", "WillNonLemma", "NotOnlyInversion"],
        False,
        "Every finding of the default Harper rules on the corpus was right: 9/9 "
        "(SimplePastToPastParticiple 3/3, HelpedPast 2/2, DidPast 2/2, WillNonLemma 1/1, "
        "NotOnlyInversion 1/1). The whole Grammar kind: 3/20 in a random sample "
        "(QuantifierNumeralConflict, TheirToTheyre, MassNouns misfire on news copy).",
        [
            Example(_h("The company has went into administration."), at=(3, 17)),
            Example(_h("Officials did not approved the deal."), at=(3, 19)),
        ],
        [_h("The company has gone into administration."), _h("Officials did not approve it.")],
    ),
    Kind(
        "NL603",
        "grammar-agreement",
        "Agreement",
        "Words do not agree in number",
        'Number agreement in "these type of deals", "this types of loans".',
        ["ThisTypeOfThing"],
        False,
        "Default Harper rules on the corpus: 4/4 right (ThisTypeOfThing). The whole "
        "Agreement kind: 2/20 in a random sample (MassNouns, PronounVerbAgreement misfire).",
        [
            Example(_h("These type of deals are rare."), at=(3, 7)),
            Example(_h("This types of loans are risky."), at=(3, 1)),
        ],
        [_h("These types of deals are rare."), _h("This type of loan is risky.")],
    ),
    Kind(
        "NL604",
        "grammar-punctuation",
        "Punctuation",
        "Punctuation error",
        '"ever present" for "ever-present"; with `harper_rules = ["CommaFixes"]`, a comma '
        'with no space after it or a space before it ("said,it", "rose , the").',
        ["EverPresent"],
        False,
        "Default Harper rules on the corpus: 1/1 right (EverPresent): too few to measure, off "
        "by default. CommaFixes was right 6/6 but is left out: newslint's own "
        "space-before-punctuation and missing-space-after-punctuation rules report the same "
        "spots. The whole Punctuation kind: 2/20 in a random sample (DiscourseMarkers wants a "
        'comma after "However", a house-style choice).',
        [
            Example(
                _h("The bank said,it would cut rates."),
                at=(3, 14),
                options={"harper_rules": ["CommaFixes"]},
            ),
            Example(_h("The ever present threat of floods worries farmers."), at=(3, 5)),
        ],
        [_h("The bank said it would cut rates, and 1,000 jobs would go."), _h("It was 3,5,7.")],
    ),
    Kind(
        "NL605",
        "grammar-capitalization",
        "Capitalization",
        "Missing capital letter",
        'Oceans, seas and the Americas written in lower case: "pacific ocean", "south america".',
        ["OceansAndSeas", "Americas"],
        False,
        "Default Harper rules on the corpus: 3/3 right (OceansAndSeas 2/2, Americas 1/1). "
        "The whole Capitalization kind: 3/20 in a random sample (SentenceCapitalization and "
        "OrthographicConsistency misfire on names and scraped text).",
        [
            Example(_h("The ship sank in the pacific ocean last year."), at=(3, 22)),
            Example(_h("Trade with south america grew."), at=(3, 12)),
        ],
        [_h("The ship sank in the Pacific Ocean."), _h("Trade with South America grew.")],
    ),
    Kind(
        "NL606",
        "grammar-repetition",
        "Repetition",
        "Repeated or clashing words",
        'Two pronouns in a row left by an edit ("we he will win"). Doubled words ("the the") '
        "are the repeated-word rule's.",
        ["MultipleSequentialPronouns"],
        False,
        "Default Harper rules on the corpus: 1/1 right (MultipleSequentialPronouns): too "
        "few findings to measure, so off by default. Harper's RepeatedWords (8.5/19 right) "
        "is left to newslint's own repeated-word rule.",
        [
            Example(_h("I think we he will win."), at=(3, 9)),
            Example(_h("They said he she would resign."), at=(3, 11)),
        ],
        [_h("I think he will win."), _h("They said she would resign.")],
    ),
    Kind(
        "NL607",
        "grammar-word-choice",
        "WordChoice",
        "Wrong word",
        '"along side" for "alongside"; with `harper_rules = ["all"]`, all of Harper\'s '
        "word-choice rules.",
        ["Alongside"],
        False,
        "Default Harper rules on the corpus: 2/2 right (Alongside): too few to measure, off "
        "by default. The whole WordChoice kind: about 2/20 in a random sample "
        '(CompoundNouns, UpdatePlaceNames "Turkey" -> "Türkiye", WrongNegative misfire).',
        [
            Example(_h("The firm worked along side the regulator."), at=(3, 17)),
            Example(_h("Troops fought along side the rebels."), at=(3, 15)),
        ],
        [_h("The firm worked alongside the regulator."), _h("They stood by the side.")],
    ),
    Kind(
        "NL608",
        "grammar-usage",
        "Usage",
        "Nonstandard usage",
        '"not longer" for "no longer", "the 1990\'s" for "the 1990s".',
        ["NoLonger", "PluralDecades"],
        False,
        "Default Harper rules on the corpus: 2/2 right (NoLonger 1/1, PluralDecades 1/1): "
        "too few to measure, off by default. The whole Usage kind: 2/20 in a random sample "
        '(Damages is wrong 9/9 on legal "damages").',
        [
            Example(_h("Growth was not longer expected."), at=(3, 12)),
            Example(_h("Prices peaked in the 1990's."), at=(3, 22)),
        ],
        [_h("Growth was no longer expected."), _h("Prices peaked in the 1990s.")],
    ),
    Kind(
        "NL609",
        "grammar-typo",
        "Typo",
        "Typo",
        '"all though" for "although", "the this" for "that this", "to to".',
        ["AllThough", "ThatThis", "ToTo"],
        False,
        "Default Harper rules on the corpus: 3/3 right (AllThough 1/1, ThatThis 1/1, "
        "ToTo 1/1). The whole Typo kind: about 2/20 in a random sample (SplitWords breaks "
        'up "broking", "outturn", "debutant").',
        [
            Example(_h("All though profits rose, shares fell."), at=(3, 1)),
            Example(_h("They want to to win."), at=(3, 11)),
        ],
        [_h("Although profits rose, shares fell."), _h("They want to win.")],
    ),
    Kind(
        "NL610",
        "grammar-misc",
        "Miscellaneous",
        "Grammar slip",
        '"then" for "than" after a comparative, "the government want" / "she want".',
        ["ThenThan", "NominalWants"],
        False,
        "Default Harper rules on the corpus: 4/4 right (ThenThan 2/2, NominalWants 2/2). "
        "The whole Miscellaneous kind: about 5.5/20 in a random sample (MissingPreposition "
        'and AnA, which flags "an MEP", misfire).',
        [
            Example(_h("Shares were higher then expected."), at=(3, 20)),
            Example(_h("She want more money."), at=(3, 5)),
        ],
        [_h("Shares were higher than expected."), _h("She wants more money, then more time.")],
    ),
    Kind(
        "NL611",
        "grammar-formatting",
        "Formatting",
        "Typing slip",
        '"--" typed for a dash, an ellipsis of four dots, a quote mark glued to a word (said"no").',
        ["Dashes", "EllipsisLength", "QuoteSpacing"],
        False,
        "Default Harper rules on the corpus: 4/4 right (Dashes 2/2, EllipsisLength 1/1, "
        "QuoteSpacing 1/1). The whole Formatting kind: 0/20 in a random sample "
        "(UnclosedQuotes on quotes running over paragraphs, NumericRangeEnDash in scores, "
        "UseEllipsisCharacter: house styles BBC copy does not follow).",
        [
            Example(_h('He said"no" to the offer.'), at=(3, 8)),
            Example(_h("The prices rose -- sharply."), at=(3, 17)),
        ],
        [_h("He said... nothing more."), _h("The prices rose 3-1 - sharply.")],
    ),
    Kind(
        "NL612",
        "grammar-boundary-error",
        "BoundaryError",
        "Words run together",
        '"in anyway" for "in any way".',
        ["InAnyWay"],
        False,
        "Default Harper rules on the corpus: 1/1 right (InAnyWay): too few to measure, "
        "off by default.",
        [
            Example(_h("She did not want to change it in anyway."), at=(3, 31)),
            Example(_h("It was not in anyway a surprise."), at=(3, 12)),
        ],
        [_h("She did not want to change it in any way."), _h("Anyway, it was a surprise.")],
    ),
    Kind(
        "NL613",
        "grammar-eggcorn",
        "Eggcorn",
        "Misheard phrase",
        'Misheard set phrases: "to the manor born", "nerve wracking", "chomping at the bit".',
        ["all"],
        False,
        "The whole Eggcorn kind on the corpus: 1/3 right (chomping and nerve-wracking are "
        "accepted usage): off by default.",
        [
            Example(_h("She was to the manor born."), at=(3, 9)),
            Example(_h("It was a nerve wracking match."), at=(3, 10)),
        ],
        [_h("She was to the manner born."), _h("It was a nerve-racking match.")],
    ),
    Kind(
        "NL614",
        "grammar-style",
        "Style",
        "Style suggestion",
        "Harper's style rules, such as the Oxford comma.",
        ["all"],
        False,
        "The whole Style kind on the corpus: 0/20 in a random sample (19 of 20 are "
        "OxfordComma, which BBC style does not use): off by default.",
        [
            Example(_h("The apples, pears and plums were sold."), at=(3, 13)),
            Example(_h("He met the king, the queen and the prince."), at=(3, 22)),
        ],
        [_h("The apples were sold."), _h("He met the king and the queen.")],
    ),
    Kind(
        "NL615",
        "grammar-redundancy",
        "Redundancy",
        "Redundant words",
        '"and also", "all the ... all" and similar redundancy.',
        ["all"],
        False,
        "The whole Redundancy kind on the corpus: 0/20 in a random sample "
        '(TheProperNounPossessive misreads "the Frenchman\'s"): off by default.',
        [
            Example(_h("They were hungry and also tired."), at=(3, 18)),
            Example(_h("Sales rose and also profits grew."), at=(3, 12)),
        ],
        [_h("They were hungry and tired."), _h("Sales rose and profits grew.")],
    ),
    Kind(
        "NL616",
        "grammar-enhancement",
        "Enhancement",
        "Weak wording",
        'Suggestions for stronger words: "very good" -> "excellent".',
        ["all"],
        False,
        "The whole Enhancement kind on the corpus: 0/20 in a random sample (mostly inside "
        "quotes, which must not be reworded): off by default.",
        [
            Example(_h("The results were very good indeed."), at=(3, 18)),
            Example(_h("It was a very good year for the firm."), at=(3, 10)),
        ],
        [_h("The results were excellent."), _h("It was a good year.")],
    ),
    Kind(
        "NL617",
        "grammar-readability",
        "Readability",
        "Hard to read",
        "Harper's readability checks (sentences it finds too long). newslint's own "
        "long-sentence rule does this with a configurable limit.",
        ["all"],
        False,
        "The whole Readability kind on the corpus: 0/20 taken as errors (advisory: sentences "
        "of 41-65 words, squad lists): off by default.",
        [
            Example(
                _h(
                    "The minister said that the government would review the plan again next "
                    "year because the costs of the scheme had risen far beyond what had been "
                    "expected when it was first announced to parliament and to the public in "
                    "the spring of the previous year by her predecessor."
                ),
                at=(3, 1),
            ),
            Example(
                _h(
                    "Officials said the talks, which began in the capital on Monday after "
                    "weeks of delay and a series of disputes over the agenda, the venue and "
                    "the list of those invited, would continue until the end of the week and "
                    "perhaps into the following one if needed."
                ),
                at=(3, 1),
            ),
        ],
        [_h("The minister said the plan would be reviewed."), _h("Talks resume on Monday.")],
    ),
    Kind(
        "NL618",
        "grammar-regionalism",
        "Regionalism",
        "Word from another variety of English",
        'Words of another variety of English than the chosen dialect ("gasoline" in British copy).',
        ["all"],
        False,
        "The whole Regionalism kind on the corpus (British dialect): about 2/8 right "
        "(gasoline is normal in US market copy): off by default.",
        [
            Example(_h("He filled the car with gasoline."), at=(3, 24)),
            Example(_h("Drivers paid more for gasoline in May."), at=(3, 23)),
        ],
        [_h("He filled the car with petrol."), _h("Drivers paid more for fuel.")],
    ),
)


def _preparer(name: str) -> Callable[[Mapping[str, Any]], None]:
    def prepare(options: Mapping[str, Any]) -> None:
        # Off by default: the backends load when a grammar rule runs.
        from newslint.proofreading import prepare_for

        prepare_for(name)(options)

    return prepare


def _checker(name: str) -> Any:
    def check(article: Article, options: Mapping[str, Any]) -> Iterator[Hit]:
        from newslint.proofreading import proofs_for

        for proof in proofs_for(name, article, options):
            fix = None
            if proof.suggestions:
                first = proof.suggestions[0]
                fix = Fix.replace(
                    proof.start,
                    proof.end,
                    first,
                    safe=False,
                    description=f'Use "{first}"' if first else "Remove it",
                )
            yield Hit(proof.start, proof.end, message=_message(proof.message), fix=fix)

    check.__name__ = f"check_{name.replace('-', '_')}"
    return check


def _message(message: str) -> str:
    """Harper's message with its Markdown code quotes turned into plain quotes."""
    return message.replace("`", '"').strip()


for _kind in KINDS:
    rule(
        code=_kind.code,
        name=_kind.name,
        category="language",
        severity="warning",
        message=_kind.message,
        what=_kind.what,
        why="A grammar slip in a published story costs the reader's trust in the rest of it.",
        fix="Applies the backend's first suggestion (unsafe: applied only with --unsafe-fixes).",
        options={
            "dialect": "british",
            "harper_rules": list(_kind.harper_rules),
            "languagetool": "",
            "language": "en-GB",
        },
        default_enabled=_kind.default_enabled,
        notes=_kind.notes + _SPEED,
        prepare=_preparer(_kind.name),
        bad=_kind.bad,
        good=_kind.good,
    )(_checker(_kind.name))
