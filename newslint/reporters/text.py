"""The human format: ``path:line:col: CODE name: message``, the source line with
a caret under the span, and a summary line."""

from __future__ import annotations

import unicodedata

from . import Report

_WINDOW = 70  # characters of context shown either side of a span


def visible(line: str) -> str:
    """The line with each control, format or separator character (a tab, a
    zero-width space, a bidi override, an escape) shown as one space: the caret
    stays under its column, and the terminal is not driven by the article."""
    if line.isprintable():
        return line
    return "".join(
        " " if unicodedata.category(ch)[0] in "CZ" and ch != "\u00a0" else ch for ch in line
    )


def excerpt(line: str, column: int, width: int) -> tuple[str, int]:
    """Cut a long line to a window around the span; return the text and the
    0-based position of the span in it."""
    line = visible(line)
    start = column - 1
    left = max(0, start - _WINDOW)
    right = min(len(line), start + max(width, 1) + _WINDOW)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, start - left + len(prefix)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(report: Report) -> str:
    out: list[str] = []
    for f in report.findings:
        head = f"{f.path}:{f.line}:{f.column}: {f.code} {f.name}: {f.message}"
        source = report.sources.get(f.path)
        snippet: list[str] = []
        if source is not None and f.line <= source.line_count:
            line = source.line_text(f.line)
            width = (f.end_column - f.column) if f.end_line == f.line else len(line) - f.column + 1
            text, at = excerpt(line, f.column, width)
            width = max(1, min(width, len(text) - at))
            snippet = [f"    {text}", f"    {' ' * at}{'^' * width}"]
        if report.color:
            from rich.markup import escape

            colour = _COLOURS[f.severity.value]
            head = (
                f"[bold]{escape(f.path)}:{f.line}:{f.column}:[/bold] "
                f"[{colour} bold]{f.code}[/] [{colour}]{f.name}[/]: {escape(f.message)}"
            )
            snippet = [escape(s) for s in snippet]
            if snippet:
                snippet[1] = f"[{colour} bold]{snippet[1]}[/]"
        out.append(head)
        out.extend(snippet)
    files = len(report.paths)
    flagged = len({f.path for f in report.findings})
    notes = []
    if not report.findings or flagged != files:
        notes.append(f"{plural(files, 'file')} checked")
    if report.unreadable:
        notes.append(f"{report.unreadable} could not be read")
    if report.findings:
        summary = f"{plural(len(report.findings), 'finding')} in {plural(flagged, 'file')}"
    else:
        summary = "No findings"
    if report.fixed:
        notes.append(f"{report.fixed} {'fix' if report.fixed == 1 else 'fixes'} applied")
    if notes:
        summary += f" ({', '.join(notes)})"
    out.append(summary)
    return "\n".join(out) + "\n"
