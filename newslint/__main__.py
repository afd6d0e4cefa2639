"""``python -m newslint`` and the ``newslint`` console script.

Importing the command line takes a moment; a Ctrl-C during it still exits 130
with one line, never a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        sys.exit(130)
    cli_main()


if __name__ == "__main__":
    main()
