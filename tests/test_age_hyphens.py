"""age-hyphens: ages written as compounds need both hyphens."""

from __future__ import annotations

import pytest

from newslint.fixer import apply_fixes

from .helpers import lint


@pytest.mark.parametrize(
    ("body", "column", "fixed"),
    [
        ("A 12 year old girl was found.", 3, "12-year-old"),
        ("Two twenty-five year-olds signed.", 5, "twenty-five-year-olds"),
        ("A two week old baby was born.", 3, "two-week-old"),
        ("A 3-month old puppy.", 3, "3-month-old"),
        ("Aged 18 to 24 year olds voted.", 12, "24-year-olds"),
        ("The 12 Year Old Girl Who Won.", 5, "12-Year-Old"),
        ("Her one year old son was born.", 5, "one-year-old"),
        ("Their 1 month old twins.", 7, "1-month-old"),
    ],
)
def test_an_open_age_compound_is_reported_and_fixed(body, column, fixed):
    text = f"Headline\n\n{body}\n"
    findings = lint(text, "age-hyphens")
    assert [(f.line, f.column, f.message) for f in findings] == [
        (3, column, f'Age compound without its hyphens: write "{fixed}"')
    ]
    out, applied = apply_fixes(text, findings)
    assert applied == 1
    assert fixed in out


@pytest.mark.parametrize(
    "body",
    [
        "A 12-year-old girl and 11-year-olds.",
        "She is five years old. The firm is 100 years old.",
        "The bond is a 10 year older issue; 3.5 year old data; 10,000 year olds.",
        "An old-fashioned 12 year-old-style joke told by a bold man.",
        "The baby is one year old. The firm turned 1 year old.",
    ],
)
def test_hyphenated_ages_and_years_old_are_quiet(body):
    assert lint(f"Headline\n\n{body}\n", "age-hyphens") == []


def test_markdown_emphasis_inside_the_compound_is_reported_without_a_fix():
    findings = lint("# Headline\n\nA 12 *year* old girl.\n", "age-hyphens", fmt="markdown")
    assert [(f.line, f.column, f.fix) for f in findings] == [(3, 3, None)]
