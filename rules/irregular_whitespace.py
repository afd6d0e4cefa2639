import unicodedata

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text, source_span

# A run of whitespace that is not a single plain space: two or more whitespace
# or invisible characters, or one that is not a space (tab, no-break space,
# zero-width space...). Line breaks are not part of a run.
_RUN = lazy(r"(?:[^\S\n]|[\u200b\u2060\ufeff]){2,}|[^\S \n]|[\u200b\u2060\ufeff]")
#: For a whole article in Latin-1: a plain space as " ", any other space but a
#: line break as "\t". Without "  " or "\t" there, _RUN finds nothing.
_SPACES = byte_table(lambda c: " " if c == " " else "\t" if c.isspace() and c != "\n" else "_")

#: In ASCII text, what a run needs: two spaces, or a tab, vertical tab, form feed or
#: one of the separators Python counts as whitespace (\x1c-\x1f).
_ASCII_IRREGULAR = lazy(r"  |[\t\x0b\x0c\x1c-\x1f]")

_NAMES = {
    " ": "space",
    "\t": "tab",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "\u3000": "ideographic space",
    "\u2009": "thin space",
    "\u200a": "hair space",
}


def _describe(run: str) -> str:
    names = []
    for ch in run:
        name = _NAMES.get(ch) or unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
        names.append(name)
    if len(set(names)) == 1 and len(names) > 1:
        return f"{len(names)} {names[0]}s"
    return ", ".join(names)


@rule(
    code="NL401",
    name="irregular-whitespace",
    category="whitespace",
    severity="warning",
    message="Irregular whitespace",
    what="Inside a line of text: a run of two or more spaces, a tab, a no-break space "
    "or another Unicode space (thin, ideographic, zero-width...). Indentation at the "
    "start of a line is not checked; trailing whitespace is the `trailing-whitespace` rule.",
    why="Double and odd spaces are invisible in an editor but show as gaps or "
    "unbreakable runs once published, and they break search and matching in the CMS.",
    fix="Replaces the run with a single space; removes a run of zero-width spaces "
    "alone, which shows no gap (safe).",
    bad=[
        Example(
            "Headline\n\nThe fighters seem ready for a settlement \u00a0 in the valley.\n",
            at=(3, 41),
            fixed="Headline\n\nThe fighters seem ready for a settlement in the valley.\n",
        ),
        Example("Headline\n\nThe end.  Then more.\n", at=(3, 9)),
        Example("Headline\n\nTwo\twords.\n", at=(3, 4), fixed="Headline\n\nTwo words.\n"),
        Example("Headline\n\nA form\x0cfeed and a vertical\x0btab.\n", at=((3, 7), (3, 27))),
        Example(
            "Headline\n\nPanj\u200bshir and  \u200b Kabul.\n",
            at=((3, 5), (3, 14)),
            fixed="Headline\n\nPanjshir and Kabul.\n",
        ),
    ],
    good=[
        "Headline\n\nOne space between words.\n",
        "Headline\n\nA paragraph\n   with an indented second line.\n",
    ],
)
def check(article, options):
    latin1 = article.shared(latin1_text)
    if latin1 is not None:
        spaces = latin1.translate(_SPACES)
        if b"  " not in spaces and b"\t" not in spaces:
            return  # the common case, checked at C speed
    for block in article.blocks:
        text = block.text
        if text.isascii() and not _ASCII_IRREGULAR.search(text):
            continue  # the common case, checked at C speed
        for m in _RUN.finditer(text):
            run = m.group(0)
            start, end = m.start(), m.end()
            # Indentation at the start of a line, and trailing space before a
            # line break, are not "inside" a line.
            if start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n":
                continue
            span = source_span(article, block, start, end)
            if span is None:
                continue  # the run spans markup: not plain whitespace in the source
            s, e = span
            visible = any(ch.isspace() for ch in run)
            yield Hit(
                s,
                e,
                message=f"Irregular whitespace: {_describe(run)}",
                fix=Fix.replace(s, e, " ", description="Replace with one space")
                if visible
                else Fix.delete(s, e, description="Remove the zero-width space"),
            )
