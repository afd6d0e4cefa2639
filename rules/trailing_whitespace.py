from newslint.findings import Fix, Hit
from newslint.patterns import lazy
from newslint.rule import Example, rule

_TRAILING = lazy(r"[^\S\n]+$")
#: The same test over the whole text at once: a line break with whitespace before
#: it. The pattern starts with the line break, which the regex engine finds fast.
_SPACE_BEFORE_BREAK = lazy(r"\n(?<=[^\S\n]\n)")


@rule(
    code="NL402",
    name="trailing-whitespace",
    category="whitespace",
    severity="info",
    default_enabled=False,
    message="Trailing whitespace",
    what="Spaces or tabs at the end of a line. In Markdown, two or more spaces before "
    "a line break are a hard line break and are left alone.",
    why="Invisible once published, but it makes diffs noisy. Off by default.",
    fix="Removes the trailing whitespace (safe).",
    bad=[
        Example("Headline \n\nBody.\n", at=(1, 9), fixed="Headline\n\nBody.\n"),
        Example("Headline\n\nBody.\t\n", at=(3, 6)),
    ],
    good=["Headline\n\nBody.\n", "Headline\n\nBody.\n   \n\nMore.\n"],
)
def check(article, options):
    markdown = article.format == "markdown"
    skipped = article.skipped
    text = article.source.text
    if _SPACE_BEFORE_BREAK.search(text) is None and not _ends_in_space(text):
        return  # the common case, checked at C speed
    for _, start, line in article.source.lines():
        m = _TRAILING.search(line)
        if m is None or m.start() == 0:
            continue  # no trailing space, or a blank line
        if markdown and m.group(0).startswith("  ") and set(m.group(0)) == {" "}:
            continue  # a Markdown hard line break
        s, e = start + m.start(), start + m.end()
        if any(a <= s < b for a, b in skipped):
            continue
        yield Hit(s, e, fix=Fix.delete(s, e, description="Remove trailing whitespace"))


def _ends_in_space(text: str) -> bool:
    last = text[-1:]
    return last.isspace() and last != "\n"
