from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text

#: Horizontal space before , . ; : ! ? after a word, a number, a closing quote or bracket.
_SPACED = lazy(r"(?<=[\w”’\"')\]%])([ \t\u00a0\u202f\u2009]+)([,.;:!?])")
#: A cheap pre-check (no look-behind, so the regex engine scans fast).
_QUICK = lazy(r"[ \t\u00a0\u202f\u2009][,.;:!?]")
#: The same for a whole article in Latin-1: the spaces as " ", the marks as ".".
_SPACES_AND_MARKS = byte_table(lambda c: " " if c in " \t\u00a0" else "." if c in ",.;:!?" else "_")
#: Marks that French typography spaces: ; : ! ? (and the inside of « »).
_FRENCH = ";:!?"


@rule(
    code="NL304",
    name="space-before-punctuation",
    category="punctuation",
    severity="warning",
    message="Space before punctuation",
    what="A space between a word and the comma, full stop, semicolon, colon, "
    'question or exclamation mark that follows it ("said , adding", "the end .", '
    '"said :"). Not flagged: a spaced ellipsis (". . ." or " ..."), a full stop that '
    'starts a number, a file extension or a domain (" .5", " .NET"), emoticons '
    '(" :)"), and, with the option `french_spacing = true`, the space (or no-break '
    "space) that French typography puts before ; : ! ? and inside « ».",
    why="A space before punctuation leaves the mark stranded at the start of a line "
    "when the text wraps, and it is a common trace of a clumsy edit or conversion.",
    fix="Removes the space (safe).",
    options={"french_spacing": False},
    bad=[
        Example(
            "Headline\n\nHe said , adding that it was the end .\n",
            at=((3, 8), (3, 37)),
            fixed="Headline\n\nHe said, adding that it was the end.\n",
        ),
        Example(
            "Headline\n\nColonel Bob Stewart said : it is time to debate !\n", at=((3, 25), (3, 48))
        ),
        Example(
            "Headline\n\nIl a dit : « Non ! »\n",
            at=((3, 9), (3, 17)),
            options={"french_spacing": False},
        ),
    ],
    good=[
        "Headline\n\nIt was a match . . . with momentum and more ... much more.\n",
        "Headline\n\nA .NET app and a .5 calibre gun. Smile :) and go.\n",
        Example("Headline\n\nIl a dit : « Non ! » Pourquoi ?\n", options={"french_spacing": True}),
    ],
)
def check(article, options):
    french = bool(options.get("french_spacing", False))
    latin1 = article.shared(latin1_text)
    if latin1 is not None and b" ." not in latin1.translate(_SPACES_AND_MARKS):
        return
    for block in article.blocks:
        text = block.text
        if _QUICK.search(text) is None:
            continue
        for m in _SPACED.finditer(text):
            mark = m.group(2)
            i = m.start(2)
            after = text[i + 1 : i + 2]
            if mark == "." and (
                after.isalnum() or after == "." or after == "…" or _spaced_ellipsis(text, i)
            ):
                continue  # an ellipsis, ". . .", ".5", ".NET"
            if mark in ":;" and after and after in ")(-[]":
                continue  # an emoticon
            if french and mark in _FRENCH:
                continue
            if mark == "!" and after.isalnum():
                continue  # "Yahoo !Mail"-like names and tokens
            if mark in ":," and after.isdigit() and text[m.start() - 1 : m.start()].isdigit():
                continue  # "10 :30", "1 ,000" in data lines
            start, end = block.to_source(m.start(1)), block.to_source(m.end(1))
            yield Hit(
                start,
                end + 1,
                message=f'Space before "{mark}"',
                fix=Fix.delete(start, end, description="Remove the space"),
            )


def _spaced_ellipsis(text: str, i: int) -> bool:
    """Whether the full stop at ``text[i]`` belongs to ". . ."."""
    return text[i + 1 : i + 3] == " ." or text[max(0, i - 2) : i] == ". "
