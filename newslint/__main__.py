"""``python -m newslint`` and the ``newslint`` console script.

Importing the command line takes a moment; a Ctrl-C during it still exits 130
with one line, never a traceback.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    # The command line's modules make thousands of objects that live until the
    # process ends: the collector is kept out of the way while they are made,
    # then they are frozen (never scanned again). A few ms of every hook run.
    gc.disable()
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        sys.exit(130)
    finally:
        gc.freeze()
        gc.enable()
    try:
        cli_main()
    finally:
        # The process ends now: what is alive is frozen too, which spares it
        # the interpreter's collections at exit (a few ms more).
        gc.freeze()


if __name__ == "__main__":
    main()
