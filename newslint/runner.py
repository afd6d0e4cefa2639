"""One lint run: find the files, read them, parse them, run the rules.

The CLI and the Python API both go through :func:`run`; features that change
what a run does (configuration, caching, parallelism, baselines, fixing) hook
in here, not in the CLI. Each file is linted with its own resolved
:class:`~newslint.settings.Settings` (the nearest configuration file).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import readers
from .engine import ActiveRule, check_article
from .errors import InputError, NewslintError, UsageError
from .findings import Finding, Severity
from .model import Source
from .selection import split_selectors
from .settings import Overrides, Settings, SettingsResolver
from .sources import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    check_encoding,
    decode,
    is_article_file,
    iter_article_paths,
    read_file,
    read_limited,
)

if TYPE_CHECKING:
    from .baseline import Baseline
    from .cache import Cache
    from .changes import Changes


@dataclass
class RunOptions:
    """What the user asked for on the command line (or through the API)."""

    select: str | None = None
    extend_select: str | None = None
    ignore: str | None = None
    encoding: str | None = None
    stdin_filename: str | None = None
    fail_level: str | None = None
    #: ``--config PATH``: one configuration file for every linted file.
    config: str | None = None
    #: ``--isolated``: ignore every configuration file.
    isolated: bool = False
    #: ``--pack``: rule packs to load (shipped pack names, or folders from here).
    packs: tuple[str, ...] = ()
    #: Report only findings not recorded in this baseline file.
    baseline: str | None = None
    #: Lint only files changed since this git revision, and report only
    #: findings on changed lines.
    changed_since: str | None = None
    #: ``--languagetool``: a LanguageTool server URL or directory (language rules).
    languagetool: str | None = None
    #: Files larger than this many bytes are not read (an input error); None: no limit.
    max_bytes: int | None = DEFAULT_MAX_BYTES
    #: Keep the source of every file read, not only of those with findings
    #: (``newslint stats`` measures clean articles too).
    keep_sources: bool = False

    def overrides(self) -> Overrides:
        select = split_selectors(self.select)
        fail_level = None
        if self.fail_level is not None:
            try:
                fail_level = Severity.parse(self.fail_level)
            except ValueError as exc:
                raise UsageError(f"--fail-level: {exc}") from None
        return Overrides(
            select=tuple(select) if select else None,
            extend_select=tuple(split_selectors(self.extend_select)),
            ignore=tuple(split_selectors(self.ignore)),
            fail_level=fail_level,
            config=self.config,
            isolated=self.isolated,
            packs=self.packs,
            languagetool=self.languagetool,
        )

    #: Write safe fixes back to the files (stdin: the fixed text goes to
    #: :attr:`RunResult.stdout`).
    fix: bool = False
    #: Apply unsafe fixes too (with ``fix`` or ``diff``).
    unsafe_fixes: bool = False
    #: Compute the fixes and return them as unified diffs; write nothing.
    diff: bool = False
    #: Worker processes for linting (``None``: all cores). Small runs, fixes
    #: and stdin stay in this process.
    jobs: int | None = None
    #: Use the content cache (see :mod:`newslint.cache`).
    cache: bool = True
    #: The cache folder (default: ``.newslint_cache`` here, or $NEWSLINT_CACHE_DIR).
    cache_dir: str | None = None


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    #: The sources of the files with findings, by the path they are reported
    #: under (after fixing: the fixed text, which the findings point into).
    #: Clean files are not kept, so a run's memory does not grow with the
    #: size of the archive.
    sources: dict[str, Source] = field(default_factory=dict)
    #: Paths checked, in order.
    checked: list[str] = field(default_factory=list)
    #: One-line messages for inputs that could not be read (or fixed).
    errors: list[str] = field(default_factory=list)
    #: Findings at or above the fail level of their file's settings.
    failing: int = 0
    #: The settings each checked path was linted with.
    settings: dict[str, Settings] = field(default_factory=dict)
    #: Fixes applied (``fix``) or that would be applied (``diff``).
    fixed: int = 0
    #: Paths whose text was changed (or would be, with ``diff``).
    changed: list[str] = field(default_factory=list)
    #: Unified diffs, one per changed file (``diff``).
    diffs: list[str] = field(default_factory=list)
    #: With ``fix`` on stdin: the fixed article, in the input's encoding.
    stdout: bytes | None = None
    #: Findings left out because the baseline records them.
    baselined: int = 0


def collect_paths(paths: Sequence[str], errors: list[str]) -> list[str]:
    """Expand directories into article files; record paths that do not exist."""
    files: list[str] = []
    for p in paths:
        if p == "-":
            files.append(p)
        elif os.path.isdir(p):
            files.extend(iter_article_paths(p, errors.append))
        elif not os.path.lexists(p):
            errors.append(f"{p}: no such file or directory")
        else:
            files.append(p)
    return files


def collect_files(paths: Sequence[str], resolver: SettingsResolver, errors: list[str]) -> list[str]:
    """The files to lint: named files and article files under named directories,
    minus what ``exclude`` matches and, under directories, what git ignores."""
    files: list[str] = []
    walked: list[str] = []
    found_in_directories: set[str] = set()
    for p in paths:
        if p == "-":
            files.append(p)
        elif os.path.isdir(p):
            found = _walk(p, resolver, errors)
            walked.extend(f for f in found if resolver.for_path(f).respect_gitignore)
            found_in_directories.update(found)
            files.extend(found)
        elif not os.path.lexists(p):
            errors.append(f"{p}: no such file or directory")
        elif not resolver.for_path(p).is_excluded(p):
            files.append(p)
    if walked:
        from .gitignore import ignored

        skip = ignored(walked)
        if skip:
            files = [f for f in files if f not in skip]
    if found_in_directories:
        files = [
            f for f in files if f not in found_in_directories or is_article_file(f, errors.append)
        ]
    return list(dict.fromkeys(files))


def _walk(top: str, resolver: SettingsResolver, errors: list[str]) -> list[str]:
    """Article files under ``top``. Directory symlinks are not followed (a
    symlink loop is harmless); an unreadable directory is an error.
    :func:`collect_files` then checks each file is a regular file
    (:func:`~newslint.sources.is_article_file`)."""

    def walk_error(exc: OSError) -> None:
        errors.append(f"{exc.filename}: cannot read directory ({exc.strerror})")

    out: list[str] = []
    for root, dirs, names in os.walk(top, onerror=walk_error):
        settings = resolver.for_directory(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not settings.is_excluded(os.path.join(root, d))
        )
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = os.path.join(root, name)
            if not settings.is_excluded(path):
                out.append(path)
    return out


def run(
    paths: Sequence[str],
    options: RunOptions,
    rules: Sequence[ActiveRule] | None = None,
    *,
    resolver: SettingsResolver | None = None,
) -> RunResult:
    """Lint ``paths``. Each file gets its own settings; ``rules``, when given,
    replaces the configured rules for every file (the API's explicit rules).
    An input that cannot be read is recorded in ``errors``; the others are
    still linted."""
    if options.encoding is not None:
        check_encoding(options.encoding)
    result = RunResult()
    resolver = resolver or SettingsResolver(options.overrides())
    fixing = options.fix or options.diff
    baseline = None
    if options.baseline is not None:
        from .baseline import Baseline

        baseline = Baseline.load(options.baseline)
    changes = None
    if options.changed_since is not None:
        from .changes import Changes

        if "-" in paths:
            raise UsageError("--changed-since cannot be used with stdin (-)")
        changes = Changes.since(options.changed_since)
    files = collect_files(paths, resolver, result.errors)
    if changes is not None:
        files = changes.changed_files(files)
    parallel = _parallel_jobs(options, files, rules, fixing)
    cache = _cache(options, rules, fixing)
    if parallel > 1 and cache is not None and _all_cached(files, options, resolver, cache):
        parallel = 1  # nothing to lint: a pool (and its grammar engine) would cost more
    if parallel > 1:
        _lint_in_pool(files, options, resolver, parallel, result)
    else:
        only = _reported(changes, baseline) if fixing else None
        for path in files:
            _lint_path(path, options, resolver, rules, fixing, cache, result, only)
    if changes is not None:
        result.findings = changes.on_changed_lines(result.findings)
    if baseline is not None:
        new = baseline.new_findings(result.findings, result.sources)
        result.baselined = len(result.findings) - len(new)
        result.findings = new
    result.failing = sum(
        1 for f in result.findings if f.severity.rank >= result.settings[f.path].fail_level.rank
    )
    return result


#: Below this many files a pool costs more than it saves (a pre-commit hook
#: usually passes a handful).
MIN_FILES_PER_PROCESS = 16


def _parallel_jobs(
    options: RunOptions, files: Sequence[str], rules: Sequence[ActiveRule] | None, fixing: bool
) -> int:
    if fixing or rules is not None or "-" in files:
        return 1
    jobs = options.jobs or os.cpu_count() or 1
    return max(1, min(jobs, len(files) // MIN_FILES_PER_PROCESS))


def _reported(
    changes: Changes | None, baseline: Baseline | None
) -> Callable[[list[Finding], Source], list[Finding]] | None:
    """What ``--fix`` may fix when a run reports only some findings: those on
    changed lines, and those the baseline does not hold."""
    if changes is None and baseline is None:
        return None

    def only(findings: list[Finding], source: Source) -> list[Finding]:
        if changes is not None:
            findings = changes.on_changed_lines(findings)
        if baseline is not None:
            findings = baseline.new_findings(findings, {source.path: source})
        return findings

    return only


def _all_cached(
    files: Sequence[str], options: RunOptions, resolver: SettingsResolver, cache: Cache
) -> bool:
    """Whether every file's findings are in the cache (stops at the first miss,
    so a first run over a tree pays for one file)."""
    for path in files:
        settings = resolver.for_path(path)
        try:
            data, _ = read_file(path, options.max_bytes)
        except InputError:
            continue  # reported when the file is linted
        if not cache.has(cache.key(data, path, settings.fingerprint(), options.encoding)):
            return False
    return True


def _cache(options: RunOptions, rules: Sequence[ActiveRule] | None, fixing: bool) -> Cache | None:
    if not options.cache or fixing or rules is not None:
        return None
    from .cache import Cache

    return Cache(options.cache_dir)


def _lint_path(
    path: str,
    options: RunOptions,
    resolver: SettingsResolver,
    rules: Sequence[ActiveRule] | None,
    fixing: bool,
    cache: Cache | None,
    result: RunResult,
    only: Callable[[list[Finding], Source], list[Finding]] | None = None,
) -> None:
    """Read, parse and lint (or fix) one file into ``result``. A file that
    cannot be read, or that newslint fails on, is recorded in ``errors``."""
    settings = resolver.for_path(
        options.stdin_filename if path == "-" and options.stdin_filename else path
    )
    stat: os.stat_result | None = None
    try:
        if path == "-":
            shown = options.stdin_filename or "-"
            data = read_limited(sys.stdin.buffer, shown, options.max_bytes)
        else:
            data, stat = read_file(path, options.max_bytes)
            shown = path
        source = decode(data, shown, options.encoding)
    except InputError as exc:
        result.errors.append(str(exc))
        return
    active = settings.rules_for(source.path) if rules is None else rules
    try:
        if fixing:
            findings = _fix(path, source, data, stat, options, active, result, only)
        elif cache is None or path == "-":
            findings = check_article(readers.parse(source), active)
        else:
            key = cache.key(data, source.path, settings.fingerprint(), options.encoding)
            cached = cache.get(key, source)
            if cached is None:
                cached = check_article(readers.parse(source), active)
                cache.put(key, cached)
            findings = cached
    except NewslintError:
        raise  # a usage or configuration problem (an unreachable server) ends the run
    except Exception as exc:  # a bug in newslint must not stop the other files
        result.errors.append(
            f"{source.path}: newslint failed on this file ({type(exc).__name__}: {exc}); "
            "please report it"
        )
        return
    result.checked.append(source.path)
    result.settings[source.path] = settings
    if not fixing:
        result.sources[source.path] = source
    if not findings and not options.keep_sources:
        # Reporters need the sources of flagged files only: a clean file's text
        # is dropped at once, so memory does not grow with the archive.
        result.sources.pop(source.path, None)
    result.findings.extend(findings)


EXIT_INTERRUPTED = 130

# Each worker process resolves settings itself (rules hold functions that need
# not pickle); the parent keeps its own resolver for fail levels and reporting.
_worker_state: dict[str, Any] = {}


def _stop_worker(signum: int, frame: object) -> None:
    os._exit(EXIT_INTERRUPTED)


def _init_worker(options: RunOptions) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone
    # answers it (exit 130, one line); a worker stops at once, without a traceback.
    signal.signal(signal.SIGINT, _stop_worker)
    _worker_state["options"] = options
    _worker_state["resolver"] = SettingsResolver(options.overrides())
    _worker_state["cache"] = _cache(options, None, False)


def _lint_chunk(paths: Sequence[str]) -> RunResult:
    part = RunResult()
    options = _worker_state["options"]
    for path in paths:
        _lint_path(
            path, options, _worker_state["resolver"], None, False, _worker_state["cache"], part
        )
    part.settings = {}
    return part


def _prepare_rules(files: Sequence[str], resolver: SettingsResolver) -> None:
    """Run each selected rule's ``prepare`` once, in this process, before the
    pool forks: workers then share what it built (Harper's linter costs about
    half a second and 100 MB per process to build) instead of each building it.
    Settings come per directory, so each distinct one is looked at once."""
    seen: set[int] = set()
    done: set[tuple[str, str]] = set()
    for path in files:
        if path == "-":
            continue
        settings = resolver.for_path(path)
        if id(settings) in seen:
            continue
        seen.add(id(settings))
        for active in settings.rules:
            prepare = active.rule.prepare
            key = (active.rule.code, repr(sorted(active.options.items())))
            if prepare is None or key in done:
                continue
            done.add(key)
            try:
                prepare(active.options)
            except NewslintError:
                raise  # a bad option or an unreachable server ends the run, as in one process
            except Exception:  # the workers meet it again and report it per file
                continue


def _lint_in_pool(
    files: Sequence[str],
    options: RunOptions,
    resolver: SettingsResolver,
    jobs: int,
    result: RunResult,
) -> None:
    """Lint files in ``jobs`` processes; results come back in file order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _prepare_rules(files, resolver)
    # Small chunks keep both cores busy to the end when articles are slow
    # (about 13 ms each with a grammar backend); results come back per chunk.
    size = max(1, min(16, len(files) // (jobs * 4)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(options,)
    ) as pool:
        try:
            for part in pool.map(_lint_chunk, chunks):
                result.findings.extend(part.findings)
                result.sources.update(part.sources)
                result.checked.extend(part.checked)
                result.errors.extend(part.errors)
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: stop now
            raise
    for path in result.checked:
        result.settings[path] = resolver.for_path(path)


def _fix(
    path: str,
    source: Source,
    data: bytes,
    stat: os.stat_result | None,
    options: RunOptions,
    rules: Sequence[ActiveRule],
    result: RunResult,
    only: Callable[[list[Finding], Source], list[Finding]] | None = None,
) -> list[Finding]:
    """Fix one article (or compute its diff); return the findings to report."""
    from .fixer import FixError, ReadState, encode_fixed, fix_source, unified_diff, write_fixed

    outcome = fix_source(source, rules, unsafe=options.unsafe_fixes, only=only)
    try:
        new = encode_fixed(source, outcome.source, data) if outcome.changed else data
        if options.diff:
            if outcome.changed:
                result.diffs.append(
                    unified_diff(source.path, source.original(), outcome.source.original())
                )
        elif path == "-":
            result.stdout = (result.stdout or b"") + new
        elif outcome.changed and stat is not None:
            write_fixed(path, ReadState.of(data, stat), new)
    except FixError as exc:
        result.errors.append(str(exc))
        result.sources[source.path] = source
        return outcome.initial
    if outcome.changed:
        result.fixed += outcome.applied
        result.changed.append(source.path)
    if options.diff:
        result.sources[source.path] = source
        return outcome.initial
    result.sources[source.path] = outcome.source
    return outcome.findings
