from newslint.rule import Example, rule


@rule(
    code="NL901",
    name="unused-suppression",
    category="meta",
    severity="warning",
    message="Unused suppression",
    what="A suppression comment that does nothing: a `newslint-disable`, "
    "`newslint-disable-next-line` or `newslint-disable-file` that suppressed no "
    "finding, a rule name in one that names no rule, an unknown `newslint-` "
    "directive, or a `newslint-enable` with no `newslint-disable` above it. "
    "Suppressions of rules that are not running are not reported.",
    why="A stale or misspelt suppression silences nothing today and hides a real "
    "slip tomorrow; a misspelt rule name means the comment never worked.",
    fix="Removes the comment, or the unused names from it (safe: comments are not "
    "copy). Unknown rule names and directives are left for an editor to correct.",
    bad=[
        Example(
            "Headline\n\n<!-- newslint-disable-next-line repeated-wrd -->\nThe cat sat.\n",
            at=(3, 33),
        ),
        Example(
            "Headline\n\nThe cat sat.\n<!-- newslint-enable -->\n",
            at=(4, 1),
            fixed="Headline\n\nThe cat sat.\n",
        ),
        Example("Headline\n\n<!-- newslint-disabel repeated-word -->\nThe cat sat.\n", at=(3, 1)),
    ],
    good=[
        "Headline\n\nThe cat sat.\n",
        "Headline\n\n<!-- newslint-disable repeated-word -->\nThe cat sat.\n"
        "<!-- newslint-enable -->\n",
    ],
)
def check(article, options):
    # Reported by the engine once the other rules' findings are in
    # (newslint.suppression): a rule cannot see the others' findings.
    return ()
