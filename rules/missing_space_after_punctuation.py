import re

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text
from newslint.scrape import Tokens

#: A sentence end (optionally closed by a quote or bracket) glued to the next
#: word, or a comma, semicolon or colon glued to a letter.
_GLUED = lazy(r"([.!?])([”’\"')\]]?)(?=[“‘\"']?[^\W\d_])|([,;:])(?=[^\W\d_])")
_LETTERS = lazy(r"[^\W\d_]+")
#: A cheap pre-check that matches wherever _GLUED can (no look-ahead).
_QUICK = re.compile(r"[.!?,;:][”’\"')\]]?[“‘\"']?[^\W\d_]")


def _class(c: str) -> str:
    if c in ".!?,;:":
        return "."  # a mark
    if c in "\"')]":
        return "q"  # a quote or bracket that may come between
    return "a" if re.fullmatch(r"[^\W\d_]", c) else "_"  # a letter, or anything else


#: _QUICK for a whole article in Latin-1, by classes of characters...
_CLASSES = byte_table(_class)
#: ...where a mark before a letter (across at most two quotes) is what _QUICK finds.
_QUICK_CLASSES = re.compile(rb"\.q{0,2}a")


def _letters_before(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i]


def _capitalised(word: str) -> bool:
    """A word written as at the start of a sentence: "The", "Fans", "A"."""
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


@rule(
    code="NL501",
    name="missing-space-after-punctuation",
    category="scrape",
    severity="error",
    message="Missing space after punctuation",
    what="A full stop, question or exclamation mark glued to the capitalised word "
    'that starts the next sentence ("said the minister.The talks", "won 3-1.Fans"), '
    'a comma or semicolon glued to the next word ("in Delhi,where") and a colon '
    'glued to a capitalised word ("said:The"). This is what copy looks like when a '
    "scraper or a CMS export drops the paragraph break or the space between "
    "sentences. Not flagged: initials and dotted abbreviations (U.S., U.K., Ph.D., "
    "a.m., J.K. Rowling), decimals, times, scores and version numbers (3.5, 5.30pm, "
    "2-1, 2.0), web and e-mail addresses and file names (bbc.co.uk, Amazon.com, "
    "www.bbc.co.uk/news, desk@example.com, report.pdf), ellipses (wait...Then), HTML "
    "entities (S&#227;o) and brand names with internal capitals (ASP.NET).",
    why="Glued sentences read as a typo in every line they touch, and they are a "
    "sure sign that the copy lost its structure on the way in: a paragraph break "
    "is often missing at the same place.",
    fix="Inserts a space. The fix is safe after a lower-case word or a number "
    "followed by a capitalised word, and after a comma before a lower-case word; "
    "elsewhere it is offered as unsafe.",
    bad=[
        Example(
            "Headline\n\nNo deal was reached, said the minister.The talks resume today.\n",
            at=(3, 39),
            fixed="Headline\n\nNo deal was reached, said the minister. The talks resume today.\n",
        ),
        Example(
            "Headline\n\nThey won 3-1.Fans cheered in Delhi,where it rained.\n",
            at=((3, 13), (3, 35)),
            fixed="Headline\n\nThey won 3-1. Fans cheered in Delhi, where it rained.\n",
        ),
        Example('Headline\n\n"We will win."The crowd roared.\n', at=(3, 13)),
        Example("Headline\n\nHe said:The vote is off.\n", at=(3, 8)),
    ],
    good=[
        "Headline\n\nThe U.S. and U.K. envoys met Ph.D. students at 9 a.m. in St. Louis.\n",
        "Headline\n\nJ.K. Rowling's sales rose 3.5% by 5.30pm, said Amazon.com and bbc.co.uk.\n",
        "Headline\n\nWrite to desk@example.com or see www.Example.com/News for report.pdf.\n",
        "Headline\n\nVersion 2.0 of ASP.NET is out. Wait...Then it came. S&#227;o Paulo won.\n",
        'Headline\n\nShe said: "The vote is off." It was 1,000 votes; the rest is history.\n',
    ],
)
def check(article, options):
    latin1 = article.shared(latin1_text)
    if latin1 is not None and not _QUICK_CLASSES.search(latin1.translate(_CLASSES)):
        return  # no mark glued to a letter anywhere: the common case, at C speed
    for block in article.blocks:
        text = block.text
        if _QUICK.search(text) is None:
            continue
        tokens = Tokens(text)
        for m in _GLUED.finditer(text):
            found = _judge(text, m, tokens)
            if found is None:
                continue
            safe = found
            mark = m.start(1) if m.group(1) else m.start(3)
            nxt = m.end()
            start, end = block.to_source(mark), block.to_source(nxt)
            yield Hit(
                start,
                end + 1,
                message=f'Missing space after "{text[mark]}"',
                fix=Fix.replace(end, end, " ", safe=safe, description="Insert a space"),
            )


def _judge(text: str, m: re.Match[str], tokens: Tokens) -> bool | None:
    """None if the junction is not a glued sentence or clause, else whether the
    fix (a space) is certain."""
    mark = m.start(1) if m.group(1) else m.start(3)
    if mark == 0:
        return None
    before = text[mark - 1]
    nxt = m.end()
    if text[nxt] in "“‘\"'":
        nxt += 1
    after_m = _LETTERS.match(text, nxt)
    if after_m is None:
        return None
    after = after_m.group(0)
    if tokens.is_address(mark):
        return None
    word_before = _letters_before(text, mark)
    p = text[mark]
    if p in ".!?":
        if not (before.isalnum() or before in ")%”\"’'"):
            return None  # an ellipsis ("wait...Then") or a lone mark
        if not _capitalised(after):
            return None  # abbreviations, domains, file names: "a.m.", "bbc.co.uk", "ASP.NET"
        if len(word_before) == 1 and not m.group(2) and text[mark - 2 : mark - 1] not in "'’":
            return None  # initials: "J.K. Rowling", "U.S."; "O?Brien" is lost-punctuation
        if p == "." and not m.group(2):
            if len(after) == 1 and text[after_m.end() : after_m.end() + 1] == ".":
                return None  # "Ph.D."
            if re.match(r"\.[^\W\d_]", text[after_m.end() : after_m.end() + 2]):
                return None  # a domain whose parts are capitalised: "News.Example.com"
        return bool(word_before.islower() or before.isdigit()) and not m.group(2)
    if p == ",":
        if not (before.isalnum() or before in ")%"):
            return None
        return after.islower()
    if p == ";":
        if not before.isalpha() or re.search(r"&#?\w+$", text[max(0, mark - 12) : mark]):
            return None  # HTML entities: "S&#227;o"
        return False
    # A colon: only before a capitalised word after a word ("said:The").
    if not before.isalpha() or not _capitalised(after) or len(after) < 2:
        return None
    return False
