"""House-style rule packs: declarative rules an editor writes in YAML.

A pack is a folder holding ``pack.yml`` (its name, code prefix and
description) and one ``*.yml`` file per rule. newslint ships packs in
``rules/packs/`` (installed as ``newslint/rules/packs``); a desk keeps its own
in its repository and names the folder. Each rule file compiles to an
ordinary :class:`newslint.rule.Rule` whose ``origin`` is the pack's name, so
selection, reporting, ``explain`` and the example tests treat it like a
built-in rule. See ``docs/packs.md`` for the format.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..catalogue import Catalogue, builtin
from .loader import Pack, PackError, load_pack

__all__ = [
    "Pack",
    "PackError",
    "catalogue_with",
    "load_packs",
    "resolve_pack",
    "shipped_dir",
    "shipped_names",
]


def shipped_dir() -> Path:
    import newslint.rules

    return Path(newslint.rules.__file__).parent / "packs"


def shipped_names() -> list[str]:
    root = shipped_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "pack.yml").is_file())


def is_path(ref: str) -> bool:
    """Whether a pack reference names a folder rather than a shipped pack."""
    return ref.startswith((".", "/", "~")) or "/" in ref or os.sep in ref


def resolve_pack(ref: str, base: str | os.PathLike[str] | None = None) -> tuple[Path, str, bool]:
    """The folder of pack ``ref``, how to show it, and whether it is shipped.

    ``ref`` is a shipped pack's name (``cms``) or a folder, relative to
    ``base`` (the configuration file's directory, or the current directory).
    """
    if not isinstance(ref, str) or not ref.strip():
        raise PackError(f"pack {ref!r}: expected a shipped pack's name or a folder")
    if not is_path(ref):
        folder = shipped_dir() / ref
        if (folder / "pack.yml").is_file():
            return folder, f"pack {ref}", True
        names = ", ".join(shipped_names())
        raise PackError(
            f"unknown pack {ref!r} (shipped packs: {names}; "
            "a local pack is a folder path such as ./style/desk)"
        )
    folder = Path(os.path.expanduser(ref))
    if base is not None and not folder.is_absolute():
        folder = Path(base) / folder
    if not folder.is_dir():
        raise PackError(f"pack {ref!r}: no such folder ({folder})")
    return folder, _display(folder), False


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def load_packs(refs: Iterable[str], base: str | os.PathLike[str] | None = None) -> tuple[Pack, ...]:
    """Load the packs named by ``refs`` (each once), in order."""
    seen: dict[Path, Pack] = {}
    for ref in refs:
        folder, display, shipped = resolve_pack(ref, base)
        key = folder.resolve()
        if key not in seen:
            seen[key] = _load(key, display, shipped, _stamp(key))
    return tuple(seen.values())


def _stamp(folder: Path) -> tuple[tuple[str, float], ...]:
    """What the cache of a pack depends on: its files and their modification times."""
    try:
        return tuple(sorted((p.name, p.stat().st_mtime) for p in folder.iterdir()))
    except OSError:
        return ()


@functools.lru_cache(maxsize=32)
def _load(folder: Path, display: str, shipped: bool, stamp: object) -> Pack:
    return load_pack(folder, display, shipped=shipped)


def catalogue_with(packs: Sequence[Pack], base: Catalogue | None = None) -> Catalogue:
    """The built-in catalogue (or ``base``) plus the rules of ``packs``.

    Codes cannot collide with built-in rules (packs may not use the ``NL``
    prefix); two packs with the same or overlapping prefixes, or a rule name
    used twice, are errors.
    """
    base = base or builtin()
    prefixes = {r.code.rstrip("0123456789"): r.origin for r in base if r.origin != "builtin"}
    names = {
        r.name: f"built-in rule {r.code}"
        if r.origin == "builtin"
        else f"rule {r.code} of pack {r.origin}"
        for r in base
    }
    packs = [p for p in packs if not all(base.by_code.get(r.code) is r for r in p.rules)]
    for pack in packs:
        for prefix, other in prefixes.items():
            if prefix.startswith(pack.prefix) or pack.prefix.startswith(prefix):
                raise PackError(
                    f"packs {other} and {pack.name} use overlapping code prefixes "
                    f"{prefix} and {pack.prefix}: change one in its pack.yml"
                )
        prefixes[pack.prefix] = pack.name
        for r in pack.rules:
            if r.name in names:
                raise PackError(
                    f"rule name {r.name!r} of pack {pack.name} is already used by {names[r.name]}"
                )
            names[r.name] = f"rule {r.code} of pack {pack.name}"
    if not packs:
        return base
    return Catalogue([*base, *(r for p in packs for r in p.rules)])
