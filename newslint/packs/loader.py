"""Reading a pack folder: ``pack.yml`` and one YAML file per rule.

Every problem is a :class:`PackError`, one line naming the file, the rule and
the key, e.g. ``style/desk/we-say.yml: rule we-say: key 'swap': expected a
mapping of observed -> preferred words, got a list``.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..findings import Severity
from ..rule import CATEGORIES, Example, Rule
from . import checks
from .regex import PatternError, compile_pattern
from .scopes import SCOPES

PACK_FILE = "pack.yml"
_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_PREFIX = re.compile(r"^[A-Z]{2,4}$")
#: Built-in rules use this code prefix; no pack may.
RESERVED_PREFIX = "NL"

TYPES = ("existence", "substitution", "consistency", "capitalization", "occurrence", "conditional")
_COMMON = {
    "code", "name", "type", "message", "severity", "category", "default", "scope",
    "what", "why", "notes", "examples", "ignorecase",
}  # fmt: skip
_TYPE_KEYS = {
    "existence": {"tokens", "patterns", "exceptions"},
    "substitution": {"swap", "fix"},
    "consistency": {"groups"},
    "capitalization": {"style", "exceptions"},
    "occurrence": {"tokens", "patterns", "exceptions", "max", "min"},
    "conditional": {"pattern", "definition", "exceptions"},
}
_FIELDS = {
    "existence": {"match"},
    "substitution": {"match", "preferred"},
    "consistency": {"match", "preferred"},
    "capitalization": {"match", "expected", "style"},
    "occurrence": {"match", "count", "max", "min"},
    "conditional": {"match"},
}
_DEFAULT_SCOPE = {
    "existence": ("article",),
    "substitution": ("article",),
    "consistency": ("article",),
    "capitalization": ("headline", "subhead"),
    "occurrence": ("sentence",),
    "conditional": ("article",),
}
#: Types that count per unit take one scope.
_ONE_SCOPE = {"consistency", "occurrence"}
DEFAULT_DEFINITION = r"\({match}\)|{match} \([^)]*\)"


class PackError(UsageError):
    """A pack that cannot be used (exit 2)."""


@dataclass(frozen=True, eq=False)
class Pack:
    name: str
    prefix: str
    description: str
    path: Path
    rules: tuple[Rule, ...]
    #: Shipped with newslint, or a local folder.
    shipped: bool = False
    #: SHA-256 of the pack's files (names and contents): changes when a rule does.
    digest: str = ""


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@dataclass(frozen=True)
class _Where:
    """Where a value is, for messages."""

    path: str
    rule: str | None = None

    def fail(self, key: str | None, message: str) -> PackError:
        parts = [self.path]
        if self.rule:
            parts.append(f"rule {self.rule}")
        if key:
            parts.append(f"key '{key}'")
        return PackError(": ".join([*parts, message]))

    def expected(self, key: str, what: str, value: Any) -> PackError:
        got = repr(value) if isinstance(value, str) else describe(value)
        return self.fail(key, f"expected {what}, got {got}")


def read_yaml(path: Path, display: str) -> Any:
    """Parse a YAML file; duplicate keys are errors, not silently the last one."""
    import yaml

    loader_base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(loader_base):  # type: ignore[misc, valid-type]
        pass

    def mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in out:
                line = key_node.start_mark.line + 1
                raise PackError(f"{display}:{line}: key {key!r} appears twice")
            out[key] = loader.construct_object(value_node, deep=deep)
        return out

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(
            f"{display}: cannot read: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{display}:{mark.line + 1}:{mark.column + 1}" if mark else display
        raise PackError(f"{where}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{display}: invalid YAML: {exc}") from None


def load_pack(folder: Path, display: str, *, shipped: bool = False) -> Pack:
    """Load and check every rule of the pack in ``folder``."""
    meta_path = folder / PACK_FILE
    meta_display = f"{display}/{PACK_FILE}"
    if not meta_path.is_file():
        raise PackError(
            f"{display}: not a pack: no {PACK_FILE} (it names the pack and its code prefix)"
        )
    meta = read_yaml(meta_path, meta_display)
    where = _Where(meta_display)
    if not isinstance(meta, dict):
        raise where.fail(
            None, f"expected a mapping with name, prefix, description, got {describe(meta)}"
        )
    _unknown(where, meta, {"name", "prefix", "description"})
    name = _required_str(where, meta, "name")
    if not _KEBAB.match(name):
        raise where.fail("name", f"expected a kebab-case name like 'desk-style', got {name!r}")
    prefix = _required_str(where, meta, "prefix")
    if not _PREFIX.match(prefix) or prefix.startswith(RESERVED_PREFIX):
        raise where.fail(
            "prefix",
            f"expected 2 to 4 capital letters not starting with {RESERVED_PREFIX} "
            f"(reserved for built-in rules), got {prefix!r}",
        )
    description = _required_str(where, meta, "description")
    files = sorted(
        p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.name != PACK_FILE
    )
    if not files:
        raise PackError(f"{display}: the pack has no rule files (one *.yml file per rule)")
    rules: list[Rule] = []
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for path in files:
        r = load_rule(path, f"{display}/{path.name}", pack=name, prefix=prefix)
        file_display = f"{display}/{path.name}"
        if r.code in codes:
            raise _Where(file_display, r.name).fail(
                "code", f"{r.code} is also used by {codes[r.code]}"
            )
        if r.name in names:
            raise _Where(file_display, r.name).fail(
                "name", f"{r.name!r} is also used by {names[r.name]}"
            )
        codes[r.code] = file_display
        names[r.name] = file_display
        rules.append(r)
    digest = hashlib.sha256()
    for path in [meta_path, *files]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return Pack(name, prefix, description, folder, tuple(rules), shipped, digest.hexdigest())


def load_rule(path: Path, display: str, *, pack: str, prefix: str) -> Rule:
    """Check one rule file and compile it to a :class:`Rule`."""
    data = read_yaml(path, display)
    if not isinstance(data, dict):
        raise _Where(display).fail(None, f"expected a mapping of rule keys, got {describe(data)}")
    name = data.get("name", path.stem)
    if not isinstance(name, str) or not _KEBAB.match(name):
        raise _Where(display).fail("name", f"expected a kebab-case rule name, got {name!r}")
    where = _Where(display, name)
    rule_type = _required_str(where, data, "type")
    if rule_type not in TYPES:
        raise where.fail(
            "type", f"unknown type {rule_type!r} (expected one of: {', '.join(TYPES)})"
        )
    _unknown(where, data, _COMMON | _TYPE_KEYS[rule_type])
    code = _required_str(where, data, "code")
    if not re.fullmatch(rf"{prefix}\d{{3}}", code):
        raise where.fail(
            "code",
            f"expected the pack prefix {prefix} and three digits ({prefix}001), got {code!r}",
        )
    message = _required_str(where, data, "message")
    _check_fields(where, message, _FIELDS[rule_type])
    severity_text = data.get("severity", "warning")
    try:
        severity = Severity.parse(severity_text) if isinstance(severity_text, str) else None
    except ValueError:
        severity = None
    if severity is None:
        raise where.expected("severity", "one of error, warning, info", severity_text)
    category = data.get("category", "style")
    if category not in CATEGORIES:
        raise where.expected("category", f"one of {', '.join(CATEGORIES)}", category)
    default = _bool(where, data, "default", True)
    ignorecase = _bool(where, data, "ignorecase", True)
    scopes = _scopes(where, data, rule_type)
    template = checks.Template(message)
    check, fix_text = _BUILDERS[rule_type](where, data, scopes, template, ignorecase)
    bad, good = _examples(where, data.get("examples"))
    return Rule(
        code=code,
        name=name,
        category=category,
        severity=severity,
        message=_summary(message),
        what=_required_str(where, data, "what"),
        why=_required_str(where, data, "why"),
        check=check,
        bad=bad,
        good=good,
        default_enabled=default,
        fix=fix_text,
        fixable=bool(fix_text),
        origin=pack,
        notes=_optional_str(where, data, "notes"),
    )


def _unknown(where: _Where, data: Mapping[str, Any], allowed: set[str]) -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise where.fail(str(key), f"unknown key{hint}; expected: {', '.join(sorted(allowed))}")


def _required_str(where: _Where, data: Mapping[str, Any], key: str) -> str:
    if key not in data:
        raise where.fail(key, "missing")
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise where.expected(key, "a non-empty string", value)
    return value


def _optional_str(where: _Where, data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise where.expected(key, "a string", value)
    return value


def _bool(where: _Where, data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise where.expected(key, "true or false", value)
    return value


def _int(where: _Where, data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None and key not in data:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise where.expected(key, "a whole number of 0 or more", value)
    return value


def _strings(
    where: _Where, data: Mapping[str, Any], key: str, *, required: bool = False
) -> tuple[str, ...]:
    if key not in data:
        if required:
            raise where.fail(key, "missing")
        return ()
    value = data[key]
    if not isinstance(value, list) or not value:
        raise where.expected(key, "a non-empty list of strings", value)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            hint = (
                " (quote it: YAML reads yes/no/on/off as true/false)"
                if isinstance(item, bool)
                else ""
            )
            raise where.expected(f"{key}[{i}]", "a non-empty string" + hint, item)
    return tuple(value)


def _patterns(
    where: _Where, data: Mapping[str, Any], key: str, ignorecase: bool
) -> tuple[str, ...]:
    items = _strings(where, data, key)
    for i, p in enumerate(items):
        _regex(where, f"{key}[{i}]", p, ignorecase)
    return items


def _regex(where: _Where, key: str, pattern: str, ignorecase: bool) -> None:
    try:
        compile_pattern(pattern, ignorecase)
    except PatternError as exc:
        raise where.fail(
            key,
            f"regex {pattern!r} cannot be used: {exc} "
            "(newslint runs patterns with RE2, in linear time)",
        ) from None


def _scopes(where: _Where, data: Mapping[str, Any], rule_type: str) -> tuple[str, ...]:
    if "scope" not in data:
        return _DEFAULT_SCOPE[rule_type]
    value = data["scope"]
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(s, str) for s in items):
        raise where.expected("scope", f"one of {', '.join(SCOPES)} or a list of them", value)
    allowed: tuple[str, ...] = SCOPES
    if rule_type == "capitalization":
        allowed = ("headline", "subhead")
    for s in items:
        if s not in allowed:
            raise where.fail(
                "scope",
                f"unknown scope {s!r} for a {rule_type} rule (expected: {', '.join(allowed)})",
            )
    if rule_type in _ONE_SCOPE and len(items) != 1:
        raise where.expected("scope", f"one scope for a {rule_type} rule", value)
    return tuple(items)


def _check_fields(where: _Where, message: str, allowed: set[str]) -> None:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
    except ValueError as exc:
        raise where.fail("message", f"{exc} (write {{{{ and }}}} for literal braces)") from None
    for f in fields:
        if f not in allowed:
            raise where.fail(
                "message",
                f"unknown field {{{f}}} (this rule type offers: "
                + ", ".join(f"{{{a}}}" for a in sorted(allowed))
                + ")",
            )
    try:
        message.format_map({a: "x" for a in allowed})
    except (ValueError, KeyError, IndexError) as exc:
        raise where.fail("message", str(exc)) from None


def _summary(message: str) -> str:
    """The message for the rules table: each field shown as an ellipsis."""
    return string.Formatter().vformat(message, (), _Ellipsis())


class _Ellipsis(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


Builder = Callable[
    [_Where, Mapping[str, Any], tuple[str, ...], checks.Template, bool], tuple[Any, str]
]


def _finder(where: _Where, data: Mapping[str, Any], ignorecase: bool) -> checks.Finder:
    tokens = _strings(where, data, "tokens")
    patterns = _patterns(where, data, "patterns", ignorecase)
    if not tokens and not patterns:
        raise where.fail(
            "tokens", "missing: give tokens (words and phrases), patterns (regexes) or both"
        )
    return checks.Finder(
        tokens, patterns, _patterns(where, data, "exceptions", ignorecase), ignorecase
    )


def _existence(where, data, scopes, template, ignorecase):  # type: ignore[no-untyped-def]
    return checks.Existence(_finder(where, data, ignorecase), scopes, template), ""


def _substitution(where, data, scopes, template, ignorecase):  # type: ignore[no-untyped-def]
    from .regex import normalise

    swap = data.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise where.expected("swap", "a mapping of observed -> preferred words", swap)
    table: dict[str, str] = {}
    for observed, preferred in swap.items():
        if not isinstance(observed, str) or not observed.strip():
            raise where.expected(
                "swap", "observed words as strings (quote yes/no/on/off)", observed
            )
        if not isinstance(preferred, str) or not preferred.strip():
            raise where.expected(f"swap.{observed}", "the preferred words as a string", preferred)
        key = normalise(observed, ignorecase)
        if key in table:
            raise where.fail(f"swap.{observed}", "listed twice (matching ignores case and spacing)")
        table[key] = preferred
    fix = data.get("fix", "safe")
    if fix not in ("safe", "unsafe", "none"):
        raise where.expected("fix", "safe, unsafe or none", fix)
    text = "" if fix == "none" else f"Replaces the words with the preferred form ({fix})."
    return checks.Substitution(tuple(table.items()), scopes, template, ignorecase, fix), text


def _consistency(where, data, scopes, template, ignorecase):  # type: ignore[no-untyped-def]
    from .regex import normalise

    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        raise where.expected(
            "groups", "a list of groups, each a list of two or more spellings", groups
        )
    out = []
    seen: dict[str, str] = {}
    for i, group in enumerate(groups):
        key = f"groups[{i}]"
        if not isinstance(group, list) or len(group) < 2:
            raise where.expected(key, "a list of two or more spellings", group)
        variants = []
        for j, variant in enumerate(group):
            forms = [variant] if isinstance(variant, str) else variant
            if (
                not isinstance(forms, list)
                or not forms
                or not all(isinstance(f, str) and f.strip() for f in forms)
            ):
                raise where.expected(f"{key}[{j}]", "a spelling, or a list of its forms", variant)
            for f in forms:
                k = normalise(f, ignorecase)
                if k in seen:
                    raise where.fail(f"{key}[{j}]", f"{f!r} is listed twice (also in {seen[k]})")
                seen[k] = f"{key}[{j}]"
            variants.append(tuple(forms))
        out.append(tuple(variants))
    return checks.Consistency(tuple(out), scopes[0], template, ignorecase), ""


def _capitalization(where, data, scopes, template, ignorecase):  # type: ignore[no-untyped-def]
    style = data.get("style")
    if style not in checks.CASE_STYLES:
        raise where.expected("style", f"one of {', '.join(checks.CASE_STYLES)}", style)
    exceptions = frozenset(_strings(where, data, "exceptions"))
    return checks.Capitalization(style, scopes, template, exceptions), ""


def _occurrence(where, data, scopes, template, ignorecase):  # type: ignore[no-untyped-def]
    low, high = _int(where, data, "min"), _int(where, data, "max")
    if low is None and high is None:
        raise where.fail("max", "missing: give max, min or both")
    if low is not None and high is not None and low > high:
        raise where.fail("min", f"{low} is more than max ({high})")
    return checks.Occurrence(_finder(where, data, ignorecase), scopes[0], template, high, low), ""


def _conditional(where, data, scopes, template, ignorecase):  # type: ignore[no-untyped-def]
    pattern = _required_str(where, data, "pattern")
    _regex(where, "pattern", pattern, ignorecase)
    definition = data.get("definition", DEFAULT_DEFINITION)
    if not isinstance(definition, str) or "{match}" not in definition:
        raise where.expected("definition", "a regex holding {match}", definition)
    _regex(where, "definition", definition.replace("{match}", "X"), ignorecase)
    exceptions = frozenset(_strings(where, data, "exceptions"))
    check = checks.Conditional(pattern, definition, scopes, template, exceptions, ignorecase)
    return check, ""


_BUILDERS: dict[str, Builder] = {
    "existence": _existence,
    "substitution": _substitution,
    "consistency": _consistency,
    "capitalization": _capitalization,
    "occurrence": _occurrence,
    "conditional": _conditional,
}


def _examples(where: _Where, value: Any) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if not isinstance(value, dict):
        raise where.expected("examples", "a mapping with bad and good lists", value)
    _unknown(
        _Where(where.path, where.rule),
        {f"examples.{k}": v for k, v in value.items()},
        {"examples.bad", "examples.good"},
    )
    out = []
    for kind in ("bad", "good"):
        items = value.get(kind)
        key = f"examples.{kind}"
        if not isinstance(items, list) or not items:
            raise where.expected(key, "a list of one or more examples", items)
        out.append(
            tuple(_example(where, f"{key}[{i}]", item, kind) for i, item in enumerate(items))
        )
    return out[0], out[1]


def _example(where: _Where, key: str, item: Any, kind: str) -> Example:
    if isinstance(item, str):
        return Example(item)
    if not isinstance(item, dict):
        raise where.expected(key, "an article text, or a mapping with text, at and fixed", item)
    allowed = {"text", "at", "fixed"} if kind == "bad" else {"text"}
    _unknown(where, {f"{key}.{k}": v for k, v in item.items()}, {f"{key}.{k}" for k in allowed})
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise where.expected(f"{key}.text", "the article text", text)
    fixed = item.get("fixed")
    if fixed is not None and not isinstance(fixed, str):
        raise where.expected(f"{key}.fixed", "the article text after the fix", fixed)
    at = item.get("at", [])
    pairs = [at] if at and all(isinstance(x, int) for x in at) else at
    if not isinstance(pairs, list) or not all(
        isinstance(p, list)
        and len(p) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in p)
        for p in pairs
    ):
        raise where.expected(f"{key}.at", "a [line, column] pair or a list of them", at)
    return Example(text, at=tuple((p[0], p[1]) for p in pairs), fixed=fixed)
