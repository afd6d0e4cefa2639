import re

from newslint.findings import Fix, Hit
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text
from newslint.scrape import Tokens

#: Two marks in a row where one was meant: ",,", ";;", "::", ",.", ",;", ";,",
#: ";.", ":,", and exactly two full stops (three or more are an ellipsis).
_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|,[,.;:]|;[;,.:]|:[:,;]")
#: Every pair _DOUBLED can match, checked with ``in`` at C speed first.
_PAIRS = ("..", ",,", ",.", ",;", ",:", ";;", ";,", ";.", ";:", "::", ":,", ":;")
#: Each mark of the pairs as ".", anything else as "_": a pair becomes "..".
_MARKS = byte_table(lambda c: "." if c in ".,;:" else "_")


@rule(
    code="NL303",
    name="doubled-punctuation",
    category="punctuation",
    severity="error",
    message="Doubled punctuation",
    what='Two punctuation marks where one was meant: ",,", "..", ";;", "::", and a '
    'comma or semicolon run into another mark (",.", ",;", ";,"). An ellipsis '
    '("...", "....") and an abbreviation\'s full stop followed by a comma '
    '("etc.,", "Inc.,") are not flagged, nor are "!!", "?!" and "?!!" (emphasis, '
    "a matter of style) or marks inside web addresses and file paths (../).",
    why="A doubled mark is the commonest trace of an edit that replaced one mark "
    "without deleting the other, and it shows at once in print.",
    fix="Removes one mark: the duplicate of a doubled mark (safe), or the comma or "
    'semicolon in a mixed pair ("said,." becomes "said.", unsafe: the writer may have '
    "meant the comma). Two full stops before a letter are left unfixed: an ellipsis "
    "may have been meant.",
    bad=[
        Example(
            "Headline\n\nThe plan, he said,, was sound..\n",
            at=((3, 18), (3, 30)),
            fixed="Headline\n\nThe plan, he said, was sound.\n",
        ),
        Example(
            "Headline\n\nHe was a failed minister..with no seat;; it showed,.\n",
            at=((3, 25), (3, 39), (3, 51)),
        ),
    ],
    good=[
        "Headline\n\nHe paused... then spoke.... It was over. Pens, paper etc., were sold.\n",
        "Headline\n\nAcme Inc., the maker, said no!! Really?! See ../docs and ::1 for details.\n",
    ],
)
def check(article, options):
    latin1 = article.shared(latin1_text)
    if latin1 is not None and b".." not in latin1.translate(_MARKS):
        return  # no two marks in a row anywhere: the common case
    for block in article.blocks:
        text = block.text
        if not any(pair in text for pair in _PAIRS):
            continue
        tokens = Tokens(text)
        for m in _DOUBLED.finditer(text):
            if tokens.is_address(m.start()):
                continue
            if m.group(0) == "::" and (
                text[m.start() - 1 : m.start()].isalnum() or text[m.end() : m.end() + 1].isalnum()
            ):
                continue  # "fe80::1", "std::vector": not prose
            pair = m.group(0)
            start, end = block.to_source(m.start()), block.to_source(m.end())
            after = text[m.end() : m.end() + 1]
            if pair[0] == pair[1]:
                if pair == ".." and after.isalnum():
                    fix = None
                else:
                    fix = Fix.delete(start + 1, end, description=f'Remove the second "{pair[1]}"')
            else:
                fix = Fix.delete(
                    start, start + 1, safe=False, description=f'Remove the "{pair[0]}"'
                )
            yield Hit(start, end, message=f'Doubled punctuation "{pair}"', fix=fix)
