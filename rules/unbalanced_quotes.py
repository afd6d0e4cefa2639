import re

from newslint.findings import Hit
from newslint.model import BlockKind
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text

_OPENING = "“„«"
_CLOSING = "”»"
_MARK = re.compile(f'[{_OPENING}{_CLOSING}"]')
_OPEN_CONTEXT = "([{—–/"
_CLOSE_CONTEXT = ".,;:!?)]}…—–'’"
#: Text before a quote mark that shows a quotation is being re-opened after a
#: sentence, as in merged paragraphs: '... it comes. "As long as ...'.
_REOPEN_AFTER = ".?!:…'’"

_DANGLING = (
    "Opening quote mark left dangling at the end of the paragraph; "
    "its quotation is not in this paragraph"
)
_UNCLOSED_NEXT = "Quotation not closed, and the next paragraph does not reopen it"
_UNCLOSED_END = "Quotation never closed"
_UNCLOSED = "Quotation not closed"
_STRAY_CLOSE = "Closing quote mark with no opening quote"

#: Single quote marks, straight and curly: a quotation's or an apostrophe.
_SINGLE = re.compile(r"['‘’]")
#: What may come before a single quote that opens a quotation.
_BEFORE_OPENING = '([{—–/"“”'
#: Every character after which a single quote mark may open a quotation, for
#: the pre-check: whitespace as it occurs between words and lines, and the rest.
_OPENING_CLASSES = byte_table(
    lambda c: (
        "("
        if c.isspace() or c in _BEFORE_OPENING
        else "a"
        if c.isalpha()
        else "'"
        if c == "'"
        else "."
    )
)
_OPENING_NEEDLES = tuple(f"{c}'" for c in (" ", "\n", "\t", "\u00a0", *_BEFORE_OPENING))
_LETTERS = re.compile(r"[^\W\d_]+")
#: Words a leading apostrophe shortens ('em, 'til, rock 'n' roll), and the
#: tails of a contraction whose first word was lost ('s, 't): not quotations.
_ELIDED = frozenset(
    {
        *("em", "til", "tis", "twas", "twere", "n", "cause", "cos", "bout", "round", "ere"),
        *("er", "ol", "nuff", "scuse", "s", "t", "d", "ll", "re", "ve", "m"),
    }
)
#: A paragraph that reopens a single quotation left open in the one before.
_REOPENS_SINGLE = lazy(r"[\"“]?['‘]")
_SINGLE_UNCLOSED = "Single quotation not closed in this paragraph"

#: Stands for a quotation opened by a dangling quote in the previous paragraph.
_VIRTUAL = -1


def _kind(text, i):
    """'open', 'close' or 'either' for the quote mark at text[i]."""
    ch = text[i]
    if ch in _OPENING:
        return "open"
    if ch in _CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left = before.isspace() or before in _OPEN_CONTEXT
    right = after.isspace() or after in _CLOSE_CONTEXT
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


@rule(
    code="NL301",
    name="unbalanced-quotes",
    category="punctuation",
    severity="error",
    message="Unbalanced quotation marks",
    what="Double quotation marks, curly or straight, that do not pair up within a "
    "paragraph: a quotation never closed, a closing mark with no opening one, or "
    "an opening mark left dangling at the end of a paragraph while its quotation "
    "sits in the next one. The news convention for quotations that run over several "
    "paragraphs is honoured: every paragraph but the last is left open and the next "
    "one reopens with a quote mark. A quotation reopened after a full stop inside "
    "one paragraph (merged paragraphs) is accepted too. A single quote mark (straight "
    "or curly) that opens a quotation at the start of a word and is never closed in "
    "its paragraph is reported as well. Apostrophes are not quote marks (Massoud’s, "
    "’90s, rock ’n’ roll, o’clock, ’em, the ministers' offices), so a stray closing "
    "single quote cannot be told from one and is not reported.",
    why="A missing or stray quote mark changes who is saying what: readers cannot "
    "tell where the quoted words end, which in news copy is an accuracy problem.",
    bad=[
        Example("Headline\n\nHe vowed to fight. “\n\nI will not go,” he wrote.\n", at=(3, 20)),
        Example('Headline\n\nShe called it "a disaster.\n\nThe vote is on Monday.\n', at=(3, 15)),
        Example('Headline\n\nThe plan was approved, said Bill Ford."\n', at=(3, 39)),
        Example("Headline\n\n“We won,” he said. “It was ’90s rock ’n’ roll.\n", at=(3, 20)),
        Example("Headline\n\nShe called the plan 'a disaster and walked out.\n", at=(3, 21)),
        Example("Headline\n\n“He told me ‘go home,” she said.\n", at=(3, 13)),
    ],
    good=[
        "Headline\n\n“We fought for years,” he said. “We will not stop.\n\n“The valley is ours.”\n",
        'Headline\n\n"It is good," he said, "and it will get better."\n',
        "Headline\n\nMassoud’s men talked of the ’90s and rock ’n’ roll till one o’clock.\n",
        'Headline\n\n"I take each race as it comes. "As long as I win, fine," she said.\n',
        'Headline\n\nHe was the "Father of the House" and proud of it.\n',
        "Minister 'to quit' over leak\n\nThe ministers' offices were shut. Rock 'n' roll "
        "and the '90s, 'til dawn: show 'em the 'BB+' rating. “He said ‘no’,” she said.\n",
        "Headline\n\n“He said: ‘We will not give up.\n\n“‘We will win,’ he said.”\n",
    ],
)
def check(article, options):
    headline = article.headline
    if headline is not None:
        hits: list[Hit] = []
        _block_hits(headline, None, hits)
        yield from hits
    pending = None  # (source offset of the open quote, dangling: bool)
    for block in article.blocks:
        if block.kind is BlockKind.HEADLINE:
            continue
        hits = []
        pending = _block_hits(block, pending, hits)
        yield from hits
    if pending is not None and not pending[1]:
        yield Hit(pending[0], pending[0] + 1, message=_UNCLOSED_END)
    if _may_open_single(article):
        yield from _single_quote_hits(article.blocks)


def _may_open_single(article):
    """Whether a single quote mark may open a quotation anywhere in the article:
    one after a space, a bracket or a dash and before a letter (most
    apostrophes sit inside words). At C speed for Latin-1 text."""
    latin1 = article.shared(latin1_text)
    if latin1 is not None:
        return b"('a" in b"(" + latin1.translate(_OPENING_CLASSES)
    text = article.block_text
    return "‘" in text or text.startswith("'") or any(n in text for n in _OPENING_NEEDLES)


def _single_quote_hits(blocks):
    """Single quotations opened and never closed, paragraph by paragraph. A
    quotation left open is accepted when the next paragraph reopens it."""
    left_open = None
    for block in blocks:
        text = block.text
        if left_open is not None and not _REOPENS_SINGLE.match(text.lstrip()):
            yield left_open
        left_open = None
        opened = _unclosed_single(text) if "'" in text or "‘" in text else None
        if opened is not None:
            at = block.to_source(opened)
            left_open = Hit(at, at + 1, message=_SINGLE_UNCLOSED)
    if left_open is not None:
        yield left_open


def _unclosed_single(text):
    """Where the first single quotation left open in ``text`` starts, or None.

    A mark opens a quotation at the start of a word (after a space, a bracket,
    a dash or a double quote, before a letter) unless it shortens a word
    ('em, rock 'n' roll); it may close one after a non-space character and
    not before a letter or digit (so an apostrophe ending a word counts)."""
    opened: list[int] = []
    end = len(text)
    for m in _SINGLE.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isspace() or before in _BEFORE_OPENING:
            if text[i] != "’":
                word = _LETTERS.match(text, i + 1)
                if word is not None and word.group().lower() not in _ELIDED:
                    opened.append(i)
        elif opened and not after.isalnum():
            opened.pop()
    return opened[0] if opened else None


def _block_hits(block, pending, hits):
    """Check one block; append hits; return what is left open for the next block."""
    text = block.text
    if pending is None and '"' not in text and text.isascii():
        return None  # no quote mark, nothing left open: checked at C speed
    marks = [m.start() for m in _MARK.finditer(text)]
    if not marks and pending is None:
        return None  # nothing to pair, nothing left open
    first_char = len(text) - len(text.lstrip())
    last_char = len(text.rstrip()) - 1  # index of the last non-space character
    starts_with_quote = bool(marks) and marks[0] == first_char and _kind(text, marks[0]) != "close"
    stack: list[int] = []
    stray_reported = False
    if pending is not None and not starts_with_quote:
        if pending[1]:
            stack.append(_VIRTUAL)
        else:
            hits.append(Hit(pending[0], pending[0] + 1, message=_UNCLOSED_NEXT))
    for i in marks:
        kind = _kind(text, i)
        if kind == "either":
            kind = "close" if stack and text[i] == '"' else "open"
            if text[i] == '"' and stack and i >= last_char:
                kind = "close"
        if kind == "open":
            if i >= last_char:
                if stack and stack[0] != _VIRTUAL:
                    at = block.to_source(stack[0])
                    hits.append(Hit(at, at + 1, message=_UNCLOSED))
                at = block.to_source(i)
                hits.append(Hit(at, at + 1, message=_DANGLING))
                return (at, True)
            if stack and _previous_char(text, i) in _REOPEN_AFTER:
                stack[-1] = i
            else:
                stack.append(i)
        elif stack:
            stack.pop()
        elif not stray_reported:
            # Once the pairing is off, later marks of the paragraph say little:
            # report the first stray closing mark only.
            stray_reported = True
            at = block.to_source(i)
            hits.append(Hit(at, at + 1, message=_STRAY_CLOSE))
    if not stack:
        return None
    if len(stack) > 1 and stack[1] != _VIRTUAL:
        # A quotation opened inside another and never closed: the first one only.
        at = block.to_source(stack[1])
        hits.append(Hit(at, at + 1, message=_UNCLOSED))
    if block.kind is BlockKind.HEADLINE:
        if stack[0] != _VIRTUAL:
            at = block.to_source(stack[0])
            hits.append(Hit(at, at + 1, message=_UNCLOSED))
        return None
    if stack[0] == _VIRTUAL:
        return (pending[0], True)
    return (block.to_source(stack[0]), False)


def _previous_char(text, i):
    """The last non-space character before ``text[i]`` ("" at the start)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""
