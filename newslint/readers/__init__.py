"""Readers turn a :class:`~newslint.model.Source` into an :class:`~newslint.model.Article`.

Every reader builds the same model, with exact offsets back into the source,
so rules never see the file format.
"""

from __future__ import annotations

from ..model import Article, Source

MARKDOWN_SUFFIXES = (".md", ".markdown")


def format_for(name: str) -> str:
    """The reader for a file name: ``markdown`` by extension, else ``plain``."""
    return "markdown" if name.lower().endswith(MARKDOWN_SUFFIXES) else "plain"


def parse(source: Source, fmt: str | None = None) -> Article:
    """Parse a source with the reader for ``fmt`` (default: by the source's path)."""
    fmt = fmt or format_for(source.path)
    if fmt == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(source)
    from .plain import parse_plain

    return parse_plain(source)
