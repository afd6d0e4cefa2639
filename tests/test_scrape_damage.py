"""Clean corpus articles run through the damage scrapers and converters do; every
planted defect must be found at its line and column, and nothing else.

Each damage function returns the damaged text and the source offsets of the
defects it planted (computed from where it planted them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.errors import InputError
from newslint.fixer import apply_fixes
from newslint.sources import read_source

from .helpers import lint

#: Every 12th article of the corpus: about 120 articles from all three desks.
_STEP = 12


def _articles(corpus: Path) -> list[tuple[str, str]]:
    paths = sorted((corpus / "bbc").glob("*/*.txt"))
    out = []
    for path in paths[::_STEP]:
        try:
            text = read_source(str(path)).text
        except InputError:
            continue  # the one Latin-1 file
        out.append((f"{path.parent.name}/{path.name}", text))
    assert len(out) > 100
    return out


def _at(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _found(text: str, rule: str) -> list[tuple[int, int]]:
    return sorted((f.line, f.column) for f in lint(text, rule))


def _expected(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    return sorted(_at(text, o) for o in offsets)


# --- apostrophes lost to spaces ---------------------------------------------

_NEGATIVES = {"don", "doesn", "didn", "can", "couldn", "won", "wouldn", "shouldn", "isn"}
_NEGATIVES |= {"aren", "wasn", "weren", "hasn", "haven", "hadn"}
_PRONOUN = {"re": {"you", "we", "they"}, "ve": {"i", "you", "we", "they"}, "m": {"i"}}
_PRONOUN["ll"] = {"i", "you", "he", "she", "it", "we", "they"}
_APOSTROPHE = re.compile(r"\b([A-Za-z]+)'(s|t|re|ve|ll|m)\b")


def strip_apostrophes(text: str) -> tuple[str, list[int]]:
    """Replace the apostrophe of "’s", "n’t", "’re", "’ve", "’ll" and "’m" by a space."""
    chars = list(text)
    planted = []
    for m in _APOSTROPHE.finditer(text):
        word, suffix = m.group(1).lower(), m.group(2)
        if suffix == "t" and word not in _NEGATIVES:
            continue
        if suffix in _PRONOUN and word not in _PRONOUN[suffix]:
            continue
        chars[m.start(2) - 1] = " "
        planted.append(m.start(2) - 1)
    return "".join(chars), planted


# --- straight typography made curly, then lost in a conversion ------------

_INNER = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")


def curly(text: str) -> str:
    """The article set in curly typography: ’ “ ” and spaced en dashes."""
    text = _INNER.sub("’", text)
    text = text.replace(" - ", " – ")
    out = []
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else "\n"
            ch = "“" if before.isspace() or before in "([" else "”"
        out.append(ch)
    return "".join(out)


def _word(text: str, i: int, step: int) -> str:
    j = i
    while 0 <= j + step < len(text) and text[j + step].isalpha():
        j += step
    return text[min(i, j) : max(i, j) + 1] if j != i or text[i].isalpha() else ""


def to_ascii(text: str) -> tuple[str, list[int]]:
    """Encode to ASCII with "?" for every other character, as old feeds do.

    The planted defects are the "?" that the rule's contract says it can tell
    from a real question mark: apostrophes between letters (except before a
    capitalised word after a word of two letters or more, which reads as a
    glued question: "Why?Because"), opening quotes, closing quotes after a
    comma, semicolon or colon (or after a full stop that does not end a
    capitalised abbreviation, or once an opening quote was lost in the
    paragraph), a spaced mark before a lower-case word (a dash), and currency
    signs before a number."""
    out = text.encode("ascii", "replace").decode("ascii")
    planted = []
    opened = False
    for i, ch in enumerate(text):
        if ch == "\n":
            opened = False
        if ch.isascii():
            continue
        before = text[i - 1] if i else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if ch == "’":
            nxt = re.match(r"[A-Za-z]+", text[i + 1 :])
            assert nxt is not None
            glued_question = (
                nxt.group(0)[0].isupper()
                and nxt.group(0)[1:].islower()
                and len(nxt.group(0)) > 1
                and i >= 2
                and text[i - 2].isalpha()
                and not re.match(r"(s|t|re|ve|ll|d|m)\b", text[i + 1 :], re.IGNORECASE)
            )
            if not glued_question:
                planted.append(i)
        elif ch == "“" and after.isalnum():
            planted.append(i)
            opened = True
        elif ch == "”" and (after.isspace() or after in ")]"):
            word = re.search(r"(?:[A-Za-z]+|[\d%]+)$", text[: i - 1])
            stop = before == "." and (
                opened
                or (word is not None and len(word.group(0)) > 1 and not word.group(0).istitle())
            )
            if before in ",;:" or stop:
                planted.append(i)
        elif before == " " and after == " " and text[i + 2 : i + 3].islower():
            planted.append(i)  # a dash, or a stray spaced quote: read as a lost dash
        elif ch == "£" and before in " (\n" and after.isdigit():
            planted.append(i)
    return out, planted


# --- UTF-8 read as Windows-1252 ---------------------------------------------


def _cp1252(data: bytes) -> str:
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # bytes cp1252 leaves undefined show as C1 controls
    return "".join(out)


def mojibake(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    planted = []
    size = 0
    for ch in text:
        piece = ch if ch.isascii() else _cp1252(ch.encode("utf-8"))
        if not ch.isascii():
            planted.append(size)
        out.append(piece)
        size += len(piece)
    return "".join(out), planted


# --- paragraph breaks lost ----------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9%)\"'])([.!?])([\"']*)$")
_SENTENCE_START = re.compile(r"([\"']*)(?:[A-Z][a-z]+|[A-Z])(?![A-Za-z])")


def glue_paragraphs(text: str) -> tuple[str, list[int]]:
    """Drop every paragraph break of the body: the paragraphs run together.

    Planted: each sentence end glued to a capitalised word (at most two quote
    marks between them), unless the sentence ends in an initial ("K Clark."),
    and each paragraph cut after a comma glued to the next word."""
    headline, body = text.split("\n\n", 1)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    out = headline + "\n\n"
    planted = []
    for k, para in enumerate(paragraphs):
        if k:
            end = _SENTENCE_END.search(out)
            start = _SENTENCE_START.match(para)
            initial = re.search(r"(?<![A-Za-z'])[A-Za-z][.!?]$", out)
            if (
                end is not None
                and start is not None
                and len(end.group(2) + start.group(1)) <= 2
                and initial is None
            ):
                planted.append(end.start())
            elif re.search(r"[A-Za-z0-9)%],$", out) and para[0].isalpha():
                planted.append(len(out) - 1)  # a paragraph cut after a comma
        out += para
    return out + "\n", planted


# --- the tests ----------------------------------------------------------------


def _check(corpus, rule, damage, *, min_planted):
    total = 0
    for name, text in _articles(corpus):
        if lint(text, rule):
            continue  # the article's own (reviewed) slips are another test's business
        damaged, planted = damage(text)
        assert _found(damaged, rule) == _expected(damaged, planted), name
        total += len(planted)
    assert total >= min_planted
    return total


def test_stripped_apostrophes_are_found_where_they_were_planted(corpus):
    _check(corpus, "stripped-apostrophe", strip_apostrophes, min_planted=150)


def test_stripped_apostrophe_fix_restores_the_article(corpus):
    for _, text in _articles(corpus)[:30]:
        damaged, planted = strip_apostrophes(text)
        fixed, applied = apply_fixes(damaged, lint(damaged, "stripped-apostrophe"), unsafe=True)
        assert (fixed, applied) == (text, len(planted))


def test_curly_punctuation_lost_to_question_marks_is_found(corpus):
    _check(corpus, "lost-punctuation", lambda t: to_ascii(curly(t)), min_planted=400)


def test_mojibake_is_found_and_the_fix_restores_the_text(corpus):
    total = 0
    for name, text in _articles(corpus):
        clean = curly(text)
        damaged, planted = mojibake(clean)
        findings = lint(damaged, "lost-punctuation")
        assert sorted((f.line, f.column) for f in findings) == _expected(damaged, planted), name
        fixed, applied = apply_fixes(damaged, findings)
        assert (fixed, applied) == (clean, len(planted)), name
        total += len(planted)
    assert total >= 400


def test_lost_paragraph_breaks_are_found_as_glued_sentences(corpus):
    _check(corpus, "missing-space-after-punctuation", glue_paragraphs, min_planted=300)


def test_curly_typography_alone_raises_nothing(corpus):
    names = (
        "lost-punctuation",
        "stripped-apostrophe",
        "missing-space-after-punctuation",
        "space-before-punctuation",
        "doubled-punctuation",
    )
    for name, text in _articles(corpus):
        before = {(f.name, f.line, f.column) for f in lint(text, *names)}
        after = {(f.name, f.line, f.column) for f in lint(curly(text), *names)}
        assert after == before, name


def _damageable(para: str, rule: str) -> bool:
    if "\n" in para or ", " not in para or para.count("(") != para.count(")"):
        return False
    if rule != "unbalanced-brackets":
        return True
    return "(" in para and para.index(")") > para.index("(")


@pytest.mark.parametrize(
    ("rule", "damage"),
    [
        # The first ")" of a paragraph lost: reported at its "(".
        ("unbalanced-brackets", lambda p: (p.replace(")", "", 1), p.index("("))),
        # The first comma doubled.
        ("doubled-punctuation", lambda p: (p.replace(", ", ",, ", 1), p.index(", "))),
        # A space before the first comma.
        ("space-before-punctuation", lambda p: (p.replace(", ", " , ", 1), p.index(", "))),
    ],
)
def test_punctuation_damage_in_a_paragraph_is_found(corpus, rule, damage):
    total = 0
    for name, text in _articles(corpus):
        if lint(text, rule):
            continue
        _, body = text.split("\n\n", 1)
        first = next((p for p in body.split("\n\n") if _damageable(p, rule)), None)
        if first is None:
            continue
        damaged_para, at = damage(first)
        damaged = text.replace(first, damaged_para, 1)
        offset = text.index(first) + at
        assert _found(damaged, rule) == [_at(damaged, offset)], name
        total += 1
    assert total >= 10


def test_cut_off_articles_are_found(corpus):
    total = 0
    for name, text in _articles(corpus):
        if lint(text, "truncated-text"):
            continue
        body = text.rstrip("\n")
        last_start = body.rfind("\n") + 1
        last = body[last_start:]
        cut = re.search(r"(?<=\w )the(?= )", last[40:])
        if cut is None:
            continue
        at = last_start + 40 + cut.start()
        # Cut after "the" by an export, and cut by a teaser link.
        assert _found(body[: at + 3] + "\n", "truncated-text") == [_at(body, at)], name
        teaser = body[:at] + "Read more\n"
        assert _found(teaser, "truncated-text") == [_at(teaser, at)], name
        total += 1
    assert total >= 30
