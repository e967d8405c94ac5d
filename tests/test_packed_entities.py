"""An imported list's entities are packed and decoded one at a time when looked up: the
mapping answers exactly as the dict it was made from, through pickling and merging."""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from pathlib import Path

import pytest

from banscreen.model import Entity
from banscreen.registry import Registry
from banscreen.registry import packed as packed_module
from banscreen.registry.packed import JoinedEntities, PackedEntities, identifiers_of
from banscreen.sources import ListsPolicy, registry_with_lists


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    from helpers.lists import import_fixture_lists

    home = import_fixture_lists(tmp_path_factory.mktemp("packed-home"))
    return registry_with_lists(home, lists=ListsPolicy.newest)


def _same(a: Mapping[str, Entity], b: Mapping[str, Entity]) -> None:
    assert list(a) == list(b)
    assert len(a) == len(b)
    assert all(a[k] == b[k] for k in b)
    assert sorted(identifiers_of(a), key=repr) == sorted(identifiers_of(b), key=repr)


def test_packed_entities_answer_as_the_dict(registry: Registry) -> None:
    plain = dict(registry.entities)
    packed = PackedEntities(plain)
    _same(packed, plain)
    again = pickle.loads(pickle.dumps(packed))
    _same(again, plain)
    assert "no-such-entity" not in again
    with pytest.raises(KeyError):
        again["no-such-entity"]


def test_an_entity_is_decoded_when_asked_for_and_once(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    packed = pickle.loads(pickle.dumps(PackedEntities(dict(registry.entities))))
    decoded: list[bytes] = []
    real = pickle.loads
    monkeypatch.setattr(packed_module.pickle, "loads", lambda b: decoded.append(b) or real(b))
    some = next(iter(packed))
    assert len(packed) == len(registry.entities) and some in packed
    assert decoded == []  # ids, length and membership need no entity
    first = packed[some]
    assert packed[some] is first
    assert len(decoded) == 1
    assert list(identifiers_of(packed)) and len(decoded) == 1


def test_a_registry_with_a_list_joins_the_packs_and_the_packed_list(
    registry: Registry, listed: Registry
) -> None:
    entities = listed.entities
    assert isinstance(entities, JoinedEntities)
    assert any(isinstance(part, PackedEntities) for part in entities.parts)
    assert len(entities) == sum(len(p) for p in entities.parts) > len(registry.entities)
    assert set(entities) == set().union(*entities.parts)
    for entity_id in list(registry.entities)[:5]:
        assert entities[entity_id] == registry.entities[entity_id]
    with pytest.raises(KeyError):
        entities["no-such-entity"]
    plain = {k: entities[k] for k in entities}
    assert sorted(identifiers_of(entities), key=repr) == sorted(identifiers_of(plain), key=repr)


def test_a_list_that_repeats_an_entity_id_is_refused(listed: Registry, tmp_path: Path) -> None:
    from banscreen.errors import DataError
    from banscreen.registry.loader import load_packs
    from banscreen.registry.registry import ImportedData, merge

    assert isinstance(listed.entities, JoinedEntities)
    part = listed.entities.parts[1]
    some = next(iter(part))
    twice = [ImportedData("a", part, (), {}, {}), ImportedData("b", {some: part[some]}, (), {}, {})]
    with pytest.raises(DataError, match=f"duplicate entity id {some!r}"):
        merge(load_packs(), twice)
