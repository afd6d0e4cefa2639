"""Atomic file writes: a temporary file in the same directory, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable


def write_bytes_atomic(
    path: str, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new
    content, never a half-written file. Keeps the file's permissions (and its
    owner where allowed). ``before_replace`` runs just before the rename; if it
    raises, the temporary file is removed and ``path`` is left untouched."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        stat: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        stat = None
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if stat is not None:
            if hasattr(os, "chown"):
                with contextlib.suppress(OSError):
                    os.chown(tmp, stat.st_uid, stat.st_gid)
            os.chmod(tmp, stat.st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))
