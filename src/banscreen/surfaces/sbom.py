"""Software bills of materials and lockfiles as transactions: one per component.

Every format becomes one dependency graph (components with their package URL, edges from
a component to what it depends on, a root), and every component becomes a `code_use`
transaction screened by its purl, with the shortest path from the root as its location,
so the user sees which dependency pulled an SDK in. A cycle in the graph is reported as
an ERROR record of its own; its components are still screened.

Formats: CycloneDX JSON and XML (cyclonedx-python-lib) and SPDX JSON and tag-value
(spdx-tools) here; npm package-lock.json, CocoaPods Podfile.lock, Gradle `dependencies`
output, Maven pom.xml (direct dependencies) and pip requirements files in lockfiles.py;
more lockfiles in locks.py; npm's package.json and pyproject.toml in manifests.py; the
graph itself in graph.py.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from ..errors import InputError
from .encodings import file_text
from .graph import Component, DependencyGraph, graph_items
from .lockfiles import read_gradle, read_npm_lock, read_podfile_lock, read_pom, read_requirements
from .locks import read_gradle_lockfile, read_poetry_lock, read_yarn_lock
from .manifests import read_npm_manifest, read_pyproject
from .scan import ScanItem, ScanOptions
from .xmlsafe import parse_xml


def read_cyclonedx(path: Path) -> DependencyGraph:
    from cyclonedx.model.bom import Bom
    from cyclonedx.schema.deprecation import BaseSchemaDeprecationWarning

    try:
        # Real SBOMs use fields later versions deprecate (`metadata.tools` as a list): still
        # readable, so the library's deprecation warning is not a reason to refuse them.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", BaseSchemaDeprecationWarning)
            if path.suffix.lower() == ".xml":
                bom = Bom.from_xml(parse_xml(path))  # type: ignore[attr-defined]
            else:
                bom = Bom.from_json(json.loads(file_text(path)))  # type: ignore[attr-defined]
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
    purl = _purl_text(component.purl)
    ref = component.bom_ref.value or purl or name or f"component-{id(component)}"
    return Component(
        ref=ref,
        name=name,
        group=component.group or "",
        version=component.version or "",
        purl=purl,
        cpes=(component.cpe,) if component.cpe else (),
        makers=makers(
            ("supplier", getattr(component.supplier, "name", None)),
            ("manufacturer", getattr(getattr(component, "manufacturer", None), "name", None)),
            ("publisher", component.publisher),
            ("author", component.author),
            *(("author", getattr(a, "name", None)) for a in component.authors or ()),
        ),
    )  # fmt: skip


def makers(*found: tuple[str, object]) -> tuple[tuple[str, str], ...]:
    """Each maker's name once, under the first role it was given in; SPDX's "NOASSERTION"
    and the "Organization: " or "Person: " it writes before a name are not names."""
    out: dict[str, tuple[str, str]] = {}
    for role, value in found:
        name = str(value or "").strip()
        for prefix in ("Organization:", "Person:", "Tool:"):
            name = name.removeprefix(prefix).strip()
        if name and name.upper() not in ("NOASSERTION", "NONE"):
            out.setdefault(name.casefold(), (role, name))
    return tuple(out.values())


def _purl_text(purl: Any) -> str:
    """A component's package URL as text. One with a lone surrogate escaped in the JSON
    ("\\ud800") cannot be written as one (it is percent-encoded from UTF-8): its parts
    are joined as given, and the record is an ERROR for it (batch/pipeline.py)."""
    if not purl:
        return ""
    try:
        return str(purl)
    except UnicodeError:
        named = "/".join(p for p in (purl.type, purl.namespace, purl.name) if p)
        return f"pkg:{named}" + (f"@{purl.version}" if purl.version else "")


# ---------------------------------------------------------------------------- SPDX
# The reference types a CPE name is given by: SPDX 2's external references, SPDX 3's
# external identifiers.
_SPDX_CPE_TYPES = frozenset({"cpe23Type", "cpe22Type", "cpe23", "cpe22"})


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
        cpes = tuple(ref.locator for ref in package.external_references
                     if ref.reference_type in _SPDX_CPE_TYPES)  # fmt: skip
        found = makers(("supplier", getattr(package.supplier, "name", None)),
                       ("originator", getattr(package.originator, "name", None)))  # fmt: skip
        graph.add(Component(package.spdx_id, package.name, "", str(version), purl,
                            makers=found, cpes=cpes))  # fmt: skip
    for relation in document.relationships:
        kind = relation.relationship_type
        source, target = relation.spdx_element_id, str(relation.related_spdx_element_id)
        if kind in (RelationshipType.DEPENDS_ON, RelationshipType.CONTAINS):
            graph.depend(source, target)
        elif kind in (RelationshipType.DEPENDENCY_OF, RelationshipType.CONTAINED_BY):
            graph.depend(target, source)
    return graph


# ---------------------------------------------------------------------------- npm


def read_spdx3(path: Path) -> DependencyGraph:
    """SPDX 3.0 JSON-LD: `software_Package` elements in `@graph`, `dependsOn`/`contains`
    relationships, the document's root elements. (spdx-tools reads SPDX 2 only.)"""
    try:
        data = json.loads(file_text(path))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a readable SPDX 3 document: {exc}") from exc
    elements = [e for e in data.get("@graph", []) if isinstance(e, dict)]
    packages = {e["spdxId"]: e for e in elements if e.get("type") == "software_Package"}
    roots = [
        str(r) for e in elements if e.get("type") in ("SpdxDocument", "software_Sbom")
        for r in e.get("rootElement", []) if r in packages
    ]  # fmt: skip
    graph = DependencyGraph.under("(document)")
    for ref, package in packages.items():
        purl = str(package.get("software_packageUrl") or "") or next(
            (str(x.get("identifier")) for x in package.get("externalIdentifier", [])
             if isinstance(x, dict) and x.get("externalIdentifierType") == "packageUrl"), "",
        )  # fmt: skip
        cpes = tuple(str(x.get("identifier")) for x in package.get("externalIdentifier", [])
                     if isinstance(x, dict) and x.get("externalIdentifierType") in _SPDX_CPE_TYPES
                     and x.get("identifier"))  # fmt: skip
        graph.add(Component(ref, str(package.get("name", ref)), "",
                            str(package.get("software_packageVersion", "")), purl,
                            cpes=cpes))  # fmt: skip
    linked: set[str] = set()
    for rel in elements:
        kind = rel.get("relationshipType")
        if rel.get("type") not in ("Relationship", "LifecycleScopedRelationship"):
            continue
        if kind in ("dependsOn", "contains", "describes"):
            for target in rel.get("to", []):
                if target in packages and (rel.get("from") in packages or kind == "describes"):
                    parent = rel["from"] if rel.get("from") in packages else "(document)"
                    graph.depend(parent, target)
                    linked.add(target)
    for ref in packages:
        if ref in roots or ref not in linked:
            graph.depend("(document)", ref)  # every package is screened
    return graph


GRAPH_READERS = {
    "cyclonedx": read_cyclonedx,
    "spdx": read_spdx,
    "npm": read_npm_lock,
    "npm-manifest": read_npm_manifest,
    "pyproject": read_pyproject,
    "cocoapods": read_podfile_lock,
    "gradle": read_gradle,
    "maven": read_pom,
    "spdx3": read_spdx3,
    "gradle-lockfile": read_gradle_lockfile,
    "poetry": read_poetry_lock,
    "yarn": read_yarn_lock,
}


def read_sbom(path: Path, kind: str, options: ScanOptions) -> Iterator[ScanItem]:
    if kind == "pip":
        yield from read_requirements(path, options)
        return
    yield from graph_items(GRAPH_READERS[kind](path), options)
