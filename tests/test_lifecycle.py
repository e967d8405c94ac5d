"""Lifecycle status on a date, on constructed programs (generic: no program-specific code)."""

from __future__ import annotations

from datetime import date

import pytest

from banscreen.decide import lifecycle
from banscreen.decide.lifecycle import status_on
from banscreen.model import Coverage, Fact, LifecycleEvent, Program, ProgramCategory, Provenance

FACT = Fact("test", Provenance.CONFIRMED)


def program(*events: LifecycleEvent, identification: bool = False) -> Program:
    return Program(
        id="p",
        name="p",
        citation="c",
        section="s",
        jurisdiction="us_nexus",
        identification_required=identification,
        identification_by=None,
        target_apps=("x",),
        target_entities=(),
        coverage=Coverage(),
        categories=(
            ProgramCategory("a", "A", ("payment",)),
            ProgramCategory("b", "B", ("hosting",)),
        ),
        events=tuple(sorted(events, key=lambda e: e.date)),
        fact=FACT,
    )


def ev(
    kind: str, day: str, until: str | None = None, categories: tuple[str, ...] = ()
) -> LifecycleEvent:
    return LifecycleEvent(
        kind,
        date.fromisoformat(day),
        FACT,
        until=date.fromisoformat(until) if until else None,
        categories=categories,
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-12-31", lifecycle.NOT_YET_EFFECTIVE),
        ("2025-01-01", lifecycle.IN_FORCE),
        ("2025-02-01", lifecycle.NOT_ENFORCED),
        ("2025-02-28", lifecycle.NOT_ENFORCED),
        ("2025-03-01", lifecycle.IN_FORCE),
        ("2025-04-01", lifecycle.ENJOINED),
        ("2025-04-30", lifecycle.ENJOINED),
        ("2025-05-01", lifecycle.IN_FORCE),
        ("2025-06-01", lifecycle.RESCINDED),
        ("2030-01-01", lifecycle.RESCINDED),
    ],
)
def test_status_sequence(day: str, expected: str) -> None:
    p = program(
        ev("effective", "2025-01-01"),
        ev("non_enforcement", "2025-02-01", until="2025-03-01"),
        ev("enjoined", "2025-04-01"),
        ev("injunction_lifted", "2025-05-01"),
        ev("rescinded", "2025-06-01"),
    )
    assert status_on(p, "a", date.fromisoformat(day)).code == expected


def test_injunction_before_effective_date_wins_once_effective() -> None:
    p = program(ev("enjoined", "2020-09-19"), ev("effective", "2020-09-20"))
    assert status_on(p, "a", date(2020, 9, 19)).code == lifecycle.NOT_YET_EFFECTIVE
    assert status_on(p, "a", date(2020, 9, 20)).code == lifecycle.ENJOINED


def test_category_events_apply_to_their_category_only() -> None:
    p = program(
        ev("effective", "2020-01-01", categories=("a",)),
        ev("effective", "2020-06-01", categories=("b",)),
    )
    assert status_on(p, "a", date(2020, 3, 1)).code == lifecycle.IN_FORCE
    assert status_on(p, "b", date(2020, 3, 1)).code == lifecycle.NOT_YET_EFFECTIVE


def test_identification_is_tracked() -> None:
    p = program(
        ev("effective", "2020-01-01"), ev("identification", "2020-02-01"), identification=True
    )
    assert not status_on(p, "a", date(2020, 1, 15)).identified
    assert status_on(p, "a", date(2020, 2, 1)).identified


def test_revocation_wins_over_everything() -> None:
    p = program(
        ev("effective", "2020-01-01"), ev("enjoined", "2020-02-01"), ev("revoked", "2020-03-01")
    )
    status = status_on(p, "a", date(2020, 3, 1))
    assert status.code == lifecycle.REVOKED
    assert status.deciding_event is not None and status.deciding_event.type == "revoked"
