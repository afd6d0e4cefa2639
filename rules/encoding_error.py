from newslint.findings import Hit
from newslint.rule import Example, rule


@rule(
    code="NL902",
    name="encoding-error",
    category="meta",
    severity="error",
    message="Not valid text in its encoding",
    what="A file that is not valid UTF-8 (or not valid in the encoding given with "
    "`--encoding`), reported at its first bad byte. Nothing else in that file is "
    "checked: until it is read in the right encoding, its words cannot be trusted. "
    "A byte-order mark always decides the encoding (UTF-8, UTF-16 or UTF-32).",
    why="A stray Latin-1 or Windows-1252 byte shows as a `�` on the site and breaks "
    "search in the CMS; an archive exported from an old system is often all in "
    "cp1252. The other files of the run are still linted.",
    bad=[
        Example.from_bytes(
            b"Cafe owners fear rates rise\n\nThe caf\xe9 on the corner may close.\n",
            at=(3, 8),
        ),
        Example.from_bytes(
            b"Headline\r\n\r\n\xe2\x80\x9cWe \x93won\x94,\xe2\x80\x9d he said.\r\n", at=(3, 5)
        ),
    ],
    good=[
        "Cafe owners fear rates rise\n\nThe café on the corner may close.\n",
        Example.from_bytes(b"\xef\xbb\xbfHeadline\n\nA UTF-8 file with a byte-order mark.\n"),
        Example.from_bytes(
            "Headline\n\nThis file is UTF-16 with a byte-order mark: café.\n".encode("utf-16"),
            text="Headline\n\nThis file is UTF-16 with a byte-order mark: café.\n",
        ),
    ],
)
def check(article, options):
    problem = article.source.problem
    if problem is None:
        return
    hint = (
        " (if the file is Latin-1 or Windows-1252, pass --encoding cp1252)"
        if problem.encoding == "UTF-8"
        else ""
    )
    yield Hit(
        problem.offset,
        problem.offset + 1,
        message=f"Not valid {problem.encoding} (byte 0x{problem.byte:02x}); "
        f"nothing else in this file is checked{hint}",
    )
