"""Resolved settings: what applies to one linted file.

A :class:`Settings` is frozen, hashable and serialisable (:meth:`Settings.to_dict`,
:meth:`Settings.fingerprint`), so a cache can key on it. It is resolved once
per configuration file by a :class:`SettingsResolver` (one per run, no global
state) from, in order of precedence:

1. the command line (:class:`Overrides`: ``--select``, ``--extend-select``,
   ``--ignore``, ``--fail-level``);
2. ``--config PATH`` if given, else the nearest configuration file above the
   linted file (none with ``--isolated``);
3. the rules' own defaults.

Rules read settings only through their options. The project vocabulary
(``.newslint/accept.txt`` and ``reject.txt`` next to the configuration) is in
:attr:`Settings.accept` and :attr:`Settings.reject`, and a rule that declares an
``accept`` or ``reject`` option (a list of strings) receives it there: the
project's entries followed by any given under ``[rules.NAME]``::

    @rule(..., options={"accept": [], "reject": []})
    def check(article, options):
        accepted = {term.casefold() for term in options["accept"]}
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from .catalogue import Catalogue, builtin
from .config import (
    VOCABULARY_DIR,
    ConfigError,
    ConfigFile,
    config_in,
    display_path,
    load_config,
    read_vocabulary,
)
from .engine import ActiveRule
from .errors import UsageError
from .findings import Severity
from .globs import matches
from .selection import Layer, apply_severities, resolve, select_codes

if TYPE_CHECKING:
    from .packs import Pack

#: Directories never linted unless ``exclude`` is set (hidden ones are skipped too).
DEFAULT_EXCLUDE = ("node_modules", "venv", "site-packages", "__pycache__")
#: Rule options that receive the project vocabulary.
VOCABULARY_OPTIONS = ("accept", "reject")


class Overrides(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """What the command line says; it wins over every configuration file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: Severity | None = None
    #: ``--config PATH``: use this file for every linted file.
    config: str | None = None
    #: ``--isolated``: read no configuration file at all.
    isolated: bool = False
    #: ``--pack``: rule packs for every file (names, or folders from the current directory).
    packs: tuple[str, ...] = ()
    #: ``--languagetool``: a LanguageTool server URL or directory for the language rules.
    languagetool: str | None = None


def _double_slash(*paths: str) -> bool:
    """Whether a path starts with "//" (POSIX keeps it; os.path.relpath does not)."""
    return any(p.startswith("//") for p in paths)


@dataclass(frozen=True, eq=False)
class Settings:
    """Everything that decides how one file is linted."""

    #: The configuration file these settings come from (``None``: defaults).
    config: str | None
    #: Absolute directory that ``exclude`` and ``per-file-ignores`` globs are relative to.
    root: str
    #: The active rules with their severities and options, in catalogue order.
    rules: tuple[ActiveRule, ...]
    #: Findings at or above this severity make the run exit 1.
    fail_level: Severity = Severity.INFO
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    #: Skip files ignored by git when walking directories.
    respect_gitignore: bool = True
    #: ``(glob, codes)``: rules not run on files matching the glob.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The project vocabulary: terms never flagged, and terms always flagged.
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    #: The rule packs loaded, as ``name@digest`` (the digest covers the pack's files).
    packs: tuple[str, ...] = ()
    _key: str = field(default="", repr=False)

    def relative(self, path: str) -> str:
        """``path`` relative to :attr:`root`, with ``/`` (absolute when outside it)."""
        p = os.path.abspath(path)
        root = self.root
        if root == os.path.abspath(root) and not _double_slash(p, root) and root != os.sep:
            # What os.path.relpath gives, at a fraction of its cost (outside the
            # root it climbs out with "..", and the path is kept whole below).
            under = p.startswith(root + os.sep)
            rel = p[len(root) + 1 :] if under else "." if p == root else p
        else:
            rel = os.path.relpath(p, root)
        if rel.startswith(".."):
            rel = p
        return rel.replace(os.sep, "/")

    def is_excluded(self, path: str) -> bool:
        rel = self.relative(path)
        return any(matches(g, rel) for g in self.exclude)

    def rules_for(self, path: str) -> tuple[ActiveRule, ...]:
        """The active rules minus those ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores or path == "-":
            return self.rules
        rel = self.relative(path)
        off: set[str] = set()
        for glob, codes in self.per_file_ignores:
            if matches(glob, rel):
                off.update(codes)
        if not off:
            return self.rules
        return tuple(a for a in self.rules if a.rule.code not in off)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form (what ``--show-settings --format json`` prints)."""
        return {
            "config": self.config,
            "root": self.root,
            "fail-level": self.fail_level.value,
            "exclude": list(self.exclude),
            "respect-gitignore": self.respect_gitignore,
            "per-file-ignores": {g: list(c) for g, c in self.per_file_ignores},
            "accept": list(self.accept),
            "reject": list(self.reject),
            "packs": list(self.packs),
            "rules": {
                a.rule.code: {
                    "name": a.rule.name,
                    "severity": a.severity.value,
                    "options": _jsonable(a.options),
                }
                for a in self.rules
            },
        }

    def fingerprint(self) -> str:
        """A stable hash of everything that changes findings or exit status."""
        if not self._key:
            import json

            from .cache import new_digest

            data = self.to_dict()
            del data["config"], data["root"]
            blob = json.dumps(data, sort_keys=True, ensure_ascii=False)
            digest = new_digest()
            digest.update(blob.encode())
            object.__setattr__(self, "_key", digest.hexdigest())
        return self._key

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return (self.config, self.root, self.fingerprint()) == (
            other.config,
            other.root,
            other.fingerprint(),
        )

    def __hash__(self) -> int:
        return hash((self.config, self.root, self.fingerprint()))


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return value


class SettingsResolver:
    """Finds and builds the settings for each linted path, caching by
    configuration file (and directory -> configuration file)."""

    def __init__(
        self,
        overrides: Overrides | None = None,
        catalogue: Catalogue | None = None,
        cwd: str | None = None,
    ) -> None:
        self.overrides = overrides or Overrides()
        self.catalogue = catalogue or builtin()
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.packs: tuple[Pack, ...] = ()
        if self.overrides.packs:
            from .packs import catalogue_with, load_packs

            self.packs = load_packs(self.overrides.packs, self.cwd)
            self.catalogue = catalogue_with(self.packs, self.catalogue)
        self._config_of: dict[str, str | None] = {}
        self._by_config: dict[str | None, Settings] = {}
        #: Settings by the directory part of a path, as given (see for_path).
        self._by_directory: dict[str, Settings] = {}
        o = self.overrides
        if o.config and o.isolated:
            raise UsageError("--config and --isolated cannot be used together")
        self._check_command_line(self.catalogue, early=True)
        self._fixed: Settings | None = None
        if o.isolated:
            self._fixed = self._build(None, self.cwd)
        elif o.config:
            path = os.path.abspath(o.config)
            if not os.path.isfile(path):
                raise ConfigError(f"{o.config}: configuration file not found")
            # As in ruff, globs in a file given with --config are relative to
            # the current directory; its vocabulary is still next to it.
            self._fixed = self._build(load_config(path, self.catalogue), self.cwd)

    def _check_command_line(self, catalogue: Catalogue, *, early: bool = False) -> None:
        """Every ``--select``/``--extend-select``/``--ignore`` selector must name a rule.

        Before any configuration file is read (``early``), a selector that may
        name a rule of a pack a configuration file loads is left for later.
        """
        o = self.overrides
        for where, selectors in (
            ("--select", o.select or ()),
            ("--extend-select", o.extend_select),
            ("--ignore", o.ignore),
        ):
            for s in selectors:
                if catalogue.resolve(s):
                    continue
                if early and not o.isolated and _may_name_a_pack_rule(s):
                    continue
                resolve(catalogue, [s], where)

    def for_path(self, path: str) -> Settings:
        """The settings for a file (``-`` is stdin: the current directory's)."""
        if path == "-":
            return self.for_directory(self.cwd)
        directory, name = os.path.split(path)
        if name in ("", ".", ".."):
            return self.for_directory(os.path.dirname(os.path.abspath(path)))
        # Every file of a directory has the same settings: resolve them once.
        settings = self._by_directory.get(directory)
        if settings is None:
            settings = self.for_directory(os.path.dirname(os.path.abspath(path)))
            self._by_directory[directory] = settings
        return settings

    def for_directory(self, directory: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        config = self.find_config(os.path.abspath(directory))
        settings = self._by_config.get(config)
        if settings is None:
            if config is None:
                settings = self._build(None, self.cwd)
            else:
                loaded = load_config(config, self.catalogue)
                settings = self._build(loaded, os.path.dirname(config))
            self._by_config[config] = settings
        return settings

    def find_config(self, directory: str) -> str | None:
        """The nearest configuration file in ``directory`` or above it."""
        visited = []
        d = directory
        found: str | None = None
        while True:
            if d in self._config_of:
                found = self._config_of[d]
                break
            visited.append(d)
            found = config_in(d)
            if found is not None:
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        for v in visited:
            self._config_of[v] = found
        return found

    def _build(self, config: ConfigFile | None, root: str) -> Settings:
        cat = self.catalogue
        packs = self.packs
        if config is not None and config.catalogue is not None:
            cat = config.catalogue
            packs = tuple(dict.fromkeys((*packs, *config.packs)))
        self._check_command_line(cat)
        values: Mapping[str, Any] = config.values if config else {}
        where = display_path(config.path) if config else ""
        o = self.overrides
        layers = [
            Layer(
                select=values.get("select"),
                extend_select=values.get("extend-select", ()),
                ignore=(*values.get("ignore", ()), *values.get("extend-ignore", ())),
                where=where,
            ),
            Layer(select=o.select, extend_select=o.extend_select, ignore=o.ignore),
        ]
        chosen = select_codes(cat, layers)
        severities = apply_severities(cat, dict(values.get("severity", ())))
        if config is not None:
            vocab_dir = os.path.join(config.directory, VOCABULARY_DIR)
        else:
            vocab_dir = os.path.join(root, VOCABULARY_DIR)
        accept: tuple[str, ...] = ()
        reject: tuple[str, ...] = ()
        if not o.isolated:
            accept = read_vocabulary(os.path.join(vocab_dir, "accept.txt"))
            reject = read_vocabulary(os.path.join(vocab_dir, "reject.txt"))
        given = dict(values.get("rules", ()))
        rules = []
        for r in cat:
            if r.code not in chosen:
                continue
            options = dict(r.options)
            options.update(given.get(r.name, {}))
            if "languagetool" in r.options:
                server = o.languagetool or dict(values.get("languagetool", ())).get("url")
                if server:
                    options["languagetool"] = server
            for key, vocab in (("accept", accept), ("reject", reject)):
                if key in r.options:
                    options[key] = list(
                        dict.fromkeys([*vocab, *given.get(r.name, {}).get(key, [])])
                    )
            rules.append(ActiveRule(r, severities[r.code], options))
        per_file = tuple(
            (glob, tuple(dict.fromkeys(rr.code for rr in resolve(cat, sels, where))))
            for glob, sels in values.get("per-file-ignores", ())
        )
        return Settings(
            config=config.path if config else None,
            root=root,
            rules=tuple(rules),
            fail_level=o.fail_level or values.get("fail-level", Severity.INFO),
            exclude=(*values.get("exclude", DEFAULT_EXCLUDE), *values.get("extend-exclude", ())),
            respect_gitignore=values.get("respect-gitignore", True),
            per_file_ignores=per_file,
            accept=accept,
            reject=reject,
            packs=tuple(f"{p.name}@{p.digest[:12]}" for p in packs),
        )


def _may_name_a_pack_rule(selector: str) -> bool:
    """A code or prefix outside ``NL`` (``DSK``, ``DSK001``) or a kebab-case name."""
    import re

    s = selector.strip()
    if re.fullmatch(r"[A-Za-z]{2,4}\d{0,3}", s):
        return not s.upper().startswith("NL")
    return bool(re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", s))
