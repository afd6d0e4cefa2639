import re

from newslint.findings import Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule
from newslint.ruletools import remove_block_fix

#: Paragraphs that are a web page's furniture, whole: ad slots, the labels a
#: news site puts on pictures and video, share bars and link lists.
_FURNITURE = lazy(
    r"(?:advertisement|advert|sponsored(?: content)?"
    r"|story continues below(?: this)? advertisement"
    r"|continue reading(?: the main story)?(?: below)?|scroll to continue with content"
    r"|media playback is (?:unsupported|not supported) on your device"
    r"|(?:image|media|video) (?:caption|copyright|source)\b.{0,200}"
    r"|share (?:this|the) (?:story|article|page)?\s*(?:with|on|via)?\b.{0,80}"
    r"|share (?:on|via) (?:facebook|twitter|x|whatsapp|email|linkedin|messenger)\b.{0,80}"
    r"|related (?:topics|stories|internet links)|more on this story|top stories"
    r"|skip to (?:main )?content|listen to this article|print this page|email this page"
    r")\s*[.:]?\s*",
    re.IGNORECASE | re.DOTALL,
)
#: The longest paragraph the patterns can match: "Image caption" and 200 more.
_LONGEST = 240


@rule(
    code="NL505",
    name="web-furniture",
    category="scrape",
    severity="error",
    message="Web page furniture left in the article",
    what="A paragraph that is only a web page's furniture, copied in with the text: an "
    'ad slot ("Advertisement", "Story continues below advertisement"), a picture or '
    'video label ("Image caption ...", "Image copyright Getty Images", "Media playback '
    'is unsupported on your device"), a share bar ("Share this with Facebook Twitter '
    'Email") or a link list heading ("Related Topics", "More on this story"). The words '
    "inside a sentence are not flagged.",
    why="Scraped or exported copy brings the page around the story along; a label on a "
    "line of its own reads as a broken paragraph and shows the text was copied.",
    fix="Removes the paragraph (unsafe: applied only with --unsafe-fixes).",
    notes="On ../shared/corpus/ (1,438 BBC articles, extracted clean) it reports nothing. "
    "The cms pack has the rules for furniture inside paragraphs (link teasers, calls to "
    "action, photo credits).",
    bad=[
        Example(
            "Markets fall\n\nShares fell on Monday.\n\nAdvertisement\n\nOil rose.\n",
            at=(5, 1),
            fixed="Markets fall\n\nShares fell on Monday.\n\nOil rose.\n",
        ),
        Example(
            "Markets fall\n\nImage caption The trading floor in London\n\n"
            "Media playback is unsupported on your device\n\nShares fell on Monday.\n\n"
            "Share this with Facebook Twitter Email\n\nRelated Topics\n",
            at=((3, 1), (5, 1), (9, 1), (11, 1)),
        ),
    ],
    good=[
        "Markets fall\n\nThe advertisement was banned. Related topics were discussed.\n",
        "Markets fall\n\nImage rights are a problem, said the photographer.\n\n"
        "Sponsored by a bank, the race was a success.\n",
    ],
)
def check(article, options):
    for block in (*article.paragraphs, *article.subheads):
        text = block.text
        if len(text) > _LONGEST:
            continue
        if _FURNITURE.fullmatch(text.strip()) is None:
            continue
        yield Hit(
            block.source_start,
            block.source_end,
            message=f'Web page furniture "{_shown(text)}" left in the article',
            fix=remove_block_fix(article, block, "Remove the paragraph", safe=False),
        )


def _shown(text):
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
