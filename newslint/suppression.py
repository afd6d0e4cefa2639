"""Inline suppression comments in articles.

On a line of its own, in plain text or Markdown::

    <!-- newslint-disable repeated-word, NL104 -->   off until newslint-enable
    <!-- newslint-enable -->                          (or: newslint-enable NAME)
    <!-- newslint-disable-next-line repeated-word --> off for the next non-blank line
    <!-- newslint-disable-file missing-hyphen -->     off for the whole file

Names are rule names, codes, code prefixes or categories, separated by commas;
with no name the comment covers every rule. The comments work on the
:class:`~newslint.model.Source` text, so they mean the same in every format;
readers leave their lines out of the article (and list them in
``Article.skipped``), and findings inside them are dropped.

The ``unused-suppression`` rule reports a suppression that suppressed nothing,
an unknown rule name, an unknown ``newslint-`` directive, and an
``newslint-enable`` that closes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .findings import Finding, Fix, Hit
from .model import Source

#: A ``newslint-`` comment alone on its line (group 1: the directive, 2: the names).
DIRECTIVE_LINE = re.compile(
    r"^[ \t]*<!--[ \t]*(newslint-[^\s>]*)((?:(?!-->)[^\n])*)-->[ \t]*$", re.MULTILINE
)
DISABLE = "newslint-disable"
ENABLE = "newslint-enable"
NEXT_LINE = "newslint-disable-next-line"
FILE = "newslint-disable-file"
KINDS = (DISABLE, ENABLE, NEXT_LINE, FILE)
#: The rule that reports suppressions that did nothing.
UNUSED_SUPPRESSION = "unused-suppression"
_NAME = re.compile(r"[^\s,]+")
#: Rule codes for a selector in a comment, or ``None`` when it names no rule.
ResolveFn = Callable[[str], frozenset[str] | None]


@dataclass(frozen=True)
class Name:
    """A rule selector as written in a comment, with its source span."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Directive:
    """One suppression comment."""

    kind: str
    line: int
    #: Source span of the comment (``<!--`` to ``-->``).
    start: int
    end: int
    names: tuple[Name, ...]
    #: Source span of the whole line (without its line break).
    line_start: int = 0
    line_end: int = 0


def find_directives(source: Source) -> tuple[Directive, ...]:
    """Every ``newslint-`` comment on a line of its own, in order."""
    text = source.text
    if "newslint-" not in text:
        return ()
    out = []
    for m in DIRECTIVE_LINE.finditer(text):
        names = tuple(
            Name(n.group(0), m.start(2) + n.start(), m.start(2) + n.end())
            for n in _NAME.finditer(m.group(2))
        )
        comment_start = text.index("<!--", m.start())
        out.append(
            Directive(
                kind=m.group(1),
                line=source.position(m.start()).line,
                start=comment_start,
                end=m.end(2) + 3,
                names=names,
                line_start=m.start(),
                line_end=m.end(),
            )
        )
    return tuple(out)


def directive_spans(source: Source) -> tuple[tuple[int, int], ...]:
    """Source spans of the lines that hold suppression comments (for readers)."""
    return tuple((d.line_start, d.line_end) for d in find_directives(source))


def directive_lines(source: Source) -> frozenset[int]:
    """Line numbers of the lines that hold suppression comments (for readers)."""
    return frozenset(d.line for d in find_directives(source))


@dataclass
class _Scope:
    """Where one name of one comment suppresses: its codes and lines."""

    owner: tuple[int, int]  # (directive index, name index or -1 for every rule)
    codes: frozenset[str] | None  # None: every rule
    first: int
    last: float


@dataclass
class Outcome:
    """Findings kept after suppression, and the problems with the comments."""

    kept: list[Finding]
    problems: list[Hit] = field(default_factory=list)


def apply(
    findings: Sequence[Finding],
    source: Source,
    resolve: ResolveFn,
    active: Iterable[str],
) -> Outcome:
    """Drop suppressed findings and findings inside comment lines; list the
    comments that suppressed nothing (only for rules in ``active``)."""
    directives = find_directives(source)
    if not directives:
        return Outcome(list(findings))
    active_codes = frozenset(active)
    problems: list[Hit] = []
    scopes: list[_Scope] = []
    comment_lines = {d.line for d in directives}
    open_scopes: list[_Scope] = []
    for i, d in enumerate(directives):
        if d.kind not in KINDS:
            problems.append(
                Hit(
                    d.start,
                    d.end,
                    f'Unknown directive "{d.kind}" (expected {", ".join(KINDS[:-1])} '
                    f"or {KINDS[-1]})",
                )
            )
            continue
        targets: list[tuple[int, frozenset[str] | None]] = []
        for j, name in enumerate(d.names):
            codes = resolve(name.text)
            if codes is None:
                problems.append(
                    Hit(name.start, name.end, f'Unknown rule "{name.text}" in suppression comment')
                )
            else:
                targets.append((j, codes))
        if not d.names:
            targets.append((-1, None))
        if d.kind == ENABLE:
            if not _close(open_scopes, targets, d.line):
                problems.append(
                    Hit(
                        d.start,
                        d.end,
                        f"{ENABLE} without a matching {DISABLE} above it",
                        fix=_remove_line(source, d),
                    )
                )
            continue
        if d.kind == FILE:
            first, last = 1, float("inf")
        elif d.kind == DISABLE:
            first, last = d.line, float("inf")
        else:
            first = last = _next_text_line(source, d.line, comment_lines)
        for j, codes in targets:
            scope = _Scope((i, j), codes, first, last)
            scopes.append(scope)
            if d.kind == DISABLE:
                open_scopes.append(scope)

    spans = [(d.line_start, d.line_end) for d in directives]
    used: set[tuple[int, int]] = set()
    kept = []
    for f in findings:
        if any(a <= f.offset < b or (a == f.offset == b) for a, b in spans):
            continue
        hit = [s for s in scopes if s.first <= f.line <= s.last and _covers(s, f.code)]
        if hit:
            used.update(s.owner for s in hit)
        else:
            kept.append(f)

    unused_code = resolve(UNUSED_SUPPRESSION) or frozenset()
    owners: dict[tuple[int, int], frozenset[str] | None] = {}
    for s in scopes:
        owners.setdefault(s.owner, s.codes)
    unused_names: dict[int, list[int]] = {}
    for owner, codes in owners.items():
        if owner in used:
            continue
        relevant = active_codes if codes is None else codes & active_codes
        if not relevant or relevant <= unused_code:
            continue  # rules that did not run, or only the unused-suppression rule
        d = directives[owner[0]]
        if owner[1] == -1:
            if d.kind == FILE:
                continue  # a bare newslint-disable-file opts the file out, findings or not
            problems.append(
                Hit(
                    d.start,
                    d.end,
                    "Unused suppression: suppressed nothing",
                    fix=_remove_line(source, d),
                )
            )
        else:
            unused_names.setdefault(owner[0], []).append(owner[1])
    for i, unused in unused_names.items():
        d = directives[i]
        keep = [n.text for j, n in enumerate(d.names) if j not in unused]
        if keep:
            # The whole line is rewritten: a fix never cuts into skipped text.
            text = source.text
            rewritten = (
                text[d.line_start : d.names[0].start]
                + ", ".join(keep)
                + text[d.names[-1].end : d.line_end]
            )
            end = d.line_end + 1 if d.line_end < len(text) else d.line_end
            fix = Fix.replace(
                d.line_start,
                end,
                rewritten + text[d.line_end : end],
                description="Remove the unused rule names",
            )
        else:
            fix = _remove_line(source, d)
        for k, j in enumerate(sorted(unused)):
            name = d.names[j]
            problems.append(
                Hit(
                    name.start,
                    name.end,
                    f'Unused suppression: "{name.text}" suppressed nothing',
                    fix=fix if k == 0 else None,
                )
            )
    # The unused-suppression rule can itself be suppressed, by another comment.
    problems = [
        p
        for p in problems
        if not any(
            s.first <= (at := source.position(p.start).line) <= s.last
            and directives[s.owner[0]].line != at
            and (s.codes is None or s.codes & unused_code)
            for s in scopes
        )
    ]
    problems.sort()
    return Outcome(kept, problems)


def _remove_line(source: Source, d: Directive) -> Fix:
    """Delete a comment's line together with its line break."""
    start, end = d.line_start, d.line_end
    if end < len(source.text):
        end += 1
    elif start > 0:
        start -= 1
    return Fix.delete(start, end, description="Remove the suppression comment")


def _covers(scope: _Scope, code: str) -> bool:
    return scope.codes is None or code in scope.codes


def _close(
    open_scopes: list[_Scope], targets: list[tuple[int, frozenset[str] | None]], line: int
) -> bool:
    """End the open ``disable`` scopes that ``enable`` names; whether any ended."""
    closed = False
    for scope in list(open_scopes):
        for _, codes in targets:
            if codes is None or scope.codes is None or scope.codes <= codes:
                scope.last = line
                open_scopes.remove(scope)
                closed = True
                break
    return closed


def _next_text_line(source: Source, line: int, comment_lines: set[int]) -> int:
    n = line + 1
    while n <= source.line_count and (n in comment_lines or not source.line_text(n).strip()):
        n += 1
    return n
