"""The registry a command screens against: the shipped packs, extra data files, and the
newest good version of each imported list, each version's data built once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..gcpause import paused
from ..match import Normaliser
from ..registry import ImportedData, Registry, load_registry
from ..registry.cache import cached
from .entities import imported_data
from .versions import ListStore, ListVersion


def registry_with_lists(home: Path | None, extra: Sequence[Path | str] = ()) -> Registry:
    """The shipped packs, `extra` files, and the newest good version of each imported list."""
    with paused():
        base = load_registry(extra)
        if home is None:
            return base
        store = ListStore(home)
        versions = store.current()
        if not versions:
            return base
        imported = tuple(imported_for(store, v, base) for v in versions)
        return load_registry(extra, imported)


_CACHE: dict[tuple[Path, str, str], ImportedData] = {}


def imported_for(store: ListStore, version: ListVersion, base: Registry) -> ImportedData:
    """One version's registry data, built once per process (versions never change)."""
    cache_key = (store.root.resolve(), version.id, base.version)
    found = _CACHE.get(cache_key)
    if found is None:

        def build() -> ImportedData:
            content = store.load(version)
            key = Normaliser(base.matching).key
            return imported_data(version.info, content, base.entities, key)

        found = cached(
            "imported",
            [store.version_path(version)],
            build,
            key=(repr(version.info), base.version, base.matching.model_dump_json()),
        )
        if len(_CACHE) >= 16:
            _CACHE.clear()
        _CACHE[cache_key] = found
    return found
