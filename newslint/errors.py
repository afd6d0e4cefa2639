"""Errors that end a run or skip an input, each with a one-line message."""

from __future__ import annotations


class NewslintError(Exception):
    """A problem the user can fix; the CLI prints ``newslint: error: <message>``."""

    exit_code = 2


class InputError(NewslintError):
    """One input could not be read; the other inputs are still linted."""


class UsageError(NewslintError):
    """The command line or configuration is wrong."""
