import re

from newslint.findings import Fix, Hit
from newslint.model import BlockKind
from newslint.rule import Example, rule
from newslint.ruletools import remove_block_fix, source_span, word_set

#: Agency and wire sign-offs: credits, not CMS tags.
DEFAULT_SIGNOFFS = [
    "AP",
    "AFP",
    "PTI",
    "IANS",
    "ANI",
    "UPI",
    "DPA",
    "EFE",
    "ANSA",
    "REUTERS",
    "BLOOMBERG",
    "XINHUA",
    "TASS",
    "KYODO",
    "BBC",
    "CNN",
    "PA",
    "UNI",
    "WAM",
]

_CAPS_TAG = re.compile(r"[^\W\d_]+(?:[ &/\-][^\W\d_]+|\s&\s[^\W\d_]+){0,3}")
#: A line of tags holds up to four, separated by commas ("NATIONAL, WORLD").
_MOST_TAGS = 4
#: The longest line of tags: four tags of a few words each.
_LONGEST_LINE = 120
#: How far from the end of the last paragraph a glued tag (with the sentence's
#: end before it) may start.
_GLUED_REACH = 62
#: A tag glued to the end of the last paragraph, after its last sentence:
#: "... the adviser said. KASHMIR" (the space before it, then the tag).
_GLUED_TAG = re.compile(r"[.!?…][\"'”’)]?(\s+)(#?[^\W\d_]{3,}(?:[ &/\-][^\W\d_]+){0,3})\s*$")


@rule(
    code="NL103",
    name="trailing-section-tag",
    category="structure",
    severity="error",
    message="Section tag left at the end of the article",
    what="A last line that is a bare section, desk or place tag left behind by a CMS "
    '("KASHMIR", "WORLD NEWS"): one to four words in capitals with no punctuation, '
    'also as a hashtag, a list ("NATIONAL, WORLD") or glued to the end of the last '
    'paragraph after its last sentence ("... the adviser said. KASHMIR"). A sentence, '
    'a byline or an agency sign-off such as "(Reuters)", "— AP" or "PTI" is not a tag. '
    "Extra tags in any case can be listed in the `tags` option.",
    why="Tags are metadata for the CMS, not copy. Left in the body they are published "
    "as a stray word under the last paragraph.",
    fix="Removes the tag line (safe); a tag glued to the last paragraph is removed only "
    "with --unsafe-fixes.",
    options={"tags": [], "signoffs": DEFAULT_SIGNOFFS},
    bad=[
        Example(
            "Headline\n\nThe valley fell on Monday.\n\nKASHMIR",
            at=(5, 1),
            fixed="Headline\n\nThe valley fell on Monday.",
        ),
        Example(
            "Headline\n\nThe valley fell on Monday.\n\nWORLD NEWS\n",
            at=(5, 1),
            fixed="Headline\n\nThe valley fell on Monday.\n",
        ),
        Example("Headline\n\nIt rained.\n\nSport\n", at=(5, 1), options={"tags": ["sport"]}),
        Example("Headline\n\nThe valley fell.\n\n#KASHMIR, NATIONAL.\n", at=(5, 1)),
        Example(
            "Headline\n\nThe valley fell, the adviser said. KASHMIR\n",
            at=(3, 36),
            fixed="Headline\n\nThe valley fell, the adviser said.\n",
        ),
    ],
    good=[
        "Headline\n\nThe valley fell on Monday.\n\n(Reuters)\n",
        "Headline\n\nThe valley fell on Monday.\n\n— AP\n",
        "Headline\n\nThe valley fell on Monday.\n\nPTI\n",
        "Headline\n\nThe valley fell on Monday.\n\nBy Jane Smith\n",
        "Headline\n\nThe valley fell on Monday, said the UN.\n",
        "Headline\n\nThe valley fell on Monday.\n\nK Clark, P Dowd.\n",
        "Headline\n\nThe valley fell, the adviser told the BBC. Reuters\n",
        "Headline\n\nThe valley fell, the adviser said. (AP)\n",
    ],
)
def check(article, options):
    blocks = article.blocks
    if len(blocks) < 2:
        return
    last = blocks[-1]
    if last.kind is BlockKind.HEADLINE or "\n" in last.text:
        return
    text = last.text.strip()
    extra = word_set(options.get("tags", []), str.casefold)
    signoffs = word_set(options.get("signoffs", DEFAULT_SIGNOFFS), str.casefold)
    if _is_tag_line(text, extra, signoffs):
        yield Hit(
            last.source_start,
            last.source_end,
            message=f'Section tag "{text}" left at the end of the article',
            fix=remove_block_fix(article, last, "Remove the tag"),
        )
        return
    tail = last.text.rstrip()[-1:]
    if not tail.isalpha():
        return  # the last paragraph ends with punctuation: the common case
    glued = _GLUED_TAG.search(last.text, max(0, len(last.text) - _GLUED_REACH))
    if glued is None:
        return
    tag = glued.group(2)
    if not _is_tag(tag.lstrip("#"), extra, signoffs) or tag.casefold() in extra:
        return
    span = source_span(article, last, glued.start(1), glued.end(2))
    yield Hit(
        last.to_source(glued.start(2)),
        last.to_source(glued.end(2) - 1) + 1,
        message=f'Section tag "{tag}" left at the end of the last paragraph',
        fix=None if span is None else Fix.delete(*span, safe=False, description="Remove the tag"),
    )


def _is_tag_line(text, extra, signoffs):
    """A whole last line of tags: each one in capitals (or listed in ``tags``)."""
    if text.casefold() in extra:
        return True
    if len(text) > _LONGEST_LINE or (text != text.upper() and not extra):
        return False  # a sentence, not a line of tags: the common case
    # A hashtag, tags separated by commas, one full stop after them: "#KASHMIR",
    # "NATIONAL, WORLD", "KASHMIR.".
    tags = [t.strip().removeprefix("#") for t in text.removesuffix(".").split(",")]
    return len(tags) <= _MOST_TAGS and all(_is_tag(t, extra, signoffs) for t in tags)


def _is_tag(tag, extra, signoffs):
    key = tag.casefold()
    if key in signoffs:
        return False
    if key in extra:
        return True
    return _CAPS_TAG.fullmatch(tag) is not None and tag == tag.upper() and len(tag) > 1
