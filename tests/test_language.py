"""Grammar and spelling through Harper: names, fixes, selection, lazy start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint import readers
from newslint.errors import UsageError
from newslint.fixer import apply_fixes
from newslint.harper_backend import harper_backend
from newslint.model import Source
from newslint.sources import read_source

from .conftest import ROOT, SEED
from .helpers import lint, where

SEED_NAMES = [
    "Panjshir",
    "Massoud",
    "Mujahideen",
    "Zabihullah",
    "Badakhshan",
    "Takhar",
    "Andarab",
    "Sayed",
    "Lund",
    "KASHMIR",
]


def test_harper_flags_the_seed_names_before_the_name_filter():
    # The filter below has something to do: the raw backend does flag the names.
    article = readers.parse(read_source(str(SEED)))
    proofs = harper_backend().proofs(article, {"spelling": frozenset({"SpellCheck"})})
    flagged = {article.source.text[p.start : p.end] for p in proofs if p.rule == "spelling"}
    assert set(SEED_NAMES) <= flagged


def test_no_spelling_finding_on_the_seed_names():
    text = SEED.read_text(encoding="utf-8")
    assert "honour" in text
    assert lint(text, "spelling") == []


def test_misspelling_is_reported_with_suggestions_and_an_unsafe_fix():
    text = "Talks resume\n\nThe talks will continue aftewards, Mr Massoud said.\n"
    findings = lint(text, "spelling")
    assert where(findings) == [("spelling", 3, 25)]
    (f,) = findings
    assert f.text == "aftewards"
    assert f.message.startswith('Possible misspelling "aftewards": did you mean "afterwards"')
    assert f.fix is not None and not f.fix.safe
    assert apply_fixes(text, findings)[0] == text
    assert apply_fixes(text, findings, unsafe=True)[0] == text.replace("aftewards", "afterwards")


def test_project_vocabulary_is_not_flagged():
    text = "Talks resume\n\nThe zorblat deal was signed.\n"
    assert where(lint(text, "spelling")) == [("spelling", 3, 5)]
    assert lint(text, "spelling", options={"accept": ["Zorblat"]}) == []


def test_lower_case_word_recurring_in_the_article_is_a_term_not_a_slip():
    text = "Talks resume\n\nThe zorblat deal was signed.\n\nCritics say zorblat is costly.\n"
    assert lint(text, "spelling") == []


def test_grammar_fix_inserts_the_missing_space_after_a_comma():
    text = "Rates cut\n\nThe bank said,it would cut rates.\n"
    findings = lint(text, "grammar-punctuation", options={"harper_rules": ["CommaFixes"]})
    assert where(findings) == [("grammar-punctuation", 3, 14)]
    fixed, n = apply_fixes(text, findings, unsafe=True)
    assert (fixed, n) == ("Rates cut\n\nThe bank said, it would cut rates.\n", 1)


def test_grammar_message_and_span():
    findings = lint("Deal\n\nThe company has went into administration.\n", "grammar")
    assert [(f.text, f.message) for f in findings] == [
        (
            "went",
            'Use the past participle "gone" instead of "went" when using compound tenses '
            "or passive voice.",
        )
    ]


def test_each_kind_keeps_only_its_own_findings():
    text = "Deal\n\nThe company has went into administration, then it said,it was over.\n"
    assert where(lint(text, "grammar")) == [("grammar", 3, 17)]
    assert lint(text, "grammar-punctuation") == []  # CommaFixes is not a default
    commas = lint(text, "grammar-punctuation", options={"harper_rules": ["CommaFixes"]})
    assert where(commas) == [("grammar-punctuation", 3, 55)]


def test_offsets_map_through_markdown_blocks():
    text = "# Deal\n\nThe **company** has went into *administration*.\n"
    findings = lint(text, "grammar", fmt="markdown", path="a.md")
    assert [(f.line, f.column, f.text) for f in findings] == [(3, 21, "went")]


def test_unknown_harper_rule_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown Harper rule 'NoSuchRule'"):
        lint("Deal\n\nText.\n", "grammar", options={"harper_rules": ["NoSuchRule"]})


def test_structural_run_does_not_import_harper():
    code = (
        "import sys\n"
        "from newslint.api import lint_text\n"
        "from newslint.selection import select_rules\n"
        "lint_text('Deal\\n\\nThe the deal.\\n', rules=select_rules(select='NL1,NL2,NL3,NL4'))\n"
        "print('harper' in sys.modules)\n"
        "lint_text('Deal\\n\\nThe deal.\\n', rules=select_rules(select='grammar'))\n"
        "print('harper' in sys.modules)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert r.stdout.split() == ["False", "True"]


def test_harper_linter_is_built_once_per_process():
    assert harper_backend() is harper_backend()
    source = Source.from_raw("Deal\n\nThe company has went.\n", "a.txt")
    article = readers.parse(source)
    backend = harper_backend()
    first = backend.proofs(article, {"grammar": frozenset({"SimplePastToPastParticiple"})})
    # The same article again is not proofread again: the same proofs come back.
    again = backend.proofs(article, {"grammar": frozenset({"SimplePastToPastParticiple"})})
    assert again == first
    assert [source.text[p.start : p.end] for p in first] == ["went"]


def test_inconsistent_name_reports_the_minority_spelling():
    text = (
        "Kyiv visit\n\nPresident Zelenskyy met ministers. Later Zelenskyy said the "
        "talks went well. Aides to Zelensky agreed.\n"
    )
    findings = lint(text, "inconsistent-name")
    assert [(f.line, f.column, f.text, f.message) for f in findings] == [
        (
            3,
            text.splitlines()[2].index("Zelensky agreed") + 1,
            "Zelensky",
            'Name spelt two ways: "Zelensky" here, "Zelenskyy" 2 times in this article',
        )
    ]
    fixed, _ = apply_fixes(text, findings, unsafe=True)
    assert "Aides to Zelenskyy agreed" in fixed


def test_inconsistent_name_is_quiet_on_the_seed_and_on_demonyms():
    assert lint(SEED.read_text(encoding="utf-8"), "inconsistent-name") == []
    text = "Trade\n\nThe German economy grew. Exports from Germany rose in Germany.\n"
    assert lint(text, "inconsistent-name") == []


def test_project_vocabulary_file_reaches_the_spelling_rule(tmp_path):
    (tmp_path / "newslint.toml").write_text('extend-select = ["spelling"]\n')
    (tmp_path / "a.txt").write_text("Talks resume\n\nThe zorblat deal was signed.\n")
    cmd = [sys.executable, "-m", "newslint", "check", "--select", "spelling", "a.txt"]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 1 and "a.txt:3:5: NL601 spelling" in r.stdout
    (tmp_path / ".newslint").mkdir()
    (tmp_path / ".newslint" / "accept.txt").write_text("zorblat\n")
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, "No findings (1 file checked)\n")
