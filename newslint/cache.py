"""A content cache of findings, so a second run over an unchanged tree is cheap.

An entry is keyed on everything that decides an article's findings: newslint's
version, the resolved settings (their fingerprint covers rules, severities,
options, packs and vocabulary), the path (per-file ignores), the encoding asked
for and the file's bytes. It holds the findings as JSON (never pickle: a cache
folder may come from anywhere), written atomically, so concurrent runs and a
corrupted entry are harmless: a bad entry is a miss and is rewritten.

The folder is ``.newslint_cache/`` in the working directory, or
``$NEWSLINT_CACHE_DIR``; ``--no-cache`` skips it and ``newslint clean``
removes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .findings import Edit, Finding, Fix, Severity
from .model import Source

if TYPE_CHECKING:
    from _blake2 import blake2b

FORMAT = 1


def new_digest() -> blake2b:
    """A 256-bit BLAKE2b hash for cache keys. It comes from CPython's own
    module, as ``hashlib.blake2b`` does, but without importing ``hashlib``,
    which loads OpenSSL: about 3 ms of every (pre-commit) run."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python: the same hash through hashlib
        from hashlib import blake2b
    return blake2b(digest_size=32)


def default_directory() -> str:
    return os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(os.getcwd(), ".newslint_cache")


def code_fingerprint() -> str:
    """newslint's version and the size and time of every module of its code and
    rule catalogue, so an edited rule (an editable install) never reads stale
    findings."""
    from . import __version__

    root = os.path.dirname(os.path.abspath(__file__))
    import newslint.rules as catalogue

    h = new_digest()
    h.update(__version__.encode())
    for top in (root, *catalogue.__path__):
        for folder, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".py", ".yml", ".yaml", ".toml", ".txt")):
                    st = os.stat(os.path.join(folder, name))
                    h.update(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, directory: str | None = None) -> None:
        from . import __version__

        self.directory = directory or default_directory()
        self.folder = os.path.join(self.directory, f"v{FORMAT}-{__version__}")
        self.code = code_fingerprint()
        self._ready = False

    def key(self, data: bytes, path: str, settings_fingerprint: str, encoding: str | None) -> str:
        h = new_digest()
        for part in (self.code, settings_fingerprint, path, encoding or ""):
            h.update(part.encode("utf-8", "surrogateescape"))
            h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key[2:] + ".json")

    def has(self, key: str) -> bool:
        """Whether an entry for ``key`` exists (it may still be unreadable)."""
        return os.path.exists(self._file(key))

    def get(self, key: str, source: Source) -> list[Finding] | None:
        """The cached findings for ``key``, rebuilt against ``source``; ``None``
        on a miss or an unreadable entry."""
        try:
            with open(self._file(key), encoding="utf-8") as fh:
                entry = json.load(fh)
            return [_finding(item, source) for item in entry["findings"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, key: str, findings: Sequence[Finding]) -> None:
        """Store findings; a failure to write is ignored (the cache is an optimisation).

        The entry is written to a file of this process's own, then renamed over
        the entry: a concurrent run reads the whole entry or none. It is not
        synced to disk (an article is; an entry lost to a crash is a miss)."""
        entry = {"format": FORMAT, "findings": [_item(f) for f in findings]}
        target = self._file(key)
        temporary = f"{target}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if not self._ready:
                _write_tag(self.directory)
                self._ready = True
            with open(temporary, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def clean(directory: str | None = None) -> bool:
    """Remove the cache folder; ``True`` if there was one."""
    directory = directory or default_directory()
    if not os.path.isdir(directory):
        return False
    shutil.rmtree(directory)
    return True


def _write_tag(directory: str) -> None:
    """Mark the folder as a cache (CACHEDIR.TAG) and keep it out of git."""
    tag = os.path.join(directory, "CACHEDIR.TAG")
    if not os.path.exists(tag):
        with open(tag, "w", encoding="ascii") as fh:
            fh.write("Signature: 8a477f597d28d172789f06886806bc55\n# newslint cache\n")
        with open(os.path.join(directory, ".gitignore"), "w", encoding="ascii") as fh:
            fh.write("*\n")


def _item(f: Finding) -> list[object]:
    fix = None
    if f.fix is not None:
        fix = [
            f.fix.safe,
            f.fix.description,
            [[e.start, e.end, e.replacement] for e in f.fix.edits],
        ]
    return [f.code, f.name, f.severity.value, f.message, f.offset, f.end_offset, fix]


def _finding(item: list, source: Source) -> Finding:  # type: ignore[type-arg]
    code, name, severity, message, start, end, fix = item
    if not (0 <= start <= end <= len(source.text)):
        raise ValueError("finding outside the text")
    a, b = source.position(start), source.position(end)
    rebuilt = None
    if fix is not None:
        safe, description, edits = fix
        rebuilt = Fix(tuple(Edit(s, e, r) for s, e, r in edits), bool(safe), str(description))
    return Finding(
        path=source.path,
        line=a.line,
        column=a.column,
        end_line=b.line,
        end_column=b.column,
        code=str(code),
        name=str(name),
        severity=Severity(severity),
        message=str(message),
        offset=start,
        end_offset=end,
        text=source.text[start:end],
        fix=rebuilt,
    )
