"""Manifests: the packages a project asks for, before a lockfile resolves them (npm's
package.json, Python's pyproject.toml).

Many projects keep no lockfile in their repository (a library's is not published), and an
audit is often handed the manifest alone; `scan` refused it as no SBOM. The project is a
package too (its name is screened, as a lockfile's root is, and so is its author: the
manifest of an app's SDK names its maker there), and each dependency of every section npm
installs from is one record under it. A version range (`^3.4.0`) names no one version: the
package URL then carries none. A pyproject.toml is read alike: its `[project]` name and
authors, `dependencies` and `optional-dependencies` (PEP 621), and Poetry's dependency
tables.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from ..errors import InputError
from .encodings import file_text
from .graph import Component, DependencyGraph, purl_of
from .lockfiles import npm_project, pypi_requirement

SECTIONS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
# An exact version (`3.4.0`, `=3.4.0`, `v3.4.0`); anything else is a range, a tag, a path,
# a git or tarball URL.
_EXACT = re.compile(r"^[=v]?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$")


def read_npm_manifest(path: Path) -> DependencyGraph:
    try:
        data = json.loads(file_text(path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable package.json: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a package.json (not a JSON object)")
    graph = DependencyGraph("")
    author = _author(data.get("author"))
    graph.add(npm_project(data, (("author", author),) if author else ()))
    for section in SECTIONS:
        deps: Any = data.get(section)
        if deps is None:
            continue
        if not isinstance(deps, dict):
            graph.errors.append((section, section, "not an object of package names"))
            continue
        for dep, spec in deps.items():
            ref = f"{section}/{dep}"
            if not isinstance(spec, str):
                graph.errors.append((ref, "version", f"not a version string: {spec!r}"[:120]))
                continue
            exact = _EXACT.match(spec.strip())
            namespace, _, short = dep.rpartition("/")
            pinned = exact.group(1) if exact else ""
            purl = purl_of("npm", namespace, short, pinned)
            graph.add(Component(ref, short, namespace, pinned, purl))
            graph.depend("", ref)
    return graph


def read_pyproject(path: Path) -> DependencyGraph:
    try:
        data = tomllib.loads(file_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable pyproject.toml: {exc}") from exc
    project = _table(data.get("project"))
    poetry = _table(_table(data.get("tool")).get("poetry"))
    name = str(project.get("name") or poetry.get("name") or "")
    version = str(project.get("version") or poetry.get("version") or "")
    authors = [*_list(project.get("authors")), *_list(poetry.get("authors"))]
    makers = tuple(("author", m) for a in authors if (m := _author(a)))
    graph = DependencyGraph("")
    root = purl_of("pypi", "", name.lower(), version) if name else ""
    if root:
        graph.add(Component("", name, "", version, root, makers=makers))
    else:  # not screened, nor its makers
        graph.add(Component("", "(project)", version=version, structural=True))
    lists = {"dependencies": project.get("dependencies")}
    for extra, deps in _table(project.get("optional-dependencies")).items():
        lists[f"optional-dependencies.{extra}"] = deps
    for section, deps in lists.items():
        if deps is None:
            continue
        if not isinstance(deps, list):
            graph.errors.append((section, section, "not a list of requirements"))
            continue
        for number, line in enumerate(deps, start=1):
            ref = f"{section}[{number}]"
            component = pypi_requirement(ref, line.strip()) if isinstance(line, str) else None
            if component is None:
                graph.errors.append((ref, "requirement", f"not a requirement: {line!r}"[:120]))
                continue
            graph.add(component)
            graph.depend("", ref)
    tables = {"tool.poetry.dependencies": poetry.get("dependencies")}
    for group, table in _table(poetry.get("group")).items():
        tables[f"tool.poetry.group.{group}.dependencies"] = _table(table).get("dependencies")
    for section, deps in tables.items():
        if deps is None:
            continue
        if not isinstance(deps, dict):
            graph.errors.append((section, section, "not a table of packages"))
            continue
        for dep, spec in deps.items():
            if dep.lower() == "python":
                continue  # the interpreter, not a package
            text = spec.get("version", "") if isinstance(spec, dict) else spec
            exact = _EXACT.match(text.strip()) if isinstance(text, str) else None
            pinned = exact.group(1) if exact else ""
            ref = f"{section}/{dep}"
            graph.add(Component(ref, dep, "", pinned, purl_of("pypi", "", dep.lower(), pinned)))
            graph.depend("", ref)
    return graph


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _author(value: Any) -> str:
    """PEP 621's {name, email} or Poetry's "Name <email>"."""
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return ""
    return value.split("<", 1)[0].strip()
