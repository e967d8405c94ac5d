"""A table of data/matching.yaml written as one YAML flow mapping, wrapped at 96 columns, as
the build scripts of its large tables write them (build_hanja_readings.py,
build_cantonese_readings.py)."""

from __future__ import annotations

import yaml


def flow_mapping(name: str, table: dict[str, str]) -> str:
    """`name: {key: value, ...}`; a key YAML would read as something else ("on", "no":
    booleans) is quoted."""
    items = []
    for key, value in table.items():
        plain = isinstance(next(iter(yaml.safe_load(f"{key}: x"))), str)
        items.append(f"{key if plain else repr(key)}: {value}")
    lines, line = [], f"{name}: {{"
    for item in items:
        if len(line) + len(item) + 2 > 96:
            lines.append(line.rstrip())
            line = "  "
        line += item + ", "
    lines.append(line.rstrip(", ") + "}")
    return "\n".join(lines)
