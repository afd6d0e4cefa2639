from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_461feee81b0fe1e6.txt"


def _find_shared() -> Path:
    """``../shared`` beside the checkout (CI), or beside a parent folder (git worktrees)."""
    if os.environ.get("NEWSLINT_SHARED"):
        return Path(os.environ["NEWSLINT_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = _find_shared()
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the shared corpus is missing: {CORPUS}")
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS
