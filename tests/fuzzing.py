"""The fuzz target: newslint's whole pipeline on any input, with the invariants
every run must keep. Shared by the property tests (tests/test_properties.py),
the recorded fuzz regressions (tests/data/fuzz/) and ``bench/fuzz.py``.

Invariants: nothing raises; every finding's span lies inside the text and its
line and column agree with its offsets; the output is deterministic; a file
that decodes cleanly comes back byte for byte from its source; every reporter
renders the findings; fixing settles without breaking those invariants.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Sequence

from newslint import readers
from newslint.catalogue import builtin
from newslint.engine import ActiveRule, check_article
from newslint.errors import InputError
from newslint.findings import Finding
from newslint.model import Source
from newslint.packs import catalogue_with, load_packs, shipped_names
from newslint.reporters import FORMATS, Report, renderer
from newslint.rule import Rule
from newslint.sources import decode

FORMATS_READ = ("plain", "markdown")


@functools.cache
def catalogue() -> tuple[Rule, ...]:
    """Every rule newslint knows: built in (on and off by default) and shipped packs."""
    return tuple(catalogue_with(load_packs(shipped_names()), builtin()))


@functools.cache
def all_rules() -> tuple[ActiveRule, ...]:
    return tuple(ActiveRule.default(r) for r in catalogue())


def path_for(fmt: str) -> str:
    return "fuzz.md" if fmt == "markdown" else "fuzz.txt"


def check_findings(source: Source, findings: Sequence[Finding]) -> None:
    """Every span inside the text, with line/column agreeing with its offsets."""
    n = len(source.text)
    for f in findings:
        where = (f.code, f.line, f.column, f.offset, f.end_offset, n)
        assert 0 <= f.offset <= f.end_offset <= n, where
        assert tuple(source.position(f.offset)) == (f.line, f.column), where
        assert tuple(source.position(f.end_offset)) == (f.end_line, f.end_column), where
        assert f.text == source.text[f.offset : f.end_offset], where
        assert f.path == source.path
        if f.fix is not None:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= n, (where, e)


def snapshot(findings: Sequence[Finding]) -> list[tuple[object, ...]]:
    """Everything about the findings, for comparing two runs."""
    return [dataclasses.astuple(f) for f in findings]


def lint(source: Source, rules: Sequence[ActiveRule], fmt: str) -> list[Finding]:
    """Lint ``source`` as ``fmt``, check the invariants and that a second run on
    a fresh parse gives the same findings."""
    findings = check_article(readers.parse(source, fmt), rules)
    check_findings(source, findings)
    again = check_article(readers.parse(_copy(source), fmt), rules)
    assert snapshot(again) == snapshot(findings), "not deterministic"
    return findings


def _copy(source: Source) -> Source:
    return Source.from_raw(
        source.original(), source.path, encoding=source.encoding, problem=source.problem
    )


def render_all(source: Source, findings: Sequence[Finding]) -> None:
    """Every output format renders the findings (JSON parses)."""
    packs = [r for r in catalogue() if r.origin != "builtin"]
    report = Report(findings, {source.path: source}, [source.path], extra_rules=packs)
    for fmt in FORMATS:
        out = renderer(fmt)(report)
        assert isinstance(out, str)
        out.encode("utf-8", errors="backslashreplace")
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(out)


def fix_settles(source: Source, fmt: str) -> None:
    from newslint.fixer import fix_source

    outcome = fix_source(source, all_rules(), fmt=fmt, unsafe=True)
    check_findings(outcome.source, outcome.findings)


def fuzz_bytes(data: bytes) -> None:
    """The whole pipeline on a file's bytes."""
    for fmt in FORMATS_READ:
        try:
            source = decode(data, path_for(fmt))
        except InputError:
            return
        if source.problem is None:
            assert source.original().encode(source.encoding) == data, "not byte for byte"
        findings = lint(source, all_rules(), fmt)
        render_all(source, findings)
        if source.problem is None:
            fix_settles(source, fmt)
