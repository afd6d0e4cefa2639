"""The seed article: the defects it was created from, at their exact places."""

from __future__ import annotations

from newslint.api import lint_source
from newslint.sources import read_source

from .conftest import SEED

EXPECTED = [
    ("headline-period", 1, 89),
    ("duplicate-headline", 3, 1),
    ("missing-hyphen", 5, 65),
    ("irregular-whitespace", 7, 84),
    ("unbalanced-quotes", 11, 74),
    ("repeated-alternative", 19, 261),
    ("trailing-section-tag", 31, 1),
]


def test_seed_findings_are_exactly_the_known_defects():
    findings = lint_source(read_source(str(SEED)))
    assert [(f.name, f.line, f.column) for f in findings] == EXPECTED


def test_seed_findings_point_at_the_flagged_text():
    source = read_source(str(SEED))
    texts = {f.name: f.text for f in lint_source(source)}
    assert texts == {
        "headline-period": ".",
        "duplicate-headline": source.line_text(3),
        "missing-hyphen": "anti Taliban",
        "irregular-whitespace": " \u00a0",
        "unbalanced-quotes": "“",
        "repeated-alternative": "1980s or 1980s",
        "trailing-section-tag": "KASHMIR",
    }


def test_seed_is_a_copy_of_the_shared_seed():
    from .conftest import SHARED

    shared = SHARED / "seeds" / SEED.name
    if shared.exists():
        assert shared.read_bytes() == SEED.read_bytes()
