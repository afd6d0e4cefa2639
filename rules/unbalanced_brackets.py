import re

from newslint.findings import Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule

_BRACKET = re.compile(r"[()\[\]]")
_PAIRS = {")": "(", "]": "["}
_NAMES = {"(": "parenthesis", ")": "parenthesis", "[": "square bracket", "]": "square bracket"}
#: "1)", "a)", "iv)" at the start of the paragraph or after a space, a colon or a
#: semicolon: an enumeration marker, not a closing bracket.
_LIST_MARKER = lazy(r"(?:^|(?<=[\s:;,]))(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)(?=\s)")
#: Emoticons standing as a word: ":)", ":-(", ";)", ":-]".
_EMOTICON = re.compile(r"(?:^|(?<=\s))[:;=][-^o']?[()\[\]](?!\w)")


@rule(
    code="NL302",
    name="unbalanced-brackets",
    category="punctuation",
    severity="error",
    message="Unbalanced brackets",
    what="Parentheses and square brackets that do not pair up within a paragraph: a "
    'bracket opened and never closed ("suspects (foreign and British were held"), '
    'a closing bracket with no opening one ("in 3:48.82)."), or a pair that does '
    'not match ("(see [1)"). A bracket closed in a later sentence of the same '
    'paragraph is fine. Enumeration markers ("1)", "a)", "iv)") and emoticons '
    '(":)", ";-(") are not counted.',
    why="A missing bracket leaves the reader unsure where an aside ends; in copy "
    "that came through a scraper it often marks text that was cut.",
    bad=[
        Example(
            "Headline\n\nThe suspects (foreign and British were held.\n",
            at=(3, 14),
        ),
        Example("Headline\n\nHe won in 3:48.82). It was a record.\n", at=(3, 18)),
        Example("Headline\n\nG Thomas (Toulouse (capt); R Williams.\n", at=(3, 10)),
        Example("Headline\n\nThe figures [see table) were wrong.\n", at=((3, 13), (3, 23))),
    ],
    good=[
        "Headline\n\nThe threat: 1) If they strike, we act. 2) If not, we wait.\n",
        "Headline\n\nThe aside (which ran long. It ended here) was fine. a) one b) two\n",
        "Headline\n\nThe figures (see table 3) and (part b) were revised.\n",
        "Headline\n\nGreat result :) and a sad one :-( [as ever].\n",
    ],
)
def check(article, options):
    for block in article.blocks:
        text = block.text
        if "(" not in text and ")" not in text and "[" not in text and "]" not in text:
            continue  # most paragraphs: one fast scan per bracket
        ignored: set[int] = set()
        if ":" in text or ";" in text or "=" in text:  # an emoticon's eyes
            for m in _EMOTICON.finditer(text):
                ignored.update(i for i in range(m.start(), m.end()) if text[i] in "()[]")
        stack: list[int] = []
        for b in _BRACKET.finditer(text):
            i, ch = b.start(), b.group(0)
            if i in ignored:
                continue
            if ch in "([":
                stack.append(i)
                continue
            if stack and text[stack[-1]] == _PAIRS[ch]:
                stack.pop()
                continue
            if _is_marker(text, i):
                continue  # "1) If they strike": a list marker closes nothing
            at = block.to_source(i)
            if stack:
                opener = stack.pop()
                o = block.to_source(opener)
                yield Hit(o, o + 1, message=f'"{text[opener]}" closed by "{ch}"')
                yield Hit(at, at + 1, message=f'"{ch}" closes "{text[opener]}"')
            else:
                yield Hit(at, at + 1, message=f"Closing {_NAMES[ch]} with no opening one")
        if stack:
            # The outermost bracket left open: inner ones left open say little more.
            first = stack[0]
            at = block.to_source(first)
            yield Hit(at, at + 1, message=f"{_NAMES[text[first]].capitalize()} never closed")


def _is_marker(text: str, i: int) -> bool:
    """Whether the ")" at ``text[i]`` ends a list marker ("1)", "a)", "iv)")."""
    markers = _LIST_MARKER.finditer(text, max(0, i - 4), i + 2)
    return any(m.end() - 1 == i for m in markers)
