"""Reading files into :class:`~newslint.model.Source` objects, and finding article files.

What happens to bad input is documented in ``docs/bad-input.md``: binary files,
files over the size limit and files that cannot be opened are input errors (one
line, exit 2, the other files are still linted); a file that is not valid in its
encoding is read with its bad bytes replaced and reported by the
``encoding-error`` rule.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Callable, Iterator
from typing import BinaryIO

from .errors import InputError, UsageError
from .model import DecodeProblem, Source

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")

#: Files larger than this are not read (``--max-file-size``); an article is
#: rarely over 100 kB.
DEFAULT_MAX_BYTES = 10_000_000

#: Byte signatures of files that are certainly not articles.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)

#: Byte-order marks, longest first (the UTF-32 LE mark starts with UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def check_encoding(encoding: str) -> None:
    """Raise :class:`UsageError` unless ``encoding`` names a text encoding."""
    try:
        b"".decode(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None


def binary_kind(data: bytes) -> str | None:
    """What a file is, when its bytes show it is not text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode a file's bytes.

    A byte-order mark always decides (UTF-8, UTF-16 or UTF-32); otherwise the
    bytes are read as ``encoding`` (default UTF-8). Bytes that are not valid in
    that encoding are replaced with U+FFFD and the first is recorded as the
    source's :class:`~newslint.model.DecodeProblem`. Raises :class:`InputError`
    for a binary file.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"{path}: binary file ({kind}), not an article")
    name = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    name = name or encoding or "utf-8"
    problem = None
    try:
        raw = data.decode(name)
    except LookupError:
        raise UsageError(f"unknown encoding {name!r}") from None
    except UnicodeDecodeError as exc:
        raw = data.decode(name, errors="replace")
        prefix = data[: exc.start].decode(name, errors="replace")
        offset = len(prefix) - prefix.count("\r\n") - prefix.startswith("\ufeff")
        problem = DecodeProblem(offset, data[exc.start], _display_name(name))
    if "\x00" in raw:
        raise InputError(f"{path}: binary file (contains NUL bytes), not an article")
    return Source.from_raw(raw, path, encoding=name, problem=problem)


def _display_name(encoding: str) -> str:
    """``UTF-8``, ``UTF-16``, ``cp1252``: how an encoding is named to a user."""
    name = codecs.lookup(encoding).name
    if name.startswith("utf"):
        return name.upper().replace("-LE", "").replace("-BE", "")
    return encoding


def _too_big(path: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit for one "
        "article (--max-file-size); not checked"
    )


def read_limited(
    stream: BinaryIO, path: str, max_bytes: int | None, size_hint: int | None = None
) -> bytes:
    """Read a stream, refusing more than ``max_bytes`` (``None``: no limit).
    ``size_hint``: the size the file had when opened."""
    if max_bytes is None:
        return stream.read()
    if size_hint is not None and size_hint < max_bytes:
        # Asking for max_bytes at once allocates that much for every file: ask
        # for what the file holds first, then for the rest if it has grown.
        data = stream.read(size_hint + 1)
        if len(data) <= size_hint:
            return data
        data += stream.read(max_bytes + 1 - len(data))
    else:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"{path}: over the {max_bytes / 1e6:g} MB limit for one article "
            "(--max-file-size); not checked"
        )
    return data


def read_source(
    path: str, encoding: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Source:
    """Read and decode one file. Raises :class:`InputError` when it cannot be read."""
    return decode(read_file(path, max_bytes)[0], path, encoding)


def read_file(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """A file's bytes, and its status taken as it was opened (to notice a
    change before a fix is written back). A file over ``max_bytes`` is refused
    before it is read."""
    try:
        with open(path, "rb") as fh:
            status = os.fstat(fh.fileno())
            if max_bytes is not None and status.st_size > max_bytes:
                raise _too_big(path, status.st_size, max_bytes)
            return read_limited(fh, path, max_bytes, status.st_size), status
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def is_article_file(path: str, on_error: Callable[[str], None] | None = None) -> bool:
    """Whether a file found in a directory should be read: a regular file (a FIFO
    named ``x.txt`` would block the run). A broken or looping symlink goes to
    ``on_error`` as a one-line message."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if on_error is not None:
            reason = "broken symbolic link" if exc.errno == errno.ENOENT else exc.strerror
            on_error(f"{path}: cannot read ({reason})")
        return False
    return stat.S_ISREG(mode)


def iter_article_paths(path: str, on_error: Callable[[str], None] | None = None) -> Iterator[str]:
    """Article files under a directory (``*.txt``, ``*.md``, ``*.markdown``), sorted.

    Hidden files and directories are skipped and directory symlinks are not
    followed (so a symlink loop is harmless); see :func:`is_article_file`.
    Problems (an unreadable directory, a broken symlink) go to ``on_error``.
    """

    def walk_error(exc: OSError) -> None:
        if on_error is not None:
            on_error(f"{exc.filename}: cannot read directory ({exc.strerror})")

    for root, dirs, files in os.walk(path, onerror=walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.lower().endswith(ARTICLE_SUFFIXES) or name.startswith("."):
                continue
            full = os.path.join(root, name)
            if is_article_file(full, on_error):
                yield full
