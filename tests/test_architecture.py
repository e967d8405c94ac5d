"""The layout is the architecture: lower layers never import higher ones, no two modules
import each other, no module grows past 400 lines, and every exception banscreen raises on
purpose is in its error tree."""

from __future__ import annotations

import ast
import builtins
import inspect
from pathlib import Path

import pytest

import banscreen
from banscreen import errors

SRC = Path(banscreen.__file__).parent
# Each top-level module or package of banscreen, by layer: a module may import only from
# layers below its own (README, "Architecture").
LAYERS: dict[str, int] = {
    "errors": 0,
    "tunables": 0,
    "facts": 0,
    "identifier_kinds": 0,
    "lazy": 0,
    "listings": 1,
    "model": 2,
    "settings": 1,
    "gcpause": 1,
    "wire": 3,
    "registry": 3,
    "store": 3,
    "match": 4,
    "decide": 5,
    "surfaces": 5,
    "sources": 5,
    "engine": 6,
    "batch": 7,
    "report": 7,
    "spark": 8,
    "web": 8,
    "api": 9,
    "cli": 10,
    "__init__": 10,
}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _package(module: str) -> str:
    return module[: -len(".__init__")] if module.endswith(".__init__") else module.rsplit(".", 1)[0]


def _resolve(name: str) -> str | None:
    """The module a dotted name is, or is inside of."""
    while name:
        if name in MODULES:
            return name
        if f"{name}.__init__" in MODULES:
            return f"{name}.__init__"
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> set[str]:
    """Every banscreen module `module` imports, at the top or inside a function."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package(module).split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join([*base, *([node.module] if node.module else [])])
            else:
                prefix = node.module or ""
            targets = [f"{prefix}.{a.name}" for a in node.names] or [prefix]
        else:
            continue
        for target in targets:
            if target.startswith("banscreen"):
                found = _resolve(target)
                if found is not None and found != module:
                    out.add(found)
    return out


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_has_a_layer() -> None:
    assert {_layer(m) for m in MODULES} <= set(LAYERS)


def test_lower_layers_never_import_higher_ones() -> None:
    wrong = []
    for module in MODULES:
        here = _layer(module)
        for target in _imports(module):
            there = _layer(target)
            if there != here and LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} imports {target} ({here} → {there})")
    assert not wrong, "\n".join(wrong)


def test_no_two_modules_import_each_other() -> None:
    graph = {m: {t for t in _imports(m) if not t.endswith("__init__")} for m in MODULES}
    graph = {m: t for m, t in graph.items() if not m.endswith("__init__")}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])
    assert not cycles, "\n".join(cycles)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_400_lines(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


# Exceptions raised by the frameworks' own contracts: pydantic validators raise ValueError
# (pydantic turns it into a ValidationError, which the loaders report as DataError); the
# HTTP layer raises HTTPException; the CLI exits through typer; a Mapping or Sequence (the
# stored index's tables) raises KeyError or IndexError for a key it does not hold; a module's
# `__getattr__` (PEP 562: names imported on first use) raises AttributeError. Two are
# control flow inside one ASGI middleware each, never raised out of it (_TooLarge, and
# _BodyStalled, a BaseException so the framework's body parsing lets it through).
_FRAMEWORK = {"HTTPException", "Exit", "BadParameter", "_TooLarge", "_BodyStalled",
              "StopIteration", "KeyError", "IndexError", "AttributeError"}  # fmt: skip
_VALIDATOR_MODULES = {
    "banscreen.registry.schema",
    "banscreen.registry.matching",
    "banscreen.registry.table_checks",
    "banscreen.api.app",
    "banscreen.api.models",
}


def test_every_exception_banscreen_raises_is_in_its_error_tree() -> None:
    tree = {name for name, cls in inspect.getmembers(errors, inspect.isclass)}
    stray = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Raise) or node.exc is None:
                continue
            call = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", None)
            if name is None or name in tree or name in _FRAMEWORK:
                continue
            if name == "ValueError" and module in _VALIDATOR_MODULES:
                continue
            if not hasattr(builtins, name) and not name.endswith(("Error", "Exception")):
                continue  # re-raising a caught exception, or the CLI's fail() helper
            stray.append(f"{module}:{node.lineno}: raise {name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and module != "banscreen.errors":
                bases = [getattr(b, "id", getattr(b, "attr", "")) for b in node.bases]
                if node.name not in _FRAMEWORK and any(
                    b.endswith(("Error", "Exception")) for b in bases
                ):
                    stray.append(f"{module}:{node.lineno}: class {node.name} outside errors.py")
    assert not stray, "\n".join(stray)
    for name in tree - {"annotations"}:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.BanscreenError), name


def test_every_tunable_is_in_the_readme_table() -> None:
    from banscreen import tunables

    readme = (SRC.parents[1] / "README.md").read_text(encoding="utf-8")
    names = [n for n in vars(tunables) if n.isupper()]
    assert len(names) >= 15
    for name in names:
        assert f"| `{name}` | {getattr(tunables, name):,} |" in readme, name
