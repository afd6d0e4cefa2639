"""newslint: an editorial linter for news articles.

The public API is imported lazily so that ``import newslint`` stays cheap::

    import newslint
    findings = newslint.lint_text("Headline.\\n\\nBody text.\\n")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Finding", "Severity", "__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from .api import lint_paths, lint_text
    from .findings import Finding, Severity


def __getattr__(name: str) -> Any:
    if name in ("lint_text", "lint_paths"):
        from . import api

        return getattr(api, name)
    if name in ("Finding", "Severity"):
        from . import findings

        return getattr(findings, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
