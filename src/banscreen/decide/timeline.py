"""A program's status over time: periods per category, and what changed between two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Program
from ..registry import Registry
from .lifecycle import status_on


@dataclass(frozen=True)
class Period:
    category: str
    start: date
    end: date | None  # exclusive; None = open-ended
    status: str


@dataclass(frozen=True)
class Change:
    program: str
    category: str  # a program category, or "listing:<entity id>"
    before: str
    after: str


def breakpoints(program: Program) -> list[date]:
    """Every date on which some category's status or some listing can change."""
    days: set[date] = set()
    for event in program.events:
        days.add(event.date)
        if event.until is not None:
            days.add(event.until)
    for listing in program.listings.values():
        for day in (listing.added, listing.removed):
            if day is not None:
                days.add(day)
    return sorted(days)


def periods(program: Program) -> list[Period]:
    """Consecutive periods of equal status for each category, from the first event on."""
    days = breakpoints(program)
    out: list[Period] = []
    for category in program.categories:
        current: Period | None = None
        for day in days:
            code = status_on(program, category.id, day).code
            if current is None or code != current.status:
                if current is not None:
                    out.append(Period(category.id, current.start, day, current.status))
                current = Period(category.id, day, None, code)
        if current is not None:
            out.append(current)
    return out


def listing_status(program: Program, day: date) -> dict[str, str]:
    """LISTED / NOT_YET_LISTED / DELISTED of each dated target on `day`."""
    return {
        target: listing.status_on(day) or "LISTED"
        for target, listing in sorted(program.listings.items())
    }


def diff(registry: Registry, day_a: date, day_b: date) -> list[Change]:
    """Program categories and listings whose status differs between two dates."""
    changes: list[Change] = []
    for program in registry.programs.values():
        for category in program.categories:
            a = status_on(program, category.id, day_a).code
            b = status_on(program, category.id, day_b).code
            if a != b:
                changes.append(Change(program.id, category.id, a, b))
        before, after = listing_status(program, day_a), listing_status(program, day_b)
        for target in before:
            if before[target] != after[target]:
                changes.append(
                    Change(program.id, f"listing:{target}", before[target], after[target])
                )
    return changes


def chart_range(program: Program) -> tuple[date, date]:
    days = breakpoints(program)
    return days[0] - timedelta(days=30), days[-1] + timedelta(days=90)
