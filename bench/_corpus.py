"""Where the bench scripts find the shared corpus by default."""

from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_corpus() -> str:
    """``../shared/corpus`` beside the checkout, or beside a parent folder (git worktrees)."""
    folder = ROOT
    while True:
        candidate = os.path.join(os.path.dirname(folder), "shared", "corpus")
        if os.path.isdir(candidate) or os.path.dirname(folder) == folder:
            return candidate
        folder = os.path.dirname(folder)


DEFAULT_CORPUS = default_corpus()
