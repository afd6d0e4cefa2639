"""Grammar and spelling backends, as the language rules see them.

A backend reads an article and returns :class:`Proof` items: one suggested
correction each, already mapped to source offsets and tagged with the newslint
rule it belongs to (``spelling``, ``grammar``, ``grammar-punctuation`` ...).
Each language rule (``rules/spelling.py``, ``rules/grammar.py``) asks for the
proofs of the article and keeps its own, so selection, severity and suppression
work as for every other rule.

Two backends:

* Harper (``harper-py``), in process: the default. The Harper linter is built
  once per process, on first use, so a run without language rules never
  imports it.
* LanguageTool, over HTTP (``/v2/check``), when a run names a server (the
  ``languagetool`` rule option, set by ``--languagetool URL``).

A backend proofreads an article once even when several language rules ask:
it keeps the proofs of the last article it read.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import NewslintError
from .model import Article


class BackendError(NewslintError):
    """The grammar backend cannot be used (server unreachable, bad answer)."""


@dataclass(frozen=True)
class Proof:
    """One suggested correction from a backend."""

    #: The newslint rule the proof belongs to (``spelling``, ``grammar-...``).
    rule: str
    #: The backend's own rule id (Harper's ``SpellCheck``, a LanguageTool rule id).
    backend_rule: str
    #: Index of the block in ``article.blocks``, and the span in its text.
    block: int
    block_start: int
    block_end: int
    #: The same span as offsets into ``Source.text``.
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()


class Backend(Protocol):
    def want(self, wanted: Mapping[str, frozenset[str] | None]) -> None:
        """Get ready to proofread for these rules (``wanted`` as for :meth:`proofs`)."""
        ...

    def proofs(self, article: Article, wanted: Mapping[str, frozenset[str] | None]) -> list[Proof]:
        """The proofs of ``article``. ``wanted`` maps a newslint rule name to the
        backend rules it asks for (``None``: all of them)."""
        ...


class LastArticle:
    """The proofs of the last article read (a one-entry cache keyed by identity)."""

    def __init__(self) -> None:
        self._ref: weakref.ref[Article] | None = None
        self._key: object = None
        self._proofs: list[Proof] = []

    def get(self, article: Article, key: object) -> list[Proof] | None:
        if self._ref is not None and self._ref() is article and self._key == key:
            return self._proofs
        return None

    def put(self, article: Article, key: object, proofs: list[Proof]) -> None:
        self._ref = weakref.ref(article)
        self._key = key
        self._proofs = proofs


def backend_for(options: Mapping[str, Any]) -> Backend:
    """The backend a language rule's options ask for."""
    server = options.get("languagetool")
    if server:
        from .languagetool import languagetool_backend

        return languagetool_backend(str(server), str(options.get("language", "en-GB")))
    from .harper_backend import harper_backend

    return harper_backend(str(options.get("dialect", "british")))


def wanted_rules(options: Mapping[str, Any]) -> frozenset[str] | None:
    """The Harper rules a language rule's ``harper_rules`` option names (None: all)."""
    names = options.get("harper_rules", ["all"])
    if isinstance(names, str):
        names = [names]
    if any(str(n).lower() == "all" for n in names):
        return None
    return frozenset(str(n) for n in names)


def prepare_for(rule: str) -> Callable[[Mapping[str, Any]], None]:
    """A language rule's ``prepare``: build its backend and configure it for the
    rule, once per process (before a parallel run forks, so workers share it)."""

    def prepare(options: Mapping[str, Any]) -> None:
        backend_for(options).want({rule: wanted_rules(options)})

    return prepare


def proofs_for(rule: str, article: Article, options: Mapping[str, Any]) -> list[Proof]:
    """The proofs of ``article`` that belong to the newslint rule ``rule``."""
    backend = backend_for(options)
    return [p for p in backend.proofs(article, {rule: wanted_rules(options)}) if p.rule == rule]
