"""Property-based tests of ``--fix`` over generated articles.

Each example builds a clean article and, piece by piece alongside it, the same
article with defects planted (a full stop on the headline, the headline pasted
again as a paragraph, odd whitespace, a doubled word, "anti Taliban", a
paragraph pasted twice, a trailing tag), in a random encoding with random,
possibly mixed, line endings and with or without a final newline. Fixing the
defective bytes must give back the clean bytes exactly: every byte outside the
planted spans is kept and every planted defect is mended.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from newslint.fixer import encode_fixed, fix_source, is_fixable
from newslint.selection import select_rules
from newslint.sources import decode
from newslint.text import comparable

RULES = select_rules()

#: Words no rule has anything to say about, alone or next to each other.
WORDS = [
    "council",
    "budget",
    "river",
    "voters",
    "market",
    "plans",
    "report",
    "minister",
    "police",
    "court",
    "school",
    "hospital",
    "railway",
    "energy",
    "prices",
    "workers",
    "farmers",
    "talks",
    "deal",
    "city",
    "signed",
    "agreed",
    "rose",
    "fell",
    "met",
    "café",
    "Zürich",
    "Monday",
]
NAMES = ["Taliban", "government", "war", "racism"]
RUNS = ["  ", "   ", " \u00a0", "\u00a0", "\t", " \t "]
TAGS = ["KASHMIR", "WORLD NEWS", "SPORT"]

ENCODINGS = ["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "latin-1"]


@dataclass
class Pair:
    """A clean article and its defective twin, built side by side."""

    clean: list[str] = field(default_factory=list)
    dirty: list[str] = field(default_factory=list)

    def both(self, text: str) -> None:
        self.clean.append(text)
        self.dirty.append(text)

    def add(self, clean: str, dirty: str) -> None:
        self.clean.append(clean)
        self.dirty.append(dirty)


@st.composite
def sentences(draw: st.DrawFn) -> list[str]:
    """Four to nine words, never the same word twice in a row nor the same two
    words twice in a row (both are slips newslint mends)."""
    words = [draw(st.sampled_from(WORDS))]
    for _ in range(draw(st.integers(3, 8))):
        # A word that would make "a b a b" is left out along with a doubled one.
        pasted = words[-2] if len(words) >= 3 and words[-3] == words[-1] else None
        words.append(draw(st.sampled_from([w for w in WORDS if w not in (words[-1], pasted)])))
    return words


@st.composite
def paragraph(draw: st.DrawFn) -> tuple[str, str]:
    """A one-line paragraph, clean and with inline defects."""
    words = draw(sentences())
    words[0] = words[0][0].upper() + words[0][1:]
    seps = [" "] * (len(words) - 1)
    clean_words = list(words)
    dirty_words = list(words)
    dirty_seps = list(seps)
    if draw(st.booleans()):
        j = draw(st.integers(0, len(seps) - 1))
        dirty_seps[j] = draw(st.sampled_from(RUNS))
    anti = draw(st.sampled_from([None, *NAMES]))
    if anti is not None:
        k = draw(st.integers(1, len(words) - 1))
        clean_words.insert(k, f"anti-{anti}")
        dirty_words.insert(k, f"anti {anti}")
        seps.insert(k, " ")
        dirty_seps.insert(k, " ")
    if draw(st.booleans()):
        # Double a lowercase word (not the first: "Council council" is a name).
        candidates = [i for i, w in enumerate(dirty_words) if i > 0 and w.islower() and w.isalpha()]
        if candidates:
            k = draw(st.sampled_from(candidates))
            gap = draw(st.sampled_from([" ", " ", "  "]))
            dirty_words.insert(k + 1, dirty_words[k])
            dirty_seps.insert(k, gap)
    clean = _join(clean_words, seps) + "."
    dirty = _join(dirty_words, dirty_seps) + "."
    return clean, dirty


def _join(words: list[str], seps: list[str]) -> str:
    out = [words[0]]
    for sep, word in zip(seps, words[1:], strict=True):
        out += [sep, word]
    return "".join(out)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str, str]:
    """(clean text, defective text, encoding)."""
    style = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))

    def nl() -> str:
        if style == "mixed":
            return draw(st.sampled_from(["\n", "\r\n", "\r"]))
        return style

    def blank() -> str:
        """A line break and a blank line (never "\r" + "\n", which is one break)."""
        a, b = nl(), nl()
        return a + ("\r" if a == "\r" and b == "\n" else b)

    pair = Pair()
    headline_words = draw(sentences())[:6]
    headline = " ".join([headline_words[0].capitalize(), *headline_words[1:]])
    pair.add(headline, headline + "." if draw(st.booleans()) else headline)
    pair.both(blank())
    if draw(st.booleans()):
        copy = headline + draw(st.sampled_from(["", "."]))
        pair.add("", copy + blank())
    paragraphs = draw(
        st.lists(paragraph(), min_size=1, max_size=5, unique_by=lambda p: comparable(p[0]))
    )
    assume(all(comparable(c) != comparable(headline) for c, _ in paragraphs))
    for i, (clean, dirty) in enumerate(paragraphs):
        pair.add(clean, dirty)
        if i < len(paragraphs) - 1:
            pair.both(blank())
    tail = ""
    if draw(st.booleans()):
        repeated = draw(st.sampled_from([c for c, _ in paragraphs]))
        tail += blank() + repeated
    if draw(st.booleans()):
        tail += blank() + draw(st.sampled_from(TAGS))
    pair.add("", tail)
    pair.both(draw(st.sampled_from(["", nl()])))
    return "".join(pair.clean), "".join(pair.dirty), draw(st.sampled_from(ENCODINGS))


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding.startswith("utf-16"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        return bom + text.encode(encoding)
    return text.encode(encoding)


def fix_bytes(data: bytes, encoding: str) -> tuple[bytes, list]:
    source = decode(data, "article.txt", "latin-1" if encoding == "latin-1" else None)
    outcome = fix_source(source, RULES)
    assert not outcome.exhausted
    new = encode_fixed(source, outcome.source, data) if outcome.changed else data
    return new, outcome.findings


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(articles())
def test_fixing_a_defective_article_gives_back_the_clean_one_byte_for_byte(article):
    clean, dirty, encoding = article
    clean_bytes, dirty_bytes = encode(clean, encoding), encode(dirty, encoding)
    # The clean article has nothing to fix...
    fixed_clean, left = fix_bytes(clean_bytes, encoding)
    assert fixed_clean == clean_bytes
    assert not [f for f in left if is_fixable(f)]
    # ...and fixing the defective one gives it back exactly.
    fixed, left = fix_bytes(dirty_bytes, encoding)
    assert fixed == clean_bytes
    assert not [f for f in left if is_fixable(f)]


#: Text that stresses the fixer: words, doubled words, odd spaces, line breaks
#: of every kind, quote marks, prefixes and tags.
_PIECES = st.sampled_from(
    [
        "the",
        "The",
        "word",
        "anti",
        "co",
        "Taliban",
        "KASHMIR",
        ".",
        ",",
        "“",
        "”",
        '"',
        " ",
        "  ",
        "\u00a0",
        "\u200b",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\r\n\r\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.sampled_from(["utf-8", "utf-16-le", "utf-8-bom"]))
# Found by hypothesis: a headline that is only "." between a lone CR and LF was
# flagged, and its fix refused (removing it would join CR and LF into CRLF).
@example(pieces=["\r", ".", "\n"], encoding="utf-8")
def test_fixing_any_text_settles_and_fixing_again_changes_nothing(pieces, encoding):
    data = encode("".join(pieces), encoding)
    once, left = fix_bytes(data, encoding)
    assert not [f for f in left if is_fixable(f)]
    twice, _ = fix_bytes(once, encoding)
    assert twice == once
    # Line breaks are only ever removed, never rewritten: what is left of them
    # keeps its kind and order.
    before = decode(data, "a.txt").newlines
    after = decode(once, "a.txt").newlines
    assert _is_subsequence([n for n in after if n], [n for n in before if n])


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def test_a_fix_never_merges_a_lone_cr_and_a_following_lf_into_one_line_break():
    # Found by the property test above: deleting the "." headline between a lone
    # CR and an LF would have made them one CRLF, losing a line.
    data = b"\r.\n\n"
    once, _ = fix_bytes(data, "utf-8")
    assert decode(once, "a.txt").newlines == decode(data, "a.txt").newlines
