"""``newslint stats``: words, sentences, reading time, readability and findings
per article, as a table, JSON or CSV, with a total."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from . import readers
from .readability import WORDS_PER_MINUTE, scores
from .runner import RunOptions, RunResult, run

FORMATS = ("table", "json", "csv")


@dataclass(frozen=True)
class ArticleStats:
    path: str
    words: int
    sentences: int
    #: Seconds.
    reading_time: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    findings: int


def article_stats(
    paths: Sequence[str], options: RunOptions
) -> tuple[list[ArticleStats], RunResult]:
    """Lint ``paths`` (one ordinary run) and measure each article read."""
    result = run(paths, replace(options, keep_sources=True))
    per_path = Counter(f.path for f in result.findings)
    rows = []
    for path in result.checked:
        source = result.sources[path]
        s = scores(readers.parse(source))
        rows.append(
            ArticleStats(
                path,
                s.words,
                s.sentences,
                s.reading_time,
                s.flesch_reading_ease,
                s.flesch_kincaid_grade,
                per_path[path],
            )
        )
    return rows, result


def total(rows: Sequence[ArticleStats]) -> ArticleStats:
    """Sums of the counts; the grades are the word-weighted means."""
    words = sum(r.words for r in rows)

    def mean(attr: str) -> float:
        if not words:
            return 0.0
        return round(sum(getattr(r, attr) * r.words for r in rows) / words, 1)

    return ArticleStats(
        "total",
        words,
        sum(r.sentences for r in rows),
        round(words * 60 / WORDS_PER_MINUTE),
        mean("flesch_reading_ease"),
        mean("flesch_kincaid_grade"),
        sum(r.findings for r in rows),
    )


def minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def render(rows: Sequence[ArticleStats], fmt: str, *, width: int | None = None) -> str:
    every = [*rows, total(rows)]
    if fmt == "json":
        return (
            json.dumps(
                {"articles": [asdict(r) for r in rows], "total": asdict(every[-1])}, indent=2
            )
            + "\n"
        )
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            list(asdict(every[0]).keys()) if rows else list(ArticleStats.__dataclass_fields__)
        )
        for r in every:
            writer.writerow(list(asdict(r).values()))
        return out.getvalue()
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_footer=False)
    for col, justify in (
        ("article", "left"),
        ("words", "right"),
        ("sentences", "right"),
        ("reading time", "right"),
        ("reading ease", "right"),
        ("grade", "right"),
        ("findings", "right"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for i, r in enumerate(every):
        table.add_row(
            r.path,
            str(r.words),
            str(r.sentences),
            minutes(r.reading_time),
            f"{r.flesch_reading_ease:.1f}",
            f"{r.flesch_kincaid_grade:.1f}",
            str(r.findings),
            end_section=i == len(rows) - 1,
        )
    console = Console(file=io.StringIO(), width=width or 200, highlight=False, color_system=None)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]
