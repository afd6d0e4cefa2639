"""`--fix` and `--diff`: the seed is mended exactly, every byte outside the fixed
spans is kept, writes are atomic and refuse to clobber a file changed meanwhile."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from newslint import cli
from newslint.api import fix_text
from newslint.catalogue import builtin
from newslint.engine import ActiveRule
from newslint.findings import Finding, Fix, Hit, Severity
from newslint.fixer import (
    MAX_ROUNDS,
    FixError,
    ReadState,
    apply_to_source,
    choose_fixes,
    encode_fixed,
    fix_source,
    unified_diff,
    write_fixed,
)
from newslint.model import Article, Block, BlockKind, Source
from newslint.rule import Rule
from newslint.ruletools import remove_block_fix, source_span
from newslint.runner import RunOptions, run
from newslint.selection import select_rules
from newslint.sources import decode, read_source

from .conftest import SEED
from .helpers import lint, where
from .test_cli import run as run_cli

DATA = Path(__file__).parent / "data"
SEED_FIXED = DATA / "seed_fixed.txt"

#: Every default rule with a fix, plus whitespace runs: a dirty article.
DIRTY = (
    "Rates rise again.\n"
    "\n"
    "Rates rise again\n"
    "\n"
    "The bank  raised rates, the the governor said.\n"
    "\n"
    "The anti Taliban group met.\n"
    "\n"
    "WORLD NEWS\n"
)
CLEAN = (
    "Rates rise again\n\nThe bank raised rates, the governor said.\n\nThe anti-Taliban group met.\n"
)


def rules():
    return select_rules()


def fix_bytes(data: bytes, path: str = "article.txt", encoding: str | None = None) -> bytes:
    source = decode(data, path, encoding)
    outcome = fix_source(source, rules())
    return encode_fixed(source, outcome.source, data) if outcome.changed else data


# --- the seed -------------------------------------------------------------------


def _seed_fixed_by_hand() -> str:
    """The seed with exactly its five mechanical slips mended, spelled out."""
    text = SEED.read_text("utf-8")
    headline = text.split("\n", 1)[0]
    assert headline.endswith("surrender.")
    text = text.replace(f"{headline}\n\n{headline}\n\n", f"{headline[:-1]}\n\n", 1)
    text = text.replace("anti Taliban", "anti-Taliban", 1)
    text = text.replace("settlement \u00a0in", "settlement in", 1)
    assert text.endswith("\n\nKASHMIR")
    return text[: -len("\n\nKASHMIR")]


def test_pinned_fixed_seed_is_the_seed_with_its_five_mechanical_slips_mended():
    assert SEED_FIXED.read_text("utf-8") == _seed_fixed_by_hand()


def test_seed_after_fix_keeps_every_sentence_and_leaves_the_human_findings(tmp_path):
    article = tmp_path / SEED.name
    shutil.copyfile(SEED, article)
    r = run_cli("check", "--fix", str(article))
    assert r.returncode == 1
    assert r.stderr == ""
    assert article.read_bytes() == SEED_FIXED.read_bytes()
    assert r.stdout == (
        f"{article}:9:74: NL301 unbalanced-quotes: Opening quote mark left dangling at the end "
        "of the paragraph; its quotation is not in this paragraph\n"
        "    …lier, Ahmad Massoud had vowed to fight the Taliban and not surrender. “\n"
        "                                                                           ^\n"
        f'{article}:17:261: NL202 repeated-alternative: "1980s or 1980s": the same word on '
        'both sides of "or"\n'
        "    …Taliban have overwhelming forces,” the adviser said. “This is not the 1980s or "
        "1980s, the Taliban have battle hardened fighters.”\n"
        "                                                                           "
        "^^^^^^^^^^^^^^\n"
        "2 findings in 1 file (5 fixes applied)\n"
    )
    fixed = article.read_text("utf-8")
    original = SEED.read_text("utf-8")
    for line in original.split("\n"):
        sentence = line.strip().rstrip(".")
        if sentence and sentence != "KASHMIR":
            assert (
                sentence.replace("anti Taliban", "anti-Taliban").replace(" \u00a0", " ") in fixed
            ), sentence
    assert fixed.count("As Taliban surround Panjshir") == 1
    # Fixing again changes nothing and reports the same two findings.
    again = run_cli("check", "--fix", str(article))
    assert again.returncode == 1
    assert article.read_bytes() == SEED_FIXED.read_bytes()
    assert again.stdout.splitlines()[-1] == "2 findings in 1 file"


def test_seed_json_carries_each_findings_fix():
    r = run_cli("check", "--format", "json", str(SEED))
    fixes = {f["name"]: f["fix"] for f in json.loads(r.stdout)}
    assert fixes == {
        "headline-period": {
            "applicability": "safe",
            "message": "Remove the full stop",
            "edits": [{"line": 1, "column": 89, "end_line": 1, "end_column": 90, "content": ""}],
        },
        "duplicate-headline": {
            "applicability": "safe",
            "message": "Remove the repeated headline",
            "edits": [{"line": 3, "column": 1, "end_line": 5, "end_column": 1, "content": ""}],
        },
        "missing-hyphen": {
            "applicability": "safe",
            "message": "Insert a hyphen",
            "edits": [{"line": 5, "column": 69, "end_line": 5, "end_column": 70, "content": "-"}],
        },
        "irregular-whitespace": {
            "applicability": "safe",
            "message": "Replace with one space",
            "edits": [{"line": 7, "column": 84, "end_line": 7, "end_column": 86, "content": " "}],
        },
        "unbalanced-quotes": None,
        "repeated-alternative": None,
        "trailing-section-tag": {
            "applicability": "safe",
            "message": "Remove the tag",
            "edits": [{"line": 29, "column": 259, "end_line": 31, "end_column": 8, "content": ""}],
        },
    }


def test_diff_prints_the_fixes_writes_nothing_and_exits_1(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)
    before = article.stat()
    r = run_cli("check", "--diff", str(article))
    assert r.returncode == 1
    assert r.stderr == ""
    assert r.stdout == (
        f"--- {article}\n"
        f"+++ {article}\n"
        "@@ -1,9 +1,5 @@\n"
        "-Rates rise again.\n"
        "-\n"
        " Rates rise again\n"
        " \n"
        "-The bank  raised rates, the the governor said.\n"
        "+The bank raised rates, the governor said.\n"
        " \n"
        "-The anti Taliban group met.\n"
        "-\n"
        "-WORLD NEWS\n"
        "+The anti-Taliban group met.\n"
    )
    assert article.read_text() == DIRTY
    assert article.stat().st_mtime_ns == before.st_mtime_ns
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN)
    r = run_cli("check", "--diff", str(clean))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_diff_marks_a_missing_final_newline():
    assert unified_diff("a.txt", "Head.\n\nBody", "Head\n\nBody") == (
        "--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n-Head.\n+Head\n \n"
        " Body\n\\ No newline at end of file\n"
    )
    assert unified_diff("a.txt", "Body\n\nTAG", "Body") == (
        "--- a.txt\n+++ a.txt\n@@ -1,3 +1 @@\n-Body\n-\n-TAG\n\\ No newline at end of file\n"
        "+Body\n\\ No newline at end of file\n"
    )


def test_fix_exits_0_when_every_finding_was_fixed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)
    r = run_cli("check", "--fix", str(article))
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == "No findings (1 file checked, 6 fixes applied)\n"
    assert article.read_text() == CLEAN


def test_fix_on_stdin_writes_the_fixed_article_to_stdout_and_the_report_to_stderr():
    r = run_cli(
        "check", "--fix", "-", stdin=DIRTY.replace("\n\nWORLD NEWS\n", '\n\nHe said "no.\n')
    )
    assert r.returncode == 1
    assert r.stdout == (
        "Rates rise again\n\nThe bank raised rates, the governor said.\n\n"
        'The anti-Taliban group met.\n\nHe said "no.\n'
    )
    assert r.stderr.splitlines()[0] == "-:7:9: NL301 unbalanced-quotes: Quotation never closed"
    assert r.stderr.splitlines()[-1] == "1 finding in 1 file (5 fixes applied)"


def test_fix_on_clean_stdin_echoes_it_unchanged():
    r = run_cli("check", "--fix", "-", stdin=CLEAN)
    assert (r.returncode, r.stdout, r.stderr) == (0, CLEAN, "No findings (1 file checked)\n")


# --- every byte outside the fixed spans is kept ---------------------------------


@pytest.mark.parametrize(
    ("newline", "final"),
    [("\r\n", "\r\n"), ("\r\n", ""), ("\r", "\r"), ("\n", ""), ("\n", "\n")],
    ids=["crlf", "crlf-no-final-newline", "cr", "lf-no-final-newline", "lf"],
)
def test_line_endings_and_final_newline_are_kept(newline, final):
    dirty = DIRTY.rstrip("\n").replace("\n", newline) + final
    clean = CLEAN.rstrip("\n").replace("\n", newline) + final
    assert fix_bytes(dirty.encode()) == clean.encode()


def test_mixed_line_endings_stay_where_they_were():
    dirty = (
        "Rates rise again.\r\n\nRates rise again\r\n\r\nThe bank  raised rates.\r"
        "\nIt met.\n\r\nKASHMIR\r\n"
    )
    assert fix_bytes(dirty.encode()) == (
        b"Rates rise again\r\n\nThe bank raised rates.\r\nIt met.\r\n"
    )


def test_bom_is_kept():
    assert fix_bytes(codecs.BOM_UTF8 + DIRTY.encode()) == codecs.BOM_UTF8 + CLEAN.encode()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_keeps_its_byte_order_and_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    dirty = bom + DIRTY.replace("\n", "\r\n").encode(codec)
    clean = bom + CLEAN.replace("\n", "\r\n").encode(codec)
    assert fix_bytes(dirty) == clean


def test_latin1_is_written_back_in_latin1(tmp_path):
    article = tmp_path / "a.txt"
    dirty = "Café owners  protest\n\nThe café\u00a0 owners said the the rent rose.\n\nSPORT\n"
    article.write_bytes(dirty.encode("latin-1"))
    r = run_cli("check", "--fix", "--encoding", "latin-1", str(article))
    assert (r.returncode, r.stderr) == (0, "")
    assert article.read_bytes() == (
        "Café owners protest\n\nThe café owners said the rent rose.\n".encode("latin-1")
    )


def test_a_fix_the_encoding_cannot_hold_is_not_applied():
    source = Source("Head\n\nBody text here.\n", "a.txt", encoding="latin-1")
    f = Finding("a.txt", 3, 1, 3, 2, "NL999", "x", Severity.ERROR, "m", 6, 7, "B")
    f = _with_fix(f, Fix.replace(6, 7, "\u2019"))
    assert choose_fixes(source.text, [f], encoding="latin-1") == []
    assert choose_fixes(source.text, [f], encoding="utf-8") == [f.fix]


def test_a_file_whose_bytes_do_not_round_trip_is_refused():
    data = b"Head\n\nBody \xc3\xa9.\n"
    source = decode(data, "a.txt", "utf-8")
    # Pretend it was read from other bytes (as a lossy codec would).
    with pytest.raises(FixError) as err:
        encode_fixed(source, source, data + b"\x00")
    assert (
        str(err.value) == "a.txt: not fixed: re-encoding it in utf-8 would not reproduce its bytes"
    )


def test_replacement_line_breaks_take_the_line_ending_of_their_line():
    source = Source.from_raw("Head\r\n\r\nOne. Two.\r\n")
    out = apply_to_source(source, [Fix.replace(10, 11, "\n\n")])
    assert out.original() == "Head\r\n\r\nOne.\r\n\r\nTwo.\r\n"


# --- atomic writes ----------------------------------------------------------------


def test_fix_keeps_permissions_and_follows_a_symlink(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(DIRTY)
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    r = run_cli("check", "--fix", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink()
    assert target.read_text() == CLEAN
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_file_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)
    import newslint.fixer as fixer

    real_fix = fixer.fix_source

    def editor_saves_meanwhile(*args, **kwargs):
        outcome = real_fix(*args, **kwargs)
        article.write_text(DIRTY + "\nA late paragraph.\n")
        return outcome

    monkeypatch.setattr(fixer, "fix_source", editor_saves_meanwhile)
    monkeypatch.setattr(sys, "argv", ["newslint", "check", "--fix", str(article)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert article.read_text() == DIRTY + "\nA late paragraph.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_change_between_temp_write_and_rename_is_caught(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_bytes(b"old")
    data, stat = b"old", article.stat()
    state = ReadState.of(data, stat)

    import newslint.atomic as atomic

    real = atomic.write_bytes_atomic

    def racing(path, new, *, before_replace=None):
        def edit_then_check():
            Path(path).write_bytes(b"edited by someone else")
            assert before_replace is not None
            before_replace()

        real(path, new, before_replace=edit_then_check)

    monkeypatch.setattr(atomic, "write_bytes_atomic", racing)
    with pytest.raises(FixError) as err:
        write_fixed(str(article), state, b"new")
    assert str(err.value) == f"{article}: changed on disk since it was read; not fixed"
    assert article.read_bytes() == b"edited by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_write_leaves_the_original_intact(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = run([str(article)], RunOptions(fix=True), rules())
    assert result.errors == [f"{article}: not fixed: cannot write (No space left on device)"]
    assert article.read_text() == DIRTY
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    # The findings reported are those of the file as it still is.
    assert [(f.name, f.line) for f in result.findings][:2] == [
        ("headline-period", 1),
        ("duplicate-headline", 3),
    ]
    assert result.fixed == 0


def test_an_unwritable_directory_is_a_one_line_error_and_the_file_is_kept(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    desk = tmp_path / "desk"
    desk.mkdir()
    article = desk / "a.txt"
    article.write_text(DIRTY)
    desk.chmod(0o555)
    try:
        r = run_cli("check", "--fix", str(article))
    finally:
        desk.chmod(0o755)
    assert r.returncode == 2
    assert r.stderr == f"newslint: error: {article}: not fixed: cannot write (Permission denied)\n"
    assert article.read_text() == DIRTY


# --- the fix loop ---------------------------------------------------------------


def test_overlapping_fixes_are_never_applied_together():
    findings = lint("Head\n\nIt was the  the end.\n")
    assert where(findings) == [("repeated-word", 3, 8), ("irregular-whitespace", 3, 11)]
    text = "Head\n\nIt was the  the end.\n"
    # Removing "  the" also mends the double space: the two never go together.
    assert choose_fixes(text, findings) == [findings[0].fix]
    assert choose_fixes(text, findings[1:]) == [findings[1].fix]
    outcome = fix_source(Source(text), rules())
    assert outcome.source.text == "Head\n\nIt was the end.\n"
    assert (outcome.rounds, outcome.applied, outcome.findings) == (1, 1, [])


def test_touching_edits_wait_for_the_next_round():
    text = "Head\n\nabcdef\n"
    a = _finding(6, 8, Fix.replace(6, 8, "X"))
    b = _finding(8, 10, Fix.replace(8, 10, "Y"))
    c = _finding(11, 12, Fix.replace(11, 12, "Z"))
    assert choose_fixes(text, [b, a, c]) == [a.fix, c.fix]


def test_unsafe_fixes_only_when_asked():
    text = "Head\n\nBody colour.\n"
    f = _finding(11, 17, Fix.replace(11, 17, "color", safe=False))
    assert choose_fixes(text, [f]) == []
    assert choose_fixes(text, [f], unsafe=True) == [f.fix]
    rule = _fake_rule("colour", lambda t, i: Fix.replace(i, i + 6, "color", safe=False))
    assert fix_source(Source(text), [rule]).source.text == text
    assert fix_source(Source(text), [rule], unsafe=True).source.text == "Head\n\nBody color.\n"


def test_unsafe_fixes_flow_through_the_runner(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Head\n\nBody colour.\n")
    rule = _fake_rule("colour", lambda t, i: Fix.replace(i, i + 6, "color", safe=False))
    result = run([str(article)], RunOptions(fix=True), [rule])
    assert (article.read_text(), result.fixed) == ("Head\n\nBody colour.\n", 0)
    result = run([str(article)], RunOptions(fix=True, unsafe_fixes=True), [rule])
    assert (article.read_text(), result.fixed, result.findings) == ("Head\n\nBody color.\n", 1, [])


def test_fixing_stops_after_a_bounded_number_of_rounds():
    # A rule that always finds something new to fix: the loop must end.
    rule = _fake_rule("x", lambda t, i: Fix.replace(i, i + 1, "xx"))
    outcome = fix_source(Source("Head\n\nx\n"), [rule])
    assert outcome.rounds == MAX_ROUNDS
    assert outcome.exhausted
    assert outcome.findings


def test_fixing_twice_is_fixing_once():
    once = fix_bytes(DIRTY.encode())
    assert fix_bytes(once) == once


def test_edits_in_skipped_spans_are_not_applied():
    text = "---\ntitle:  A\n---\nHead\n"
    f = _finding(10, 12, Fix.replace(10, 12, " "))
    assert choose_fixes(text, [f], skipped=[(0, 18)]) == []
    assert choose_fixes(text, [f]) == [f.fix]
    # Removing a skipped span whole (a paragraph with its emphasis) is fine.
    g = _finding(2, 14, Fix.delete(2, 14))
    assert choose_fixes(text, [g], skipped=[(4, 8)]) == [g.fix]
    assert choose_fixes(text, [g], skipped=[(4, 16)]) == []


# --- fixes of the rules edit only the flagged text ------------------------------


def test_remove_block_refuses_a_block_sharing_its_line_with_markup():
    source = Source("Head\n\n> Head\n\nBody.\n")
    head = Block.contiguous(BlockKind.HEADLINE, "Head", 0, 0)
    quoted = Block.contiguous(BlockKind.PARAGRAPH, "Head", 8, 1)
    body = Block.contiguous(BlockKind.PARAGRAPH, "Body.", 14, 2)
    article = Article(source, (head, quoted, body), "markdown")
    assert remove_block_fix(article, quoted) is None
    # The block's own markup (emphasis delimiters, skipped) goes with it.
    source = Source("Head\n\n*Head*\n\nBody.\n")
    emphasised = Block(BlockKind.PARAGRAPH, "Head", ((0, 7),), 1, 11)
    body = Block.contiguous(BlockKind.PARAGRAPH, "Body.", 14, 2)
    article = Article(source, (head, emphasised, body), "markdown", ((6, 7), (11, 12)))
    assert remove_block_fix(article, emphasised) == Fix.delete(
        6, 14, description="Remove the paragraph"
    )
    assert remove_block_fix(article, body) == Fix.delete(12, 19, description="Remove the paragraph")


def test_remove_block_keeps_what_follows_the_last_block():
    source = Source("Head\n\nBody.  \n\n\nTAG  \n\n")
    blocks = (
        Block.contiguous(BlockKind.HEADLINE, "Head", 0, 0),
        Block.contiguous(BlockKind.PARAGRAPH, "Body.", 6, 1),
        Block.contiguous(BlockKind.PARAGRAPH, "TAG", 16, 2),
    )
    fix = remove_block_fix(Article(source, blocks), blocks[2])
    assert fix is not None
    out = apply_to_source(source, [fix]).text
    assert out == "Head\n\nBody.  \n\n"


def test_source_span_refuses_text_interrupted_by_markup():
    source = Source("Head\n\nthe *the* cat\n")
    # Visible text "the the cat" with "*" markup skipped at 10 and 14.
    block = Block(BlockKind.PARAGRAPH, "the the cat", ((0, 6), (4, 11), (7, 15)), 1, 19)
    article = Article(source, (Block.contiguous(BlockKind.HEADLINE, "Head", 0, 0), block))
    assert source_span(article, block, 3, 7) is None  # " the" crosses "*"
    assert source_span(article, block, 4, 7) == (11, 14)
    assert source_span(article, block, 0, 3) == (6, 9)


# --- helpers --------------------------------------------------------------------


def _with_fix(f: Finding, fix: Fix) -> Finding:
    import dataclasses

    return dataclasses.replace(f, fix=fix)


def _finding(start: int, end: int, fix: Fix) -> Finding:
    return Finding(
        "a.txt", 1, start + 1, 1, end + 1, "NL999", "x", Severity.ERROR, "m", start, end, "", fix
    )


def _fake_rule(word: str, make_fix) -> ActiveRule:
    """A rule that flags every ``word`` with the fix ``make_fix(text, offset)``."""

    def check(article, options):
        text = article.source.text
        i = text.find(word)
        while i != -1:
            yield Hit(i, i + len(word), fix=make_fix(text, i))
            i = text.find(word, i + len(word))

    rule = Rule(
        code="NL999",
        name="fake",
        category="meta",
        severity=Severity.ERROR,
        message="fake",
        what="",
        why="",
        check=check,
        bad=(),
        good=(),
        fix="test",
        fixable=True,
    )
    return ActiveRule.default(rule)


def test_catalogue_rules_with_fixes_say_so():
    fixable = {r.name for r in builtin() if r.fixable}
    assert fixable >= {
        "duplicate-headline",
        "duplicate-paragraph",
        "trailing-section-tag",
        "headline-period",
        "repeated-word",
        "missing-hyphen",
        "irregular-whitespace",
        "trailing-whitespace",
    }


def test_read_source_still_reads(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"Head\r\n")
    assert read_source(str(article)).newlines == ["\r\n", ""]


def test_cli_applies_unsafe_fixes_only_with_unsafe_fixes(tmp_path):
    # doubled-punctuation offers removing the comma of ",." as an unsafe fix.
    article = tmp_path / "a.txt"
    text = "Head\n\nThe deal was done,. Then they left.\n"
    article.write_text(text)
    r = run_cli("check", "--fix", "--quiet", str(article))
    assert (r.returncode, article.read_text()) == (1, text)
    assert r.stdout.splitlines()[0] == (
        f'{article}:3:18: NL303 doubled-punctuation: Doubled punctuation ",."'
    )
    r = run_cli("check", "--fix", "--unsafe-fixes", str(article))
    assert (r.returncode, r.stdout, r.stderr) == (
        0,
        "No findings (1 file checked, 1 fix applied)\n",
        "",
    )
    assert article.read_text() == "Head\n\nThe deal was done. Then they left.\n"


def test_markdown_seed_gets_the_same_fixes_and_its_front_matter_keeps_its_shape(tmp_path):
    md = SEED.with_suffix(".md")
    article = tmp_path / md.name
    shutil.copyfile(md, article)
    r = run_cli("check", "--fix", "--quiet", str(article))
    assert r.returncode == 1
    assert [
        line.split(": ")[1] for line in r.stdout.splitlines() if line.startswith(str(article))
    ] == [
        "NL301 unbalanced-quotes",
        "NL202 repeated-alternative",
    ]
    original = md.read_text("utf-8")
    headline = (
        "As Taliban surround Panjshir, end seems near for Ahmad Massoud, leader mulling surrender"
    )
    expected = (
        original.replace(f"title: {headline}.\n---\n", f"title: {headline}\n---\n", 1)
        .replace(f"\n{headline}.\n\n", "\n", 1)
        .replace("anti Taliban", "anti-Taliban", 1)
        .replace("settlement \u00a0in", "settlement in", 1)
    )
    assert expected.endswith("\n\nKASHMIR")
    assert article.read_text("utf-8") == expected[: -len("\n\nKASHMIR")]


def test_a_suppressed_finding_is_not_fixed():
    text = (
        "Head\n\n<!-- newslint-disable-next-line repeated-word -->\n"
        "It was the the end.\n\nIt was the the start.\n"
    )
    fixed, left = fix_text(text, "a.txt")
    assert fixed == (
        "Head\n\n<!-- newslint-disable-next-line repeated-word -->\n"
        "It was the the end.\n\nIt was the start.\n"
    )
    assert left == []


def test_api_fix_text_keeps_line_endings_and_returns_what_is_left():
    fixed, left = fix_text('Rates rise.\r\n\r\nThe the bank  "said.\r\n', "a.txt")
    assert fixed == 'Rates rise\r\n\r\nThe bank "said.\r\n'
    assert where(left) == [("unbalanced-quotes", 3, 10)]


@pytest.mark.parametrize(
    ("text", "fixed", "left"),
    [
        # A fix that would cut markup is not offered: the finding stays.
        (
            "Rates rise again\n\nIt was the *the* end.\n",
            "Rates rise again\n\nIt was the *the* end.\n",
            [("repeated-word", 3, 8)],
        ),
        # A repeated headline goes with its own emphasis.
        (
            "Rates rise again\n\n**Rates rise again.**\n\nThe bank acted.\n",
            "Rates rise again\n\nThe bank acted.\n",
            [],
        ),
        (
            "Rates rise again\n\nThe anti *Taliban* group met.\n",
            "Rates rise again\n\nThe anti-*Taliban* group met.\n",
            [],
        ),
        # The title in front matter is the headline; other keys and code are not text.
        (
            "---\ntitle: Rates  rise again.\nauthor: A  B\n---\n\n"
            "The `a  b` code and the the end.\n",
            "---\ntitle: Rates rise again\nauthor: A  B\n---\n\nThe `a  b` code and the end.\n",
            [],
        ),
        # A list item cannot be removed as a line of text; a later plain copy can.
        (
            "Rates rise again\n\n- The minister resigned on Monday.\n"
            "- The minister resigned on Monday.\n\nThe minister resigned on Monday.\n",
            "Rates rise again\n\n- The minister resigned on Monday.\n"
            "- The minister resigned on Monday.\n",
            [("duplicate-paragraph", 4, 3)],
        ),
        (
            "# Rates rise again.\n\nBody text  here.\n\nKASHMIR\n",
            "# Rates rise again\n\nBody text here.\n",
            [],
        ),
        # A tag after a comment or a code block: the markup stays whole.
        (
            "Rates rise again\n\nBody text here.\n\n<!-- note -->\n\nKASHMIR\n",
            "Rates rise again\n\nBody text here.\n\n<!-- note -->\n",
            [],
        ),
        (
            "Rates rise again\n\nBody text here.\n\n```\ncode  here\n```\n\nKASHMIR",
            "Rates rise again\n\nBody text here.\n\n```\ncode  here\n```\n",
            [],
        ),
    ],
)
def test_markdown_fixes_edit_text_and_never_cut_markup(text, fixed, left):
    out, remaining = fix_text(text, "a.md")
    assert out == fixed
    assert where(remaining) == left


def test_a_file_the_user_may_not_write_is_not_fixed(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)
    article.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    result = run([str(article)], RunOptions(fix=True), rules())
    assert result.errors == [f"{article}: not fixed: permission denied"]
    assert article.read_text() == DIRTY
    assert article.stat().st_mode & 0o777 == 0o444
    # The findings reported are those of the file as it still is.
    assert (result.findings[0].name, result.findings[0].line) == ("headline-period", 1)


def test_a_read_only_file_the_user_may_write_is_fixed_and_stays_read_only(tmp_path):
    if not os.access(tmp_path, os.W_OK) or os.geteuid() != 0:
        pytest.skip("only root may write a read-only file")
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)
    article.chmod(0o444)
    r = run_cli("check", "--fix", str(article))
    assert (r.returncode, r.stderr) == (0, "")
    assert article.read_text() == CLEAN
    assert article.stat().st_mode & 0o777 == 0o444
