"""More lockfiles as dependency graphs: Gradle's `gradle.lockfile`, Poetry's `poetry.lock`
and Yarn's `yarn.lock` (the v1 format and Berry's YAML).

Each is read with the format's own parser where Python has one: `poetry.lock` is TOML
(tomllib), Berry's `yarn.lock` is YAML; Yarn v1's own format and Gradle's lockfile are
plain lines. A lockfile names every resolved package; Poetry and Yarn also name what each
depends on, so the location is a dependency path where the file gives one.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from .encodings import file_text
from .graph import Component, DependencyGraph, purl_of, read_lines

ROOT = "(lockfile)"


def read_gradle_lockfile(path: Path) -> DependencyGraph:
    """`group:artifact:version=configuration,…` lines; `empty=` lists no package."""
    graph = DependencyGraph.under(ROOT)
    for number, line in enumerate(read_lines(path), start=1):
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("empty="):
            continue
        coord = line.split("=", 1)[0]
        parts = coord.split(":")
        if len(parts) != 3:
            graph.errors.append(
                (f"line {number}", "coordinates", f"not group:artifact:version: {coord[:80]!r}")
            )
            continue
        group, artifact, version = parts
        ref = coord
        graph.add(
            Component(ref, artifact, group, version, purl_of("maven", group, artifact, version))
        )
        graph.depend(ROOT, ref)
    return graph


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_poetry_lock(path: Path) -> DependencyGraph:
    try:
        data = tomllib.loads(file_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable poetry.lock: {exc}") from exc
    graph = DependencyGraph.under(ROOT)
    packages = data.get("package") or []
    names = {_norm(str(p.get("name", ""))) for p in packages if isinstance(p, dict)}
    depended: set[str] = set()
    for package in packages:
        if not isinstance(package, dict) or not package.get("name"):
            continue
        name, version = _norm(str(package["name"])), str(package.get("version", ""))
        graph.add(
            Component(name, str(package["name"]), "", version, purl_of("pypi", "", name, version))
        )
        for dep in package.get("dependencies") or {}:
            if _norm(dep) in names:
                graph.depend(name, _norm(dep))
                depended.add(_norm(dep))
    graph.hang_loose(depended)
    return graph


_V1_KEY = re.compile(r'^"?(@?[^@"\s]+)@')


def _unquoted(text: str) -> str:
    return text.strip().strip('"')


def _yarn_name(spec: str) -> str:
    """`"@babel/core@^7.12.3"` → `@babel/core`; Berry writes `lodash@npm:^4.17.21`."""
    match = _V1_KEY.match(_unquoted(spec))
    return match.group(1) if match else _unquoted(spec)


def read_yarn_lock(path: Path) -> DependencyGraph:
    text = "\n".join(read_lines(path))
    entries = _berry(text) if "__metadata:" in text else _yarn_v1(text)
    graph = DependencyGraph.under(ROOT)
    by_spec: dict[str, str] = {}
    for specs, version, _ in entries:
        name = _yarn_name(specs[0])
        ref = f"{name}@{version}"
        scope, _, bare = name.rpartition("/")
        graph.add(Component(ref, bare, scope, version, purl_of("npm", scope, bare, version)))
        for spec in specs:
            by_spec[_unquoted(spec)] = ref
    depended: set[str] = set()
    for specs, _, deps in entries:
        ref = by_spec[_unquoted(specs[0])]
        for dep_name, dep_range in deps.items():
            child = by_spec.get(f"{dep_name}@{dep_range}") or by_spec.get(
                f"{dep_name}@npm:{dep_range}"
            )
            if child is not None:
                graph.depend(ref, child)
                depended.add(child)
    graph.hang_loose(depended)
    return graph


def _yarn_v1(text: str) -> list[tuple[list[str], str, dict[str, str]]]:
    """Yarn v1's own format: an unindented key line of specs, indented fields, an indented
    `dependencies:` block of `name "range"` lines."""
    entries: list[tuple[list[str], str, dict[str, str]]] = []
    specs: list[str] | None = None
    version, in_deps = "", False
    deps: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            if specs is not None:
                entries.append((specs, version, deps))
            specs = [s.strip() for s in line.rstrip(":").split(",")]
            version, deps, in_deps = "", {}, False
        elif line.startswith("    ") and in_deps:
            name, _, wanted = line.strip().partition(" ")
            deps[name.strip('"')] = _unquoted(wanted)
        else:
            key, _, value = line.strip().partition(" ")
            in_deps = key in ("dependencies:", "optionalDependencies:")
            if key == "version":
                version = _unquoted(value)
    if specs is not None:
        entries.append((specs, version, deps))
    return entries


def _berry(text: str) -> list[tuple[list[str], str, dict[str, str]]]:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"not a readable yarn.lock (Berry YAML): {exc}") from exc
    entries = []
    for key, value in (data or {}).items():
        if key == "__metadata" or not isinstance(value, dict):
            continue
        deps = {str(k): str(v) for k, v in (value.get("dependencies") or {}).items()}
        entries.append(
            ([s.strip() for s in str(key).split(",")], str(value.get("version", "")), deps)
        )
    return entries
