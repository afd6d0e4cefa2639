"""Inline suppression comments: each form, unused ones, and how readers skip them."""

from __future__ import annotations

from newslint import readers
from newslint.model import BlockKind, Source
from newslint.suppression import find_directives

from .helpers import lint, where

RULES = ("repeated-word", "missing-hyphen", "headline-period", "unused-suppression")


def found(text: str, *names: str, fmt: str = "plain") -> list[tuple[str, int, int]]:
    return where(lint(text, *(names or RULES), fmt=fmt))


def test_without_comments_every_finding_is_reported():
    text = "Deal agreed.\n\nThe the talks.\n\nAn anti war march.\n"
    assert found(text) == [
        ("headline-period", 1, 12),
        ("repeated-word", 3, 1),
        ("missing-hyphen", 5, 4),
    ]


def test_disable_until_enable():
    text = (
        "Deal agreed\n\n"
        "<!-- newslint-disable repeated-word, NL203 -->\n"
        "The the talks on the anti war march.\n\n"
        "It was was fine.\n"
        "<!-- newslint-enable -->\n\n"
        "The the end of the anti war march.\n"
    )
    assert found(text) == [("repeated-word", 9, 1), ("missing-hyphen", 9, 20)]


def test_disable_without_enable_runs_to_the_end_and_a_category_or_prefix_works():
    text = "Deal agreed\n\nThe the talks.\n<!-- newslint-disable wording -->\n\nIt was was.\n"
    assert found(text) == [("repeated-word", 3, 1)]
    text = "<!-- newslint-disable NL1 -->\nDeal agreed.\n\nThe the talks.\n"
    assert found(text) == [("repeated-word", 4, 1)]
    # A range starts at its comment: the headline above it is still reported.
    text = "Deal agreed.\n\n<!-- newslint-disable NL1 -->\nThe the talks.\n"
    assert found(text, "headline-period", "repeated-word") == [
        ("headline-period", 1, 12),
        ("repeated-word", 4, 1),
    ]


def test_enable_with_a_name_ends_only_that_rule():
    text = (
        "Deal agreed\n\n"
        "<!-- newslint-disable repeated-word -->\n"
        "<!-- newslint-disable missing-hyphen -->\n"
        "The the anti war talks.\n"
        "<!-- newslint-enable missing-hyphen -->\n"
        "The the anti war talks.\n"
    )
    assert found(text) == [("missing-hyphen", 7, 9)]


def test_disable_next_line_covers_the_next_non_blank_line_only():
    text = (
        "Deal agreed\n\n"
        "<!-- newslint-disable-next-line repeated-word -->\n\n"
        "The the talks.\n"
        "The the talks.\n"
    )
    assert found(text) == [("repeated-word", 6, 1)]


def test_disable_file_anywhere_in_the_file():
    text = "Deal agreed.\n\nThe the anti war talks.\n\n<!-- newslint-disable-file NL104,NL201 -->\n"
    assert found(text) == [("missing-hyphen", 3, 9)]


def test_bare_disable_file_silences_every_rule():
    text = "<!-- newslint-disable-file -->\nDeal agreed.\n\nThe the anti war talks.\n"
    assert found(text) == []


def test_codes_and_names_are_case_insensitive_and_spacing_is_free():
    text = (
        "Deal agreed\n\n"
        "  <!--newslint-disable-next-line   nl201 ,Missing-Hyphen-->  \n"
        "The the anti war.\n"
    )
    assert found(text) == []


def test_unused_suppressions_are_reported_at_the_name():
    text = (
        "Deal agreed\n\n"
        "<!-- newslint-disable-next-line repeated-word, missing-hyphen -->\n"
        "The the talks.\n"
    )
    findings = lint(text, *RULES)
    assert [(f.name, f.line, f.column, f.end_column, f.message) for f in findings] == [
        (
            "unused-suppression",
            3,
            48,
            62,
            'Unused suppression: "missing-hyphen" suppressed nothing',
        )
    ]


def test_unknown_names_directives_and_stray_enables_are_reported():
    text = (
        "Deal agreed\n\n"
        "<!-- newslint-disable-next-line repeated-wrd -->\n"
        "The the talks.\n"
        "<!-- newslint-enable -->\n"
        "<!-- newslint-disabel repeated-word -->\n"
        "<!-- newslint-disable -->\n"
        "Fine.\n"
    )
    findings = lint(text, *RULES)
    assert [(f.name, f.line, f.column, f.message) for f in findings] == [
        ("unused-suppression", 3, 33, 'Unknown rule "repeated-wrd" in suppression comment'),
        ("repeated-word", 4, 1, 'Repeated word "the"'),
        (
            "unused-suppression",
            5,
            1,
            "newslint-enable without a matching newslint-disable above it",
        ),
        (
            "unused-suppression",
            6,
            1,
            'Unknown directive "newslint-disabel" (expected newslint-disable, newslint-enable, '
            "newslint-disable-next-line or newslint-disable-file)",
        ),
        ("unused-suppression", 7, 1, "Unused suppression: suppressed nothing"),
    ]


def test_suppressing_a_rule_that_is_not_running_is_not_reported():
    text = "Deal agreed\n\n<!-- newslint-disable-next-line NL402 -->\nThe talks.\n"
    assert found(text) == []


def test_unused_suppression_can_itself_be_suppressed():
    text = (
        "<!-- newslint-disable-file unused-suppression -->\n"
        "Deal agreed\n\n"
        "<!-- newslint-disable-next-line repeated-word, bogus -->\n"
        "The talks.\n"
    )
    assert found(text) == []


def test_comment_lines_are_not_linted_nor_part_of_the_article():
    text = (
        "<!-- newslint-disable-file missing-hyphen -->\n"
        "Deal agreed\n"
        "<!-- newslint-disable-next-line repeated-word -->\n"
        "The the talks went on\n"
        "<!--  newslint-disable-next-line  repeated-word -->\n"
        "and on and on.\n"
    )
    source = Source.from_raw(text, "a.txt")
    article = readers.parse(source, "plain")
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.HEADLINE, "Deal agreed"),
        (BlockKind.PARAGRAPH, "The the talks went on\nand on and on."),
    ]
    paragraph = article.blocks[1]
    assert source.position(paragraph.to_source(0)) == (4, 1)
    assert source.position(paragraph.to_source(paragraph.text.index("and"))) == (6, 1)
    assert source.position(paragraph.to_source(len(paragraph.text))) == (6, 15)
    assert [source.position(a).line for a, _ in article.skipped] == [1, 3, 5]
    assert [source.text[a:b] for a, b in article.skipped][1] == (
        "<!-- newslint-disable-next-line repeated-word -->"
    )
    # Double spaces inside a comment are not irregular whitespace; the second
    # comment suppresses nothing and is reported.
    assert found(text, "irregular-whitespace", "repeated-word", "unused-suppression") == [
        ("unused-suppression", 5, 35)
    ]


def test_comment_must_be_alone_on_its_line():
    text = "Deal agreed\n\nThe the talks. <!-- newslint-disable-next-line repeated-word -->\n"
    assert find_directives(Source.from_raw(text)) == ()
    assert found(text, "repeated-word") == [("repeated-word", 3, 1)]


def test_markdown_files_honour_the_same_comments():
    text = "# Deal agreed\n\n<!-- newslint-disable-next-line repeated-word -->\nThe the talks.\n"
    assert found(text, "repeated-word", fmt="markdown") == []


def test_bare_disable_file_in_a_clean_article_is_not_reported():
    assert found("<!-- newslint-disable-file -->\nDeal agreed\n\nThe talks.\n") == []


def test_a_comment_does_not_suppress_itself_being_unused():
    text = "Deal agreed\n\n<!-- newslint-disable -->\nThe talks.\n"
    assert found(text) == [("unused-suppression", 3, 1)]


def test_rules_of_a_pack_can_be_suppressed_by_name_and_code(tmp_path, monkeypatch):
    from newslint.runner import RunOptions, run

    monkeypatch.chdir(tmp_path)
    teaser = "Police arrest suspect\n\n{}Also Read: Man held after raid\n"
    (tmp_path / "a.txt").write_text(teaser.format(""))
    (tmp_path / "b.txt").write_text(teaser.format("<!-- newslint-disable-next-line CMS001 -->\n"))
    (tmp_path / "c.txt").write_text(teaser.format("<!-- newslint-disable-file also-read -->\n"))
    result = run(["."], RunOptions(packs=("cms",), select="cms,unused-suppression"))
    assert [(f.path, f.code, f.line) for f in result.findings] == [("./a.txt", "CMS001", 3)]


def _fixed(text: str) -> str:
    from newslint.fixer import apply_fixes

    findings = lint(text, *RULES)
    return apply_fixes(text, [f for f in findings if f.name == "unused-suppression"])[0]


def test_fix_removes_unused_names_or_the_whole_comment():
    head = "Deal agreed\n\n"
    # One unused name of two: only that name goes.
    text = head + "<!-- newslint-disable-next-line repeated-word, NL203 -->\nThe the talks.\n"
    assert _fixed(text) == (
        head + "<!-- newslint-disable-next-line repeated-word -->\nThe the talks.\n"
    )
    # Every name unused: the comment goes (never left bare, which would mean every rule).
    text = head + "<!-- newslint-disable-next-line NL201, NL203 -->\nThe talks.\n"
    assert _fixed(text) == head + "The talks.\n"
    # An unknown name stays for an editor to correct.
    text = head + "<!-- newslint-disable-next-line NL201, bogus -->\nThe talks.\n"
    assert _fixed(text) == head + "<!-- newslint-disable-next-line bogus -->\nThe talks.\n"
    # A bare unused comment and a stray enable on the last line without a newline.
    text = head + "<!-- newslint-disable -->\nThe talks.\n<!-- newslint-enable -->"
    assert _fixed(text) == head + "The talks.\n<!-- newslint-enable -->"
    text = head + "The talks.\n<!-- newslint-enable -->"
    assert _fixed(text) == head + "The talks."


def test_fix_through_the_runner_in_plain_text_and_markdown(tmp_path, monkeypatch):
    from newslint.runner import RunOptions, run

    monkeypatch.chdir(tmp_path)
    body = (
        "<!-- newslint-disable-next-line repeated-word, missing-hyphen -->\n"
        "The talks went on.\n"
        "\n"
        "<!-- newslint-disable-next-line NL203 -->\n"
        "An anti war march.\n"
        "<!-- newslint-enable -->\n"
    )
    (tmp_path / "a.txt").write_text("Deal agreed\n\n" + body)
    (tmp_path / "b.md").write_text("# Deal agreed\n\n" + body)
    result = run(["a.txt", "b.md"], RunOptions(fix=True))
    assert (result.errors, result.findings, result.fixed) == ([], [], 4)
    fixed = "The talks went on.\n\n<!-- newslint-disable-next-line NL203 -->\nAn anti war march.\n"
    assert (tmp_path / "a.txt").read_text() == "Deal agreed\n\n" + fixed
    assert (tmp_path / "b.md").read_text() == "# Deal agreed\n\n" + fixed
