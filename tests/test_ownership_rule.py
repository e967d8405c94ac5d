"""OFAC's 50% rule on constructed ownership graphs: aggregation, chains, dates and cycles."""

from __future__ import annotations

from datetime import date

import pytest

from banscreen.decide import coverage_path, path_text
from banscreen.model import (
    Coverage,
    Entity,
    Fact,
    Name,
    Outcome,
    Program,
    ProgramCategory,
    Provenance,
    Relation,
)
from banscreen.registry import Registry
from banscreen.registry.loader import LoadedData, load_matching_config

FACT = Fact("test", Provenance.CONFIRMED)
DAY = date(2026, 6, 1)


def _entity(eid: str) -> Entity:
    return Entity(eid, "company", (Name(eid, "legal", "latin", FACT),), (), FACT)


def _owns(
    owner: str, asset: str, pct: float | None, start: date | None = None, end: date | None = None
) -> Relation:
    return Relation("owns", owner, asset, FACT, percentage=pct, start=start, end=end)


def _graph(
    relations: list[Relation], targets: tuple[str, ...] = ("sdn-a", "sdn-b")
) -> tuple[Registry, Program]:
    ids = {r.source_id for r in relations} | {r.target_id for r in relations} | set(targets)
    program = Program(
        id="sdn",
        name="test list",
        citation="test",
        section="test",
        jurisdiction="us_nexus",
        identification_required=False,
        identification_by=None,
        target_apps=(),
        target_entities=targets,
        coverage=Coverage(
            developers=False, controllers=False, subsidiaries=False, aggregate_ownership=50.0
        ),
        categories=(ProgramCategory("all", "all", ("*",)),),
        events=(),
        fact=FACT,
        enforcement_outcome=Outcome.BLOCK,
        enforcement_reason="BLOCKED_PERSON",
        kind="list",
    )
    data = LoadedData(
        entities={i: _entity(i) for i in ids},
        relations=tuple(relations),
        programs={"sdn": program},
        sources={"test": "test"},
        files=(),
        version="test",
    )
    return Registry.from_loaded(data, load_matching_config()), program


def _reached(relations: list[Relation], entity: str, day: date = DAY) -> bool:
    registry, program = _graph(relations)
    return coverage_path(registry, program, entity, day) is not None


def test_two_blocked_owners_of_25_percent_each_block_the_company() -> None:
    relations = [_owns("sdn-a", "joint", 25), _owns("sdn-b", "joint", 25)]
    registry, program = _graph(relations)
    path = coverage_path(registry, program, "joint", DAY)
    assert path is not None
    assert {step.target_id for step in path} == {"sdn-a", "sdn-b"}
    assert path_text(registry, "joint", path) == (
        "joint <-owns(25%)- sdn-a + joint <-owns(25%)- sdn-b"
    )


def test_49_percent_is_not_enough() -> None:
    assert not _reached([_owns("sdn-a", "minority", 49)], "minority")


def test_one_blocked_owner_at_exactly_50_percent_blocks() -> None:
    assert _reached([_owns("sdn-a", "half", 50)], "half")


def test_unblocked_owners_do_not_count_toward_the_aggregate() -> None:
    relations = [_owns("sdn-a", "mixed", 30), _owns("clean-owner", "mixed", 70)]
    assert not _reached(relations, "mixed")
    assert _reached([*relations, _owns("sdn-b", "mixed", 20)], "mixed")


def test_blocking_passes_down_a_chain_through_an_intermediate_company() -> None:
    relations = [_owns("sdn-a", "holdco", 60), _owns("holdco", "grandchild", 51)]
    registry, program = _graph(relations)
    path = coverage_path(registry, program, "grandchild", DAY)
    assert path is not None
    assert path_text(registry, "grandchild", path) == (
        "grandchild <-owns(51%)- holdco <-owns(60%)- sdn-a"
    )


def test_a_chain_breaks_where_an_intermediate_is_below_the_threshold() -> None:
    relations = [_owns("sdn-a", "holdco", 40), _owns("holdco", "grandchild", 100)]
    assert not _reached(relations, "holdco")
    assert not _reached(relations, "grandchild")


def test_aggregation_mixes_direct_and_indirect_blocked_owners() -> None:
    relations = [
        _owns("sdn-a", "holdco", 75),
        _owns("holdco", "target-co", 30),
        _owns("sdn-b", "target-co", 20),
    ]
    assert _reached(relations, "target-co")


def test_a_subsidiary_of_a_blocked_party_is_wholly_owned() -> None:
    relations = [Relation("subsidiary_of", "sub", "sdn-a", FACT)]
    assert _reached(relations, "sub")


def test_only_ownership_in_effect_on_the_date_counts() -> None:
    relations = [_owns("sdn-a", "later", 60, start=date(2027, 1, 1))]
    assert not _reached(relations, "later")
    assert _reached(relations, "later", date(2027, 1, 1))
    ended = [_owns("sdn-a", "sold", 60, end=date(2026, 1, 1))]
    assert _reached(ended, "sold", date(2025, 12, 31))
    assert not _reached(ended, "sold")


def test_an_unknown_share_is_never_assumed() -> None:
    assert not _reached([_owns("sdn-a", "unknown-share", None)], "unknown-share")


def test_ownership_cycles_terminate_and_count_for_nothing() -> None:
    relations = [_owns("x", "y", 60), _owns("y", "x", 60), _owns("sdn-a", "x", 10)]
    assert not _reached(relations, "x")
    assert not _reached(relations, "y")


def test_a_listed_party_is_reached_with_an_empty_path() -> None:
    registry, program = _graph([])
    assert coverage_path(registry, program, "sdn-a", DAY) == ()


@pytest.mark.parametrize("share", [50.0, 50.5, 100.0])
def test_threshold_is_inclusive(share: float) -> None:
    assert _reached([_owns("sdn-a", "co", share)], "co")
