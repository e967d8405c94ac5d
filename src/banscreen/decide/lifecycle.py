"""A program's legal status on a date, per program category.

Statuses, in the order they win when several apply:
  REVOKED / RESCINDED   the program (or the category's identification) ended
  NOT_YET_EFFECTIVE     no effective event on or before the date
  ENJOINED              a court order bars enforcement (until an injunction_lifted event)
  NOT_ENFORCED          in force, but an order of non-enforcement covers the date
  IN_FORCE              effective and enforceable
An injunction issued before the effective date (EO 13943) still wins once the date is
reached, which is what the courts' orders meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import LifecycleEvent, Program

REVOKED = "REVOKED"
RESCINDED = "RESCINDED"
NOT_YET_EFFECTIVE = "NOT_YET_EFFECTIVE"
ENJOINED = "ENJOINED"
NOT_ENFORCED = "NOT_ENFORCED"
IN_FORCE = "IN_FORCE"


@dataclass(frozen=True)
class Status:
    code: str
    identified: bool  # an identification event is on or before the date
    deciding_event: LifecycleEvent | None
    day: date


def events_for(program: Program, category_id: str | None) -> list[LifecycleEvent]:
    """Program-wide events plus those scoped to `category_id`, in date order."""
    return [
        e
        for e in program.events
        if not e.categories or (category_id is not None and category_id in e.categories)
    ]


def status_on(program: Program, category_id: str | None, day: date) -> Status:
    past = [e for e in events_for(program, category_id) if e.date <= day]
    identified = any(e.type == "identification" for e in past)
    for event in past:
        if event.type in ("revoked", "rescinded"):
            code = REVOKED if event.type == "revoked" else RESCINDED
            return Status(code, identified, event, day)
    effective = [e for e in past if e.type == "effective"]
    if (
        not effective
        and program.kind == "list"
        and not any(e.type == "effective" for e in program.events)
    ):
        # A restricted-party list is in force; each entry from its own listing date.
        return Status(IN_FORCE, True, None, day)
    if not effective:
        upcoming = [e for e in events_for(program, category_id) if e.type == "effective"]
        return Status(NOT_YET_EFFECTIVE, identified, upcoming[0] if upcoming else None, day)
    injunction: LifecycleEvent | None = None
    for event in past:
        if event.type == "enjoined":
            injunction = event
        elif event.type == "injunction_lifted":
            injunction = None
    if injunction is not None:
        return Status(ENJOINED, identified, injunction, day)
    for event in past:
        if event.type == "non_enforcement" and event.until is not None and day < event.until:
            return Status(NOT_ENFORCED, identified, event, day)
    return Status(IN_FORCE, identified, effective[-1] if effective else None, day)
