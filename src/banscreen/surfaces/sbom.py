"""Software bills of materials and lockfiles as transactions: one per component.

Every format becomes one dependency graph (components with their package URL, edges from
a component to what it depends on, a root), and every component becomes a `code_use`
transaction screened by its purl, with the shortest path from the root as its location,
so the user sees which dependency pulled an SDK in. A cycle in the graph is reported as
an ERROR record of its own; its components are still screened.

Formats: CycloneDX JSON and XML (cyclonedx-python-lib), SPDX JSON and tag-value
(spdx-tools), npm package-lock.json, CocoaPods Podfile.lock, Gradle `dependencies`
output, Maven pom.xml (direct dependencies) and pip requirements files.
"""

from __future__ import annotations

import json
import os
import re
from collections import deque
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from packageurl import PackageURL

from ..errors import InputError
from ..model import COMPONENT, CounterpartyIdentifier, Nexus, Transaction
from .scan import ScanItem, ScanOptions, error_item
from .xmlsafe import parse_xml


@dataclass
class Component:
    ref: str
    name: str
    group: str = ""
    version: str = ""
    purl: str = ""
    structural: bool = False  # a file, configuration or project node, not a dependency


@dataclass
class DependencyGraph:
    root: str
    components: dict[str, Component] = field(default_factory=dict)
    edges: dict[str, list[str]] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (location, field, why)

    def add(self, component: Component) -> None:
        self.components.setdefault(component.ref, component)

    def depend(self, parent: str, child: str) -> None:
        children = self.edges.setdefault(parent, [])
        if child not in children:
            children.append(child)

    def paths(self) -> dict[str, list[str]]:
        """Shortest path from the root to every reachable component."""
        found = {self.root: [self.root]}
        queue = deque([self.root])
        while queue:
            node = queue.popleft()
            for child in self.edges.get(node, ()):
                if child not in found:
                    found[child] = [*found[node], child]
                    queue.append(child)
        return found

    def cycles(self) -> list[list[str]]:
        """One path around each dependency cycle (iterative depth-first search)."""
        colour: dict[str, int] = {}
        out: list[list[str]] = []
        for start in [self.root, *self.edges]:
            if colour.get(start):
                continue
            stack: list[tuple[str, int]] = [(start, 0)]
            trail: list[str] = []
            while stack:
                node, i = stack.pop()
                if i == 0:
                    colour[node] = 1
                    trail.append(node)
                children = self.edges.get(node, [])
                if i < len(children):
                    stack.append((node, i + 1))
                    child = children[i]
                    if colour.get(child) == 1:
                        out.append([*trail[trail.index(child) :], child])
                    elif not colour.get(child):
                        stack.append((child, 0))
                else:
                    colour[node] = 2
                    trail.pop()
        return out


def _label(graph: DependencyGraph, ref: str) -> str:
    component = graph.components.get(ref)
    if component is None:
        return ref
    name = f"{component.group}:{component.name}" if component.group else component.name
    return f"{name}@{component.version}" if component.version else name


def graph_items(graph: DependencyGraph, options: ScanOptions) -> Iterator[ScanItem]:
    paths = graph.paths()
    for location, field_name, message in graph.errors:
        yield error_item(location, location, field_name, message)
    for cycle in graph.cycles():
        text = " > ".join(_label(graph, ref) for ref in cycle)
        yield error_item(text, cycle[0], "dependencies", f"dependency cycle: {text}")
    for ref, component in graph.components.items():
        if component.structural or (ref == graph.root and not component.purl):
            continue
        chain = paths.get(ref, [ref])
        location = " > ".join(_label(graph, r) for r in chain)
        identifiers = (CounterpartyIdentifier("purl", component.purl),) if component.purl else ()
        words = f"{component.group} {component.name}".strip()
        yield ScanItem(
            location,
            ref,
            Transaction(
                id=component.purl or ref,
                date=options.as_of,
                category=options.category or "code_use",
                counterparty_name="",
                identifiers=identifiers,
                us_nexus=options.us_nexus or Nexus.UNKNOWN,
                parties=((COMPONENT, words),) if words else (),
                location=location,
            ),
        )


def _purl(kind: str, namespace: str, name: str, version: str) -> str:
    """The package URL, or "" for coordinates that make none (the row then says why)."""
    try:
        return PackageURL(
            type=kind, namespace=namespace or None, name=name, version=version or None
        ).to_string()
    except (ValueError, TypeError):  # packageurl raises either on odd coordinates
        return ""


# ---------------------------------------------------------------------------- CycloneDX
def read_cyclonedx(path: Path) -> DependencyGraph:
    from cyclonedx.model.bom import Bom

    try:
        if path.suffix.lower() == ".xml":
            bom = Bom.from_xml(parse_xml(path))  # type: ignore[attr-defined]
        else:
            bom = Bom.from_json(json.loads(path.read_text("utf-8")))  # type: ignore[attr-defined]
    except InputError:
        raise
    except Exception as exc:  # the library raises many unrelated types on bad input
        raise InputError(f"{path}: not a readable CycloneDX document: {exc}") from exc
    root_component = bom.metadata.component
    root = _cdx_component(root_component) if root_component is not None else None
    graph = DependencyGraph(root.ref if root is not None else "(root)")
    if root is not None:
        graph.add(root)
    for component in bom.components:
        graph.add(_cdx_component(component))
    for dependency in bom.dependencies:
        for child in dependency.dependencies:
            if dependency.ref.value and child.ref.value:
                graph.depend(dependency.ref.value, child.ref.value)
    if not bom.dependencies:
        for ref in list(graph.components):
            if ref != graph.root:
                graph.depend(graph.root, ref)
    return graph


def _cdx_component(component: Any) -> Component:
    name = component.name or ""
    ref = component.bom_ref.value or str(component.purl or name or f"component-{id(component)}")
    return Component(
        ref=ref,
        name=name,
        group=component.group or "",
        version=component.version or "",
        purl=str(component.purl) if component.purl else "",
    )


# ---------------------------------------------------------------------------- SPDX
def read_spdx(path: Path) -> DependencyGraph:
    from spdx_tools.spdx.model.relationship import RelationshipType
    from spdx_tools.spdx.parser.parse_anything import parse_file

    try:
        # The tag-value grammar (ply) prints while it builds its tables: keep stdout clean.
        with open(os.devnull, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
            document = parse_file(str(path))
    except Exception as exc:  # spdx-tools raises SPDXParsingError and others
        raise InputError(f"{path}: not a readable SPDX document: {exc}") from exc
    described = [
        r.related_spdx_element_id
        for r in document.relationships
        if r.relationship_type == RelationshipType.DESCRIBES
    ]
    graph = DependencyGraph(str(described[0]) if described else "SPDXRef-DOCUMENT")
    for package in document.packages:
        purl = next(
            (ref.locator for ref in package.external_references if ref.reference_type == "purl"),
            "",
        )
        version = package.version or ""
        graph.add(Component(package.spdx_id, package.name, "", str(version), purl))
    for relation in document.relationships:
        kind = relation.relationship_type
        source, target = relation.spdx_element_id, str(relation.related_spdx_element_id)
        if kind in (RelationshipType.DEPENDS_ON, RelationshipType.CONTAINS):
            graph.depend(source, target)
        elif kind in (RelationshipType.DEPENDENCY_OF, RelationshipType.CONTAINED_BY):
            graph.depend(target, source)
    return graph


# ---------------------------------------------------------------------------- npm
def read_npm_lock(path: Path) -> DependencyGraph:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable package-lock.json: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a package-lock.json (not a JSON object)")
    graph = DependencyGraph("")
    root_name = str(data.get("name") or "(root)")
    graph.add(Component("", root_name, version=str(data.get("version", "")), structural=True))
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
                graph.add(Component(key, short, ns, version, _purl("npm", ns, short, version)))
        for key, info in packages.items():
            wanted = [
                dep
                for section in ("dependencies", "optionalDependencies")
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
        graph.add(Component(key, short, ns, version, _purl("npm", ns, short, version)))
        graph.depend(parent, key)
        nested = info.get("dependencies")
        _npm_v1(graph, key, nested if isinstance(nested, dict) else {})


# ---------------------------------------------------------------------------- CocoaPods
_POD = re.compile(r"^\s*([^\s(]+)\s*(?:\(([^)]*)\))?\s*$")


def read_podfile_lock(path: Path) -> DependencyGraph:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not a readable Podfile.lock: {exc}") from exc
    if not isinstance(data, dict) or "PODS" not in data:
        raise InputError(f"{path}: not a Podfile.lock (no PODS section)")
    graph = DependencyGraph("Podfile")
    graph.add(Component("Podfile", "Podfile", structural=True))
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
        root_name = name.split("/")[0]
        versions[name] = version
        graph.add(Component(name, name, "", version, _purl("cocoapods", "", root_name, version)))
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
    graph = DependencyGraph("(build)")
    graph.add(Component("(build)", "(build)", structural=True))
    stack: list[str] = []
    config = "(build)"
    for line in _lines(path):
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
            Component(ref, artifact, group, version, _purl("maven", group, artifact, version))
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
    graph.add(Component(project, artifact, group, text(root, "version"), structural=True))
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
                    ref, a, g, version, _purl("maven", g, a, version if "${" not in version else "")
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
    graph = DependencyGraph(path.name)
    graph.add(Component(path.name, path.name, structural=True))
    errors: list[ScanItem] = []
    for number, raw in enumerate(_lines(path), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        match = _REQUIREMENT.match(line)
        if line.startswith("-") or match is None:
            message = f"not a requirement we can screen: {line[:80]!r}"
            errors.append(error_item(f"line {number}", f"line {number}", "requirement", message))
            continue
        name = match.group(1)
        version = match.group(3) if match.group(2) in ("==", "===") else ""
        ref = f"line {number}"
        graph.add(Component(ref, name, "", version, _purl("pypi", "", name.lower(), version)))
        graph.depend(path.name, ref)
    yield from errors
    yield from graph_items(graph, options)


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc


GRAPH_READERS = {
    "cyclonedx": read_cyclonedx,
    "spdx": read_spdx,
    "npm": read_npm_lock,
    "cocoapods": read_podfile_lock,
    "gradle": read_gradle,
    "maven": read_pom,
}


def read_sbom(path: Path, kind: str, options: ScanOptions) -> Iterator[ScanItem]:
    if kind == "pip":
        yield from read_requirements(path, options)
        return
    yield from graph_items(GRAPH_READERS[kind](path), options)
