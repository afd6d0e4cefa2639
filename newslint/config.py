"""Configuration files: where they are, what keys they hold, and checking them.

newslint reads ``.newslint.toml``, ``newslint.toml`` or the ``[tool.newslint]``
table of ``pyproject.toml``; for each linted file the nearest one in its
directory or above wins (there is no merging across files, as in ruff). Two of
them in one directory is an error rather than a silent choice.

Every key is declared once in :data:`KEYS` with what it expects and a parser
that checks and normalises its value. To add a key: add a :class:`Key` here,
a field to :class:`newslint.settings.Settings`, and one line in
``newslint.settings._build`` that copies it over. Nothing else reads the TOML.

Every error is a :class:`ConfigError`: one line naming the file, the key and
what was expected, e.g.
``newslint.toml: key 'fail-level': expected one of error, warning, info, got 'fatal'``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .catalogue import Catalogue
from .errors import UsageError
from .findings import Severity
from .globs import check_glob

if TYPE_CHECKING:
    from .packs import Pack

#: Looked for in each directory, in this order.
CONFIG_NAMES = (".newslint.toml", "newslint.toml", "pyproject.toml")
#: The project vocabulary lives in this directory next to the configuration.
VOCABULARY_DIR = ".newslint"


class ConfigError(UsageError):
    """A configuration file that cannot be used (exit 2)."""


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as the user would type it: relative to the current directory when below it."""
    p = os.path.abspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return p
    return p if rel.startswith("..") else rel


def describe(value: Any) -> str:
    """What a TOML value is, for messages: ``a string``, ``a list``..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


# NamedTuples, not dataclasses: every run defines these classes, and a
# dataclass takes about half a millisecond to define (start-up time).
class Context(NamedTuple):
    """Where a value comes from, for error messages."""

    path: str
    prefix: str
    catalogue: Catalogue

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.path}: key '{self.prefix}{key}': {message}")

    def expected(self, key: str, what: str, value: Any) -> ConfigError:
        got = repr(value) if isinstance(value, str) else describe(value)
        return self.fail(key, f"expected {what}, got {got}")


Parser = Callable[[Context, str, Any], Any]


class Key(NamedTuple):
    """One top-level configuration key."""

    name: str
    #: What the key expects, in words (for messages and ``newslint init``).
    expects: str
    parse: Parser


def _strings(ctx: Context, key: str, value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ctx.expected(key, what, value)
    for item in value:
        if not isinstance(item, str):
            raise ctx.fail(key, f"expected {what}, got a list holding {describe(item)}")
    return tuple(value)


_SELECTORS = "a list of rule codes, code prefixes, names or categories"


def _selectors(ctx: Context, key: str, value: Any) -> tuple[str, ...]:
    items = _strings(ctx, key, value, _SELECTORS)
    for s in items:
        if not ctx.catalogue.resolve(s):
            raise ctx.fail(key, f"unknown rule, code or category {s!r}")
    return items


def _globs(ctx: Context, key: str, value: Any) -> tuple[str, ...]:
    items = _strings(ctx, key, value, "a list of glob patterns")
    for g in items:
        why = check_glob(g)
        if why is not None:
            raise ctx.fail(key, f"bad glob {g!r} ({why})")
    return items


def _severity(ctx: Context, key: str, value: Any) -> Severity:
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError:
            pass
    raise ctx.expected(key, "one of error, warning, info", value)


def _bool(ctx: Context, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ctx.expected(key, "true or false", value)
    return value


def _severity_table(ctx: Context, key: str, value: Any) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise ctx.expected(key, "a table of rule = severity", value)
    out = []
    for selector, sev in value.items():
        if not ctx.catalogue.resolve(selector):
            raise ctx.fail(f"{key}.{selector}", "unknown rule, code or category")
        out.append((selector, _severity(ctx, f"{key}.{selector}", sev)))
    return tuple(out)


def _per_file_ignores(
    ctx: Context, key: str, value: Any
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ctx.expected(key, "a table of glob = [rules]", value)
    out = []
    for glob, selectors in value.items():
        why = check_glob(glob)
        if why is not None:
            raise ctx.fail(key, f"bad glob {glob!r} ({why})")
        out.append((glob, _selectors(ctx, f'{key}."{glob}"', selectors)))
    return tuple(out)


def _rule_options(ctx: Context, key: str, value: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    if not isinstance(value, dict):
        raise ctx.expected(key, "a table of [rules.NAME] tables", value)
    out = []
    for name, options in value.items():
        rule = ctx.catalogue.get(name)
        if rule is None:
            raise ctx.fail(f"{key}.{name}", "unknown rule")
        where = f"{key}.{name}"
        if not isinstance(options, dict):
            raise ctx.expected(where, "a table of options", options)
        for option, given in options.items():
            if option not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise ctx.fail(f"{where}.{option}", f"unknown option (options: {known})")
            check_option_type(ctx, f"{where}.{option}", rule.options[option], given)
        out.append((rule.name, dict(options)))
    return tuple(out)


def check_option_type(ctx: Context, key: str, default: Any, value: Any) -> None:
    """A rule option must have the type of its declared default."""
    if isinstance(default, bool):
        ok, what = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, what = isinstance(value, int) and not isinstance(value, bool), "an integer"
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        what = "a number"
    elif isinstance(default, str):
        ok, what = isinstance(value, str), "a string"
    elif isinstance(default, list | tuple):
        item = default[0] if default else ""
        what = f"a list of {_PLURAL.get(type(item), 'values')}"
        ok = isinstance(value, list) and all(_same_type(item, v) for v in value)
    elif isinstance(default, dict):
        ok, what = isinstance(value, dict), "a table"
    else:  # pragma: no cover - rules declare TOML-typed defaults
        ok, what = True, ""
    if not ok:
        raise ctx.expected(key, what, value)


_PLURAL = {str: "strings", int: "integers", float: "numbers", bool: "booleans"}


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return type(value) is type(default)


_PACKS = "a list of shipped pack names or pack folders"


def _pack_refs(ctx: Context, key: str, value: Any) -> tuple[str, ...]:
    """The ``packs`` list; :func:`load_config` loads the packs it names."""
    return _strings(ctx, key, value, _PACKS)


def _languagetool(ctx: Context, key: str, value: Any) -> tuple[tuple[str, str], ...]:
    """The ``[languagetool]`` table: ``url``, a server URL or a LanguageTool directory."""
    if not isinstance(value, dict):
        raise ctx.expected(key, "a table", value)
    for name, item in value.items():
        if name != "url":
            raise ctx.fail(f"{key}.{name}", "unknown key (expected url)")
        if not isinstance(item, str) or not item:
            raise ctx.expected(f"{key}.url", "a URL or a directory", item)
    return tuple(value.items())


#: Every key a configuration file may hold, in documentation order.
KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("select", _SELECTORS, _selectors),
        Key("extend-select", _SELECTORS, _selectors),
        Key("ignore", _SELECTORS, _selectors),
        Key("extend-ignore", _SELECTORS, _selectors),
        Key("fail-level", "one of error, warning, info", _severity),
        Key("exclude", "a list of glob patterns", _globs),
        Key("extend-exclude", "a list of glob patterns", _globs),
        Key("respect-gitignore", "true or false", _bool),
        Key("per-file-ignores", "a table of glob = [rules]", _per_file_ignores),
        Key("severity", "a table of rule = severity", _severity_table),
        Key("rules", "a table of [rules.NAME] tables", _rule_options),
        Key("packs", _PACKS, _pack_refs),
        Key("languagetool", 'a table with url = "http://host:port"', _languagetool),
    )
}


class ConfigFile(NamedTuple):
    """A checked configuration file: its values by key, parsed by :data:`KEYS`."""

    path: str
    values: Mapping[str, Any]
    #: The packs named by ``packs``, loaded.
    packs: tuple[Pack, ...] = ()
    #: The catalogue the file was checked against: the one given plus ``packs``.
    catalogue: Catalogue | None = None

    @property
    def directory(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))


def read_toml(path: str) -> dict[str, Any]:
    import tomllib  # here: a run with no configuration file does not pay for it

    shown = display_path(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{shown}: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read ({exc.strerror})") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: invalid TOML: {exc}") from None


def newslint_table(path: str, data: Mapping[str, Any]) -> tuple[dict[str, Any], str] | None:
    """The newslint table of a parsed file and its key prefix, or ``None`` for a
    ``pyproject.toml`` without ``[tool.newslint]``."""
    if os.path.basename(path) != "pyproject.toml":
        return dict(data), ""
    tool = data.get("tool")
    if not isinstance(tool, dict) or "newslint" not in tool:
        return None
    table = tool["newslint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{display_path(path)}: key 'tool.newslint': expected a table")
    return table, "tool.newslint."


def load_config(path: str, catalogue: Catalogue) -> ConfigFile:
    """Read and check a configuration file; raises :class:`ConfigError`."""
    data = read_toml(path)
    found = newslint_table(path, data)
    if found is None:
        raise ConfigError(f"{display_path(path)}: no [tool.newslint] table")
    table, prefix = found
    ctx = Context(display_path(path), prefix, catalogue)
    values: dict[str, Any] = {}
    packs: tuple[Pack, ...] = ()
    if "packs" in table:
        # Packs first: the rules they add can be selected by the other keys.
        values["packs"] = KEYS["packs"].parse(ctx, "packs", table["packs"])
        packs, catalogue = _load_packs(ctx, values["packs"], os.path.dirname(path), catalogue)
        ctx = Context(ctx.path, prefix, catalogue)
    for key, value in table.items():
        if key == "packs":
            continue
        spec = KEYS.get(key)
        if spec is None:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ctx.fail(key, f"unknown key{hint}")
        values[key] = spec.parse(ctx, key, value)
    return ConfigFile(path, values, packs, catalogue)


def _load_packs(
    ctx: Context, refs: tuple[str, ...], directory: str, catalogue: Catalogue
) -> tuple[tuple[Pack, ...], Catalogue]:
    """Load the packs a configuration names (folders relative to its directory)."""
    from .packs import PackError, catalogue_with, load_packs, resolve_pack

    for ref in refs:
        try:
            resolve_pack(ref, os.path.abspath(directory))
        except PackError as exc:
            raise ctx.fail("packs", str(exc)) from None
    packs = load_packs(refs, os.path.abspath(directory))
    return packs, catalogue_with(packs, catalogue)


def has_newslint_config(path: str) -> bool:
    """Whether a file in :data:`CONFIG_NAMES` is a newslint configuration."""
    if os.path.basename(path) != "pyproject.toml":
        return True
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that mentions newslint is ours to report.
        try:
            return "tool.newslint" in Path(path).read_text("utf-8", errors="replace")
        except OSError:
            return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "newslint" in tool


def config_in(directory: str) -> str | None:
    """The configuration file in ``directory``, or ``None``; two is an error."""
    found = []
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and has_newslint_config(candidate):
            found.append(candidate)
    if len(found) > 1:
        names = " and ".join(os.path.basename(f) for f in found)
        raise ConfigError(
            f"{display_path(directory) or '.'}: both {names} configure newslint; keep one"
        )
    return found[0] if found else None


def read_vocabulary(path: str) -> tuple[str, ...]:
    """Entries of a vocabulary file: one a line; blank lines and ``#`` comments skipped."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except FileNotFoundError:
        return ()
    except UnicodeDecodeError:
        raise ConfigError(f"{display_path(path)}: not valid UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{display_path(path)}: cannot read ({exc.strerror})") from None
    out = []
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            out.append(entry)
    return tuple(dict.fromkeys(out))
