"""The commented starter configuration that ``newslint init`` writes."""

from __future__ import annotations

STARTER = """\
# newslint configuration. The nearest newslint.toml, .newslint.toml or
# pyproject.toml [tool.newslint] above a file applies to it.
# Rules are named by code (NL201), code prefix (NL2), name (repeated-word)
# or category (wording); `newslint rules` lists them all and
# `newslint explain NAME` documents one.

# Which findings make `newslint check` exit 1: "error", "warning" or "info".
fail-level = "info"

# Run only these rules (default: the rules that are on by default).
# select = ["ALL"]
# Run these as well as the selected ones (e.g. rules that are off by default).
# extend-select = ["trailing-whitespace"]
# Never run these.
# ignore = ["NL104"]
# extend-ignore = []

# Files and directories not linted (globs relative to this file).
# exclude replaces the default list; extend-exclude adds to it.
extend-exclude = []
# extend-exclude = ["archive", "drafts/**/*.md", "README.md"]
# Skip files git ignores when walking directories.
# respect-gitignore = true

# Rules turned off for some files.
# [per-file-ignores]
# "wires/*.txt" = ["trailing-section-tag"]

# Severity of a rule (or of a code prefix or category).
# [severity]
# headline-period = "error"
# whitespace = "info"

# Options of a rule; `newslint explain NAME` lists them with their defaults.
# [rules.repeated-word]
# allow = ["had", "that"]
# [rules.trailing-section-tag]
# tags = ["sport"]

# The project vocabulary lives next to this file:
#   .newslint/accept.txt  names and terms never flagged, one a line
#   .newslint/reject.txt  terms always flagged, one a line
"""


def starter_config() -> str:
    return STARTER
