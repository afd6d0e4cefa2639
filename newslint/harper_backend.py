"""The Harper backend: grammar and spelling in process through ``harper-py``.

Building Harper's linter costs about half a second (its dictionary), so it is
built once per process and only when a language rule runs; ``harper`` is
imported here and nowhere else. Articles are proofread block by block (the
headline and each paragraph on its own): a paragraph's last word never runs
into the next one, and spans map through :meth:`Block.to_source`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from .model import Article
from .proofreading import LastArticle, Proof

#: Harper's lint kinds, and the newslint rule each belongs to.
KIND_RULES: Mapping[str, str] = {
    "Spelling": "spelling",
    "Grammar": "grammar",
    "Agreement": "grammar-agreement",
    "Punctuation": "grammar-punctuation",
    "Capitalization": "grammar-capitalization",
    "Repetition": "grammar-repetition",
    "WordChoice": "grammar-word-choice",
    "Usage": "grammar-usage",
    "Typo": "grammar-typo",
    "Miscellaneous": "grammar-misc",
    "Formatting": "grammar-formatting",
    "BoundaryError": "grammar-boundary-error",
    "Eggcorn": "grammar-eggcorn",
    "Malapropism": "grammar-eggcorn",
    "Style": "grammar-style",
    "Redundancy": "grammar-redundancy",
    "Enhancement": "grammar-enhancement",
    "Readability": "grammar-readability",
    "Regionalism": "grammar-regionalism",
}

#: Standard British spellings missing from Harper's dictionary (it flags them).
HOUSE_WORDS = (
    "fulfilled",
    "fulfilling",
    "fulfil",
    "fulfils",
    "dreamed",
    "speeded",
    "instal",
    "despatch",
    "despatched",
    "focussed",
    "protestor",
    "protestors",
    "backbencher",
    "backbenchers",
)

_DIALECTS = ("american", "british", "australian", "canadian", "indian")


class HarperBackend:
    """One Harper linter, configured with every Harper rule asked for so far."""

    def __init__(self, dialect: str) -> None:
        import harper

        self._harper: Any = harper
        self.linter: Any = harper.Linter(getattr(harper.Dialect, dialect.upper()))
        self.linter.import_words(list(HOUSE_WORDS))
        self._defaults: dict[str, bool] = dict(self.linter.get_default_lint_config())
        self._enabled: frozenset[str] = frozenset()
        self._all = False
        #: Per newslint rule: the Harper rules it keeps (None: all of its kind).
        self._wanted: dict[str, frozenset[str] | None] = {}
        self._last = LastArticle()

    def want(self, wanted: Mapping[str, frozenset[str] | None]) -> None:
        changed = False
        for rule, names in wanted.items():
            if rule in self._wanted and self._wanted[rule] == names:
                continue
            self._wanted[rule] = names
            if names is None:
                if not self._all:
                    self._all, changed = True, True
            elif not names <= self._enabled:
                unknown = sorted(names - self._defaults.keys())
                if unknown:
                    from .errors import UsageError

                    raise UsageError(f"{rule}: unknown Harper rule {unknown[0]!r} in harper_rules")
                self._enabled |= names
                changed = True
        if changed:
            config = {name: (self._all and on) for name, on in self._defaults.items()}
            config.update(dict.fromkeys(self._enabled, True))
            self.linter.set_lint_config(config)

    def proofs(self, article: Article, wanted: Mapping[str, frozenset[str] | None]) -> list[Proof]:
        self.want(wanted)
        key = (self._enabled, self._all)
        found = self._last.get(article, key)
        if found is None:
            found = list(self._read(article))
            self._last.put(article, key, found)
        return [p for p in found if self._keeps(p)]

    def _keeps(self, proof: Proof) -> bool:
        if proof.rule not in self._wanted:
            return False
        names = self._wanted[proof.rule]
        return names is None or proof.backend_rule in names

    def _read(self, article: Article) -> list[Proof]:
        out: list[Proof] = []
        for block in article.blocks:
            text = block.text
            if not text.strip():
                continue
            organised = self.linter.organized_lints(text, language="plaintext")
            for backend_rule, lints in organised.items():
                for lint in lints:
                    rule = KIND_RULES.get(lint.lint_kind)
                    if rule is None:
                        continue
                    start, end = lint.span.start, lint.span.end
                    out.append(
                        Proof(
                            rule=rule,
                            backend_rule=backend_rule,
                            block=block.index,
                            block_start=start,
                            block_end=end,
                            start=block.to_source(start),
                            end=block.to_source(end),
                            message=lint.message,
                            suggestions=tuple(
                                _replacement(text, lint, s) for s in lint.suggestions
                            ),
                        )
                    )
        out.sort(key=lambda p: (p.start, p.end, p.rule))
        return out


def _replacement(text: str, lint: Any, suggestion: Any) -> str:
    """The text that replaces the lint's span under a suggestion."""
    kind = str(getattr(suggestion.kind, "name", suggestion.kind)).upper()
    problem = text[lint.span.start : lint.span.end]
    if kind == "REMOVE":
        return ""
    if kind == "INSERT_AFTER":
        return problem + suggestion.replacement_text
    return str(suggestion.replacement_text)


@functools.cache
def harper_backend(dialect: str = "british") -> HarperBackend:
    """The process's Harper backend for a dialect (built on first use)."""
    if dialect.lower() not in _DIALECTS:
        from .errors import UsageError

        raise UsageError(
            f"unknown Harper dialect {dialect!r} (expected one of: {', '.join(_DIALECTS)})"
        )
    return HarperBackend(dialect.lower())


@functools.cache
def _dictionary(dialect: str) -> Any:
    import harper

    backend = harper_backend(dialect)  # the dictionary is built once per process
    linter = harper.Linter(getattr(harper.Dialect, dialect.upper()))
    linter.import_words(list(HOUSE_WORDS))
    config: dict[str, bool | None] = dict.fromkeys(backend._defaults, False)
    config["SpellCheck"] = True
    linter.set_lint_config(config)
    return linter


def load_dictionary(dialect: str = "british") -> None:
    """Build the dictionary :func:`unknown_words` looks words up in."""
    _dictionary(dialect.lower())


def unknown_words(words: list[str], dialect: str = "british") -> set[str]:
    """Which of ``words`` Harper's dictionary does not know."""
    if not words:
        return set()
    linter = _dictionary(dialect.lower())
    text = "\n\n".join(words)
    return {lint.problem_text for lint in linter.lint(text, language="plaintext")}
