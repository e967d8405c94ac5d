"""Validated packs kept as pickles in the user cache directory, keyed by their content.

Parsing and validating the YAML packs, converting an imported list and normalising every
registry name are most of a command's start-up. The key is a hash of every input file's
bytes and of the caller's key strings, of the source of the modules whose results are
pickled (the model, the registry, matching and list sources), and of the versions of
banscreen, Python and the normalising libraries: an edited pack, a new list version, changed
code or an upgrade is a different key and is built again. A damaged entry is ignored and
rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from ..settings import cache_dir

T = TypeVar("T")
_FORMAT = "1"
# Entries kept per kind: every new list version, code change or upgrade writes new ones
# (tens of MB each with a large list), so the least recently used beyond these are deleted.
KEEP = 8
_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def package_version(name: str) -> str:
    """An installed distribution's version ("unknown" when it is not installed): looked up
    once per process, as a start-up reads several keys that name the same libraries.

    Read from the name of its `.dist-info` folder where there is one (the version it was
    installed as): a start-up reads five, and importlib.metadata parses each one's
    metadata file, some 8 ms apiece."""
    found = _dist_info_versions().get(_normal_name(name))
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def _normal_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def _dist_info_versions() -> dict[str, str]:
    """Distribution name → version, from the `name-version.dist-info` folders on sys.path
    (the first found wins, as imports do)."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            stem = entry.removesuffix(".dist-info")
            if stem != entry and stem.count("-") == 1:
                dist, _, installed = stem.partition("-")
                found.setdefault(_normal_name(dist), installed)
    return found


@lru_cache(maxsize=1)
def code_digest() -> bytes:
    digest = hashlib.sha256()
    modules = [_PACKAGE / "model.py"]
    for package in ("registry", "match", "sources"):
        modules.extend(sorted((_PACKAGE / package).glob("*.py")))
    for path in modules:
        digest.update(path.read_bytes())
    for dependency in ("pypinyin", "opencc", "rigour", "rapidfuzz", "ftfy"):
        if (found := package_version(dependency)) != "unknown":
            digest.update(f"{dependency}={found}".encode())
    return digest.digest()


def cached(kind: str, files: Sequence[Path], build: Callable[[], T], key: Sequence[str] = ()) -> T:
    """`build()`, or its result from an earlier run with the same inputs: the bytes of
    `files` and the strings in `key`."""
    digest = hashlib.sha256(f"{_FORMAT}|{package_version('banscreen')}|{sys.version}".encode())
    digest.update(code_digest())
    for part in key:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    try:
        for path in files:
            digest.update(str(path).encode() + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    except OSError:  # let build() meet the unreadable file and say so in its own words
        return build()
    entry = cache_dir() / f"{kind}-{digest.hexdigest()[:24]}.pickle"
    with contextlib.suppress(Exception):  # a missing or damaged entry: build it again
        with entry.open("rb") as fh:
            value: T = pickle.load(fh)
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: kept by the next prune
        return value
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        _prune(kind)
    return value


def _prune(kind: str) -> None:
    """Delete all but the `KEEP` most recently used entries of `kind`. A process still
    reading a deleted entry reads on (POSIX); one about to open it builds it again."""
    name = re.compile(rf"{re.escape(kind)}-[0-9a-f]{{24}}\.pickle")
    with contextlib.suppress(OSError):
        found = [p for p in cache_dir().iterdir() if name.fullmatch(p.name)]
        found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[KEEP:]:
            old.unlink(missing_ok=True)
