"""The ``newslint`` command line.

Exit codes: 0 no findings (at or above the fail level), 1 findings, 2 a usage,
configuration or input error (one line on stderr, never a traceback),
130 interrupted.
"""

# No ``from __future__ import annotations``: typer reads the commands'
# annotations at every start, and each one given as a string costs a compile.
import io
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from .errors import NewslintError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .rule import Rule
    from .settings import Settings, SettingsResolver

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130

APP_SETTINGS: dict[str, Any] = {
    "name": "newslint",
    "help": "An editorial linter for news articles.",
    "add_completion": False,
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

app = typer.Typer(**APP_SETTINGS)


# Options shared by the commands that lint (check, baseline write, stats).
SelectOption = Annotated[
    str | None,
    typer.Option(help="Comma-separated rules to run (codes, prefixes, names, categories)."),
]
ExtendSelectOption = Annotated[
    str | None, typer.Option(help="Rules to run in addition to the selected ones.")
]
IgnoreOption = Annotated[str | None, typer.Option(help="Comma-separated rules not to run.")]
EncodingOption = Annotated[
    str | None,
    typer.Option(help="Read files in this encoding (e.g. latin-1, cp1252) instead of UTF-8."),
]
ConfigOption = Annotated[
    str | None,
    typer.Option(help="Use this configuration file for every file (no discovery)."),
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore all configuration files.")]


def _fail(message: str) -> NoReturn:
    raise UsageError(message)


def error_line(message: str) -> None:
    sys.stderr.write(f"newslint: error: {message}\n")


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to lint; - for stdin.")],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="Output format: text, json, html, sarif, github, junit or gitlab.",
        ),
    ] = "text",
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    output_file: Annotated[
        str | None, typer.Option(help="Write the report to this file instead of stdout.")
    ] = None,
    encoding: EncodingOption = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name to report for stdin; its extension picks the reader.")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the findings cache.")
    ] = False,
    fail_level: Annotated[
        str | None,
        typer.Option(help="Exit 1 only for findings at or above: error, warning or info."),
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    show_settings: Annotated[
        bool,
        typer.Option("--show-settings", help="Print the resolved settings for one FILE and exit."),
    ] = False,
    pack: Annotated[
        list[str] | None,
        typer.Option(help="Also load this rule pack: a shipped pack's name or a folder."),
    ] = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Apply safe fixes to the files, then report what is left. "
            "With - (stdin), the fixed article goes to stdout and the report to stderr.",
        ),
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print the fixes as a unified diff and write nothing "
            "(exit 1 if anything would change).",
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option("--statistics", help="Print the number of findings per rule instead."),
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option(help="Report only findings not recorded in this baseline file."),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            help="Lint only files changed since this git revision, and report only "
            "findings on changed lines."
        ),
    ] = None,
    languagetool: Annotated[
        str | None,
        typer.Option(
            "--languagetool",
            metavar="URL",
            help="Check grammar and spelling with this LanguageTool server "
            "(or a local LanguageTool directory) instead of Harper.",
        ),
    ] = None,
    max_file_size: Annotated[
        float,
        typer.Option(
            help="Do not read files over this many MB (an input error, exit 2); 0: no limit.",
            min=0,
        ),
    ] = 10,
) -> None:
    """Lint articles and report each finding with its line and column."""
    from .reporters import FORMATS, Report, renderer
    from .runner import RunOptions, run
    from .settings import SettingsResolver

    if output_format not in FORMATS:
        _fail(f"unknown format {output_format!r} (expected one of: {', '.join(FORMATS)})")
    if statistics and output_format not in ("text", "json"):
        _fail(f"--statistics prints text or json, not {output_format}")
    options = RunOptions(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        encoding=encoding,
        stdin_filename=stdin_filename,
        fail_level=fail_level,
        config=config,
        isolated=isolated,
        packs=tuple(pack or ()),
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        baseline=baseline,
        changed_since=changed_since,
        jobs=jobs,
        cache=not no_cache,
        languagetool=languagetool,
        max_bytes=int(max_file_size * 1_000_000) or None,
    )
    resolver = SettingsResolver(options.overrides())
    if show_settings:
        _show_settings(paths, resolver, output_format)
        return
    result = run(paths, options, resolver=resolver)
    for message in result.errors:
        error_line(message)
    if diff:
        _emit("".join(result.diffs), output_file, False)
        raise typer.Exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if result.diffs else 0)
    # With --fix on stdin, stdout carries the fixed article: the report goes to stderr.
    to_stderr = result.stdout is not None and output_file is None
    if result.stdout is not None:
        sys.stdout.buffer.write(result.stdout)
        sys.stdout.flush()

    if statistics:
        from .reporters import statistics as stats

        render = stats.render_json if output_format == "json" else stats.render_text
        text = render(result.findings)
        if to_stderr:
            sys.stderr.write(text)
        else:
            _emit(text, output_file, False)
    else:
        report = Report(
            result.findings,
            result.sources,
            result.checked,
            color=False if to_stderr else _color(output_file),
            fixed=result.fixed,
            extra_rules=_pack_rules(result.settings.values()),
            unreadable=len(result.errors),
        )
        text = renderer(output_format)(report)
        if quiet and output_format == "text":
            text = "".join(text.splitlines(True)[:-1])
        if to_stderr:
            sys.stderr.write(text)
        else:
            _emit(text, output_file, report.color)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    if result.failing and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _show_settings(paths: list[str], resolver: "SettingsResolver", output_format: str) -> None:
    from .settings_report import render_settings

    if len(paths) != 1:
        _fail("--show-settings takes exactly one file")
    sys.stdout.write(render_settings(paths[0], resolver.for_path(paths[0]), output_format))


def _pack_rules(settings: "Iterable[Settings]") -> "list[Rule]":
    """The rules of the run that are not built in (from rule packs), by code."""
    found: dict[str, Rule] = {}
    for s in settings:
        for active in s.rules:
            if active.rule.origin != "builtin":
                found.setdefault(active.rule.code, active.rule)
    return [found[c] for c in sorted(found)]


def _color(output_file: str | None) -> bool:
    if output_file or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _emit(text: str, output_file: str | None, color: bool) -> None:
    if output_file:
        from .atomic import write_bytes_atomic

        try:
            write_bytes_atomic(output_file, text.encode("utf-8", errors="backslashreplace"))
        except OSError as exc:
            _fail(f"{output_file}: cannot write ({exc.strerror or exc})")
    elif color:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text, end="")
    else:
        sys.stdout.write(text)


def _catalogue(packs: tuple[str, ...], *, configured: bool = False):  # type: ignore[no-untyped-def]
    """The built-in rules plus those of ``packs`` (names or folders) and, when
    ``configured``, of the packs the configuration for the current directory loads."""
    from .catalogue import builtin

    catalogue = builtin()
    if packs:
        from .packs import catalogue_with, load_packs

        catalogue = catalogue_with(load_packs(packs), catalogue)
    if configured:
        import os

        from .config import load_config
        from .settings import SettingsResolver

        path = SettingsResolver(catalogue=catalogue).find_config(os.getcwd())
        if path is not None:
            catalogue = load_config(path, catalogue).catalogue or catalogue
    return catalogue


_PACK_HELP = "List the rules of this pack (a shipped pack's name or a folder); repeatable."


@app.command("rules")
def rules_command(
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    pack: Annotated[list[str] | None, typer.Option(help=_PACK_HELP)] = None,
    check_examples: Annotated[
        bool,
        typer.Option(
            "--check-examples",
            help="Run each listed rule's bad and good examples; exit 1 if one fails.",
        ),
    ] = False,
) -> None:
    """List the rule catalogue (with the packs the configuration loads), or the
    rules of the packs named."""
    from .catalogue import Catalogue

    packs = tuple(pack or ())
    catalogue: Catalogue = _catalogue(packs, configured=not packs)
    if packs:
        catalogue = Catalogue(r for r in catalogue if r.origin != "builtin")
    if check_examples:
        from .packs.examples import example_failures

        failures = [line for r in catalogue for line in example_failures(r)]
        count = sum(len(r.bad) + len(r.good) for r in catalogue)
        sys.stdout.write("".join(f"{line}\n" for line in failures))
        sys.stdout.write(
            f"{count - len(failures)} of {count} examples behave as declared "
            f"({len(catalogue)} rules)\n"
        )
        raise typer.Exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
    if output_format == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": r.severity.value,
                "default": r.default_enabled,
                "fixable": r.fixable,
                "summary": r.summary,
                "origin": r.origin,
            }
            for r in catalogue
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    if output_format != "text":
        _fail(f"unknown format {output_format!r} (expected text or json)")
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for col in ("code", "name", "category", "severity", "default", "fix", "summary"):
        table.add_column(col)
    for r in catalogue:
        table.add_row(
            r.code,
            r.name,
            r.category,
            r.severity.value,
            "on" if r.default_enabled else "off",
            "yes" if r.fixable else "",
            r.summary,
        )
    Console(highlight=False, width=200 if not sys.stdout.isatty() else None).print(table)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code or name.")],
    pack: Annotated[
        list[str] | None,
        typer.Option(help="Also look in this pack (shipped packs are always searched)."),
    ] = None,
) -> None:
    """Print a rule's documentation and examples (built-in and pack rules)."""
    from .catalogue import builtin

    found = builtin().get(rule)
    if found is None:
        from .packs import shipped_names

        for r in _catalogue((*shipped_names(), *(pack or ())), configured=True):
            if rule.upper() == r.code or rule.lower() == r.name:
                found = r
    if found is None:
        _fail(f"unknown rule {rule!r} (see 'newslint rules')")
    sys.stdout.write(found.docs())


@app.command()
def clean() -> None:
    """Remove the findings cache (.newslint_cache here, or $NEWSLINT_CACHE_DIR)."""
    from .cache import clean as remove_cache
    from .cache import default_directory

    if remove_cache():
        sys.stdout.write(f"removed {default_directory()}\n")


@app.command()
def init(
    path: Annotated[
        str, typer.Argument(help="Where to write the starter configuration.")
    ] = "newslint.toml",
) -> None:
    """Write a commented starter newslint.toml (never overwrites a file)."""
    import os

    from .starter import starter_config

    if os.path.lexists(path):
        _fail(f"{path} already exists; not overwriting it")
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(starter_config())
    except FileExistsError:
        _fail(f"{path} already exists; not overwriting it")
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror})")
    sys.stdout.write(f"Wrote {path}\n")


baseline_app = typer.Typer(
    help="Record today's findings so that checks report only new ones.",
    no_args_is_help=True,
)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("write")
def baseline_write(
    file: Annotated[str, typer.Argument(help="The baseline file to write (JSON).")],
    paths: Annotated[list[str], typer.Argument(help="Files or directories to lint.")],
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    encoding: EncodingOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Record the findings in PATHs today; 'check --baseline FILE' then reports only new ones."""
    from . import baseline
    from .reporters.text import plural
    from .runner import RunOptions, run

    if "-" in paths:
        _fail("baseline write cannot read stdin (-)")
    options = RunOptions(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        encoding=encoding,
        config=config,
        isolated=isolated,
    )
    result = run(paths, options)
    for message in result.errors:
        error_line(message)
    if result.errors:
        error_line(f"baseline {file} not written: some files could not be read")
        raise typer.Exit(EXIT_ERROR)
    baseline.write(file, result.findings, result.sources)
    files = len({f.path for f in result.findings})
    sys.stdout.write(
        f"Baseline {file}: {plural(len(result.findings), 'finding')} in "
        f"{plural(files, 'file')} recorded ({plural(len(result.checked), 'file')} checked)\n"
    )


@app.command()
def stats(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to measure.")],
    output_format: Annotated[
        str, typer.Option("--format", help="Output format: table, json or csv.")
    ] = "table",
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    encoding: EncodingOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Per article: words, sentences, reading time, readability and findings; and a total."""
    from .runner import RunOptions
    from .stats import FORMATS as STATS_FORMATS
    from .stats import article_stats, render

    if output_format not in STATS_FORMATS:
        _fail(f"unknown format {output_format!r} (expected one of: {', '.join(STATS_FORMATS)})")
    options = RunOptions(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        encoding=encoding,
        config=config,
        isolated=isolated,
    )
    rows, result = article_stats(paths, options)
    for message in result.errors:
        error_line(message)
    sys.stdout.write(render(rows, output_format))
    if result.errors:
        raise typer.Exit(EXIT_ERROR)


def app_for(args: "Sequence[str]") -> typer.Typer:
    """The app that runs ``args``: when they start with a command's name, an
    app that holds that command alone (typer builds the parser of every command
    it holds, from its signature, at each start: time a pre-commit hook pays on
    every commit); otherwise, for help, errors and suggestions, the whole app."""
    name = args[0] if args else ""
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    lean = typer.Typer(**APP_SETTINGS)
    lean.registered_commands = commands
    lean.registered_groups = groups
    # A callback keeps a lone command a subcommand, as in the whole app.
    lean.callback()(_no_options)
    return lean


def _command_name(info: typer.models.CommandInfo) -> str:
    """The name typer gives a command (its function's, in kebab-case, by default)."""
    if info.name:
        return info.name
    return getattr(info.callback, "__name__", "").lower().replace("_", "-")


def _no_options() -> None:
    """The group's callback in :func:`app_for`: newslint takes no options
    before the command."""


def main() -> None:
    """Console entry point: run the app, mapping errors to exit codes."""
    # A file name that is not valid UTF-8 must not crash the output.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        rc = app_for(sys.argv[1:])(standalone_mode=False)
    except NewslintError as exc:
        error_line(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("newslint: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (``newslint check desk/ | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
    except typer.TyperException as exc:  # usage errors from the command-line parser
        format_message = getattr(exc, "format_message", None)
        message = format_message() if format_message else str(exc)
        if message:
            error_line(message.splitlines()[0])
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug in newslint: one line, unless asked for the traceback
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        error_line(
            f"internal error ({type(exc).__name__}: {exc}); please report it "
            "(NEWSLINT_DEBUG=1 shows the traceback)"
        )
        sys.exit(EXIT_ERROR)
    if rc == EXIT_INTERRUPTED:  # typer turns Ctrl-C into a return value of 130
        sys.stderr.write("newslint: interrupted\n")
    sys.exit(rc if isinstance(rc, int) else 0)
