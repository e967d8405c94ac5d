"""The loaded registry: entities, the dated relation graph, programs, and as-of queries."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from ..model import Entity, Program, Relation
from .loader import LoadedData, load_matching_config, load_packs, pack_files
from .packed import JoinedEntities

if TYPE_CHECKING:
    from .matching import MatchingConfig


@dataclass(frozen=True)
class Registry:
    """Everything the engine screens against. Immutable once loaded; share it freely."""

    entities: Mapping[str, Entity]
    relations: tuple[Relation, ...]
    programs: dict[str, Program]
    sources: dict[str, str]
    matching: MatchingConfig
    files: tuple[str, ...]
    version: str
    _outgoing: dict[str, tuple[Relation, ...]] = field(repr=False, default_factory=dict)
    _incoming: dict[str, tuple[Relation, ...]] = field(repr=False, default_factory=dict)

    @classmethod
    def from_loaded(cls, data: LoadedData, matching: MatchingConfig) -> Registry:
        outgoing: dict[str, list[Relation]] = defaultdict(list)
        incoming: dict[str, list[Relation]] = defaultdict(list)
        for rel in data.relations:
            outgoing[rel.source_id].append(rel)
            incoming[rel.target_id].append(rel)
        return cls(
            entities=data.entities,
            relations=data.relations,
            programs=data.programs,
            sources=data.sources,
            matching=matching,
            files=data.files,
            version=data.version,
            _outgoing={k: tuple(v) for k, v in outgoing.items()},
            _incoming={k: tuple(v) for k, v in incoming.items()},
        )

    @cached_property
    def breakpoints(self) -> tuple[date, ...]:
        """Every date at which some answer of the registry can change (lifecycle events,
        their ends, listing dates, relation starts and ends), sorted. Two days between the
        same breakpoints get the same coverage, status and decision: see `period_of`.
        Worked out when first needed: with a large list it is a tenth of a `match`."""
        return _breakpoints(self.programs.values(), self.relations)

    def period_of(self, day: date) -> int:
        """Which stretch between breakpoints `day` falls in: equal periods, equal answers.

        Every date comparison the engine makes is `breakpoint <= day` for some breakpoint
        (an event on or before the day, a relation started, a listing added or removed), so
        days with the same count of breakpoints on or before them compare alike.
        """
        return bisect_right(self.breakpoints, day)

    def outgoing(self, entity_id: str, day: date) -> list[Relation]:
        """Relations recorded from `entity_id` that are in effect on `day`."""
        return [r for r in self._outgoing.get(entity_id, ()) if r.active_on(day)]

    def incoming(self, entity_id: str, day: date) -> list[Relation]:
        """Relations recorded towards `entity_id` that are in effect on `day`."""
        return [r for r in self._incoming.get(entity_id, ()) if r.active_on(day)]

    def all_relations_of(self, entity_id: str) -> list[Relation]:
        return [*self._outgoing.get(entity_id, ()), *self._incoming.get(entity_id, ())]

    def label(self, entity_id: str) -> str:
        """How a node is written in a path: apps by their name, companies by their id."""
        entity = self.entities.get(entity_id)
        if entity is not None and entity.type == "app":
            return entity.display_name
        return entity_id


@dataclass(frozen=True)
class ImportedData:
    """Entities, relations and programs built from one imported list version.

    Equal (and cached) by version id alone: a version's content never changes.
    """

    version: str
    entities: Mapping[str, Entity] = field(compare=False, hash=False, repr=False)
    relations: tuple[Relation, ...] = field(compare=False, hash=False, repr=False)
    programs: dict[str, Program] = field(compare=False, hash=False, repr=False)
    sources: dict[str, str] = field(compare=False, hash=False, repr=False)


def _breakpoints(programs: Iterable[Program], relations: Iterable[Relation]) -> tuple[date, ...]:
    days: set[date] = set()
    for program in programs:
        for event in program.events:
            days.add(event.date)
            if event.until is not None:
                days.add(event.until)
        for listing in program.listings.values():
            days.update(d for d in (listing.added, listing.removed) if d is not None)
        for presence in program.presence.values():
            days.update(presence.days())
    for rel in relations:
        days.update(d for d in (rel.start, rel.end) if d is not None)
    return tuple(sorted(days))


def load_registry(
    extra: Sequence[Path | str] = (), imported: Sequence[ImportedData] = ()
) -> Registry:
    """Load the shipped packs plus `extra` files or folders (same schema) and imported lists.

    Loaded registries are kept in memory, keyed by each extra file's size and modification
    time as well as its path, so an edited pack is read again.
    """
    paths = tuple(Path(p).resolve() for p in extra)
    stamps = tuple((f, (s := f.stat()).st_mtime_ns, s.st_size) for f in pack_files(paths))
    return _load(paths, stamps, tuple(imported))


@lru_cache(maxsize=8)
def _load(
    extra: tuple[Path, ...],
    stamps: tuple[tuple[Path, int, int], ...],
    imported: tuple[ImportedData, ...],
) -> Registry:
    return Registry.from_loaded(merge(load_packs(extra), imported), load_matching_config())


def merge(data: LoadedData, imported: Sequence[ImportedData]) -> LoadedData:
    """The packs plus each imported list; a program fed by several lists gets all targets."""
    if not imported:
        return data
    parts: list[Mapping[str, Entity]] = [data.entities]
    seen = set(data.entities)
    relations = list(data.relations)
    programs = dict(data.programs)
    sources = dict(data.sources)
    digest = hashlib.sha256(data.version.encode())
    for item in imported:
        digest.update(item.version.encode())
        clash = seen.intersection(item.entities)
        if clash:
            raise DataError(item.version, None, "entities", f"duplicate entity id {min(clash)!r}")
        seen.update(item.entities)
        parts.append(item.entities)
        relations.extend(item.relations)
        sources.update(item.sources)
        for program_id, program in item.programs.items():
            have = programs.get(program_id)
            if have is None:
                programs[program_id] = program
            elif have.kind != "list":
                raise DataError(
                    item.version, None, "programs", f"{program_id!r} is a shipped program pack"
                )
            else:
                programs[program_id] = replace(
                    have,
                    target_entities=(*have.target_entities, *program.target_entities),
                    listings={**have.listings, **program.listings},
                    presence={**have.presence, **program.presence},
                    sources={**have.sources, **program.sources},
                )
    return LoadedData(
        # Lists' entities stay packed (decoded when looked up); ids are unique across parts.
        entities=JoinedEntities(parts),
        relations=tuple(relations),
        programs=programs,
        sources=sources,
        files=data.files,
        version=digest.hexdigest()[:12],
    )
