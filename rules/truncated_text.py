import re

from newslint.findings import Hit
from newslint.model import BlockKind
from newslint.patterns import lazy
from newslint.rule import Example, rule

#: Teaser and export markers left at the end of a paragraph.
_MARKER = lazy(
    r"(?:\b(?:read|see) (?:the )?(?:more|full (?:story|article|report))"
    r"|\bcontinue(?:s|d)? (?:reading|on page \d+)|\bclick here(?: to read more)?)"
    r"\s*(?:\.\.\.|…|»|>+|→|\.)?"
    r"|\[\s*(?:\.\.\.|…)\s*\]"
    r"|\((?:continued|cont(?:'d|’d|\.)?|more|story continues)\)\.?"
    r"|\[(?:continued|more)\]",
    re.IGNORECASE,
)
#: Words after which a sentence cannot end: articles, possessives, prepositions
#: that need an object and conjunctions that need a second part.
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "your",
        "our",
        "their",
        "its",
        "of",
        "to",
        "by",
        "with",
        "from",
        "for",
        "at",
        "into",
        "onto",
        "than",
        "and",
        "or",
        "nor",
        "but",
        "because",
        "although",
        "whereas",
    ]
)
_TERMINAL = re.compile(r"[.!?…:]['\"”’)\]]*$|['\"”’)\]]$")
_WORD = lazy(r"[^\W_][\w'’\-.%]*")
#: How far from the end of a paragraph a marker or the last word is looked for.
_TAIL = 80
#: Lines that are lists or sport data, not sentences.
_LIST_ITEM = re.compile(r"^(?:[-*•·–]\s|\d{1,2}[.)]\s|:)")
_FIXTURE = lazy(r"\b\w+ v \w+")

_ENTITY = re.compile(r"&#?\w+;$")

_OPENING_QUOTES = "\"“‘'«"
_CUT = "Paragraph cut off mid-sentence"
_UNFINISHED = "Article ends mid-sentence: the last paragraph has no closing punctuation"


@rule(
    code="NL504",
    name="truncated-text",
    category="scrape",
    severity="error",
    message="Text cut off",
    what="Text cut off by a teaser or an export: a paragraph ending in a teaser or "
    'continuation marker ("Read more", "Continue reading", "[...]", "(continued)"), '
    'a paragraph ending in a comma or in a word a sentence cannot end with ("the", '
    '"of", "and"), and an article whose last paragraph is a sentence with no closing '
    'punctuation. Sport data, fixtures ("Charlton v Yeovil"), lists, short lines, '
    "subheads, lead-ins ending in a colon, and a comma before a paragraph that opens "
    "a quotation are not flagged.",
    why="A cut-off article publishes half a story: the reader loses the end of the "
    "sentence and often the attribution or the caveat that came with it.",
    bad=[
        Example(
            "Headline\n\nThe bank raised rates.\n\n"
            "Analysts expect more rises this year. Read more\n",
            at=(5, 39),
        ),
        Example(
            "Headline\n\nThe bank raised rates. In the men's 3,000m,\n\nIt was a record.\n",
            at=(3, 37),
        ),
        Example(
            "Headline\n\nThe bank raised rates.\n\nHe said the economy expanded by 1.3% in the\n",
            at=(5, 41),
        ),
        Example(
            "Headline\n\nThe bank raised rates [...]\n\nIt was a shock (continued)\n",
            at=((3, 23), (5, 16)),
        ),
    ],
    good=[
        "Headline\n\nThe tables below show the rates:\n\n- Bank of England 4.75%\n",
        "Headline\n\nThe draw was made.\n\nBurnley or Blackburn v Leicester\n",
        "Headline\n\nThe squad was named.\n\nNot used: Fury, Brooks\n",
        "Headline\n\nIt was a good week.\n\nWinners meet in final match\n",
        'Headline\n\nHe said: "We will win."\n\nThe match is on BBC One at 1900 GMT.\n',
        'Headline\n\nThe minister told MPs,\n\n"We will not give in."\n',
    ],
)
def check(article, options):
    body = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    for k, block in enumerate(body):
        text = block.text.rstrip()
        if not text:
            continue
        tail_at = max(0, len(text) - _TAIL)
        tail = text[tail_at:]
        marker = _MARKER.search(text, tail_at) if _may_hold_marker(tail) else None
        if marker is not None and marker.end() == len(text):
            yield Hit(
                block.to_source(marker.start()),
                block.to_source(marker.end()),
                message=f'Teaser or export marker "{marker.group(0)}": the text was cut off here',
            )
            continue
        if _LIST_ITEM.match(text):
            continue
        word = tail.rsplit(None, 1)[-1]  # the last run of non-space characters
        if tail_at and len(word) == len(tail):
            continue  # no space near the end: not a sentence
        last_start = len(text) - len(word)
        if _ENTITY.search(word):
            continue  # HTML debris ("br /&gt;"): not a cut
        if word.endswith(",") and k + 1 < len(body) and body[k + 1].text[:1] in _OPENING_QUOTES:
            continue  # a lead-in to a quotation: 'He said,' then '"We will win."'
        if word.endswith((",", ";")) or word.lower() in _DANGLING:
            yield Hit(block.to_source(last_start), block.to_source(len(text)), message=_CUT)
            continue
        if k == len(body) - 1 and not _TERMINAL.search(text) and _is_sentence(text):
            yield Hit(block.to_source(last_start), block.to_source(len(text)), message=_UNFINISHED)


#: Words one of which every teaser marker holds (see _MARKER); brackets aside.
_MARKER_WORDS = ("read", "see", "continue", "click")


def _may_hold_marker(tail: str) -> bool:
    """A fast pre-check for _MARKER. Exact for ASCII text only (with IGNORECASE,
    "ſ" matches "s"), so other text is left to the regular expression."""
    if "[" in tail or "(" in tail or not tail.isascii():
        return True
    lowered = tail.lower()
    return any(w in lowered for w in _MARKER_WORDS)


def _is_sentence(text: str) -> bool:
    """Whether the last sentence of a paragraph reads as prose, not data or a label."""
    tail = re.split(r"[.!?:]\s+", text)[-1]
    if _FIXTURE.search(tail):
        return False
    words = _WORD.findall(tail)
    if len(words) < 6:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return 2 * lower >= len(words)
