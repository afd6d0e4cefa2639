import functools
import re

from newslint.findings import Fix, Hit
from newslint.rule import Example, rule
from newslint.ruletools import byte_table, latin1_text, source_span, word_set
from newslint.text import FUNCTION_WORDS, is_sentence_start

#: Prefixes that are (almost) never words on their own in news copy.
DEFAULT_PREFIXES = [
    "anti",
    "non",
    "pro",
    "ex",
    "co",
    "self",
    "multi",
    "semi",
    "pseudo",
    "quasi",
    "neo",
    "ultra",
    "mid",
    "post",
    "pre",
]

#: Prefixes that are also ordinary words ("a pro", "the post", "in mid air"): flagged
#: only before a capitalised word ("pro Russian", "post Soviet").
_ALSO_WORDS = {"pro", "ex", "post", "mid", "pre", "self", "co"}

#: Latin and fixed phrases written open.
DEFAULT_ALLOW = [
    "pro bono",
    "pro rata",
    "pro forma",
    "pro tem",
    "pro tempore",
    "ex post",
    "ex ante",
    "ex officio",
    "ex gratia",
    "ex parte",
    "ex cathedra",
    "non sequitur",
    "ex libris",
    "post mortem",
    "post office",
    "post offices",
    "pre eminent",
    "self help",
]


@functools.cache
def _candidates(prefixes: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’\-.])({alternatives}) (?=([^\W\d_][\w’']*))", re.IGNORECASE)


#: For a whole article in Latin-1: lower case, and every character that may not
#: precede a prefix (the look-behind of _candidates) as a space.
#: (``c.isalnum() or c == "_"`` is what ``\w`` matches, without a regex to compile.)
_BOUNDARY = byte_table(lambda c: c.lower() if c.isalnum() or c in "_'’-." else " ")


@functools.cache
def _needles(prefixes: frozenset[str]) -> tuple[str, ...]:
    return tuple(f"{p} " for p in prefixes)


@functools.cache
def _quick(prefixes: frozenset[str]) -> re.Pattern[bytes] | None:
    """A pre-check over an article's Latin-1 text under _BOUNDARY, with a space
    before it: a prefix between spaces. ``None`` when a prefix holds characters
    that _BOUNDARY changes (the blocks are then checked one by one)."""
    encoded = []
    for p in prefixes:
        try:
            b = p.encode("latin-1")
        except UnicodeEncodeError:
            return None
        if b.translate(_BOUNDARY) != b:
            return None
        encoded.append(re.escape(b))
    return re.compile(rb" (?:" + b"|".join(sorted(encoded, key=len, reverse=True)) + rb") ")


@rule(
    code="NL203",
    name="missing-hyphen",
    category="wording",
    severity="warning",
    message="Prefix written as a separate word",
    what='A prefix written as a word of its own before the word it modifies: "anti '
    'Taliban", "non profit", "pro Russian", "ex minister", "co founder", '
    '"self styled". Latin phrases ("pro bono", "ex officio") and a prefix followed '
    'by a function word ("turned pro in 2003", "his ex said") are not flagged. '
    "Prefixes that are also words (pro, ex, post, mid, pre, self, co) are flagged "
    "only before a capitalised word or a word from a short list of common compounds.",
    why="Without the hyphen the prefix reads as a stray word, and the compound "
    'loses its meaning ("anti Taliban resistance").',
    fix="Joins the words with a hyphen (safe).",
    options={"prefixes": DEFAULT_PREFIXES, "allow": DEFAULT_ALLOW},
    bad=[
        Example(
            "Headline\n\nThe last bastion of anti Taliban resistance fell.\n",
            at=(3, 21),
            fixed="Headline\n\nThe last bastion of anti-Taliban resistance fell.\n",
        ),
        Example("Headline\n\nShe runs a non profit group.\n", at=(3, 12)),
        Example(
            "Headline\n\nA pro Russian rebel and a self styled leader met.\n", at=((3, 3), (3, 27))
        ),
        Example("Headline\n\nThe ex minister and a co founder spoke.\n", at=((3, 5), (3, 23))),
    ],
    good=[
        "Headline\n\nThe anti-Taliban resistance, a non-profit group.\n",
        "Headline\n\nShe turned pro in 2003 and works pro bono.\n",
        "Headline\n\nHis ex said the post office was shut.\n",
        "Headline\n\nWe're told they're pro and anti at once.\n",
    ],
)
def check(article, options):
    prefixes = word_set(options.get("prefixes", DEFAULT_PREFIXES))
    allow = word_set(options.get("allow", DEFAULT_ALLOW))
    pattern = _candidates(prefixes)
    needles = _needles(prefixes)
    quick = _quick(prefixes)
    latin1 = article.shared(latin1_text) if quick is not None else None
    if latin1 is not None and quick.search(b" " + latin1.translate(_BOUNDARY)) is None:
        return  # no prefix before a space anywhere: the common case, at C speed
    for block in article.blocks:
        text = block.text
        lowered = text.lower()
        if not any(n in lowered for n in needles):
            continue  # a fast pre-check at C speed
        for m in pattern.finditer(text):
            prefix, word = m.group(1), m.group(2)
            low = prefix.lower()
            if prefix != low and not (
                prefix == prefix.capitalize() and is_sentence_start(text, m.start(1))
            ):
                continue  # "Pro Evolution", "Mid Wales": names
            if word.lower() in FUNCTION_WORDS or f"{low} {word.lower()}" in allow:
                continue
            common = word.lower() in _COMMON.get(low, ())
            if low in _ALSO_WORDS and not (common or (word[0].isupper() and low != "mid")):
                continue
            if text[m.end(2) : m.end(2) + 1] in ("'", "’") and word.lower() in ("s",):
                continue
            space = source_span(article, block, m.end(1), m.end(1) + 1)
            yield Hit(
                block.to_source(m.start(1)),
                block.to_source(m.end(2)),
                message=f'"{prefix} {word}" should be hyphenated: "{prefix}-{word}"',
                fix=None
                if space is None
                else Fix.replace(*space, "-", description="Insert a hyphen"),
            )


#: Common compounds of the prefixes that are also words.
_COMMON = {
    "ex": {
        "minister",
        "president",
        "wife",
        "husband",
        "boss",
        "chief",
        "chairman",
        "partner",
        "girlfriend",
        "boyfriend",
        "player",
        "soldier",
        "soldiers",
        "prime",
        "leader",
        "colleague",
        "manager",
        "member",
        "members",
        "employee",
        "employees",
        "officer",
        "official",
        "officials",
        "premier",
        "governor",
        "mayor",
        "director",
        "coach",
        "champion",
        "convict",
        "convicts",
        "footballer",
        "international",
        "head",
    },
    "co": {
        "founder",
        "founders",
        "founded",
        "owner",
        "owners",
        "owned",
        "author",
        "authors",
        "authored",
        "chair",
        "chairman",
        "host",
        "hosts",
        "hosted",
        "pilot",
        "operate",
        "operation",
        "ordinate",
        "ordinated",
        "ordination",
        "worker",
        "workers",
        "star",
        "stars",
        "sponsor",
        "sponsored",
        "sponsors",
        "exist",
        "existence",
        "defendant",
        "defendants",
        "manager",
        "writer",
        "wrote",
        "produced",
        "producer",
        "leader",
    },
    "self": {
        "styled",
        "proclaimed",
        "made",
        "employed",
        "esteem",
        "defence",
        "defense",
        "interest",
        "confidence",
        "confident",
        "control",
        "belief",
        "doubt",
        "discipline",
        "reliance",
        "reliant",
        "sufficient",
        "sufficiency",
        "determination",
        "imposed",
        "inflicted",
        "appointed",
        "described",
        "declared",
        "regulation",
        "regulatory",
        "harm",
        "censorship",
        "assessment",
        "respect",
        "destruct",
        "destructive",
        "evident",
        "funded",
        "financing",
        "governing",
        "government",
        "isolation",
        "service",
        "motivated",
        "motivate",
        "awareness",
    },
    "pro": {
        "democracy",
        "government",
        "war",
        "business",
        "independence",
        "reform",
        "choice",
        "life",
        "european",
        "western",
        "active",
        "market",
    },
    "post": {"war", "election", "match", "tax", "modern", "colonial", "mortem", "graduate"},
    "pre": {
        "tax",
        "war",
        "election",
        "season",
        "match",
        "tournament",
        "budget",
        "christmas",
        "emptive",
        "empt",
        "existing",
        "planned",
        "arranged",
        "recorded",
        "dawn",
    },
    "mid": {"term", "season", "week", "table", "year", "way", "air"},
}
