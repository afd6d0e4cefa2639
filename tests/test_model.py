"""The article model: positions in code points, unchanged by CRLF, BOM or a
missing final newline."""

from __future__ import annotations

from newslint.model import BlockKind, Source
from newslint.readers import parse

from .helpers import lint, where

TEXT = "Headline here\n\nFirst para with the the slip.\n\nSecond — “para”  here.\n"


def test_positions_are_the_same_with_crlf_bom_and_no_final_newline():
    expected = where(lint(TEXT))
    assert expected == [("repeated-word", 3, 17), ("irregular-whitespace", 5, 16)]
    assert where(lint(TEXT.replace("\n", "\r\n"))) == expected
    assert where(lint("\ufeff" + TEXT)) == expected
    assert where(lint(TEXT.rstrip("\n"))) == expected
    assert where(lint("\ufeff" + TEXT.replace("\n", "\r\n").rstrip("\r\n"))) == expected


def test_columns_count_code_points_not_bytes():
    findings = lint("Héadline 😀\n\nÉmoji 😀 then the the end.\n", "repeated-word")
    assert where(findings) == [("repeated-word", 3, 14)]


def test_source_round_trips_original_text():
    raw = "\ufeffA\r\nB\rC\nD"
    source = Source.from_raw(raw)
    assert source.text == "A\nB\nC\nD"
    assert source.original() == raw
    assert [source.position(i) for i in (0, 2, 6)] == [(1, 1), (2, 1), (4, 1)]


def test_article_structure_headline_paragraphs_and_subheads():
    article = parse(
        Source.from_raw(
            "\n\nTitle line\n\nA first paragraph.\nIt runs on.\n\nA Subhead Here\n\n"
            "Last paragraph.\n"
        )
    )
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert kinds == [
        (BlockKind.HEADLINE, "Title line"),
        (BlockKind.PARAGRAPH, "A first paragraph.\nIt runs on."),
        (BlockKind.SUBHEAD, "A Subhead Here"),
        (BlockKind.PARAGRAPH, "Last paragraph."),
    ]
    assert article.source.position(article.paragraphs[0].source_start) == (5, 1)


def test_empty_and_whitespace_only_articles_have_no_blocks():
    assert parse(Source.from_raw("")).blocks == ()
    assert parse(Source.from_raw("  \n\t\n")).blocks == ()
