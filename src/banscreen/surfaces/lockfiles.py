"""Lockfiles and build files as dependency graphs: npm package-lock.json, CocoaPods
Podfile.lock, Gradle `dependencies` output, Maven pom.xml (direct dependencies) and pip
requirements files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from .encodings import file_text
from .graph import Component, DependencyGraph, graph_items, purl_of, read_lines
from .scan import ScanItem, ScanOptions, error_item
from .xmlsafe import parse_xml


def read_npm_lock(path: Path) -> DependencyGraph:
    try:
        data = json.loads(file_text(path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable package-lock.json: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a package-lock.json (not a JSON object)")
    graph = DependencyGraph("")
    graph.add(npm_project(data))
    raw_packages = data.get("packages") or {}
    if not isinstance(raw_packages, dict):
        raise InputError(f"{path}: 'packages' is not an object")
    packages: dict[str, dict[str, Any]] = {}
    for key, info in raw_packages.items():
        if isinstance(info, dict):
            packages[key] = info
        else:
            graph.errors.append((key or "(root)", "package", "not a JSON object"))
    if packages:
        for key, info in packages.items():
            if key:
                pkg = str(info.get("name") or key.rsplit("node_modules/", 1)[-1])
                ns, _, short = pkg.rpartition("/")
                version = str(info.get("version", ""))
                graph.add(Component(key, short, ns, version, purl_of("npm", ns, short, version)))
        for key, info in packages.items():
            # The project's own devDependencies are installed too; peers since npm 7.
            sections = ["dependencies", "optionalDependencies", "peerDependencies"]
            sections += ["devDependencies"] if not key else []
            wanted = [
                dep
                for section in sections
                if isinstance(info.get(section), dict)
                for dep in info[section]
            ]
            for dep in wanted:
                target = _node_resolve(packages, key, dep)
                if target is not None:
                    graph.depend(key, target)
    else:  # lockfileVersion 1: a nested dependencies tree
        dependencies = data.get("dependencies")
        _npm_v1(graph, "", dependencies if isinstance(dependencies, dict) else {})
    return graph


def npm_project(data: dict[str, Any], makers: tuple[tuple[str, str], ...] = ()) -> Component:
    """The project of a package-lock.json or package.json, a package too: screened by its
    name as a CycloneDX document's own component is (the lockfile of an app's SDK names the
    SDK only there); a structural node when its name makes no package URL (none, or
    "@scope/"), which is not screened, nor are its makers."""
    name, version = data.get("name"), str(data.get("version") or "")
    ns, _, short = name.strip().rpartition("/") if isinstance(name, str) else ("", "", "")
    purl = purl_of("npm", ns, short, version) if short else ""
    if purl:
        return Component("", short, ns, version, purl, makers=makers)
    return Component("", str(name or "(root)"), version=version, structural=True)


def _node_resolve(packages: dict[str, Any], key: str, dep: str) -> str | None:
    """Where Node would find `dep` required from the package at `key`."""
    base = key
    while True:
        candidate = f"{base}/node_modules/{dep}" if base else f"node_modules/{dep}"
        if candidate in packages:
            return candidate
        if not base:
            return None
        base = base.rsplit("/node_modules/", 1)[0] if "/node_modules/" in base else ""


def _npm_v1(graph: DependencyGraph, parent: str, deps: dict[str, Any]) -> None:
    for pkg, info in deps.items():
        key = f"{parent}/node_modules/{pkg}" if parent else f"node_modules/{pkg}"
        if not isinstance(info, dict):
            graph.errors.append((key, "package", "not a JSON object"))
            continue
        ns, _, short = str(pkg).rpartition("/")
        version = str(info.get("version", ""))
        graph.add(Component(key, short, ns, version, purl_of("npm", ns, short, version)))
        graph.depend(parent, key)
        nested = info.get("dependencies")
        _npm_v1(graph, key, nested if isinstance(nested, dict) else {})


# ---------------------------------------------------------------------------- CocoaPods
_POD = re.compile(r"^\s*([^\s(]+)\s*(?:\(([^)]*)\))?\s*$")


def read_podfile_lock(path: Path) -> DependencyGraph:
    try:
        data = yaml.safe_load(file_text(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not a readable Podfile.lock: {exc}") from exc
    if not isinstance(data, dict) or "PODS" not in data:
        raise InputError(f"{path}: not a Podfile.lock (no PODS section)")
    graph = DependencyGraph.under("Podfile")
    versions: dict[str, str] = {}
    pods = data.get("PODS") or []
    if not isinstance(pods, list):
        raise InputError(f"{path}: PODS is not a list")
    for number, entry in enumerate(pods, start=1):
        spec, children = (
            next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, [])
        )
        match = _POD.match(str(spec))
        if not match or not isinstance(children, list):
            where = f"PODS entry {number}"
            graph.errors.append(
                (where, "pod", f"not 'Name (version)' with a list: {str(entry)[:80]!r}")
            )
            continue
        name, version = match.group(1), (match.group(2) or "").strip()
        root_name, _, subspec = name.partition("/")
        versions[name] = version
        # A subspec ("SomePod/Core") is its pod's package with a subpath: its own id.
        purl = purl_of("cocoapods", "", root_name, version, subspec)
        graph.add(Component(name, name, "", version, purl))
        for child in children:
            child_match = _POD.match(str(child))
            if child_match:
                graph.depend(name, child_match.group(1))
    top_level = data.get("DEPENDENCIES") or []
    for top in top_level if isinstance(top_level, list) else []:
        match = _POD.match(str(top))
        if match:
            graph.depend("Podfile", match.group(1))
    return graph


# ---------------------------------------------------------------------------- Gradle
_GRADLE_LINE = re.compile(
    r"^(?P<indent>(?:[|+\\ ]    |\|    )*)[+\\]--- (?P<coord>\S+)(?P<rest>.*)$"
)


def read_gradle(path: Path) -> DependencyGraph:
    """`gradle dependencies` output: one tree per configuration."""
    graph = DependencyGraph.under("(build)")
    stack: list[str] = []
    config = "(build)"
    for line in read_lines(path):
        match = _GRADLE_LINE.match(line)
        if match is None:
            if re.match(r"^\w[\w-]* - ", line):
                config = line.split(" - ", 1)[0]
                graph.add(Component(config, config, structural=True))
                graph.depend("(build)", config)
                stack = []
            continue
        depth = len(match.group("indent")) // 5
        coord = match.group("coord")
        rest = match.group("rest")
        parts = coord.split(":")
        if len(parts) < 2:
            continue
        group, artifact = parts[0], parts[1]
        version = parts[2] if len(parts) > 2 else ""
        resolved = re.search(r"->\s*(\S+)", rest)
        if resolved:
            version = resolved.group(1)
        ref = f"{group}:{artifact}:{version}"
        graph.add(
            Component(ref, artifact, group, version, purl_of("maven", group, artifact, version))
        )
        del stack[depth:]
        graph.depend(stack[-1] if stack else config, ref)
        stack.append(ref)
    return graph


# ---------------------------------------------------------------------------- Maven
def read_pom(path: Path) -> DependencyGraph:
    root = parse_xml(path)

    def text(element: Any, name: str) -> str:
        found = next((c for c in element if _local(c.tag) == name), None)
        return (found.text or "").strip() if found is not None else ""

    properties: dict[str, str] = {}
    for child in root:
        if _local(child.tag) == "properties":
            properties = {_local(p.tag): (p.text or "").strip() for p in child}
    group, artifact = text(root, "groupId"), text(root, "artifactId")
    project = f"{group}:{artifact}"
    graph = DependencyGraph(project)
    version = text(root, "version")
    # The project is screened by its coordinates, as an npm lockfile's (read_npm_lock).
    purl = purl_of("maven", group, artifact, version) if artifact else ""
    graph.add(Component(project, artifact, group, version, purl, structural=not purl))
    for section in root:
        if _local(section.tag) != "dependencies":
            continue
        for dep in section:
            if _local(dep.tag) != "dependency":
                continue
            g, a = text(dep, "groupId"), text(dep, "artifactId")
            version = re.sub(
                r"\$\{([^}]+)\}",
                lambda m: properties.get(m.group(1), m.group(0)),
                text(dep, "version"),
            )
            ref = f"{g}:{a}:{version}"
            graph.add(
                Component(
                    ref,
                    a,
                    g,
                    version,
                    purl_of("maven", g, a, version if "${" not in version else ""),
                )
            )
            graph.depend(project, ref)
    return graph


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# ---------------------------------------------------------------------------- pip
_REQUIREMENT = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(==|===|>=|~=|<=|>|<|!=)\s*([^\s;#,]+))?"
)


def read_requirements(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """One record per requirement line; option lines (-r, -e, --index-url) are errors."""
    graph = DependencyGraph.under(path.name)
    errors: list[ScanItem] = []
    for number, raw in enumerate(read_lines(path), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        component = pypi_requirement(f"line {number}", line)
        if line.startswith("-") or component is None:
            message = f"not a requirement we can screen: {line[:80]!r}"
            errors.append(error_item(f"line {number}", f"line {number}", "requirement", message))
            continue
        graph.add(component)
        graph.depend(path.name, component.ref)
    yield from errors
    yield from graph_items(graph, options)


def pypi_requirement(ref: str, line: str) -> Component | None:
    """The package a PEP 508 requirement names (a requirements file's line, a
    pyproject.toml's dependency), its version only when pinned (`==`); None for no
    requirement."""
    match = _REQUIREMENT.match(line)
    if match is None:
        return None
    name = match.group(1)
    version = match.group(3) if match.group(2) in ("==", "===") else ""
    return Component(ref, name, "", version, purl_of("pypi", "", name.lower(), version))
