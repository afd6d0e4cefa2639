import re

from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.scrape import CURLY, Tokens

#: The characters cp1252 shows for the UTF-8 continuation bytes 0x80-0xBF.
_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]{{1,3}}")
#: What mojibake must decode to: Latin letters and signs, general punctuation,
#: currency and letterlike symbols (what news copy holds outside ASCII).
_PLAUSIBLE = lazy(r"[\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u215f]+")
#: Suffixes a lost apostrophe leaves behind: "minister?s", "don?t", "they?re".
_APOSTROPHE_SUFFIX = lazy(r"(?:s|t|re|ve|ll|d|m)(?![\w'’])", re.IGNORECASE)


_MARKS = re.compile("[?\ufffd]")
_WORD = lazy(r"[^\W\d_]+")
_WORD_BEFORE = lazy(r"(?:[^\W\d_]+|[\d%]+)$")


def _byte(ch: str) -> int:
    code = ord(ch)
    if code < 0x100 and not 0x80 <= code < 0xA0:
        return code
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return code if code < 0x100 else -1


def _demojibake(run: str) -> tuple[int, str] | None:
    """The length of mojibake at the start of ``run`` and the text it stood for."""
    raw = bytes(b for b in map(_byte, run) if b >= 0)
    if len(raw) != len(run):
        return None
    lead = raw[0]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    if len(raw) < size:
        return None
    try:
        decoded = raw[:size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not _PLAUSIBLE.fullmatch(decoded):
        return None
    return size, decoded


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


@rule(
    code="NL503",
    name="lost-punctuation",
    category="scrape",
    severity="error",
    message="Punctuation lost in a conversion",
    what='A "?" left where a conversion to ASCII or to the wrong code page dropped a '
    'curly apostrophe, a curly quote or a dash: "the minister?s office", '
    '"TV?appearances", "?We will win,? he said", "the talks ? which began in May ? '
    'failed"; the Unicode replacement character (U+FFFD); and mojibake, UTF-8 text '
    'read as Windows-1252 ("â€™" for ’, "â€œ" for “, "Ã©" for é, "Â£" for £). Real '
    'questions ("Why?", "Who? Him?", "Is it the U.S.?") and question marks in web '
    "addresses (page?id=3) are not flagged.",
    why="Readers see the debris at once and it makes the whole article look broken; "
    "a lost apostrophe or quote mark can also change who said what.",
    fix='Mojibake is decoded back to the character it stood for (safe). A "?" '
    'standing for an apostrophe ("minister?s", "don?t") becomes a curly apostrophe: '
    'only a non-ASCII apostrophe turns into "?", so the original was curly (safe). '
    "Lost quote marks and dashes are reported without a fix.",
    bad=[
        Example(
            "Headline\n\nThe minister?s office said TV?appearances were off, said O?Brien.\n",
            at=((3, 13), (3, 30), (3, 59)),
            fixed="Headline\n\nThe minister’s office said TV?appearances were off, said O’Brien.\n",
        ),
        Example("Headline\n\n?We will win,? he said.\n", at=((3, 1), (3, 14))),
        Example(
            "Headline\n\nPrices rose by Â£5 at the cafÃ© and it wasnâ€™t cheap.\n",
            at=((3, 16), (3, 30), (3, 44)),
            fixed="Headline\n\nPrices rose by £5 at the café and it wasn’t cheap.\n",
        ),
        Example(
            "Headline\n\nThe talks ? which began in May ? failed at 10\ufffd15.\n",
            at=((3, 11), (3, 32), (3, 46)),
        ),
    ],
    good=[
        "Headline\n\nWhy? Who? Him? Is it the U.S.? Really?!\n",
        "Headline\n\nSee example.com/page?id=3 for the café’s menu at £5.\n",
        "Headline\n\n“We will win,” he said. “Why?”\n",
    ],
)
def check(article, options):
    for block in article.blocks:
        text = block.text
        if text.isascii() and "?" not in text:
            continue  # no mark and no mojibake (whose characters are not ASCII): at C speed
        opened = False  # a "?" standing for a lost opening quote seen in this block
        tokens = Tokens(text)
        for q in _MARKS.finditer(text):
            i, ch = q.start(), q.group(0)
            if ch == "\ufffd":
                at = block.to_source(i)
                yield Hit(
                    at, at + 1, message="Replacement character (U+FFFD): a character was lost"
                )
                continue
            found = _question_mark(text, i, opened, tokens)
            if found is None:
                continue
            kind, fix_text = found
            opened = opened or kind in ("opening quote", "character")
            at = block.to_source(i)
            fix = (
                Fix.replace(at, at + 1, fix_text, description=f"Restore the {kind}")
                if fix_text
                else None
            )
            yield Hit(
                at,
                at + 1,
                message=f'"?" where {"an" if kind[0] in "aeiou" else "a"} {kind} was lost',
                fix=fix,
            )
        for m in _MOJIBAKE.finditer(text):
            found_m = _demojibake(m.group(0))
            if found_m is None:
                continue
            size, decoded = found_m
            start = block.to_source(m.start())
            end = block.to_source(m.start() + size)
            yield Hit(
                start,
                end,
                message=f'Mojibake: "{m.group(0)[:size]}" is "{decoded}" in the wrong encoding',
                fix=Fix.replace(start, end, decoded, description=f'Restore "{decoded}"'),
            )


def _question_mark(text: str, i: int, opened: bool, tokens: Tokens) -> tuple[str, str] | None:
    """What a "?" at ``text[i]`` stands for, and the fix, or None for a real "?"."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if tokens.is_address(i):
        return None
    if _MOJIBAKE.match(text, i + 1) and _demojibake(text[i + 1 : i + 5]):
        return None  # a real "?" before mojibake: "disabled?â€\x9d"
    if _is_letter(before) and _is_letter(after):
        if _APOSTROPHE_SUFFIX.match(text, i + 1):
            return "apostrophe", CURLY
        if i == 1 or not _is_letter(text[i - 2]):
            return "apostrophe", CURLY  # "O?Brien", "d?Arcy", "l?Oreal"
        word = _WORD.match(text, i + 1)
        if word and word.group(0)[0].isupper() and word.group(0)[1:].islower():
            return None  # "Why?Because": a glued sentence (missing-space-after-punctuation)
        return "dash or space", ""
    if before.isdigit() and after.isdigit():
        return "dash", ""
    if (before.isspace() or before in "([—–") and after.isdigit():
        return "character", ""  # "?5m": a currency sign
    if (before.isspace() or before in "([—–") and after.isalpha():
        return "opening quote", ""
    if before in ",;:" and (after.isspace() or after in ")]"):
        return "closing quote", ""
    if before == "." and (after.isspace() or after in ")]"):
        word = _WORD_BEFORE.search(text[max(0, i - 41) : i - 1])
        # "win.?" ends a quotation; "the U.S.?" and "Acme Inc.?" may be questions
        # about an abbreviation, unless a lost opening quote came before.
        if opened or (word and len(word.group(0)) > 1 and not word.group(0).istitle()):
            return "closing quote", ""
    if before == " " and after == " ":
        nxt = text[i + 2 : i + 3]
        if nxt.isalpha() and nxt.islower():
            return "dash", ""
    return None
