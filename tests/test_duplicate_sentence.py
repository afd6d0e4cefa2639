"""duplicate-sentence: a sentence pasted twice, told apart from legitimate echoes."""

from __future__ import annotations

from newslint.fixer import apply_fixes

from .helpers import lint


def _found(text: str, fmt: str = "plain") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in lint(text, "duplicate-sentence", fmt=fmt)]


def test_a_sentence_pasted_twice_in_a_row_is_reported_at_the_copy_and_removed_by_its_fix():
    text = (
        "Rates rise\n\nThe decision was expected by markets.  The Decision was expected "
        "by markets! Analysts agreed.\n"
    )
    findings = lint(text, "duplicate-sentence")
    assert [(f.line, f.column, f.message) for f in findings] == [
        (3, 40, "Sentence repeats the one at 3:1")
    ]
    assert findings[0].fix is not None and not findings[0].fix.safe
    fixed, applied = apply_fixes(text, findings, unsafe=True)
    assert applied == 1
    assert fixed == "Rates rise\n\nThe decision was expected by markets. Analysts agreed.\n"


def test_a_long_sentence_repeated_in_another_paragraph_is_reported():
    sentence = "The central bank raised its main rate to 5% on Thursday to curb prices."
    text = f"Rates rise\n\n{sentence} Shares fell.\n\nBorrowers will pay more.\n\n{sentence}\n"
    assert _found(text) == [(7, 1, "Sentence repeats the one at 3:1")]


def test_short_echoes_and_repeated_paragraphs_are_not_this_rules():
    # Six words apart: two letters may open alike; four words in a row: a refrain.
    letters = (
        "Letters\n\nI agree wholeheartedly with Mr Forsyth. Liberty matters.\n\n"
        "I agree wholeheartedly with Mr Forsyth. The law is wrong.\n"
    )
    refrain = "Chants\n\nThey want change now. They want change now.\n"
    said = "The decision was expected by markets."
    pasted = f"Rates rise\n\n{said}\n\n{said}\n"
    assert _found(letters) == _found(refrain) == _found(pasted) == []
    assert [f.name for f in lint(pasted)] == ["duplicate-paragraph"]


def test_markdown_copy_is_found_at_its_source_position_and_not_fixed_across_markup():
    text = (
        "# Rates rise\n\nThe decision was *expected* by markets. The decision was "
        "*expected* by markets.\n"
    )
    findings = lint(text, "duplicate-sentence", fmt="markdown")
    assert [(f.line, f.column) for f in findings] == [(3, 41)]
    assert findings[0].fix is None
