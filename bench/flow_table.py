"""A table of data/matching.yaml written as YAML flow mappings, wrapped at 96 columns, as the
build scripts of its large tables write them (build_hanja_readings.py,
build_cantonese_readings.py, build_spelling_models.py)."""

from __future__ import annotations

import yaml


def _key(key: str) -> str:
    """A key YAML would read as something else ("on", "no": booleans) quoted."""
    plain = isinstance(next(iter(yaml.safe_load(f"{key}: x"))), str)
    return key if plain else repr(key)


def _wrapped(line: str, items: list[str], indent: str) -> list[str]:
    lines = []
    for item in items:
        if len(line) + len(item) + 2 > 96:
            lines.append(line.rstrip())
            line = indent
        line += item + ", "
    lines.append(line.rstrip(", ") + "}")
    return lines


def flow_mapping(name: str, table: dict[str, str]) -> str:
    """`name: {key: value, ...}`."""
    items = [f"{_key(key)}: {value}" for key, value in table.items()]
    return "\n".join(_wrapped(f"{name}: {{", items, "  "))


def flow_nested(name: str, table: dict[str, dict[str, float]], digits: int) -> str:
    """`name:` and one `  key: {inner: number, ...}` per key, sorted; each inner mapping
    most likely first, numbers to `digits` significant digits."""
    lines = [f"{name}:"]
    for outer in sorted(table):
        inner = sorted(table[outer].items(), key=lambda kv: (-kv[1], kv[0]))
        items = [f"{_key(k)}: {float(f'{v:.{digits}g}')}" for k, v in inner]
        lines.extend(_wrapped(f"  {_key(outer)}: {{", items, "    "))
    return "\n".join(lines)
