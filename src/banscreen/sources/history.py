"""A list through time: every party any version named, and when each was on the list.

Screening a back-dated row against only the newest version gives a wrong CLEAR for a party
delisted since, and an unexplained hit for one listed after the row's date. So the registry
of a list holds every party of every version (its newest entry) and, for each, the periods
in which versions named it. A period starts on the version's date, or on the entry's own
listing date when that falls after the previous version (a designation is in force before
the next file is published); it ends on the date of the first version that no longer names
the party, or on the entry's own delisting date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol, TypeVar

from ..errors import ListError
from ..model import ListPeriod
from .records import ListContent, ListRecord, ListRelation


class DatedVersion(Protocol):
    """A stored list version, as much as its history needs (versions.ListVersion)."""

    @property
    def id(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def effective(self) -> str: ...


V = TypeVar("V", bound=DatedVersion)


@dataclass
class ListHistory:
    """Everything a list's versions said, merged."""

    content: ListContent  # the newest entry of every party any version named
    record_version: dict[str, str] = field(default_factory=dict)  # key → newest version naming it
    periods: dict[str, list[ListPeriod]] = field(default_factory=dict)
    timeline: tuple[tuple[date, str], ...] = ()  # (effective date, version id), oldest first


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _start(record: ListRecord, effective: date, previous: date | None) -> date | None:
    listed = _day(record.listed)
    if listed is not None and listed <= effective and (previous is None or listed > previous):
        return listed
    return None if previous is None else effective


def build_history(versions: Sequence[V], load: Callable[[V], ListContent]) -> ListHistory:
    """Merge `versions` (a list's history, oldest first) into one ListHistory."""
    if not versions:
        raise ListError("a list history needs at least one version")
    records: dict[str, ListRecord] = {}
    relations: dict[str, tuple[ListRelation, str]] = {}  # identity → (relation, newest version)
    history = ListHistory(ListContent(format=versions[-1].format, published=versions[-1].published))
    open_since: dict[str, ListPeriod] = {}
    previous: date | None = None
    timeline: list[tuple[date, str]] = []
    for version in versions:
        effective = _day(version.effective) or date.min
        timeline.append((effective, version.id))
        content = load(version)
        present = content.by_key()
        for key, record in present.items():
            records[key] = record
            history.record_version[key] = version.id
            if key not in open_since:
                open_since[key] = ListPeriod(_start(record, effective, previous), None, version.id)
        for key in [k for k in open_since if k not in present]:
            period = replace(open_since.pop(key), end=effective, until_version=version.id)
            history.periods.setdefault(key, []).append(period)
        named = {r.identity() for r in content.relations}
        for identity, (relation, seen_in) in list(relations.items()):
            if identity not in named and relation.end is None:
                relations[identity] = (replace(relation, end=effective.isoformat()), seen_in)
        for relation in content.relations:
            relations[relation.identity()] = (relation, version.id)
        previous = effective
    for key, period in open_since.items():
        delisted = _day(records[key].delisted)
        history.periods.setdefault(key, []).append(replace(period, end=delisted))
    history.content.records = list(records.values())
    history.content.relations = [relation for relation, _ in relations.values()]
    history.timeline = tuple(timeline)
    return history
