from newslint.findings import Fix, Hit
from newslint.rule import Example, rule

NAME = "spelling"


def _prepare(options):
    from newslint.proofreading import prepare_for  # off by default: load on use

    prepare_for(NAME)(options)


@rule(
    code="NL601",
    name=NAME,
    category="language",
    severity="warning",
    message="Possible misspelling",
    what="A word the spelling dictionary does not know (Harper's British dictionary by "
    "default, or LanguageTool's with `--languagetool`). Names are not flagged: words "
    "capitalised mid-sentence or at the start of a sentence, words in ALL CAPS (tags, "
    "acronyms), words with an inner capital (McCain, WorldCom), words that recur in the "
    "article, words touching a digit (`$40bn`, `10.38am`), parts of hyphenated words, "
    "name particles between capitalised words (da, van) and the project vocabulary "
    "(the `accept` option).",
    why="A misspelt word in a published story is the slip readers notice first and quote back.",
    fix="Replaces the word with the first suggestion (unsafe: applied only with --unsafe-fixes).",
    options={
        "accept": [],
        "dialect": "british",
        "harper_rules": ["SpellCheck"],
        "languagetool": "",
        "language": "en-GB",
    },
    default_enabled=False,
    prepare=_prepare,
    notes="""\
Measured on ../shared/corpus/ (1,438 BBC articles, 525,289 words) with Harper's British
dictionary, paragraph by paragraph: 16,494 raw SpellCheck flags (31.4 per 1,000 words,
11.5 per article, 78% of them capitalised names). After the name filter: 332 findings
(0.63 per 1,000 words, 2.3 per 10 articles; `python bench/language.py` prints the
figure). Reviewed: about 4 in 10 are real typos (aftewards, inury, accomodate,
thay, wtih...), the rest valid words Harper lacks (drugmaker, tighthead, debutant,
delisted, bourse, renationalise): about 1.4 false alarms per 10 articles, above the bar
of 1 in 10, so the rule is off by default.""",
    bad=[
        Example(
            "Officials meet\n\nThe talks will continue aftewards in the capital.\n",
            at=(3, 25),
        ),
        Example(
            "Budget row\n\nThe treasury said it could not accomodate the request.\n",
            at=(3, 32),
        ),
    ],
    good=[
        "As Taliban surround Panjshir, end seems near\n\n"
        "Ahmad Massoud met Zabihullah Mujahid in Panjshir. Badakhshan and Takhar fell.\n\n"
        "KASHMIR\n",
        "Markets rally\n\nShares rose 4% to $40bn at 10.38am, the FTSE said.\n",
    ],
)
def check(article, options):
    from newslint.proofreading import proofs_for
    from newslint.propernames import name_reason

    accept = {str(w).casefold() for w in options.get("accept", ())}
    article_text = article.source.text
    for proof in proofs_for(NAME, article, options):
        block = article.blocks[proof.block]
        if name_reason(
            block.text,
            proof.block_start,
            proof.block_end,
            article_text=article_text,
            accept=accept,
            suggestions=proof.suggestions,
        ):
            continue
        word = block.text[proof.block_start : proof.block_end]
        message = f'Possible misspelling "{word}"'
        fix = None
        shown = [s for s in proof.suggestions if s][:3]
        if shown:
            message += ": did you mean " + " or ".join(f'"{s}"' for s in shown) + "?"
            fix = Fix.replace(
                proof.start, proof.end, shown[0], safe=False, description=f'Use "{shown[0]}"'
            )
        yield Hit(proof.start, proof.end, message=message, fix=fix)
