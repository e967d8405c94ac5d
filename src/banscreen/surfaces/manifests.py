"""npm's package.json: the packages a project asks for, before a lockfile resolves them.

Many projects keep no lockfile in their repository (a library's is not published), and an
audit is often handed the manifest alone; `scan` refused it as no SBOM. The project is a
package too (its name is screened, as a lockfile's root is, and so is its author: the
manifest of an app's SDK names its maker there), and each dependency of every section npm
installs from is one record under it. A version range (`^3.4.0`) names no one version: the
package URL then carries none.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from .graph import Component, DependencyGraph, purl_of

SECTIONS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
# An exact version (`3.4.0`, `=3.4.0`, `v3.4.0`); anything else is a range, a tag, a path,
# a git or tarball URL.
_EXACT = re.compile(r"^[=v]?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$")


def read_npm_manifest(path: Path) -> DependencyGraph:
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable package.json: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a package.json (not a JSON object)")
    name, version = data.get("name"), str(data.get("version") or "")
    namespace, _, short = name.strip().rpartition("/") if isinstance(name, str) else ("", "", "")
    root = purl_of("npm", namespace, short, version) if short else ""
    graph = DependencyGraph("")
    author = data.get("author")
    if isinstance(author, dict):
        author = author.get("name")
    makers = (("author", author.strip()),) if isinstance(author, str) and author.strip() else ()
    if root:
        graph.add(Component("", short, namespace, version, root, makers=makers))
    else:
        graph.add(Component("", str(name or "(project)"), version=version, structural=True))
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
