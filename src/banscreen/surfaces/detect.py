"""Which surface a file is, from its name and its first bytes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError
from .apps import read_apk, read_inventory, read_ipa
from .domains import read_domains
from .payments import read_payments
from .sbom import read_sbom
from .scan import ScanItem, ScanOptions

SURFACES = ("payments", "apps", "sbom", "domains")
Reader = Callable[[Path, ScanOptions], Iterator[ScanItem]]


def _head(path: Path, size: int = 8192) -> str:
    with path.open("rb") as fh:
        return fh.read(size).decode("utf-8", errors="replace")


def _sbom(kind: str) -> Reader:
    return lambda path, options: read_sbom(path, kind, options)


def detect(path: Path, surface: str | None = None) -> tuple[str, Reader]:
    """(surface, reader) for `path`; `surface` narrows the choice to one family."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if surface is not None and surface not in SURFACES:
        raise InputError(f"unknown surface {surface!r}; expected one of {', '.join(SURFACES)}")
    name = path.name.lower()
    suffix = path.suffix.lower()
    head = _head(path)
    if suffix == ".apk":
        return "apps", read_apk
    if suffix == ".ipa":
        return "apps", read_ipa
    if name == "podfile.lock":
        return "sbom", _sbom("cocoapods")
    if name == "package-lock.json" or '"lockfileVersion"' in head:
        return "sbom", _sbom("npm")
    if suffix == ".spdx" or "SPDXVersion:" in head or '"spdxVersion"' in head:
        return "sbom", _sbom("spdx")
    if '"bomFormat"' in head or "cyclonedx.org/schema/bom" in head:
        return "sbom", _sbom("cyclonedx")
    if name == "pom.xml" or "maven.apache.org/POM" in head:
        return "sbom", _sbom("maven")
    if "pacs.008" in head or "pain.001" in head or (suffix == ".xml" and surface == "payments"):
        return "payments", read_payments
    if re.search(r"^[+\\]--- \S+:\S+", head, re.MULTILINE):
        return "sbom", _sbom("gradle")
    if name.startswith("requirements") and suffix in (".txt", ".in"):
        return "sbom", _sbom("pip")
    if surface == "sbom":
        raise InputError(f"{path}: not a CycloneDX, SPDX, lockfile, Gradle, Maven or pip file")
    if surface == "apps" or _looks_like_inventory(suffix, head):
        return "apps", read_inventory
    if surface in (None, "domains") and suffix in ("", ".txt", ".csv", ".list"):
        return "domains", read_domains
    if surface == "payments":
        raise InputError(
            f"{path}: not an ISO 20022 payment message (pacs.008 or pain.001 XML); "
            "a CSV of transactions is screened with `banscreen screen`"
        )
    if surface is not None:
        raise InputError(f"{path}: not a file the {surface} surface reads")
    raise InputError(
        f"{path}: cannot tell which surface this file is; name one: {', '.join(SURFACES)}"
    )


def _looks_like_inventory(suffix: str, head: str) -> bool:
    first = head.splitlines()[0].lower() if head else ""
    if suffix == ".csv":
        return any(k in first for k in ("package", "bundle", "app_name"))
    if suffix == ".json":
        try:
            return "apps" in head or "package" in json.loads(head).__str__()
        except ValueError:
            return '"apps"' in head or '"package' in head or '"bundle' in head
    return False
