"""Names a package exports but imports only when first asked for (PEP 562).

A package's `__init__` that imported every module it re-exports would make each command pay
for all of them: `import banscreen.cli` would load the engine, the list importers, lxml and
pydantic before it knew which command was run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports each name from its module in
    `homes` (relative to the package) on first use, and keeps it."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home, package), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
