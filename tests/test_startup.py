"""What one ``newslint check`` imports: a pre-commit hook pays for every module
at each commit, so the heavy libraries load only when a run needs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import SEED

#: Libraries (and newslint modules) a default check of a plain-text article
#: never needs.
HEAVY = (
    "harper",
    "textstat",
    "markdown_it",
    "mdit_py_plugins",
    "re2",
    "yaml",
    "rich",
    "newslint.harper_backend",
    "newslint.languagetool",
    "newslint.fixer",
    "newslint.packs",
    "newslint.readers.markdown",
    "newslint.proofreading",
    "newslint.propernames",
    "newslint.readability",
    "newslint.suppression",
    "newslint.reporters.json_format",
    "newslint.reporters.html",
    "newslint.reporters.sarif",
    "tomllib",
    "_hashlib",  # OpenSSL: the findings cache hashes with CPython's own BLAKE2
)

# Runs the command line in-process, then reports which of HEAVY it imported.
PROBE = """
import json, sys
heavy, args = json.loads(sys.argv[1])
sys.argv = ["newslint", *args]
from newslint.__main__ import main
try:
    main()
except SystemExit as exc:
    code = exc.code
loaded = [m for m in heavy if m in sys.modules]
sys.stderr.write("\\nPROBE " + json.dumps({"code": code, "loaded": loaded}) + "\\n")
"""


def probe(*args: str, cwd: Path) -> tuple[int, list[str], str]:
    """Exit code, the HEAVY modules loaded, and stdout of ``newslint ARGS``."""
    r = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([HEAVY, list(args)])],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    _, _, report = r.stderr.rpartition("\nPROBE ")
    assert report, r.stderr
    data = json.loads(report)
    return data["code"], data["loaded"], r.stdout


def test_default_check_of_a_plain_article_imports_no_heavy_library(tmp_path):
    article = tmp_path / "story.txt"
    shutil.copy(SEED, article)
    code, loaded, out = probe("check", "--no-cache", "story.txt", cwd=tmp_path)
    assert (code, loaded) == (1, [])
    assert out.splitlines()[-1] == "7 findings in 1 file"
    # With the cache (the default) too.
    code, loaded, _ = probe("check", "story.txt", cwd=tmp_path)
    assert (code, loaded) == (1, [])


def test_heavy_libraries_load_when_the_run_needs_them(tmp_path):
    shutil.copy(SEED, tmp_path / "story.txt")
    shutil.copy(SEED, tmp_path / "story.md")
    (tmp_path / "newslint.toml").write_text('extend-select = ["grammar"]\n', encoding="utf-8")
    code, loaded, _ = probe(
        "check", "--no-cache", "--format", "json", "story.txt", "story.md", cwd=tmp_path
    )
    assert code == 1
    assert {"harper", "newslint.harper_backend", "markdown_it", "tomllib"} <= set(loaded)
    assert "newslint.reporters.json_format" in loaded
    assert "rich" not in loaded


# Each command run through the app that holds it alone (what ``main`` runs)
# behaves as in the whole app: same help, same usage errors, same output.
SAME_AS_THE_WHOLE_APP = [
    ["check", "--help"],
    ["check"],
    ["check", "--no-such-option", "story.txt"],
    ["check", "--jobs", "0", "story.txt"],
    ["check", "--format", "json", "story.txt"],
    ["rules", "--help"],
    ["rules", "--format", "json"],
    ["rules", "surplus"],
    ["explain", "--help"],
    ["explain"],
    ["explain", "repeated-word"],
    ["stats", "--help"],
    ["init", "--help"],
    ["clean", "--help"],
    ["baseline", "--help"],
    ["baseline"],
    ["baseline", "write", "--help"],
    ["baseline", "nonsense"],
]


def test_a_command_alone_behaves_as_in_the_whole_app(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from newslint.cli import app, app_for

    shutil.copy(SEED, tmp_path / "story.txt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()
    for args in SAME_AS_THE_WHOLE_APP:
        lean = app_for(args)
        assert lean is not app, args
        whole = runner.invoke(app, args, prog_name="newslint")
        alone = runner.invoke(lean, args, prog_name="newslint")
        assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output), args
    assert app_for([]) is app
    assert app_for(["--help"]) is app
    assert app_for(["chek", "story.txt"]) is app


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_as_compiled():
    import re

    from newslint.patterns import lazy

    pattern = lazy(r"(a)(b)?", re.IGNORECASE)
    assert "_compiled" not in vars(pattern)
    assert pattern.match("Ab").group(0, 2) == ("Ab", "b")
    compiled = vars(pattern)["_compiled"]
    assert compiled.pattern == "(a)(b)?" and compiled.flags & re.IGNORECASE
    assert pattern.groups == 2
    assert [m.span() for m in pattern.finditer("xa ab")] == [(1, 2), (3, 5)]
    assert pattern.sub("-", "cab") == "c-"
    assert vars(pattern)["_compiled"] is compiled  # compiled once
    assert repr(lazy("x+")) == "lazy('x+')"
