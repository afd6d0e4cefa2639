"""Single quotation marks: opened and never closed, told apart from apostrophes."""

from __future__ import annotations

import pytest

from .helpers import lint, where


def _found(body: str) -> list[tuple[int, int, str]]:
    findings = lint(f"Headline\n\n{body}\n", "unbalanced-quotes")
    return [(f.line, f.column, f.message) for f in findings]


UNCLOSED = "Single quotation not closed in this paragraph"


@pytest.mark.parametrize(
    ("body", "column"),
    [
        ("He called it 'a farce and left.", 14),
        ("He called it ‘a farce and left.", 14),
        ("“They told us ‘leave now,” she said.", 15),
        ("The 'deal' was signed and the 'plan was not.", 31),
        ("(‘Trust me, he said.)", 2),
    ],
)
def test_an_unclosed_single_quotation_is_reported_at_its_opening_mark(body, column):
    assert _found(body) == [(3, column, UNCLOSED)]


@pytest.mark.parametrize(
    "body",
    [
        "The ministers' offices and the bankers' bonuses were cut.",
        "Rock 'n' roll, the '90s, 'til dawn, 'tis true, show 'em.",
        "He called it ‘a farce’ and left; she called it 'a joke'.",
        "“He said ‘no’,” she said.",
        "Rates fell to 'BB+'. Then to 'BBB-'.",
        "The club's 'Invincibles' season.",
    ],
)
def test_apostrophes_and_closed_single_quotations_are_quiet(body):
    assert _found(body) == []


def test_a_single_quotation_running_on_is_reopened_by_the_next_paragraph():
    text = "Headline\n\n“He said: ‘We will not give up.\n\n“‘We will win,’ he said.”\n"
    assert lint(text, "unbalanced-quotes") == []
    cut = "Headline\n\n“He said: ‘We will not give up.\n\n“We will win,” he said.”\n"
    assert where(lint(cut, "unbalanced-quotes")) == [
        ("unbalanced-quotes", 3, 11),
        ("unbalanced-quotes", 5, 24),  # and the stray closing mark
    ]


def test_an_unclosed_single_quotation_in_the_headline_is_reported():
    text = "Minister 'to quit over leak\n\nThe minister denied it.\n"
    assert where(lint(text, "unbalanced-quotes")) == [("unbalanced-quotes", 1, 10)]
