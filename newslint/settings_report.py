"""``newslint check --show-settings FILE``: the resolved settings, for people or as JSON."""

from __future__ import annotations

import json

from .config import display_path
from .rule import _toml_value
from .settings import Settings


def render_settings(path: str, settings: Settings, output_format: str = "text") -> str:
    rules = settings.rules_for(path)
    if output_format == "json":
        data = settings.to_dict()
        data["file"] = path
        data["excluded"] = path != "-" and settings.is_excluded(path)
        data["rules"] = {
            k: v for k, v in data["rules"].items() if k in {a.rule.code for a in rules}
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    lines = [
        f"file: {path}",
        f"config: {display_path(settings.config) if settings.config else '(none: defaults)'}",
        f"root: {display_path(settings.root)}",
        f"excluded: {'yes' if path != '-' and settings.is_excluded(path) else 'no'}",
        f"fail-level: {settings.fail_level.value}",
        f"exclude: {_toml_value(list(settings.exclude))}",
        f"respect-gitignore: {_toml_value(settings.respect_gitignore)}",
        f"accept: {_entries(len(settings.accept))}",
        f"reject: {_entries(len(settings.reject))}",
        f"packs: {', '.join(settings.packs) or '(none)'}",
        f"rules ({len(rules)}):",
    ]
    for a in rules:
        changed = {k: v for k, v in a.options.items() if a.rule.options.get(k) != v}
        extra = "".join(f" {k}={_toml_value(v)}" for k, v in changed.items())
        lines.append(f"  {a.rule.code} {a.rule.name} {a.severity.value}{extra}")
    return "\n".join(lines) + "\n"


def _entries(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"
