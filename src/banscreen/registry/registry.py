"""The loaded registry: entities, the dated relation graph, programs, and as-of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..model import Entity, Program, Relation
from . import schema
from .loader import LoadedData, load_matching_config, load_packs


@dataclass(frozen=True)
class Registry:
    """Everything the engine screens against. Immutable once loaded; share it freely."""

    entities: dict[str, Entity]
    relations: tuple[Relation, ...]
    programs: dict[str, Program]
    sources: dict[str, str]
    matching: schema.MatchingSchema
    files: tuple[str, ...]
    version: str
    _outgoing: dict[str, tuple[Relation, ...]] = field(repr=False, default_factory=dict)
    _incoming: dict[str, tuple[Relation, ...]] = field(repr=False, default_factory=dict)

    @classmethod
    def from_loaded(cls, data: LoadedData, matching: schema.MatchingSchema) -> Registry:
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


def load_registry(extra: Sequence[Path | str] = ()) -> Registry:
    """Load the shipped packs plus `extra` files or folders (same schema)."""
    return _load(tuple(Path(p).resolve() for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Registry:
    return Registry.from_loaded(load_packs(extra), load_matching_config())
