"""Reading files into :class:`~newslint.model.Source` objects, and finding article files."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator

from .errors import InputError
from .model import Source

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM by
    default, or the named ``encoding``."""
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                return Source.from_raw(data.decode("utf-16"), path, encoding="utf-16")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not valid UTF-16 ({exc.reason})") from None
        if b"\x00" in data:
            raise InputError(f"{path}: binary file (contains NUL bytes), not an article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            line_start = data.rfind(b"\n", 0, exc.start) + 1
            column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
            raise InputError(
                f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                "use --encoding to read another encoding"
            ) from None
        return Source.from_raw(text, path, encoding="utf-8")
    try:
        return Source.from_raw(data.decode(encoding), path, encoding=encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {encoding} ({exc.reason})") from None


def read_source(path: str, encoding: str | None = None) -> Source:
    return decode(read_file(path)[0], path, encoding)


def read_file(path: str) -> tuple[bytes, os.stat_result]:
    """A file's bytes, and its status taken as it was opened (to notice a
    change before a fix is written back)."""
    try:
        with open(path, "rb") as fh:
            stat = os.fstat(fh.fileno())
            return fh.read(), stat
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def iter_article_paths(path: str) -> Iterator[str]:
    """Article files under a directory (``*.txt``, ``*.md``, ``*.markdown``), sorted,
    skipping hidden directories and not following directory symlinks."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)
