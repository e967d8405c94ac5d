"""An imported list's entities, packed: each decoded only when it is asked for.

A 40,000-party list is some 250,000 small objects (entities, names, tuples). Unpickling
them all is most of a command's start-up, and `match NAME` then reads two or three of
them. `PackedEntities` keeps every entity as its own pickled record inside one bytes
object, so loading a list is reading one blob and a table of ids; an entity becomes an
object when first looked up, and stays one. The identifiers are kept apart too (a few
thousand of them), so the identifier index is built without decoding any entity.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain

from ..model import Entity, Identifier


class PackedEntities(Mapping[str, Entity]):
    """A read-only mapping of entity id to entity, decoded on demand."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        ids: list[str] = []
        chunks: list[bytes] = []
        offsets = array("Q", [0])
        identified: list[tuple[str, Identifier]] = []
        for entity_id, entity in entities.items():
            chunk = pickle.dumps(entity, protocol=pickle.HIGHEST_PROTOCOL)
            ids.append(entity_id)
            chunks.append(chunk)
            offsets.append(offsets[-1] + len(chunk))
            identified.extend((entity_id, ident) for ident in entity.identifiers)
        self._setup(tuple(ids), b"".join(chunks), offsets, tuple(identified))

    def _setup(
        self,
        ids: tuple[str, ...],
        blob: bytes,
        offsets: array[int],
        identified: tuple[tuple[str, Identifier], ...],
    ) -> None:
        self._ids = ids
        self._blob = memoryview(blob)
        self._offsets = offsets
        self._identified = identified
        self._position: dict[str, int] | None = None
        self._decoded: dict[str, Entity] = {}

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return _restore, (self._ids, bytes(self._blob), self._offsets.tobytes(), self._identified)

    def _positions(self) -> dict[str, int]:
        if self._position is None:
            self._position = {entity_id: i for i, entity_id in enumerate(self._ids)}
        return self._position

    def __getitem__(self, entity_id: str) -> Entity:
        found = self._decoded.get(entity_id)
        if found is None:
            i = self._positions()[entity_id]
            found = pickle.loads(self._blob[self._offsets[i] : self._offsets[i + 1]])
            self._decoded[entity_id] = found
        return found

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._positions()

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def identifiers(self) -> Iterator[tuple[str, Identifier]]:
        """Every identifier (a domain, a bundle id, a BIC...) with its entity's id."""
        return iter(self._identified)


def _restore(
    ids: tuple[str, ...],
    blob: bytes,
    offsets: bytes,
    identified: tuple[tuple[str, Identifier], ...],
) -> PackedEntities:
    packed = PackedEntities.__new__(PackedEntities)
    table = array("Q")
    table.frombytes(offsets)
    packed._setup(ids, blob, table, identified)
    return packed


class JoinedEntities(Mapping[str, Entity]):
    """The packs' entities and each list's, as one mapping. The parts share no id (the
    registry refuses a list that repeats one), so its length is the sum of theirs and
    iterating it reads each part once."""

    def __init__(self, parts: Sequence[Mapping[str, Entity]]) -> None:
        self.parts = tuple(parts)

    def __getitem__(self, entity_id: str) -> Entity:
        for part in self.parts:
            if entity_id in part:
                return part[entity_id]
        raise KeyError(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return any(entity_id in part for part in self.parts)

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self.parts)

    def __len__(self) -> int:
        return sum(map(len, self.parts))


def identifiers_of(entities: Mapping[str, Entity]) -> Iterator[tuple[str, Identifier]]:
    """Every identifier of `entities` with its entity's id, decoding no packed entity."""
    parts = entities.parts if isinstance(entities, JoinedEntities) else [entities]
    for part in parts:
        if isinstance(part, PackedEntities):
            yield from part.identifiers()
        else:
            yield from ((e.id, ident) for e in part.values() for ident in e.identifiers)
