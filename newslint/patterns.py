"""Regular expressions compiled when first used.

Every run imports every rule module, so a pattern compiled at import is paid
for by each pre-commit hook run, whether or not the article reaches the code
that uses it. Most articles never get past a rule's cheap pre-check to the
patterns behind it: those are declared with :func:`lazy`::

    _GLUED = lazy(r"([.!?])(?=[^\\W\\d_])")   # compiled the first time it is used
"""

from __future__ import annotations

import re
from typing import Any, cast

#: The compiled pattern's methods that become plain attributes after the
#: first use, so later calls cost what calls on a compiled pattern cost.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` until first used."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not set on the instance.
        if name.startswith("__") or name in ("_args", "_compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(*self._args)
            self._compiled = compiled
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled the first time it is used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
