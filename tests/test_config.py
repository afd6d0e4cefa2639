"""Configuration files: discovery, every key, precedence and exact error messages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.catalogue import Catalogue, builtin
from newslint.config import ConfigError, load_config
from newslint.findings import Hit, Severity
from newslint.rule import Rule
from newslint.runner import RunOptions, run
from newslint.settings import Overrides, SettingsResolver
from newslint.settings_report import render_settings
from newslint.starter import starter_config

from .test_cli import run as cli

#: Findings with the default rules: NL104 at 1:9 (warning), NL201 at 3:1 (error),
#: NL203 at 3:17 (warning).
ARTICLE = "Budget deal agreed.\n\nThe the talks on the anti Taliban front ended.\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def lint(root: Path, *paths: str, **options) -> list[tuple[str, str, str]]:
    """(path relative to root, code, severity) of every finding."""
    result = run([str(root / p) for p in paths or ["."]], RunOptions(**options))
    assert result.errors == []
    return [
        (str(Path(f.path).relative_to(root)) if f.path != "-" else "-", f.code, f.severity.value)
        for f in sorted(result.findings, key=lambda f: (f.path, f.line, f.column))
    ]


def codes(root: Path, *paths: str, **options) -> list[str]:
    return [c for _, c, _ in lint(root, *paths, **options)]


def error(root: Path, config: str, name: str = "newslint.toml") -> str:
    write(root, {name: config, "a.txt": ARTICLE})
    with pytest.raises(ConfigError) as exc:
        run([str(root / "a.txt")], RunOptions())
    return str(exc.value)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


# -- discovery ---------------------------------------------------------------


def test_defaults_without_any_configuration(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE})
    assert lint(tmp_path) == [
        ("a.txt", "NL104", "warning"),
        ("a.txt", "NL201", "error"),
        ("a.txt", "NL203", "warning"),
    ]


@pytest.mark.parametrize("name", ["newslint.toml", ".newslint.toml"])
def test_newslint_toml_and_hidden_variant_are_read(tmp_path, name):
    write(tmp_path, {name: 'ignore = ["NL104"]\n', "a.txt": ARTICLE})
    assert codes(tmp_path) == ["NL201", "NL203"]


def test_pyproject_tool_newslint_is_read_and_pyproject_without_it_is_not(tmp_path):
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "x"\n[tool.newslint]\nignore = ["NL104"]\n',
            "a.txt": ARTICLE,
            "desk/pyproject.toml": '[project]\nname = "desk"\n',
            "desk/b.txt": ARTICLE,
        },
    )
    # desk/pyproject.toml has no [tool.newslint]: the search goes on upwards.
    assert codes(tmp_path) == ["NL201", "NL203", "NL201", "NL203"]


def test_nearest_configuration_wins_without_merging(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": 'ignore = ["NL104"]\n',
            "a.txt": ARTICLE,
            "desk/newslint.toml": 'ignore = ["NL203"]\n',
            "desk/b.txt": ARTICLE,
            "desk/sport/c.txt": ARTICLE,
        },
    )
    assert [(p, c) for p, c, _ in lint(tmp_path)] == [
        ("a.txt", "NL201"),
        ("a.txt", "NL203"),
        ("desk/b.txt", "NL104"),
        ("desk/b.txt", "NL201"),
        ("desk/sport/c.txt", "NL104"),
        ("desk/sport/c.txt", "NL201"),
    ]
    # A file named directly gets the same settings as when walked.
    assert codes(tmp_path, "desk/sport/c.txt") == ["NL104", "NL201"]


def test_config_option_overrides_discovery_for_every_file(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": 'ignore = ["NL104"]\n',
            "desk/newslint.toml": 'ignore = ["NL203"]\n',
            "desk/b.txt": ARTICLE,
            "other/strict.toml": 'select = ["repeated-word"]\n',
        },
    )
    assert codes(tmp_path, "desk", config=str(tmp_path / "other/strict.toml")) == ["NL201"]


def test_isolated_ignores_every_configuration_and_the_vocabulary(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": 'select = ["NL2"]\n',
            ".newslint/accept.txt": "Taliban\n",
            "a.txt": ARTICLE,
        },
    )
    assert codes(tmp_path, isolated=True) == ["NL104", "NL201", "NL203"]
    settings = SettingsResolver(Overrides(isolated=True)).for_path(str(tmp_path / "a.txt"))
    assert (settings.config, settings.accept) == (None, ())


def test_two_configurations_in_one_directory_is_an_error(tmp_path):
    write(tmp_path, {".newslint.toml": "", "newslint.toml": "", "a.txt": ARTICLE})
    with pytest.raises(ConfigError) as exc:
        run(["a.txt"], RunOptions())
    assert str(exc.value) == ".: both .newslint.toml and newslint.toml configure newslint; keep one"


# -- every key -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('select = ["NL201"]', ["NL201"]),  # code
        ('select = ["NL2"]', ["NL201", "NL203"]),  # prefix
        ('select = ["missing-hyphen"]', ["NL203"]),  # name
        ('select = ["structure"]', ["NL104"]),  # category
        ('select = ["ALL"]\nignore = ["NL1", "wording"]', []),
        ('ignore = ["NL2"]', ["NL104"]),
        ('extend-ignore = ["headline-period"]', ["NL201", "NL203"]),
        ('select = ["NL1"]\nextend-select = ["NL201"]', ["NL104", "NL201"]),
        # The more specific selector wins; on a tie, ignore wins.
        ('select = ["NL2"]\nignore = ["NL201"]', ["NL203"]),
        ('select = ["NL201"]\nignore = ["NL2"]', ["NL201"]),
        ('select = ["wording"]\nignore = ["wording"]', []),
    ],
)
def test_selection_keys(tmp_path, config, expected):
    write(tmp_path, {"newslint.toml": config + "\n", "a.txt": ARTICLE})
    assert codes(tmp_path) == expected


def test_extend_select_turns_on_a_rule_that_is_off_by_default(tmp_path):
    write(tmp_path, {"newslint.toml": 'extend-select = ["NL402"]\n', "a.txt": "Head \n\nBody.\n"})
    assert codes(tmp_path) == ["NL402"]


def test_severity_table_by_name_code_prefix_and_category(tmp_path):
    config = (
        '[severity]\nwording = "info"\nNL203 = "error"\n'
        'headline-period = "error"\nstructure = "info"\n'
    )
    write(tmp_path, {"newslint.toml": config, "a.txt": ARTICLE})
    # The name is more specific than the category, whatever the order in the file.
    assert lint(tmp_path) == [
        ("a.txt", "NL104", "error"),
        ("a.txt", "NL201", "info"),
        ("a.txt", "NL203", "error"),
    ]


@pytest.mark.parametrize(
    ("config", "failing"),
    [
        ("", 3),
        ('fail-level = "info"', 3),
        ('fail-level = "warning"', 3),
        ('fail-level = "error"', 1),
    ],
)
def test_fail_level_counts_the_findings_that_fail_the_run(tmp_path, config, failing):
    write(tmp_path, {"newslint.toml": config + "\n", "a.txt": ARTICLE})
    result = run(["."], RunOptions())
    assert (len(result.findings), result.failing) == (3, failing)


def test_fail_level_decides_the_exit_status(tmp_path):
    write(tmp_path, {"newslint.toml": 'fail-level = "error"\nignore = ["NL201"]\n'})
    write(tmp_path, {"a.txt": ARTICLE})
    r = cli("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout.endswith("2 findings in 1 file\n")
    r = cli("check", "--fail-level", "warning", "a.txt", cwd=tmp_path)
    assert r.returncode == 1
    r = cli("check", "--fail-level", "fatal", "a.txt", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (
        2,
        "newslint: error: --fail-level: unknown severity 'fatal' "
        "(expected one of: error, warning, info)\n",
    )


def test_exclude_and_extend_exclude(tmp_path):
    files = {
        "a.txt": ARTICLE,
        "archive/old.txt": ARTICLE,
        "desk/archive/older.txt": ARTICLE,
        "desk/draft.md": ARTICLE,
        "node_modules/pkg/readme.md": ARTICLE,
    }
    write(tmp_path, {**files, "newslint.toml": 'extend-exclude = ["archive", "desk/*.md"]\n'})
    assert {p for p, _, _ in lint(tmp_path)} == {"a.txt"}
    # exclude replaces the defaults (node_modules is linted again).
    write(tmp_path, {"newslint.toml": 'exclude = ["archive/**"]\n'})
    assert {p for p, _, _ in lint(tmp_path)} == {
        "a.txt",
        "desk/archive/older.txt",
        "desk/draft.md",
        "node_modules/pkg/readme.md",
    }
    # A file named on the command line is excluded too (pre-commit passes files).
    assert lint(tmp_path, "archive/old.txt") == []


def test_per_file_ignores(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": '[per-file-ignores]\n"wires/*.txt" = ["NL104", "wording"]\n'
            '"*.md" = ["NL201"]\n',
            "a.txt": ARTICLE,
            "wires/b.txt": ARTICLE,
            "wires/c.md": ARTICLE,
        },
    )
    assert [(p, c) for p, c, _ in lint(tmp_path)] == [
        ("a.txt", "NL104"),
        ("a.txt", "NL201"),
        ("a.txt", "NL203"),
        ("wires/c.md", "NL104"),
        ("wires/c.md", "NL203"),
    ]


def test_rule_options(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": '[rules.repeated-word]\nallow = ["the"]\n'
            '[rules.NL103]\ntags = ["sport"]\n',
            "a.txt": ARTICLE + "\nSport\n",
        },
    )
    assert codes(tmp_path) == ["NL104", "NL203", "NL103"]
    settings = SettingsResolver().for_path(str(tmp_path / "a.txt"))
    options = {a.rule.name: a.options for a in settings.rules}
    assert options["repeated-word"]["allow"] == ["the"]
    assert options["trailing-section-tag"]["tags"] == ["sport"]
    # Options not given keep the rule's defaults.
    assert options["trailing-section-tag"]["signoffs"][:2] == ["AP", "AFP"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_files_ignored_by_git_are_skipped_when_walking_directories(tmp_path):
    write(
        tmp_path,
        {
            ".gitignore": "drafts/\n*.tmp.txt\n",
            "a.txt": ARTICLE,
            "drafts/b.txt": ARTICLE,
            "c.tmp.txt": ARTICLE,
        },
    )
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert {p for p, _, _ in lint(tmp_path)} == {"a.txt"}
    # Named on the command line, an ignored file is linted.
    assert {p for p, _, _ in lint(tmp_path, "drafts/b.txt")} == {"drafts/b.txt"}
    write(tmp_path, {"newslint.toml": "respect-gitignore = false\n"})
    assert {p for p, _, _ in lint(tmp_path)} == {"a.txt", "drafts/b.txt", "c.tmp.txt"}


def test_outside_a_git_repository_nothing_is_skipped(tmp_path):
    write(tmp_path, {".gitignore": "drafts/\n", "drafts/b.txt": ARTICLE})
    assert {p for p, _, _ in lint(tmp_path)} == {"drafts/b.txt"}


# -- precedence of the command line --------------------------------------------


def test_command_line_flags_override_the_file(tmp_path):
    write(
        tmp_path,
        {"newslint.toml": 'select = ["NL2"]\nfail-level = "error"\n', "a.txt": ARTICLE},
    )
    assert codes(tmp_path) == ["NL201", "NL203"]
    assert codes(tmp_path, select="NL104") == ["NL104"]
    assert codes(tmp_path, ignore="NL201") == ["NL203"]
    assert codes(tmp_path, extend_select="NL1") == ["NL104", "NL201", "NL203"]
    # --select NL2 with --ignore NL203: the command line is one layer.
    assert codes(tmp_path, select="NL2", ignore="NL203") == ["NL201"]
    assert run(["."], RunOptions(ignore="NL201")).failing == 0
    assert run(["."], RunOptions(ignore="NL201", fail_level="warning")).failing == 1


# -- vocabulary ----------------------------------------------------------------


def _vocabulary_rule() -> Rule:
    def check(article, options):
        text = article.source.text
        for term in options["reject"]:
            if term not in options["accept"] and term in text:
                yield Hit(text.index(term), text.index(term) + len(term))

    return Rule(
        code="NL999",
        name="rejected-term",
        category="wording",
        severity=Severity.WARNING,
        message="Rejected term",
        what="",
        why="",
        check=check,
        bad=(),
        good=(),
        options={"accept": [], "reject": []},
    )


def test_vocabulary_next_to_the_config_reaches_settings_and_rules(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": '[rules.rejected-term]\nreject = ["front"]\n',
            ".newslint/accept.txt": "# names\nTaliban\n\nPanjshir\n",
            ".newslint/reject.txt": "talks\n",
            "a.txt": ARTICLE,
        },
    )
    catalogue = Catalogue([_vocabulary_rule()])
    settings = SettingsResolver(catalogue=catalogue).for_path(str(tmp_path / "a.txt"))
    assert settings.accept == ("Taliban", "Panjshir")
    assert settings.reject == ("talks",)
    active = {a.rule.name: a for a in settings.rules}
    assert active["rejected-term"].options == {
        "accept": ["Taliban", "Panjshir"],
        "reject": ["talks", "front"],
    }
    resolver = SettingsResolver(catalogue=catalogue)
    result = run(["a.txt"], RunOptions(), resolver=resolver)
    assert [(f.code, f.text) for f in result.findings] == [("NL999", "talks"), ("NL999", "front")]


def test_vocabulary_must_be_utf8(tmp_path):
    write(tmp_path, {"newslint.toml": "", "a.txt": ARTICLE})
    (tmp_path / ".newslint").mkdir()
    (tmp_path / ".newslint/accept.txt").write_bytes(b"Caf\xe9\n")
    with pytest.raises(ConfigError) as exc:
        run(["a.txt"], RunOptions())
    assert str(exc.value) == ".newslint/accept.txt: not valid UTF-8"


# -- validation errors: exact messages -----------------------------------------


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("selct = []", "newslint.toml: key 'selct': unknown key (did you mean 'select'?)"),
        ("colour = 1", "newslint.toml: key 'colour': unknown key"),
        (
            "select = 3",
            "newslint.toml: key 'select': expected a list of rule codes, code prefixes, "
            "names or categories, got an integer",
        ),
        (
            'ignore = "NL104"',
            "newslint.toml: key 'ignore': expected a list of rule codes, code prefixes, "
            "names or categories, got 'NL104'",
        ),
        (
            "extend-select = [1]",
            "newslint.toml: key 'extend-select': expected a list of rule codes, code "
            "prefixes, names or categories, got a list holding an integer",
        ),
        (
            'extend-ignore = ["NL999"]',
            "newslint.toml: key 'extend-ignore': unknown rule, code or category 'NL999'",
        ),
        (
            'select = ["spellling"]',
            "newslint.toml: key 'select': unknown rule, code or category 'spellling'",
        ),
        (
            'fail-level = "fatal"',
            "newslint.toml: key 'fail-level': expected one of error, warning, info, got 'fatal'",
        ),
        (
            'exclude = "archive"',
            "newslint.toml: key 'exclude': expected a list of glob patterns, got 'archive'",
        ),
        (
            'extend-exclude = ["desk/[ab"]',
            "newslint.toml: key 'extend-exclude': bad glob 'desk/[ab' (unclosed '[')",
        ),
        (
            'respect-gitignore = "no"',
            "newslint.toml: key 'respect-gitignore': expected true or false, got 'no'",
        ),
        (
            'per-file-ignores = ["a"]',
            "newslint.toml: key 'per-file-ignores': expected a table of glob = [rules], got a list",
        ),
        (
            '[per-file-ignores]\n"[x" = ["NL104"]',
            "newslint.toml: key 'per-file-ignores': bad glob '[x' (unclosed '[')",
        ),
        (
            '[per-file-ignores]\n"*.md" = ["nope"]',
            "newslint.toml: key 'per-file-ignores.\"*.md\"': unknown rule, code or category 'nope'",
        ),
        (
            '[per-file-ignores]\n"*.md" = "NL104"',
            "newslint.toml: key 'per-file-ignores.\"*.md\"': expected a list of rule codes, "
            "code prefixes, names or categories, got 'NL104'",
        ),
        (
            '[severity]\nheadline-period = "fatal"',
            "newslint.toml: key 'severity.headline-period': expected one of error, warning, "
            "info, got 'fatal'",
        ),
        (
            '[severity]\nno-such-rule = "error"',
            "newslint.toml: key 'severity.no-such-rule': unknown rule, code or category",
        ),
        (
            'severity = "error"',
            "newslint.toml: key 'severity': expected a table of rule = severity, got 'error'",
        ),
        (
            "[rules.no-such-rule]\nx = 1",
            "newslint.toml: key 'rules.no-such-rule': unknown rule",
        ),
        (
            "[rules]\nrepeated-word = 1",
            "newslint.toml: key 'rules.repeated-word': expected a table of options, got an integer",
        ),
        (
            "[rules.repeated-word]\nallowed = []",
            "newslint.toml: key 'rules.repeated-word.allowed': unknown option (options: allow)",
        ),
        (
            "[rules.headline-period]\nx = 1",
            "newslint.toml: key 'rules.headline-period.x': unknown option (options: none)",
        ),
        (
            '[rules.repeated-word]\nallow = "had"',
            "newslint.toml: key 'rules.repeated-word.allow': expected a list of strings, got 'had'",
        ),
        (
            "[rules.trailing-section-tag]\ntags = [1, 2]",
            "newslint.toml: key 'rules.trailing-section-tag.tags': expected a list of "
            "strings, got a list",
        ),
        (
            'select = ["NL1"',
            "newslint.toml: invalid TOML: Unclosed array (at end of document)",
        ),
    ],
)
def test_validation_error_messages(tmp_path, config, message):
    assert error(tmp_path, config + "\n") == message


def test_validation_errors_in_pyproject_name_the_full_key(tmp_path):
    config = "[tool.newslint]\nfail-level = 2\n"
    assert error(tmp_path, config, "pyproject.toml") == (
        "pyproject.toml: key 'tool.newslint.fail-level': expected one of error, warning, "
        "info, got an integer"
    )
    config = '[tool]\nnewslint = "on"\n'
    assert error(tmp_path, config, "pyproject.toml") == (
        "pyproject.toml: key 'tool.newslint': expected a table"
    )


def test_validation_error_on_the_command_line_is_one_line_exit_2(tmp_path):
    write(tmp_path, {"desk/newslint.toml": "[rules.repeated-word]\nallow = 3\n", "a.txt": ARTICLE})
    r = cli("check", "desk", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (
        2,
        "",
        "newslint: error: desk/newslint.toml: key 'rules.repeated-word.allow': expected a "
        "list of strings, got an integer\n",
    )


def test_config_option_errors(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE})
    for args, message in [
        (("--config", "nope.toml"), "nope.toml: configuration file not found"),
        (("--config", "x.toml", "--isolated"), "--config and --isolated cannot be used together"),
    ]:
        r = cli("check", *args, "a.txt", cwd=tmp_path)
        assert (r.returncode, r.stderr) == (2, f"newslint: error: {message}\n"), args


def test_load_config_of_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError):
        load_config(str(tmp_path / "missing.toml"), builtin())


# -- settings objects ------------------------------------------------------------


def test_settings_are_cached_per_config_hashable_and_serialisable(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": 'ignore = ["NL104"]\n[rules.repeated-word]\nallow = ["had"]\n',
            "a/x.txt": "",
            "b/y.txt": "",
        },
    )
    resolver = SettingsResolver()
    one = resolver.for_path(str(tmp_path / "a/x.txt"))
    assert resolver.for_path(str(tmp_path / "b/y.txt")) is one
    again = SettingsResolver().for_path(str(tmp_path / "a/x.txt"))
    assert again == one and hash(again) == hash(one)
    assert again.fingerprint() == one.fingerprint()
    data = json.loads(json.dumps(one.to_dict()))
    assert data["rules"]["NL201"] == {
        "name": "repeated-word",
        "severity": "error",
        "options": {"allow": ["had"]},
    }
    assert "NL104" not in data["rules"]
    other = SettingsResolver(Overrides(ignore=("NL201",))).for_path(str(tmp_path / "a/x.txt"))
    assert other.fingerprint() != one.fingerprint()


# -- init and --show-settings ------------------------------------------------------


def test_init_writes_a_starter_that_loads_and_refuses_to_overwrite(tmp_path):
    r = cli("init", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (0, "Wrote newslint.toml\n", "")
    assert (tmp_path / "newslint.toml").read_text() == starter_config()
    loaded = load_config(str(tmp_path / "newslint.toml"), builtin())
    assert dict(loaded.values) == {"fail-level": Severity.INFO, "extend-exclude": ()}
    r = cli("init", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (
        2,
        "newslint: error: newslint.toml already exists; not overwriting it\n",
    )
    assert (tmp_path / "newslint.toml").read_text() == starter_config()


def test_starter_config_commented_lines_are_valid_when_uncommented(tmp_path):
    lines = []
    for line in starter_config().splitlines():
        body = line[2:] if line.startswith("# ") else line
        if body.startswith(("[", '"')) or " = " in body:
            lines.append(body)
    # Uncommented, the examples form a valid file (duplicate keys aside).
    text = "\n".join(ln for ln in lines if not ln.startswith(("extend-exclude = []",)))
    (tmp_path / "full.toml").write_text(text + "\n")
    values = load_config(str(tmp_path / "full.toml"), builtin()).values
    assert set(values) == {
        "fail-level",
        "select",
        "extend-select",
        "ignore",
        "extend-ignore",
        "extend-exclude",
        "respect-gitignore",
        "per-file-ignores",
        "severity",
        "rules",
    }


def test_show_settings_prints_the_resolved_settings_for_a_file(tmp_path):
    write(
        tmp_path,
        {
            "newslint.toml": 'select = ["NL1", "NL201"]\nfail-level = "warning"\n'
            '[severity]\nNL104 = "error"\n[per-file-ignores]\n"wires/*" = ["NL103"]\n'
            '[rules.repeated-word]\nallow = ["had"]\n',
            ".newslint/accept.txt": "Taliban\n",
        },
    )
    r = cli("check", "--show-settings", "wires/a.txt", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == (
        "file: wires/a.txt\n"
        "config: newslint.toml\n"
        "root: .\n"
        "excluded: no\n"
        "fail-level: warning\n"
        'exclude: ["node_modules", "venv", "site-packages", "__pycache__"]\n'
        "respect-gitignore: true\n"
        "accept: 1 entry\n"
        "reject: 0 entries\n"
        "packs: (none)\n"
        "rules (5):\n"
        "  NL101 duplicate-headline error\n"
        "  NL102 duplicate-paragraph error\n"
        "  NL104 headline-period error\n"
        "  NL105 duplicate-sentence warning\n"
        '  NL201 repeated-word error allow=["had"]\n'
    )
    r = cli("check", "--show-settings", "--format", "json", "wires/a.txt", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert data["file"] == "wires/a.txt"
    assert sorted(data["rules"]) == ["NL101", "NL102", "NL104", "NL105", "NL201"]
    assert data["accept"] == ["Taliban"]
    r = cli("check", "--show-settings", "a.txt", "b.txt", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (
        2,
        "newslint: error: --show-settings takes exactly one file\n",
    )


def test_render_settings_for_stdin_is_not_excluded(tmp_path):
    settings = SettingsResolver().for_path("-")
    assert "excluded: no\n" in render_settings("-", settings)


def test_the_documented_complete_example_loads(tmp_path):
    from .conftest import ROOT

    doc = (ROOT / "docs" / "configuration.md").read_text()
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "newslint.toml").write_text(example)
    values = load_config(str(tmp_path / "newslint.toml"), builtin()).values
    from newslint.config import KEYS

    assert set(values) == set(KEYS)
