from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import source_span
from newslint.text import FUNCTION_WORDS, is_sentence_start

#: "a" or "an", then a lower-case word (names, initialisms and figures, whose
#: sound the spelling does not tell, are left alone).
_ARTICLE = lazy(r"(?<![\w'’\-.])(a|an|A|An)([ \t]+)([a-z][a-z'’\-]*)")
#: Where a finding may be: "a" before a vowel or "an" before a consonant, after a
#: space, a quote or a bracket (searched in the text with a space put before it).
#: A character class first lets the search skip ahead at C speed.
_CANDIDATE = lazy(r"[ \t\n\"“‘(\[—–](?:[aA][ \t]+[aeiou]|[aA]n[ \t]+[b-df-hj-np-tv-z])")
#: Words spelt with a vowel that start with a consonant sound: "a unit", "a
#: European", "a one-off", "a eulogy", "a ewe", "a once-great club".
_VOWEL_LETTER_CONSONANT_SOUND = (
    *("union", "unique", "unit", "unif", "univ", "unic", "unil", "unis", "unan"),
    *("use", "usa", "usu", "uten", "uter", "uti", "uto", "ura", "uri", "ure", "uro"),
    *("uku", "ubi", "eu", "ewe", "one", "once"),
)


@rule(
    code="NL206",
    name="a-an",
    category="wording",
    severity="warning",
    message="Wrong form of the article",
    what='"a" before a word that starts with a vowel sound ("a important meeting", "a '
    'earlier report") or "an" before one that starts with a consonant ("an major '
    'deal"): usually a word changed in an edit while its article was not. Words that '
    'sound otherwise than they are spelt are known: "a unit", "a European", "a '
    'one-off", "an hour", "an heir", "an x-ray". "An" before other h-words ("an '
    'historic") is a British choice and is not flagged; neither are names, '
    'initialisms and figures ("an MP", "a 8%" rise), whose sound the letters do '
    'not tell, nor is a capital "A" inside a sentence ("Serie A appearances").',
    why="The wrong article is the tell-tale of a hurried edit, and readers trip on it.",
    fix='Changes the article (unsafe: applied only with --unsafe-fixes; "a" may belong '
    "to a word that was meant to stay).",
    bad=[
        Example(
            "Headline\n\nIt was a important meeting, and an major deal.\n",
            at=((3, 8), (3, 33)),
            fixed="Headline\n\nIt was an important meeting, and a major deal.\n",
        ),
        Example("Headline\n\nA earlier report said so.\n", at=(3, 1)),
    ],
    good=[
        "Headline\n\nA unit of a European firm made a one-off payment, a once-great club.\n",
        "Headline\n\nAn hour, an heir, an honest man, an x-ray and an historic vote.\n",
        "Headline\n\nAn MP and a MEP, a 8% rise, vitamin A and a UN body.\n",
        "Headline\n\nHe scored 14 goals in 20 Serie A appearances; Plan A encountered delays.\n",
        "Headline\n\nA usual day, a uranium mine, a ewe and a eulogy.\n",
        "Headline\n\nAn unidentified man, an uninformed view, a unanimous vote, an unable one.\n",
    ],
)
def check(article, options):
    if _CANDIDATE.search(" " + article.block_text) is None:
        return  # the common case
    for block in article.blocks:
        text = block.text
        for c in _CANDIDATE.finditer(" " + text):
            m = _ARTICLE.match(text, c.start())  # the candidate's mark is at c.start() - 1
            if m is None:
                continue
            art, word = m.group(1), m.group(3).lower()
            if word in FUNCTION_WORDS:
                continue  # "vitamin a and", a letter rather than an article
            if art[0] == "A" and not is_sentence_start(text, m.start(1)):
                continue  # "Serie A appearances", "Plan A": a letter in a name
            wants = _wanted(word)
            if wants is None or wants == art.lower():
                continue
            right = wants if art.islower() else wants.capitalize()
            span = source_span(article, block, m.start(1), m.end(1))
            yield Hit(
                block.to_source(m.start(1)),
                block.to_source(m.end(3) - 1) + 1,
                message=f'"{art} {m.group(3)}": write "{right} {m.group(3)}"',
                fix=None
                if span is None
                else Fix.replace(*span, right, safe=False, description=f'Write "{right}"'),
            )


def _wanted(word):
    """ "a" or "an" for a lower-case word, or ``None`` when its sound is unsure."""
    first = word[0]
    if first in "aeiou":
        if word.startswith(_VOWEL_LETTER_CONSONANT_SOUND):
            return "a"
        return "an"
    if first == "h":
        if word.startswith(("hour", "honest", "honour", "honor", "heir")):
            return "an"
        return None  # "an historic", "an hotel": British choices
    if first == "x" or (len(word) > 1 and word[1] in "-'’"):
        return None  # "an x-ray", "an s-bend": letters said by name
    return "a"
