"""One dependency graph for every SBOM and lockfile format: components with their package
URL, edges from a component to what it depends on, a root; and the graph as transactions,
one `code_use` per component located by its shortest path from the root. A cycle is a
note on each of its components, not an ERROR: a fact about the graph."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from packageurl import PackageURL

from ..errors import InputError
from ..model import COMPONENT, CounterpartyIdentifier, Nexus, Transaction
from .encodings import file_text
from .scan import ScanItem, ScanOptions, error_item


@dataclass
class Component:
    ref: str
    name: str
    group: str = ""
    version: str = ""
    purl: str = ""
    structural: bool = False  # a file, configuration or project node, not a dependency
    # Who the document says made or supplies it, as (role, name): CycloneDX's supplier,
    # manufacturer, publisher and authors, SPDX's supplier and originator. Screened by name
    # as further parties: a listed maker's library is found whatever the library is called.
    makers: tuple[tuple[str, str], ...] = ()
    # Its CPE names (CycloneDX's `cpe`, SPDX's cpe23Type and cpe22Type references): a
    # device's or a binary's, which often has no package URL, name its vendor.
    cpes: tuple[str, ...] = ()


@dataclass
class DependencyGraph:
    root: str
    components: dict[str, Component] = field(default_factory=dict)
    edges: dict[str, list[str]] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (location, field, why)

    @classmethod
    def under(cls, root: str) -> DependencyGraph:
        """An empty graph under a root that is not a package itself (the file, the build)."""
        graph = cls(root)
        graph.add(Component(root, root, structural=True))
        return graph

    def add(self, component: Component) -> None:
        self.components.setdefault(component.ref, component)

    def hang_loose(self, depended: set[str]) -> None:
        """Every component nothing depends on hangs from the root: a top-level package."""
        for ref in list(self.components):
            if ref != self.root and ref not in depended:
                self.depend(self.root, ref)

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
    # npm's scoped packages are written @scope/name; Maven's group:artifact.
    joint = "/" if component.group.startswith("@") else ":"
    name = f"{component.group}{joint}{component.name}" if component.group else component.name
    return f"{name}@{component.version}" if component.version else name


def graph_items(graph: DependencyGraph, options: ScanOptions) -> Iterator[ScanItem]:
    paths = graph.paths()
    for location, field_name, message in graph.errors:
        yield error_item(location, location, field_name, message)
    # A cycle is a fact about the graph (npm has them: metro, es-abstract), not a broken
    # input: each component on one says so in the JSON output, and the scan carries on.
    notes: dict[str, list[str]] = {}
    for cycle in graph.cycles():
        text = "dependency cycle: " + " > ".join(_label(graph, ref) for ref in cycle)
        for ref in dict.fromkeys(cycle):
            notes.setdefault(ref, []).append(text)
    for ref, component in graph.components.items():
        if component.structural:
            continue  # every package is screened, the document's root too (by its name)
        chain = paths.get(ref, [ref])
        location = " > ".join(_label(graph, r) for r in chain)
        identifiers = tuple(
            CounterpartyIdentifier(kind, value)
            for kind, value in (("purl", component.purl), *(("cpe", c) for c in component.cpes))
            if value
        )
        words = f"{component.group or _namespace(component.purl)} {component.name}".strip()
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
                parties=(((COMPONENT, words),) if words else ()) + component.makers,
                location=location,
            ),
            notes=tuple(notes.get(ref, ())),
        )


def purl_of(kind: str, namespace: str, name: str, version: str, subpath: str = "") -> str:
    """The package URL, or "" for coordinates that make none (the row then says why)."""
    try:
        return PackageURL(
            type=kind, namespace=namespace or None, name=name, version=version or None,
            subpath=subpath or None,
        ).to_string()  # fmt: skip
    except (ValueError, TypeError):  # packageurl raises either on odd coordinates
        return ""


# ---------------------------------------------------------------------------- CycloneDX


def read_lines(path: Path) -> list[str]:
    try:
        return file_text(path).splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc


def _namespace(purl: str) -> str:
    """The package URL's namespace (an npm scope, a Maven group, a Go module's host and
    organisation: "github.com/acme"), for a component whose document gives no group: who
    publishes a package names its maker as well as its name does ("@acme/sdk")."""
    if not purl:
        return ""
    try:
        return PackageURL.from_string(purl).namespace or ""
    except ValueError:
        return ""
