"""The Markdown reader: the article an editor sees, findings at exact source positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import readers
from newslint.api import lint_source
from newslint.model import BlockKind, Source
from newslint.sources import iter_article_paths, read_source

from .conftest import SEED
from .helpers import lint, where
from .markdown_copy import to_markdown

SEED_MD = SEED.with_suffix(".md")


def md(text: str, *rules: str):
    return where(lint(text, *rules, fmt="markdown", path="article.md"))


def parse(text: str):
    return readers.parse(Source.from_raw(text, "article.md"))


def test_seed_markdown_findings_at_exact_positions():
    findings = lint_source(read_source(str(SEED_MD)))
    assert [(f.name, f.line, f.column, f.text) for f in findings] == [
        ("headline-period", 2, 96, "."),
        (
            "duplicate-headline",
            5,
            1,
            "As Taliban surround Panjshir, end seems near for Ahmad Massoud, leader mulling "
            "surrender.",
        ),
        ("missing-hyphen", 7, 65, "anti Taliban"),
        ("irregular-whitespace", 9, 84, " \u00a0"),
        ("unbalanced-quotes", 13, 74, "“"),
        ("repeated-alternative", 21, 261, "1980s or 1980s"),
        ("trailing-section-tag", 33, 1, "KASHMIR"),
    ]


def test_seed_markdown_matches_the_plain_findings_rule_for_rule():
    plain = lint_source(read_source(str(SEED)))
    copy = to_markdown(read_source(str(SEED)).text)
    assert copy.text == read_source(str(SEED_MD)).text
    markdown = lint_source(read_source(str(SEED_MD)))
    assert [
        (f.name, *copy.position(f.line, f.column), *copy.position(f.end_line, f.end_column))
        for f in plain
    ] == [(f.name, f.line, f.column, f.end_line, f.end_column) for f in markdown]
    assert [f.fix is None for f in plain] == [f.fix is None for f in markdown]


def test_headline_from_title_then_headline_field_then_heading_then_first_line():
    assert parse("---\ntitle: A\nheadline: B\n---\n\n# C\n\nBody.\n").headline.text == "A"
    assert parse("---\nheadline: B\n---\n\n# C\n\nBody.\n").headline.text == "B"
    art = parse("---\nauthor: Jo\n---\n# C *d*\n\nBody.\n")
    assert (art.headline.text, art.source.position(art.headline.source_start)) == ("C d", (4, 3))
    art = parse("First line\nsecond line\n\nBody.\n")
    assert [(b.kind, b.text) for b in art.blocks] == [
        (BlockKind.HEADLINE, "First line"),
        (BlockKind.PARAGRAPH, "second line"),
        (BlockKind.PARAGRAPH, "Body."),
    ]


def test_headings_below_the_title_are_subheads_setext_and_atx():
    art = parse(
        "---\ntitle: Rates rise\n---\n\nIntro para.\n\nWhy it matters\n--------------\n\n"
        "Text.\n\n### Next steps ###\n\nMore text.\n"
    )
    assert [(b.kind.value, b.text) for b in art.blocks] == [
        ("headline", "Rates rise"),
        ("paragraph", "Intro para."),
        ("subhead", "Why it matters"),
        ("paragraph", "Text."),
        ("subhead", "Next steps"),
        ("paragraph", "More text."),
    ]
    text = "Rates  rise\n===\n\nBody.\n\n## The the heading ##\n\nMore.\n"
    assert md(text) == [("irregular-whitespace", 1, 6), ("repeated-word", 6, 4)]


def test_standfirst_fields_are_linted_where_they_stand_other_fields_are_not():
    text = (
        "---\n"
        "title: Valley falls\n"
        "tags: [anti Taliban, the the]\n"
        "author: the the desk\n"
        "description: >\n"
        "  The last bastion of\n"
        "  anti Taliban resistance fell.\n"
        "summary: 'It''s the the end'\n"
        "---\n\nBody.\n"
    )
    assert md(text) == [("missing-hyphen", 7, 3), ("repeated-word", 8, 17)]
    toml = (
        '+++\ntitle = "Rates rise."\nsubtitle = "A \\"non profit\\" view"\nslug = "the the"\n+++\n'
    )
    assert md(toml) == [("headline-period", 2, 20), ("missing-hyphen", 3, 17)]


def test_nested_lists_are_paragraphs():
    text = (
        "Headline\n\n"
        "- Prices rose in in shops\n"
        "  - and the the markets\n"
        "    1. fell. Not the 1980s or 1980s\n"
        "* a co founder said\n"
    )
    assert md(text) == [
        ("repeated-word", 3, 15),
        ("repeated-word", 4, 9),
        ("repeated-alternative", 5, 22),
        ("missing-hyphen", 6, 5),
    ]
    kinds = [b.kind.value for b in parse(text).blocks]
    assert kinds == ["headline", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_block_quote_holding_a_quotation_over_paragraphs():
    ok = (
        "Headline\n\n"
        "> “We will not go,” he wrote. “We have stores of arms.\n"
        ">\n"
        "> “We knew this day might come.”\n"
    )
    assert md(ok) == []
    bad = "Headline\n\n> He vowed to fight. “\n>\n> > I will not go,” he *wrote*.\n"
    assert md(bad) == [("unbalanced-quotes", 3, 22)]


def test_emphasis_containing_a_quote_mark():
    text = (
        "Headline\n\n"
        "Inflation rose for a *third “month* in a row, said **“the official.**\n\n"
        'He said _"it is fine"_ and the *the* end.\n'
    )
    assert md(text) == [
        ("unbalanced-quotes", 3, 29),
        ("unbalanced-quotes", 3, 54),
        ("repeated-word", 5, 28),
    ]


def test_hard_line_breaks_and_soft_breaks():
    text = "Headline\n\nThe fighters  \nare ready\\\nfor a  settlement and\nthe the end.\n"
    # Two spaces before a line break are a hard break, not irregular whitespace.
    assert md(text) == [("irregular-whitespace", 5, 6), ("repeated-word", 6, 1)]
    assert md(text, "trailing-whitespace") == []


def test_links_reference_links_autolinks_and_images():
    text = (
        "Headline\n\n"
        'See [the report](https://example.com/the/the "the the") and\n'
        "[the the minister][ref], <https://a.b/anti Taliban> ![anti Taliban](x.png).\n"
        "Also https://example.com/non profit and www.the.the/x.\n\n"
        "[ref]: https://example.com/the%20the\n"
    )
    assert md(text) == [("repeated-word", 4, 2)]


def test_link_text_runs_into_the_text_after_it():
    text = "Headline\n\nHe read [the](https://x.y/z) the report.\n"
    findings = lint(text, "repeated-word", fmt="markdown", path="a.md")
    assert where(findings) == [("repeated-word", 3, 10)]
    assert findings[0].text == "the](https://x.y/z) the"


def test_code_is_not_linted_and_does_not_join_words():
    text = (
        "Headline\n\n"
        "The `the the` flag and the `x` the end.\n\n"
        "```\nthe the  code\n```\n\n"
        "    indented the the code\n\n"
        "Real the the slip.\n"
    )
    assert md(text) == [("repeated-word", 11, 6)]


def test_tables_rows_are_paragraphs():
    text = (
        "Headline\n\n"
        "| Team | Note |\n"
        "|------|------|\n"
        "| Leeds | the the best \\| most |\n"
        "| Hull | a co founder `the the` |\n"
    )
    assert md(text) == [("repeated-word", 5, 11), ("missing-hyphen", 6, 12)]


def test_footnotes_are_paragraphs_and_references_are_not_text():
    text = "Headline\n\nThe claim[^1] was made.\n\n[^1]: The the source.\n"
    assert md(text) == [("repeated-word", 5, 7)]


def test_html_blocks_inline_html_and_comments_are_not_linted():
    text = (
        "Headline\n\n"
        '<div class="the the">\nthe the\n</div>\n\n'
        "<!-- the the\nanti Taliban -->\n\n"
        'Text <span title="the the">in</span> in a <!-- x --> row.\n'
    )
    # The reader sees "in in": the tags between do not hide the slip.
    assert md(text) == [("repeated-word", 10, 28)]


def test_escapes_and_entities_map_to_their_source():
    text = "Headline\n\nThe \\*the\\* &amp; a non&#32;profit,  the 1980s or 1980s.\n"
    found = lint(text, fmt="markdown", path="a.md")
    assert where(found) == [
        ("missing-hyphen", 3, 21),
        ("irregular-whitespace", 3, 36),
        ("repeated-alternative", 3, 42),
    ]
    # "&#32;" is a space to the reader; a hyphen must not be written into the entity.
    assert found[0].text == "non&#32;profit"
    assert found[0].fix is None and found[1].fix is not None


def test_crlf_bom_and_astral_characters_keep_columns_in_code_points():
    text = (
        "\ufeff---\r\ntitle: \U0001d400 rates rise.\r\n---\r\n\r\n"
        "> \U0001d400 *the* the \U0001f600 anti Taliban\r\n"
    )
    found = lint(text, fmt="markdown", path="a.md")
    assert where(found) == [
        ("headline-period", 2, 20),
        ("repeated-word", 5, 6),
        ("missing-hyphen", 5, 17),
    ]
    assert [f.text for f in found] == [".", "the* the", "anti Taliban"]


def test_no_finding_points_inside_skipped_spans():
    text = (
        "---\ntitle: Headline\nauthor: the  the\n---\n\n"
        "Text with `anti Taliban` and https://the.the/anti%20Taliban and [x](<the the>).\n\n"
        '```\n“the the\n```\n\n[y]: https://a.b "the the"\n'
    )
    art = parse(text)
    assert md(text) == []
    spans = [art.source.text[a:b] for a, b in art.skipped]
    assert "`anti Taliban`" in spans
    assert "https://the.the/anti%20Taliban" in spans
    assert "```\n“the the\n```\n" in spans
    assert '[y]: https://a.b "the the"\n' in spans


def test_stdin_filename_picks_the_markdown_reader():
    from .test_cli import run

    r = run("check", "--stdin-filename", "desk/story.md", "-", stdin="# Rates `rise.`\n\nBody.\n")
    assert (r.returncode, r.stdout) == (0, "No findings (1 file checked)\n")
    r = run("check", "--stdin-filename", "desk/story.txt", "-", stdin="# Rates rise.\n\nBody.\n")
    assert r.stdout.splitlines()[0] == (
        "desk/story.txt:1:13: NL104 headline-period: Headline ends with a full stop"
    )


def test_unknown_extensions_skipped_in_directories_read_as_plain_when_named(tmp_path):
    from .test_cli import run

    (tmp_path / "a.md").write_text("Head\n\nThe the end.\n")
    (tmp_path / "b.rst").write_text("Head\n\nThe the end.\n")
    r = run("check", str(tmp_path))
    assert r.stdout.splitlines()[-1] == "1 finding in 1 file"
    r = run("check", str(tmp_path / "b.rst"))
    assert r.stdout.splitlines()[0] == (
        f'{tmp_path / "b.rst"}:3:1: NL201 repeated-word: Repeated word "the"'
    )


@pytest.mark.parametrize("section", ["business", "politics", "sport"])
def test_markdown_copy_of_the_corpus_gives_the_plain_findings_shifted(corpus, section):
    """Acceptance: each corpus article as Markdown (front matter title + paragraphs,
    escaped only where Markdown would read the text as markup) gives exactly the
    plain-text findings at positions shifted by the front matter and escapes."""
    paths = [p for p in iter_article_paths(str(corpus / "bbc" / section)) if p.endswith(".txt")]
    assert len(paths) > 400
    for path in paths:
        source = read_source(path)
        if source.problem is not None:  # not UTF-8 (an encoding-error): Latin-1
            source = read_source(path, "latin-1")
        copy = to_markdown(source.text)
        markdown = lint_source(Source.from_raw(copy.text, path[:-4] + ".md"))
        expected = [
            (f.name, *copy.position(f.line, f.column), *copy.position(f.end_line, f.end_column))
            for f in lint_source(source)
        ]
        got = [(f.name, f.line, f.column, f.end_line, f.end_column) for f in markdown]
        assert got == expected, path


def _blocks(article):
    return (
        [(b.kind, b.text, b.source_map, b.source_end, b.index) for b in article.blocks],
        article.skipped,
    )


def test_plain_fast_path_reads_exactly_what_markdown_it_reads():
    from newslint.readers.markdown import parse_markdown

    texts = [
        "Head\n\nOne line\n  two  \n   three.\n\nSee www.bbc.co.uk/news and http://x.y/z.\n",
        "---\ntitle: T\n---\nBody  \nhard break\n\n\n  Last para.",
        "Head\n\n\u00a0Starts with a no-break space.\n",
        "Head\n\nEnds with a tab\t\nnext\n",
        "Head\n\n    indented code\n",
        "Head\n\n1980s or 1980s.\n2. list\n",
        "Head\n\nPara\n    lazy continuation\n",
    ]
    for text in texts:
        source = Source.from_raw(text, "a.md")
        assert _blocks(parse_markdown(source)) == _blocks(parse_markdown(source, fast=False)), text


def _check_map(article):
    text = article.source.text
    for block in article.blocks:
        for i, ch in enumerate(block.text):
            at = block.to_source(i)
            if ch == "\ufffc":
                # Code, a URL or an image (skipped), or a table cell boundary.
                assert any(a == at for a, _ in article.skipped) or text[at] in "| \t"
            elif ch != "\n":
                # Escaped and decoded characters point at their escape or entity.
                assert text[at] == ch or text[at] in "&\\", (block.text, i)


MARKDOWNISH = 'ab the  \t\u00a0\n\n*_`[]()<>!#&;:/\\-+=>|.1"“”'


@given(st.text(alphabet=MARKDOWNISH, max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_text_maps_back_exactly_and_both_paths_agree(text):
    from newslint.readers.markdown import parse_markdown

    source = Source.from_raw(text, "a.md")
    article = parse_markdown(source)
    _check_map(article)
    assert _blocks(article) == _blocks(parse_markdown(source, fast=False))
    for f in lint(text, fmt="markdown", path="a.md"):
        for a, b in article.skipped:
            inside = text[a:b]
            if inside.startswith(("`", "<", "http", "www", "![", "](", "---", "+++")):
                assert not a < f.offset < b and not a < f.end_offset < b, (f, inside)


FRAGMENTS = [
    "\n",
    "\n\n",
    "- ",
    "  - ",
    "1. ",
    "> ",
    "# ",
    "## ",
    "===\n",
    "---\n",
    "    ",
    "\t",
    "| a | b |\n|---|---|\n",
    "| x \\| y | `z` |",
    "```\n",
    "~~~",
    "<div>\n",
    "<!-- c -->",
    "[^1]",
    "[^1]: note ",
    "[r]: http://r\n",
    '[the](http://t/the "t")',
    "![i](p.png)",
    "<http://a.b>",
    "www.a.b/c",
    "*",
    "**",
    "_",
    "`",
    "\\",
    "\\*",
    "&amp;",
    "&#233;",
    "&bogus;",
    "the",
    " the",
    "anti Taliban",
    " “",
    "”",
    '"',
    "  ",
    "\u00a0",
    "\U0001d400",
    "1980s or 1980s",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
@settings(max_examples=300, deadline=None)
def test_markdown_shapes_map_back_exactly_and_both_paths_agree(fragments):
    test_any_text_maps_back_exactly_and_both_paths_agree.hypothesis.inner_test("".join(fragments))
