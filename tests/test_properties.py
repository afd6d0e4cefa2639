"""Property-based tests over arbitrary text, for every rule in the catalogue
(built in and shipped packs: a new rule is covered by being in the catalogue).

For each rule, in both readers, with LF, CRLF and CR line endings and with or
without a BOM: no exception, every finding's span lies inside the text, its
line and column agree with its offsets, and linting twice gives the same
findings. The whole pipeline (bytes in, every rule, every reporter, the fixer)
is checked on arbitrary bytes too, and on the inputs the fuzzer found
(tests/data/fuzz/, recorded by ``bench/fuzz.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.engine import ActiveRule
from newslint.model import Source

from .fuzzing import catalogue, fuzz_bytes, lint, path_for

#: Pieces of news copy, markup and damage that the rules look at.
FRAGMENTS = [
    "The",
    "the",
    "the the",
    "minister",
    "said",
    "Ministers agree budget deal",
    "KASHMIR",
    "anti ",
    "non profit",
    "co founder",
    "1980s or 1980s",
    "Delhi and Delhi",
    "and",
    "or",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u202f",
    "\u200b",
    "\ufeff",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "..",
    ",,",
    " ,",
    " .",
    "-",
    "--",
    " - ",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "1)",
    ":)",
    "3-1",
    "6-4 6-4",
    "50%",
    "per cent",
    "U.S.",
    "don t",
    "country s",
    "minister?s",
    "â€™",
    "Ã©",
    "\ufffd",
    "&amp;",
    "&nbsp;",
    "[caption]",
    "Read more",
    "[...]",
    "(continued)",
    "Also Read:",
    "Advertisement",
    "Click here to",
    "# ",
    "## ",
    "* ",
    "- ",
    "> ",
    "1. ",
    "`",
    "```",
    "**",
    "_",
    "[link](http://example.com)",
    "<b>",
    "</b>",
    "<!-- x -->",
    "<!-- newslint-disable -->",
    "<!-- newslint-enable -->",
    "<!-- newslint-disable-next-line repeated-word -->",
    "<!-- newslint-disable-file -->",
    "---\n",
    "title: Budget\n",
    "---",
    "    ",
    "\\",
    "|",
    "é",
    "Zürich",
    "日本",
    "עברית",
    "\U0001f600",
    "\u0301",
    "e\u0301",
    "A",
    "I",
    "Monday",
    "5 June",
    "June 5",
]

article_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40
).map("".join)
any_text = st.one_of(st.text(max_size=300), article_like)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])

RULES = catalogue()
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def variant(text: str, newline: str, bom: bool) -> str:
    return ("\ufeff" if bom else "") + text.replace("\n", newline)


@pytest.mark.parametrize("fmt", ["plain", "markdown"])
@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
@SETTINGS
@given(text=any_text, newline=NEWLINES, bom=st.booleans())
def test_every_rule_on_any_text(rule, fmt, text, newline, bom):
    raw = variant(text, newline, bom)
    source = Source.from_raw(raw, path_for(fmt))
    assert source.original() == raw
    findings = lint(source, [ActiveRule.default(rule)], fmt)
    assert all(f.code == rule.code for f in findings)


@SETTINGS
@given(text=any_text, newline=NEWLINES, bom=st.booleans())
def test_line_endings_and_bom_do_not_change_positions(text, newline, bom):
    """The same article with CRLF or CR endings and a BOM gives the same
    findings at the same lines and columns as with LF."""
    from .fuzzing import all_rules

    plain = "".join(text.split("\r"))  # endings are the variant's to choose
    # A leading U+FEFF is read as a BOM and dropped: without it, the variant with
    # a BOM is the same article (with it, the variant would keep one U+FEFF).
    plain = plain.lstrip("\ufeff")
    lf = lint(Source.from_raw(plain, "a.txt"), all_rules(), "plain")
    other = lint(Source.from_raw(variant(plain, newline, bom), "a.txt"), all_rules(), "plain")
    key = [(f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in lf]
    assert [(f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in other] == key


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "latin-1", "cp1252"]


@st.composite
def file_bytes(draw):
    kind = draw(st.sampled_from(["binary", "encoded"]))
    if kind == "binary":
        return draw(st.binary(max_size=300))
    text = variant(draw(any_text), draw(NEWLINES), False)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=file_bytes())
def test_whole_pipeline_on_any_file(data):
    fuzz_bytes(data)


FOUND = Path(__file__).parent / "data" / "fuzz"


def test_inputs_the_fuzzer_found():
    """Each input ``bench/fuzz.py`` recorded (its name is its SHA-1) runs clean."""
    for path in sorted(FOUND.glob("*")):
        fuzz_bytes(path.read_bytes())


def test_a_run_of_repeated_words_is_one_finding_in_bounded_memory():
    import tracemalloc

    from newslint.api import lint_text

    text = "Headline\n\n" + "the " * 250_000 + "end.\n"
    tracemalloc.start()
    findings = [f for f in lint_text(text) if f.name == "repeated-word"]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 1, 1_000_000)]
    assert peak < 40_000_000, peak  # 65 MB when the regex kept a frame per repeat
