"""``--fix`` over every article of the professionally edited corpus, with
defects planted by the test: the fixer mends exactly what was planted.

In each article the test pastes the headline again as the first paragraph,
doubles a "the", turns one space into two, writes "anti" before a word without
the hyphen and leaves a section tag at the end; a third of the articles are
rewritten with CRLF line endings and some are re-encoded (UTF-8 with a BOM,
UTF-16). After fixing in-process with the API, the bytes must be those of the
original article with just "anti-" added (for the few articles that have
fixable slips of their own: the original fixed the same way), and re-linting
must show no fixable finding.
"""

from __future__ import annotations

import codecs
import random
import re

from newslint.errors import InputError
from newslint.fixer import encode_fixed, fix_source, is_fixable
from newslint.model import Source
from newslint.selection import select_rules
from newslint.sources import decode, iter_article_paths
from newslint.text import FUNCTION_WORDS

#: The default rules that can fix something: the ones the planted defects need.
RULES = [r for r in select_rules() if r.rule.fixable]

_SPACE = re.compile(r"(?<=[a-z]) (?=[a-z])")
_THE = re.compile(r"(?<= )the(?= [a-z])")
_WORD = re.compile(r"(?<= )[a-z]{4,}(?= )")


def _read(data: bytes, path: str) -> Source:
    try:
        return decode(data, path)
    except InputError:
        return decode(data, path, "latin-1")


def _fix(data: bytes, path: str) -> tuple[bytes, list]:
    source = _read(data, path)
    outcome = fix_source(source, RULES)
    assert not outcome.exhausted, path
    new = encode_fixed(source, outcome.source, data) if outcome.changed else data
    return new, outcome.findings


def _plant(text: str, rng: random.Random) -> tuple[str, str, set[str]] | None:
    """(defective text, expected text after fixing, inline defects planted)."""
    first_break = text.find("\n")
    body_start = first_break + 1
    while body_start < len(text) and text[body_start] == "\n":
        body_start += 1
    if first_break <= 0 or body_start >= len(text):
        return None
    headline = text[:first_break]
    body = text[body_start:]
    lines = body.split("\n")
    # Planted in separate lines (as many of the three as there are long lines).
    candidates = [i for i, line in enumerate(lines) if len(line) > 40]
    chosen = [*rng.sample(candidates, min(3, len(candidates))), -1, -1, -1]
    space_line, the_line, anti_line = chosen[:3]
    planted = list(lines)
    expected = list(lines)
    kinds: set[str] = set()

    def pick(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
        found = list(pattern.finditer(line))
        return rng.choice(found) if found else None

    m = pick(_SPACE, lines[space_line]) if space_line >= 0 else None
    if m is not None:
        line = lines[space_line]
        planted[space_line] = line[: m.start()] + "  " + line[m.end() :]
        kinds.add("space")
    m = pick(_THE, lines[the_line]) if the_line >= 0 else None
    if m is not None:
        line = lines[the_line]
        planted[the_line] = line[: m.start()] + "the the" + line[m.end() :]
        kinds.add("the")
    words = []
    if anti_line >= 0:
        words = [w for w in _WORD.finditer(lines[anti_line]) if w.group(0) not in FUNCTION_WORDS]
    if words:
        w = rng.choice(words)
        line = lines[anti_line]
        planted[anti_line] = line[: w.start()] + "anti " + line[w.start() :]
        expected[anti_line] = line[: w.start()] + "anti-" + line[w.start() :]
        kinds.add("anti")
    head = text[:body_start]
    dirty_body = "\n".join(planted)
    clean_body = "\n".join(expected)
    # The headline pasted again as the first paragraph, with a full stop.
    dirty = head + headline + ".\n\n" + dirty_body
    clean = head + clean_body
    # A section tag after the last paragraph (before the final newline, if any).
    end = len(dirty.rstrip())
    dirty = dirty[:end] + "\n\nKASHMIR" + dirty[end:]
    return dirty, clean, kinds


def _encode_like(text: str, original: Source, variant: int) -> bytes:
    if original.encoding != "utf-8":
        return text.encode(original.encoding)
    if variant == 1:
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if variant == 2:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode("utf-8")


def test_planted_defects_in_every_corpus_article_are_fixed_and_nothing_else(corpus):
    paths = [p for p in iter_article_paths(str(corpus)) if p.endswith(".txt")]
    assert len(paths) == 1438
    planted = own_slips = 0
    kinds = {"space": 0, "the": 0, "anti": 0}
    for path in paths:
        with open(path, "rb") as fh:
            data = fh.read()
        source = _read(data, path)
        rng = random.Random(path.rsplit("corpus", 1)[-1])
        made = _plant(source.text, rng)
        if made is None:
            continue
        dirty, clean, planted_kinds = made
        for kind in planted_kinds:
            kinds[kind] += 1
        variant = rng.randrange(3)
        newline = "\r\n" if rng.randrange(3) == 0 else "\n"
        dirty_bytes = _encode_like(dirty.replace("\n", newline), source, variant)
        clean_bytes = _encode_like(clean.replace("\n", newline), source, variant)
        fixed, left = _fix(dirty_bytes, path)
        assert not [f for f in left if is_fixable(f)], (path, left)
        expected, _ = _fix(clean_bytes, path)
        if expected != clean_bytes:
            own_slips += 1  # the article's own slips are fixed too, the same way
        assert fixed == expected, path
        planted += 1
    # Every article gets the repeated headline and the tag; most get the rest.
    assert planted >= 1430
    assert min(kinds.values()) >= 1000, kinds
    # Only a few corpus articles (44) have fixable slips of their own: for all
    # the others the fixed article is the original plus "anti-", byte for byte.
    assert planted - own_slips >= 1380, own_slips
