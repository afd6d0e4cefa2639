"""Every rule's own bad and good examples, run as tests: the built-in rules
and the rules of every shipped pack."""

from __future__ import annotations

import pytest

from newslint import readers
from newslint.catalogue import builtin
from newslint.engine import ActiveRule, check_article
from newslint.fixer import apply_fixes
from newslint.model import Source
from newslint.packs import catalogue_with, load_packs, shipped_names
from newslint.sources import decode

RULES = list(catalogue_with(load_packs(shipped_names()), builtin()))


def _run(rule, example):
    path = "example.md" if example.format == "markdown" else "example.txt"
    if example.raw is not None:
        source = decode(example.raw, path)  # read as a file is read
    else:
        source = Source.from_raw(example.text, path)
    article = readers.parse(source, example.format)
    return source, check_article(article, [ActiveRule.default(rule, example.options)])


def _cases(kind):
    for rule in RULES:
        for i, ex in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, ex, id=f"{rule.name}-{kind}-{i}")


def test_every_rule_has_docs_and_at_least_two_examples_of_each_kind():
    assert len(RULES) >= 10
    for rule in RULES:
        assert len(rule.bad) >= 2, rule.name
        assert len(rule.good) >= 2, rule.name
        assert rule.what.strip() and rule.why.strip() and rule.message.strip(), rule.name


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_is_reported(rule, example):
    source, findings = _run(rule, example)
    assert findings, f"{rule.name} found nothing in {example.text!r}"
    assert all(f.code == rule.code for f in findings)
    if example.at:
        assert sorted((f.line, f.column) for f in findings) == sorted(example.at)
    if example.fixed is not None:
        fixed, _ = apply_fixes(source.text, findings, unsafe=True)
        assert fixed == example.fixed


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_is_quiet(rule, example):
    _, findings = _run(rule, example)
    assert findings == [], [(f.line, f.column, f.message) for f in findings]
