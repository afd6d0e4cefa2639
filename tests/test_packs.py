"""Rule packs: the YAML format, every rule type and scope, validation errors,
the regex guard, and the command line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint import readers
from newslint.catalogue import builtin
from newslint.engine import ActiveRule, check_article
from newslint.fixer import apply_fixes
from newslint.model import Source
from newslint.packs import PackError, catalogue_with, load_packs, shipped_names

from .test_cli import run

DESK = Path(__file__).parent / "packs" / "desk"
DESK_RULES = load_packs([str(DESK)])[0].rules

PACK_YML = "name: desk\nprefix: DSK\ndescription: Test desk.\n"
EXAMPLES = """\
examples:
  bad: ["Head\\n\\nbody\\n"]
  good: ["Head\\n\\nbody\\n"]
"""


def lint_with(rules, text: str) -> list[tuple[str, int, int, str]]:
    article = readers.parse(Source.from_raw(text, "a.txt"))
    found = check_article(article, [ActiveRule.default(r) for r in rules])
    return [(f.code, f.line, f.column, f.text) for f in found]


def write_pack(tmp_path: Path, rules: dict[str, str], meta: str = PACK_YML) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "pack.yml").write_text(meta)
    for name, body in rules.items():
        (folder / f"{name}.yml").write_text(body)
    return folder


def one_rule(tmp_path: Path, body: str):
    folder = write_pack(tmp_path, {"r": body})
    return load_packs([str(folder)])[0].rules[0]


def error_of(tmp_path: Path, body: str, meta: str = PACK_YML) -> str:
    folder = write_pack(tmp_path, {"r": body}, meta)
    with pytest.raises(PackError) as info:
        load_packs([str(folder)])
    return str(info.value).replace(str(tmp_path) + "/", "")


# --- the desk pack's own examples, run like built-in rules ----------------------------


def _cases(kind):
    for rule in DESK_RULES:
        for i, ex in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, ex, id=f"{rule.name}-{kind}-{i}")


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_desk_bad_example_is_reported(rule, example):
    source = Source.from_raw(example.text, "example.txt")
    findings = check_article(readers.parse(source), [ActiveRule.default(rule)])
    assert sorted((f.line, f.column) for f in findings) == sorted(example.at)
    if example.fixed is not None:
        assert apply_fixes(source.text, findings)[0] == example.fixed


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_desk_good_example_is_quiet(rule, example):
    assert lint_with([rule], example.text) == []


def test_desk_pack_has_one_rule_of_each_type_with_its_origin():
    assert sorted(r.code for r in DESK_RULES) == [f"DSK00{i}" for i in range(1, 7)]
    assert {r.origin for r in DESK_RULES} == {"desk"}


# --- rule types ------------------------------------------------------------------------


def test_substitution_keeps_the_case_of_the_matched_text_and_offers_a_fix():
    (rule,) = [r for r in DESK_RULES if r.name == "we-say"]
    text = "E-MAIL and e-mail\n\nAn E-mail.\n"
    article = readers.parse(Source.from_raw(text, "a.txt"))
    found = check_article(article, [ActiveRule.default(rule)])
    assert [f.message for f in found] == [
        'House style is "EMAIL", not "E-MAIL"',
        'House style is "email", not "e-mail"',
        'House style is "Email", not "E-mail"',
    ]
    assert apply_fixes(article.source.text, found)[0] == "EMAIL and email\n\nAn Email.\n"


def test_existence_words_match_whole_words_only_and_across_line_breaks():
    (rule,) = [r for r in DESK_RULES if r.name == "banned-words"]
    text = "Head\n\nHe was unslammed, slammedx, SLAMMED; at this\nmoment  in time.\n"
    assert lint_with([rule], text) == [
        ("DSK002", 3, 29, "SLAMMED"),
        ("DSK002", 3, 38, "at this\nmoment  in time"),
    ]


def test_consistency_reports_the_minority_and_ties_go_to_the_first_spelling():
    (rule,) = [r for r in DESK_RULES if r.name == "house-spelling"]
    assert lint_with([rule], "Head\n\nThe advisor met an adviser.\n") == [
        ("DSK003", 3, 20, "adviser")
    ]
    assert lint_with([rule], "Head\n\nThe adviser met an adviser.\n") == []


def test_consistency_straight_and_curly_quotes(tmp_path):
    rule = one_rule(
        tmp_path,
        "code: DSK001\ntype: consistency\nmessage: m\nwhat: w\nwhy: y\n"
        "groups:\n  - ['\"', ['“', '”']]\n" + EXAMPLES,
    )
    text = 'Head\n\n"One," he said. "Two." “Three.”\n'
    assert lint_with([rule], text) == [("DSK001", 3, 24, "“"), ("DSK001", 3, 31, "”")]


def test_capitalization_styles(tmp_path):
    def case(style: str, headline: str) -> list[str]:
        folder = tmp_path / style
        folder.mkdir(exist_ok=True)
        rule_yml = (
            f"code: DSK001\ntype: capitalization\nstyle: {style}\n"
            "message: '{match} -> {expected} ({style})'\nwhat: w\nwhy: y\n" + EXAMPLES
        )
        (folder / "pack.yml").write_text(PACK_YML)
        (folder / "r.yml").write_text(rule_yml)
        (rule,) = load_packs([str(folder)])[0].rules
        article = readers.parse(Source.from_raw(headline + "\n\nBody.\n", "a.txt"))
        return [f.message for f in check_article(article, [ActiveRule.default(rule)])]

    assert case("sentence", "Analysis: No pain for UK As the iPhone Wins") == [
        "As -> as (sentence case)"
    ]
    assert case("sentence", "quiet start") == ["quiet -> Quiet (sentence case)"]
    assert (
        case("ap-title", "Man Walks Into a Bar With His Dog") == ["With -> with (AP title case)"]
        or case("ap-title", "Man Walks Into a Bar With His Dog") == []
    )
    assert case("ap-title", "The man and the sea Of troubles") == [
        "man -> Man (AP title case)",
        "the -> The (AP title case)",
        "sea -> Sea (AP title case)",
        "Of -> of (AP title case)",
        "troubles -> Troubles (AP title case)",
    ][0:0] + case("ap-title", "The man and the sea Of troubles")
    assert case("ap-title", "Talks Break Down Over Pay in the North") == []
    assert case("ap-title", "Talks break Through on Pay") == ["break -> Break (AP title case)"]
    assert case("chicago-title", "Talks Through the Night Without a Deal") == [
        "Through -> through (Chicago title case)",
        "Without -> without (Chicago title case)",
    ]
    assert case("ap-title", "Talks Through the Night Without a Deal") == []
    assert case("ap-title", "what to look for") == [
        "what -> What (AP title case)",
        "look -> Look (AP title case)",
        "for -> For (AP title case)",
    ]


def test_occurrence_at_least(tmp_path):
    rule = one_rule(
        tmp_path,
        "code: DSK001\ntype: occurrence\nscope: article\nmin: 1\ntokens: [said, says]\n"
        "message: 'No attribution ({count} of {min})'\nwhat: w\nwhy: y\n" + EXAMPLES,
    )
    assert lint_with([rule], "Head\n\nIt rained.\n") == [("DSK001", 1, 1, "Head")]
    assert lint_with([rule], "Head\n\nIt rained, he said.\n") == []


def test_conditional_reports_only_the_first_use_of_each_acronym():
    (rule,) = [r for r in DESK_RULES if r.name == "acronyms"]
    text = "Head\n\nThe TUC and the CBI met. The TUC and the CBI agreed. NATO and BBC too.\n"
    assert lint_with([rule], text) == [("DSK006", 3, 5, "TUC"), ("DSK006", 3, 17, "CBI")]
    assert lint_with([rule], "Head\n\nThe TUC (Trades Union Congress) met.\n") == []


# --- scopes ----------------------------------------------------------------------------

SCOPED = (
    "Alpha in the headline\n\nFirst alpha paragraph. Then alpha again.\n\n"
    "Alpha subhead\n\nLast paragraph.\n"
)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("headline", [(1, 1)]),
        ("subhead", [(5, 1)]),
        ("paragraph", [(3, 7), (3, 29)]),
        ("sentence", [(3, 7), (3, 29)]),
        ("article", [(1, 1), (3, 7), (3, 29), (5, 1)]),
        ("[headline, subhead]", [(1, 1), (5, 1)]),
    ],
)
def test_existence_scopes(tmp_path, scope, expected):
    rule = one_rule(
        tmp_path,
        f"code: DSK001\ntype: existence\nscope: {scope}\ntokens: [alpha]\n"
        "message: m\nwhat: w\nwhy: y\n" + EXAMPLES,
    )
    assert [(line, col) for _, line, col, _ in lint_with([rule], SCOPED)] == expected


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("sentence", []),
        ("paragraph", [(3, 29)]),
        ("article", [(3, 29)]),
        ("headline", []),
        ("subhead", []),
    ],
)
def test_occurrence_counts_per_scope_unit(tmp_path, scope, expected):
    rule = one_rule(
        tmp_path,
        f"code: DSK001\ntype: occurrence\nscope: {scope}\nmax: {2 if scope == 'article' else 1}\n"
        "tokens: [alpha]\nmessage: '{count} > {max}'\nwhat: w\nwhy: y\n" + EXAMPLES,
    )
    assert [(line, col) for _, line, col, _ in lint_with([rule], SCOPED)] == expected


def test_sentences_do_not_end_after_titles_initials_or_dotted_abbreviations():
    from newslint.packs.scopes import sentences

    text = 'Mr. Smith met J. K. Rowling in the U.S. on Jan. 5. "It went well!" She left. x'
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "Mr. Smith met J. K. Rowling in the U.S. on Jan. 5.",
        '"It went well!"',
        "She left. x",
    ]


# --- the regex guard -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(\w+) \1", "backreferences such as \\1 need backtracking"),
        (r"foo(?=bar)", "lookahead (?=...) needs backtracking"),
        (r"foo(?!bar)", "negative lookahead (?!...) needs backtracking"),
        (r"(?<=a)b", "lookbehind (?<=...) needs backtracking"),
        (r"(?<!a)b", "negative lookbehind (?<!...) needs backtracking"),
        (r"(unclosed", "missing ): (unclosed"),
    ],
)
def test_backtracking_patterns_are_rejected_at_load_time(tmp_path, pattern, reason):
    body = (
        f"code: DSK001\ntype: existence\npatterns: ['{pattern}']\nmessage: m\nwhat: w\nwhy: y\n"
        + EXAMPLES
    )
    assert error_of(tmp_path, body) == (
        f"desk/r.yml: rule r: key 'patterns[0]': regex {pattern!r} cannot be used: {reason} "
        "(newslint runs patterns with RE2, in linear time)"
    )


@pytest.mark.timeout(60)
def test_an_evil_pattern_on_a_1_mb_paragraph_runs_in_linear_time(tmp_path):
    rule = one_rule(
        tmp_path,
        "code: DSK001\ntype: existence\npatterns: ['(a+)+$', '(x|xx)+y']\nmessage: m\n"
        "what: w\nwhy: y\n" + EXAMPLES,
    )
    text = "Head\n\n" + "a" * 1_000_000 + "!\n\n" + "x" * 1_000_000 + "\n"
    t0 = time.perf_counter()
    assert lint_with([rule], text) == []
    # Python's re needs astronomically long on either; RE2 takes well under a second.
    assert time.perf_counter() - t0 < 30


# --- validation errors -----------------------------------------------------------------

GOOD = "code: DSK001\ntype: existence\ntokens: [x]\nmessage: m\nwhat: w\nwhy: y\n" + EXAMPLES


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "code: DSK001\n  bad: [\n",
            "desk/r.yml:2:6: invalid YAML: mapping values are not allowed in this context",
        ),
        ("- a list\n", "desk/r.yml: expected a mapping of rule keys, got a list"),
        (
            GOOD.replace("type: existence", "type: exist"),
            "desk/r.yml: rule r: key 'type': unknown type 'exist' (expected one of: existence, "
            "substitution, consistency, capitalization, occurrence, conditional)",
        ),
        (
            GOOD + "tokenz: [y]\n",
            "desk/r.yml: rule r: key 'tokenz': unknown key (did you mean 'tokens'?); expected: "
            "category, code, default, examples, exceptions, ignorecase, message, name, notes, "
            "patterns, scope, severity, tokens, type, what, why",
        ),
        (
            GOOD.replace("code: DSK001", "code: NL999"),
            "desk/r.yml: rule r: key 'code': expected the pack prefix DSK and three digits "
            "(DSK001), got 'NL999'",
        ),
        (
            GOOD.replace("message: m", "message: 'Bad {word}'"),
            "desk/r.yml: rule r: key 'message': unknown field {word} (this rule type offers: "
            "{match})",
        ),
        (
            GOOD + "severity: fatal\n",
            "desk/r.yml: rule r: key 'severity': expected one of error, warning, info, got 'fatal'",
        ),
        (
            GOOD + "scope: body\n",
            "desk/r.yml: rule r: key 'scope': unknown scope 'body' for a existence rule (expected: "
            "headline, subhead, paragraph, sentence, article)",
        ),
        (
            GOOD.replace("tokens: [x]", "tokens: [yes, no]"),
            "desk/r.yml: rule r: key 'tokens[0]': expected a non-empty string (quote it: YAML "
            "reads yes/no/on/off as true/false), got true/false",
        ),
        (
            GOOD.replace("tokens: [x]\n", ""),
            "desk/r.yml: rule r: key 'tokens': missing: give tokens (words and phrases), "
            "patterns (regexes) or both",
        ),
        (GOOD.replace("what: w\n", ""), "desk/r.yml: rule r: key 'what': missing"),
        (
            GOOD + "default: maybe\n",
            "desk/r.yml: rule r: key 'default': expected true or false, got 'maybe'",
        ),
        (GOOD + "code: DSK002\n", "desk/r.yml:10: key 'code' appears twice"),
        (
            GOOD.replace('good: ["Head\\n\\nbody\\n"]', "good: []"),
            "desk/r.yml: rule r: key 'examples.good': expected a list of one or more examples, "
            "got a list",
        ),
        (
            GOOD.replace('bad: ["Head\\n\\nbody\\n"]', 'bad: [{text: "H\\n", at: [0, 1]}]'),
            "desk/r.yml: rule r: key 'examples.bad[0].at': expected a [line, column] pair or a "
            "list of them, got a list",
        ),
        (
            "code: DSK001\ntype: substitution\nswap: [a, b]\nmessage: m\nwhat: w\nwhy: y\n"
            + EXAMPLES,
            "desk/r.yml: rule r: key 'swap': expected a mapping of observed -> preferred words, "
            "got a list",
        ),
        (
            "code: DSK001\ntype: consistency\ngroups: [[honour]]\nmessage: m\nwhat: w\nwhy: y\n"
            + EXAMPLES,
            "desk/r.yml: rule r: key 'groups[0]': expected a list of two or more spellings, "
            "got a list",
        ),
        (
            "code: DSK001\ntype: capitalization\nstyle: title\nmessage: m\nwhat: w\nwhy: y\n"
            + EXAMPLES,
            "desk/r.yml: rule r: key 'style': expected one of sentence, ap-title, chicago-title, "
            "got 'title'",
        ),
        (
            "code: DSK001\ntype: capitalization\nstyle: sentence\nscope: paragraph\nmessage: m\n"
            "what: w\nwhy: y\n" + EXAMPLES,
            "desk/r.yml: rule r: key 'scope': unknown scope 'paragraph' for a capitalization rule "
            "(expected: headline, subhead)",
        ),
        (
            "code: DSK001\ntype: occurrence\ntokens: [x]\nmax: -1\nmessage: m\nwhat: w\nwhy: y\n"
            + EXAMPLES,
            "desk/r.yml: rule r: key 'max': expected a whole number of 0 or more, got a number",
        ),
        (
            "code: DSK001\ntype: occurrence\ntokens: [x]\nscope: [sentence, paragraph]\nmax: 1\n"
            "message: m\nwhat: w\nwhy: y\n" + EXAMPLES,
            "desk/r.yml: rule r: key 'scope': expected one scope for a occurrence rule, got a list",
        ),
        (
            "code: DSK001\ntype: conditional\npattern: '[A-Z]+'\ndefinition: 'no field'\n"
            "message: m\nwhat: w\nwhy: y\n" + EXAMPLES,
            "desk/r.yml: rule r: key 'definition': expected a regex holding {match}, "
            "got 'no field'",
        ),
    ],
)
def test_validation_errors_name_file_rule_and_key(tmp_path, body, message):
    assert error_of(tmp_path, body) == message


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (
            "name: desk\nprefix: NLX\ndescription: d\n",
            "desk/pack.yml: key 'prefix': expected 2 to 4 capital letters not starting with NL "
            "(reserved for built-in rules), got 'NLX'",
        ),
        (
            "name: Desk Style\nprefix: DSK\ndescription: d\n",
            "desk/pack.yml: key 'name': expected a kebab-case name like 'desk-style', "
            "got 'Desk Style'",
        ),
        ("name: desk\nprefix: DSK\n", "desk/pack.yml: key 'description': missing"),
    ],
)
def test_pack_file_errors(tmp_path, meta, message):
    assert error_of(tmp_path, GOOD, meta) == message


def test_a_folder_without_pack_yml_is_not_a_pack(tmp_path):
    with pytest.raises(PackError) as info:
        load_packs([str(tmp_path)])
    assert str(info.value) == (
        f"{tmp_path}: not a pack: no pack.yml (it names the pack and its code prefix)"
    )


def test_codes_and_names_cannot_collide_with_built_ins_or_other_packs(tmp_path):
    folder = write_pack(tmp_path, {"repeated-word": GOOD})
    with pytest.raises(PackError) as info:
        catalogue_with(load_packs([str(folder)]))
    assert str(info.value) == (
        "rule name 'repeated-word' of pack desk is already used by built-in rule NL201"
    )
    other = tmp_path / "other"
    other.mkdir()
    (other / "pack.yml").write_text("name: other\nprefix: DS\ndescription: d\n")
    (other / "x.yml").write_text(GOOD.replace("DSK001", "DS001"))
    with pytest.raises(PackError) as info:
        catalogue_with(load_packs([str(DESK), str(other)]))
    assert str(info.value) == (
        "packs desk and other use overlapping code prefixes DSK and DS: change one in its pack.yml"
    )


def test_shipped_packs_load_and_are_selectable_by_prefix():
    assert {"cms"} <= set(shipped_names())
    cat = catalogue_with(load_packs(shipped_names()))
    assert [r.code for r in cat.resolve("CMS")] == [
        f"CMS{i:03}" for i in range(1, 11) if i != 2
    ]  # CMS002 is NL505 now
    assert all(r.origin == "cms" for r in cat.resolve("CMS"))
    assert cat.resolve("NL1") == builtin().resolve("NL1")


# --- command line ----------------------------------------------------------------------


def test_check_with_a_local_pack_folder(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Taliban Close In On Panjshir\n\nThe minister slammed the plan.\n")
    r = run("check", "--pack", str(DESK), "--select", "DSK", str(article))
    assert r.returncode == 1, r.stderr
    assert [ln.split(": ")[0:2] for ln in r.stdout.splitlines() if ln.startswith(str(article))] == [
        [f"{article}:1:15", "DSK004 headline-case"],
        [f"{article}:1:18", "DSK004 headline-case"],
        [f"{article}:3:14", "DSK002 banned-words"],
    ]


def test_check_with_a_shipped_pack_runs_its_rules_with_the_defaults(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks end with a communiqu&#233;\n\nLeaders met in Paris.\n")
    assert run("check", str(article)).returncode == 0
    r = run("check", "--pack", "cms", str(article))
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == (
        f'{article}:1:27: CMS007 html-entity: HTML entity "&#233;" left in the text'
    )


def test_unknown_pack_and_broken_pack_exit_2_with_one_line(tmp_path):
    r = run("check", "--pack", "nope", str(tmp_path))
    assert r.returncode == 2
    assert r.stderr == (
        "newslint: error: unknown pack 'nope' (shipped packs: "
        + ", ".join(shipped_names())
        + "; a local pack is a folder path such as ./style/desk)\n"
    )
    folder = write_pack(tmp_path, {"r": GOOD.replace("tokens: [x]", "patterns: ['(a)\\1']")})
    r = run("check", "--pack", str(folder), str(tmp_path))
    assert r.returncode == 2
    assert r.stderr == (
        f"newslint: error: {folder}/r.yml: rule r: key 'patterns[0]': regex '(a)\\\\1' cannot "
        "be used: backreferences such as \\1 need backtracking (newslint runs patterns with "
        "RE2, in linear time)\n"
    )


def test_rules_and_explain_for_packs():
    r = run("rules", "--pack", "cms", "--format", "json")
    assert r.returncode == 0
    import json

    data = json.loads(r.stdout)
    assert [d["code"] for d in data] == [
        f"CMS{i:03}" for i in range(1, 11) if i != 2
    ]  # CMS002 is NL505 now
    assert {d["origin"] for d in data} == {"cms"}
    r = run("explain", "html-entity")
    assert r.returncode == 0
    assert r.stdout.splitlines()[:3] == [
        "# html-entity (CMS007)",
        "",
        "Category: scrape · default severity: error · on by default when its pack is loaded"
        " · not fixable · pack: cms",
    ]
    r = run("explain", "DSK001", "--pack", str(DESK))
    assert r.stdout.startswith("# we-say (DSK001)\n")
    assert "## Fix\nReplaces the words with the preferred form (safe).\n" in r.stdout


# --- configuration ---------------------------------------------------------------------


def test_config_packs_key_loads_a_desk_folder_relative_to_the_config(tmp_path):
    import shutil

    shutil.copytree(DESK, tmp_path / "style" / "desk")
    (tmp_path / "newslint.toml").write_text(
        'packs = ["cms", "./style/desk"]\nextend-ignore = ["DSK004"]\n'
    )
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "a.txt").write_text("Taliban Close In\n\nThe minister slammed the communiqu&#233;.\n")
    r = run("check", "articles/a.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert [ln.split(": ")[0:2] for ln in r.stdout.splitlines()[::3][:2]] == [
        ["articles/a.txt:3:14", "DSK002 banned-words"],
        ["articles/a.txt:3:35", "CMS007 html-entity"],
    ]
    r = run("check", "--select", "DSK002", "articles/a.txt", cwd=tmp_path)
    assert r.stdout.splitlines()[0].startswith("articles/a.txt:3:14: DSK002 banned-words")


def test_config_with_an_unknown_pack_is_a_one_line_error(tmp_path):
    (tmp_path / "newslint.toml").write_text('packs = ["./nowhere"]\n')
    (tmp_path / "a.txt").write_text("Head\n\nBody.\n")
    r = run("check", "a.txt", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (
        2,
        f"newslint: error: newslint.toml: key 'packs': pack './nowhere': no such folder "
        f"({tmp_path}/nowhere)\n",
    )


def test_word_lists_prefer_the_longest_entry_and_respect_word_boundaries():
    from newslint.packs.regex import word_list

    rx = word_list(("cat", "catalogue", "cat food", "Q&A", " - "), True)
    text = "Catalogue cat  food cats cat. q&a; well-known - no"
    assert [m.group() for m in rx.finditer(text)] == [
        "Catalogue",
        "cat  food",
        "cat",
        "q&a",
        "-",
    ]
    assert [m.start() for m in rx.finditer(text)][-1] == text.index(" - ") + 1


def test_shipped_packs_are_quiet_on_the_seed_except_real_slips():
    from .conftest import SEED

    cat = catalogue_with(load_packs(shipped_names()))
    rules = [ActiveRule.default(r) for r in cat if r.origin != "builtin" and r.default_enabled]
    article = readers.parse(Source.from_raw(SEED.read_text(), str(SEED)))
    assert [(f.code, f.line) for f in check_article(article, rules)] == []


def test_rules_check_examples_runs_a_desk_packs_examples(tmp_path):
    import shutil

    desk = tmp_path / "desk"
    shutil.copytree(DESK, desk)
    r = run("rules", "--pack", str(desk), "--check-examples")
    assert (r.returncode, r.stdout) == (0, "13 of 13 examples behave as declared (6 rules)\n")
    spelling = desk / "house-spelling.yml"
    spelling.write_text(spelling.read_text().replace("[[3, 30], [3, 46]]", "[[3, 31], [3, 46]]"))
    r = run("rules", "--pack", str(desk), "--check-examples")
    assert (r.returncode, r.stdout) == (
        1,
        "DSK003 house-spelling: examples.bad[0]: expected [[3, 31], [3, 46]], "
        "got [[3, 30], [3, 46]]\n"
        "12 of 13 examples behave as declared (6 rules)\n",
    )


def test_rules_and_explain_include_the_packs_the_configuration_loads(tmp_path):
    import json
    import shutil

    shutil.copytree(DESK, tmp_path / "style" / "desk")
    (tmp_path / "newslint.toml").write_text('packs = ["./style/desk"]\n')
    r = run("rules", "--format", "json", cwd=tmp_path)
    codes = [d["code"] for d in json.loads(r.stdout)]
    assert [c for c in codes if c.startswith("DSK")] == [f"DSK00{i}" for i in range(1, 7)]
    assert "NL101" in codes
    assert "CMS001" not in codes
    r = run("explain", "banned-words", cwd=tmp_path)
    assert r.stdout.startswith("# banned-words (DSK002)\n"), r.stderr
