"""Small language helpers shared by rules: words, function words, quote marks."""

from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Article, Block

#: A word: letters and digits, joined inside by apostrophes, hyphens or dots
#: ("don't", "anti-Taliban", "U.S.", "3.5", "1980s").
WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")

#: Double quotation marks. Straight quotes are resolved by context.
OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE_QUOTES = OPENING_DOUBLE + CLOSING_DOUBLE + STRAIGHT_DOUBLE

#: Characters after which a word starts a new sentence.
SENTENCE_END = ".!?…"

#: Function words: articles, pronouns, prepositions, conjunctions, auxiliaries
#: and modals. Used to tell where a phrase ends.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "no",
        "every",
        "each",
        "either",
        "neither",
        "all",
        "both",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "where",
        "when",
        "why",
        "how",
        "whether",
        "if",
        "and",
        "or",
        "nor",
        "but",
        "so",
        "yet",
        "for",
        "because",
        "although",
        "though",
        "while",
        "unless",
        "until",
        "than",
        "as",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "about",
        "above",
        "below",
        "over",
        "under",
        "after",
        "before",
        "between",
        "among",
        "through",
        "during",
        "without",
        "within",
        "against",
        "across",
        "along",
        "around",
        "behind",
        "beyond",
        "near",
        "off",
        "out",
        "up",
        "down",
        "via",
        "per",
        "since",
        "toward",
        "towards",
        "despite",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "ought",
        "not",
        "there",
        "here",
        "then",
        "also",
        "just",
        "only",
        "even",
        "still",
        "very",
        "too",
        "more",
        "most",
        "less",
        "least",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
    ]
)

_WS = re.compile(r"\s+")
_EDGE_PUNCT = ".,;:!?…\"'“”‘’«»()[] \t\n-–—"


def normalise_quotes(text: str) -> str:
    return (
        text.replace("“", '"')
        .replace("”", '"')
        .replace("„", '"')
        .replace("‘", "'")
        .replace("’", "'")
    )


def comparable(text: str) -> str:
    """A form of a line or paragraph for duplicate detection: case-folded, quotes
    unified, whitespace collapsed, edge punctuation dropped."""
    # ASCII text (most paragraphs) has no curly quotes, and casefold() is lower() there.
    folded = text.lower() if text.isascii() else normalise_quotes(text).casefold()
    return " ".join(folded.split()).strip(_EDGE_PUNCT)


def comparable_twins(article: Article) -> dict[Block, str]:
    """:func:`comparable` of each block whose comparable form may equal another
    block's: blocks that a quick key (computed at C speed) already tells apart
    from all others are left out. Share it with ``article.shared(comparable_twins)``."""
    keys = {block: _quick_key(block.text) for block in article.blocks}
    counts = collections.Counter(keys.values())
    return {block: comparable(block.text) for block, key in keys.items() if counts[key] > 1}


#: What ``str.split()`` takes for space in ASCII text.
_ASCII_SPACES = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
#: ASCII letters to lower case (spelt out: importing ``string`` costs start-up time).
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_ASCII_EDGE = bytes(c for c in _EDGE_PUNCT.encode("utf-8") if c < 128)


def _quick_key(text: str) -> bytes:
    """``comparable(text)`` without its spaces, in UTF-8: equal comparable forms
    have equal keys. ASCII text (most paragraphs) takes a byte-table shortcut."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_SPACES).strip(_ASCII_EDGE)
    return comparable(text).replace(" ", "").encode("utf-8")


def is_sentence_start(text: str, index: int) -> bool:
    """Whether ``text[index]`` starts a sentence (start of text, or after .!? and space)."""
    j = index - 1
    while j >= 0 and text[j] in " \t\n\"'“‘(«":
        j -= 1
    return j < 0 or text[j] in SENTENCE_END
