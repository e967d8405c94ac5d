"""Open the stored name index of a registry, building and storing it first if need be.

An index is stored once per content key: the registry's version (a digest of every pack
file and of every imported list version it holds), its entity and name counts, the
matching config, the source of the modules that shape the index, and the versions of
Python, banscreen and the libraries that normalise names. Any change is a new key, so a
stale index is never opened; one whose manifest or records do not check out is reported,
deleted and built again. Indexes live in the cache directory under `index/`; the few most
recently used are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..errors import IndexDamaged
from ..registry import Registry
from ..registry.cache import code_digest
from ..settings import cache_dir
from .freetext import FreeTextIndex
from .index import NameIndex
from .normalize import Normaliser
from .stored import (
    FORMAT,
    IndexReader,
    IndexWriter,
    check_manifest,
    dump,
    load,
    write_manifest,
)

_log = logging.getLogger("banscreen.index")
# Stored indexes kept besides the one just built (each list version and pack set has one).
KEEP = 4
_LIBRARIES = ("lmdb", "msgpack", "rapidfuzz", "pypinyin", "opencc", "rigour", "wordfreq")


def index_key(registry: Registry) -> str:
    """The content key of a registry's name index (see the module docstring)."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}|{registry.version}".encode())
    digest.update(code_digest())
    for library in _LIBRARIES:
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"|{library}={version(library)}".encode())
    names = sum(len(e.names) for e in registry.entities.values())
    digest.update(f"|{len(registry.entities)}|{names}|".encode())
    digest.update(registry.matching.model_dump_json().encode())
    return digest.hexdigest()


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
        names = NameIndex(registry.entities, config, normaliser)
        return names, FreeTextIndex(names, config)
    key = index_key(registry)
    path = index_root() / key[:32]
    if path.exists():
        try:
            return _open(path, key, registry, normaliser)
        except IndexDamaged as exc:
            _log.warning("banscreen: %s; building the name index again", exc)
            shutil.rmtree(path, ignore_errors=True)
    names = NameIndex(registry.entities, config, normaliser)
    free_text = FreeTextIndex(names, config)
    try:
        _store(path, key, names, free_text)
    except OSError as exc:  # a read-only or full cache: screen from memory this time
        _log.warning("banscreen: could not store the name index (%s)", exc)
        return names, free_text
    return _open(path, key, registry, normaliser)


def build_index(registry: Registry, normaliser: Normaliser) -> Path:
    """Build and store `registry`'s index unless it is stored already (`lists import`)."""
    path = index_root() / index_key(registry)[:32]
    open_indexes(registry, normaliser)
    return path


def _open(
    path: Path, key: str, registry: Registry, normaliser: Normaliser
) -> tuple[NameIndex, FreeTextIndex]:
    manifest = check_manifest(path, key, full=False)
    reader = IndexReader(path)
    names = load(NameIndex, reader, "names", config=registry.matching, normaliser=normaliser)
    if len(names.entries) != manifest["counts"].get("names.entries"):
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
            (p for p in root.iterdir() if p.is_dir() and p != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in found[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
