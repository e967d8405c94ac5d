"""Open the stored name index of a registry, building and storing it first if need be.

An index is stored once per content key: every entity's id, type and names, the matching
config, the source of the modules that shape the index, and the versions of Python and of
the libraries that normalise names and store the index. Any change is a new key, so a
stale index is never opened; one whose manifest or records do not check out is reported,
deleted and built again. Indexes live in the cache directory under `index/`; the few most
recently used are kept. `lists import` builds the index of the lists it leaves, so the
next command opens it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import sys
import time
from pathlib import Path

from ..errors import IndexDamaged
from ..gcpause import paused
from ..registry import Registry
from ..registry.cache import code_digest, package_version
from ..settings import cache_dir
from .freetext import FreeTextIndex
from .index import NameIndex
from .normalize import Normaliser
from .progress import stage
from .stored import WRITE_ERRORS, IndexWriter, dump, load
from .tables import FORMAT, check_manifest, forget_reader, open_reader, write_manifest

_log = logging.getLogger("banscreen.index")
# Stored indexes kept besides the one just built (each list version and pack set has one).
KEEP = 4
KEEP_KEYS = 256
_LIBRARIES = ("lmdb", "msgpack", "rapidfuzz", "pypinyin", "opencc", "rigour", "wordfreq")


def index_key(registry: Registry) -> str:
    """The content key of a registry's name index: of what shapes it (code, libraries,
    config) and of every entity's id, type and names. Two registries with the same names
    (a list seen `dated` and `newest` while it has one version) share one index. Hashing
    every name takes a tenth of a second with a large list, so the key is remembered per
    registry version (a digest of its pack files and list versions)."""
    shape = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    shape.update(code_digest())
    shape.update(_library_versions().encode())
    shape.update(registry.matching.key().encode())
    by_version = shape.copy()
    by_version.update(f"|{registry.version}|{len(registry.entities)}".encode())
    memo = index_root() / "keys" / by_version.hexdigest()[:32]
    with contextlib.suppress(OSError):
        remembered = memo.read_text().strip()
        if len(remembered) == 64:
            return remembered
    parts = []
    for entity in registry.entities.values():
        parts.append(f"\x1e{entity.id}\x1f{entity.type}")
        for n in entity.names:
            parts.append(
                f"\x1f{n.value}\x1d{n.kind}\x1d{n.script}\x1d{n.free_text:d}{n.package_word:d}"
            )
    shape.update("".join(parts).encode("utf-8", "surrogatepass"))
    key = shape.hexdigest()
    with contextlib.suppress(OSError):
        memo.parent.mkdir(parents=True, exist_ok=True)
        tmp = memo.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(key)
        os.replace(tmp, memo)
    return key


def _library_versions() -> str:
    """The versions of the libraries that shape the index."""
    found = ((library, package_version(library)) for library in _LIBRARIES)
    return "".join(f"|{library}={v}" for library, v in found if v != "unknown")


def index_root() -> Path:
    return cache_dir() / "index"


def open_indexes(
    registry: Registry, normaliser: Normaliser, stored: bool = True
) -> tuple[NameIndex, FreeTextIndex]:
    """The name and free-text indexes of `registry`: opened from storage when built before,
    else built, stored and opened. With `stored` false (or when the cache directory cannot
    be written) they are built and kept in memory only."""
    config = registry.matching
    if not stored:
        with paused():
            names = NameIndex(registry.entities, config, normaliser)
            return names, FreeTextIndex(names, config)
    key = index_key(registry)
    path = index_root() / key[:32]
    if path.exists():
        try:
            return _open(path, key, registry, normaliser)
        except IndexDamaged as exc:
            _log.warning("banscreen: %s; building the name index again", exc)
            forget_reader(path)
            shutil.rmtree(path, ignore_errors=True)
    with paused():
        names = NameIndex(registry.entities, config, normaliser)
        stage("indexing free-text phrases")
        free_text = FreeTextIndex(names, config)
        try:
            stage("writing the index")
            _store(path, key, names, free_text)
        except WRITE_ERRORS as exc:  # a read-only or full cache: screen from memory this time
            _log.warning("banscreen: could not store the name index (%s)", exc)
            return names, free_text
    return _open(path, key, registry, normaliser)


def _open(
    path: Path, key: str, registry: Registry, normaliser: Normaliser
) -> tuple[NameIndex, FreeTextIndex]:
    manifest = check_manifest(path, key)
    reader = open_reader(path)
    names = load(NameIndex, reader, "names", config=registry.matching, normaliser=normaliser,
                 entities=registry.entities)  # fmt: skip
    if len(names.entries) != manifest["counts"].get("names._entry_records"):
        raise IndexDamaged("stored index does not hold the names its manifest counts")
    free_text = load(FreeTextIndex, reader, "free_text", names=names)
    with contextlib.suppress(OSError):  # marks it recently used, for pruning
        os.utime(path)
    return names, free_text


def _store(path: Path, key: str, names: NameIndex, free_text: FreeTextIndex) -> None:
    """Write to a private directory, then rename it into place: a reader never sees half an
    index, and of two processes building the same one the first to finish wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        writer = IndexWriter(tmp)
        dump(names, writer, "names")
        dump(free_text, writer, "free_text")
        writer.close()
        write_manifest(tmp, key, writer.counts)
        try:
            os.rename(tmp, path)
        except OSError:
            if not path.exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(path)


def _prune(keep: Path) -> None:
    """Delete all but the most recently used stored indexes (and stray partial builds)."""
    root = keep.parent
    with contextlib.suppress(OSError):
        found = sorted(
            (p for p in root.iterdir() if p.is_dir() and p != keep and p.name != "keys"),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in found[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
        # Remembered keys (a few bytes each), one per registry version ever opened.
        keys = sorted((root / "keys").iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in keys[KEEP_KEYS:]:
            old.unlink(missing_ok=True)
