"""The Markdown reader (placeholder: reads Markdown as plain text until the
markdown-it-py reader lands)."""

from __future__ import annotations

from ..model import Article, Source
from .plain import parse_plain


def parse_markdown(source: Source) -> Article:
    return parse_plain(source)
