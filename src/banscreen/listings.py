"""When a party is on a list: a dated listing in a program pack, or the periods an imported
list's versions named it (the list through time)."""

from __future__ import annotations

from dataclasses import dataclass

from .facts import Day, Fact

NOT_YET_LISTED = "NOT_YET_LISTED"
DELISTED = "DELISTED"


@dataclass(frozen=True)
class Listing:
    """When a target is on a program's list (e.g. a dated addition to the FCC Covered List)."""

    added: Day | None
    removed: Day | None
    fact: Fact

    def status_on(self, day: Day) -> str | None:
        """None while listed; otherwise NOT_YET_LISTED or DELISTED."""
        if self.added is not None and day < self.added:
            return NOT_YET_LISTED
        if self.removed is not None and day >= self.removed:
            return DELISTED
        return None


# A listed party's standing on a transaction date, from the history of its list's versions.
LISTED = "LISTED"  # listed then and now
DELISTED_SINCE = "DELISTED_SINCE"  # listed then, not in the newest version
LISTED_AFTER_DATE = "LISTED_AFTER_DATE"  # not listed then, listed now
NOT_LISTED_ON_DATE = "NOT_LISTED_ON_DATE"  # neither then nor now (listed only in between)


@dataclass(frozen=True)
class ListPeriod:
    """One stretch of versions of a list that name the party."""

    start: Day | None  # None: on the oldest version, with no listing date of its own
    end: Day | None  # exclusive: the date of the first version without it; None = still on
    version: str  # the version that first names it in this stretch
    until_version: str | None = None  # the version that no longer names it


@dataclass(frozen=True)
class ListStanding:
    """What a hit on an imported list was judged on: the party's standing on the date and
    the list versions consulted."""

    standing: str  # LISTED | DELISTED_SINCE | LISTED_AFTER_DATE | NOT_LISTED_ON_DATE
    on_date: str  # the version in force on the date (the oldest, for a row before them all)
    newest: str
    listed_by: str | None  # the version that listed the party (on the date, else latest)
    before_history: bool = False


@dataclass(frozen=True)
class ListPresence:
    """When a party was on its list, from every imported version of the list.

    A row is judged against the version in force on its date (the newest published on or
    before it) and against the newest version; a row dated before the oldest version is
    judged against the oldest, and says so."""

    periods: tuple[ListPeriod, ...]
    timeline: tuple[tuple[Day, str], ...]  # (effective date, version id) of every version
    fact: Fact

    @property
    def listed_now(self) -> bool:
        return bool(self.periods) and self.periods[-1].end is None

    def period_on(self, day: Day) -> ListPeriod | None:
        for period in self.periods:
            if (period.start is None or period.start <= day) and (
                period.end is None or day < period.end
            ):
                return period
        return None

    def standing_on(self, day: Day) -> ListStanding:
        period = self.period_on(day)
        now = self.listed_now
        if period is not None:
            code = LISTED if now else DELISTED_SINCE
        else:
            code = LISTED_AFTER_DATE if now else NOT_LISTED_ON_DATE
        in_force = self.timeline[0][1]
        for effective, version in self.timeline:
            if effective > day:
                break
            in_force = version
        latest = period or (self.periods[-1] if self.periods else None)
        return ListStanding(
            code,
            in_force,
            self.timeline[-1][1],
            latest.version if latest else None,
            self._before_history(day),
        )

    def _before_history(self, day: Day) -> bool:
        """Judged against the oldest version because the row predates them all, and the
        party's entry gives no earlier listing date to judge by."""
        oldest = self.timeline[0][0]
        if day >= oldest:
            return False
        first = self.periods[0].start if self.periods else None
        return first is None or first >= oldest

    def days(self) -> set[Day]:
        found = {day for day, _ in self.timeline}
        for period in self.periods:
            found.update(d for d in (period.start, period.end) if d is not None)
        return found
