"""The registry a command screens against: the shipped packs, extra data files, and the
imported lists, each list's data built once.

Two ways to see an imported list (`ListsPolicy`): `dated` (the default) holds every party
any version named, with when each was on the list, so a row is judged against the version in
force on its date and against the newest; `newest` holds only the newest version, as a
screen of today's relationships wants.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from ..gcpause import paused
from ..match import Normaliser
from ..registry import ImportedData, Registry, load_registry
from ..registry.cache import cached
from .versions import ListStore, ListVersion


class ListsPolicy(StrEnum):
    dated = "dated"
    newest = "newest"


def registry_with_lists(
    home: Path | None,
    extra: Sequence[Path | str] = (),
    lists: ListsPolicy = ListsPolicy.dated,
    upto: ListVersion | None = None,
    names_only: bool = False,
) -> Registry:
    """The shipped packs, `extra` files, and every imported list seen as `lists` says.

    `upto` makes that version its list's newest (later ones are left out), as a re-screen
    against it needs. `names_only`: the caller reads names and nothing of when parties
    were listed (`match`, `compare`), so a list of one version, whose newest and dated
    views name the same parties, is seen through its dated composition, which `lists
    import` built and cached: composing its newest view again cost the first `match`
    after importing a 40,000-party list 11 s."""
    with paused():
        base = load_registry(extra)
        if home is None:
            return base
        store = ListStore(home)
        names = [v.list for v in store.current()]
        if not names:
            return base
        imported = []
        for name in names:
            history = store.history(name)
            if upto is not None and upto.list == name:
                history = history[: history.index(upto) + 1]
            if lists is ListsPolicy.newest and not (names_only and len(history) == 1):
                imported.append(imported_for(store, history[-1], base))
            else:
                imported.append(imported_history(store, history, base))
        return load_registry(extra, tuple(imported))


_CACHE: dict[tuple[Path, str, str], ImportedData] = {}


def _remember(cache_key: tuple[Path, str, str], found: ImportedData) -> ImportedData:
    if len(_CACHE) >= 16:
        _CACHE.clear()
    _CACHE[cache_key] = found
    return found


def imported_for(store: ListStore, version: ListVersion, base: Registry) -> ImportedData:
    """One version's registry data, built once per process (versions never change)."""
    cache_key = (store.root.resolve(), version.id, base.version)
    found = _CACHE.get(cache_key)
    if found is None:

        def build() -> ImportedData:
            from .entities import imported_data

            content = store.load(version)
            key = Normaliser(base.matching).key
            return imported_data(version.info, content, base.entities, key)

        found = cached(
            "imported",
            _files(store, [version]),
            build,
            key=(repr(version.info), base.version, base.matching.key()),
        )
        _remember(cache_key, found)
    return found


def imported_history(
    store: ListStore, versions: Sequence[ListVersion], base: Registry
) -> ImportedData:
    """A list's history (oldest first) as registry data: every party any version named."""
    ids = "|".join(v.id for v in versions)
    infos = [v.info for v in versions]
    cache_key = (store.root.resolve(), hashlib.sha256(ids.encode()).hexdigest(), base.version)
    found = _CACHE.get(cache_key)
    if found is None:

        def build() -> ImportedData:
            from .entities import imported_data
            from .history import build_history

            history = build_history(versions, store.load)
            key = Normaliser(base.matching).key
            described = {v.id: v.info.description for v in versions}
            newest = versions[-1].info
            return imported_data(
                newest, history.content, base.entities, key, None, history, described
            )

        found = cached(
            "history",
            _files(store, versions),
            build,
            key=(ids, *map(repr, infos), base.version, base.matching.key()),
        )
        _remember(cache_key, found)
    return found


def _files(store: ListStore, versions: Sequence[ListVersion]) -> list[Path]:
    """The stored files a version's content is read from: its own and its delta chain's."""
    by_id = {v.id: v for v in store.versions()}
    files: dict[Path, None] = {}
    for version in versions:
        current: ListVersion | None = version
        while current is not None and store.version_path(current) not in files:
            files[store.version_path(current)] = None
            current = by_id.get(current.base) if current.base else None
    return list(files)
