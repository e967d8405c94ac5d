"""The repeat lane: a row whose counterparty was already decided is written without being
parsed or decided again (CSV or Parquet output, from any input).

Real payment files name the same few thousand counterparties over and over. The engine
caches decisions by counterparty and registry period (`Registry.period_of`), but a row still
costs a parse, a Decision object and a serialisation. Here a decision's output cells (outcome
through error, formula-neutralised as the CSV writer would) are kept under the row's raw
counterparty columns plus the period of its date — or, when the engine says the decision
is the same on every date and with any nexus (`same_on_every_date`: nothing matched, so no
program was consulted), under the columns without the date, the category and the nexus,
for rows whose category and nexus as written were accepted by the ordinary path before
(they are checked one value at a time, never together with the rest) — and a later row
with the same key only has its own id and extra columns checked and copied.

Only rows that need nothing else take the lane: a text id, a parseable date, counterparty
columns that are text, and an id and extra columns within their limits that hold no
undecodable bytes (any script is fine: the ordinary path writes such text as it is). Anything
unusual goes the ordinary way (parse, decide, serialise), which is also how every key is
first filled, so the lane only repeats what the ordinary path wrote for the same raw
columns. ERROR decisions are never kept: they name their row; nor are the outcomes a
pipeline hook wants to see (batch/pipeline.py), so each such row is decided.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from operator import itemgetter
from sys import intern
from typing import Any

from ..engine import Screener, ScreenOptions, same_on_every_date
from ..errors import FieldError
from ..match.text import LONE_SURROGATE
from ..model import Decision, Outcome
from ..surfaces.rows import COUNTERPARTY_COLUMNS, FIELD_LIMITS, parse_date
from ..tunables import CACHE_ENTRIES, EXTRA_FIELD_LIMIT, LANE_KEY_CHARS, LANE_KEYS
from ..wire import DECISION_COLUMNS, Serialiser, guard

_ID_LIMIT = FIELD_LIMITS["id"]
_NO_PERIOD = -1
# A no-match is the same for every category and nexus (nothing matched, so no program was
# consulted): kept under the columns that say who the counterparty is, without these two.
_CATEGORY = COUNTERPARTY_COLUMNS.index("category")
_NEXUS = COUNTERPARTY_COLUMNS.index("us_nexus")
Cells = tuple[str, list[str]]  # (outcome, the output row's cells)
Kept = tuple[str, tuple[str, ...]]  # (outcome, a decision's cells), as the lane keeps them
LaneKey = tuple[tuple[Any, ...], int]  # (raw counterparty columns, period of the date)


class RepeatLane:
    """Output cells of earlier decisions, by raw counterparty columns (and period)."""

    def __init__(
        self,
        screener: Screener,
        options: ScreenOptions,
        serialise: Serialiser,
        limit: int = LANE_KEYS,
        key_limit: int = LANE_KEY_CHARS,
        text_only: bool = True,
        never: frozenset[str] = frozenset(),
    ) -> None:
        self._period_of = screener.registry.period_of
        self._serialise = serialise
        self._extra = serialise.columns[len(DECISION_COLUMNS) :]
        self._neutralise = serialise.guarded
        self._never = never  # outcomes never answered from the lane (a hook wants them)
        # CSV cells are always text; other sources can hold numbers and booleans, which
        # compare equal across types (True == 1) but do not parse alike: only text is keyed.
        self._check_types = not text_only
        self._periods: dict[Any, int] = {}
        self._any_date: dict[tuple[Any, ...], Kept] = {}  # by who (no category, nexus)
        # Categories and nexus values as written in rows decided the ordinary way without an
        # ERROR. Each is valid on its own (neither is checked against another column), so a
        # row with a known one of each and a known no-match counterparty is valid and CLEAR.
        self._valid: tuple[set[Any], set[Any]] = (set(), set())
        self._by_period: dict[tuple[tuple[Any, ...], int], Kept] = {}
        self._cells: dict[Kept, Kept] = {}  # each distinct kept value once
        self._limit = limit
        self._key_limit = key_limit
        # Rows without a date take --as-of, without a category --category: keep the lane
        # to files that carry their own.
        self.enabled = (
            screener.cache
            and options.as_of is None
            and options.category is None
            and serialise.format in ("csv", "parquet")
        )
        self.hits = 0

    def key(self, data: Mapping[str, Any]) -> LaneKey | None:
        """(raw counterparty columns, period of the date), or None when the date is missing
        or not a date (the ordinary path then says why)."""
        text = data.get("date")
        if not isinstance(text, str | date):  # a JSON list or object is not even hashable
            return None
        period = self._periods.get(text)
        if period is None:
            period = _NO_PERIOD
            if len(self._periods) < CACHE_ENTRIES:
                try:
                    day = parse_date(text)
                except FieldError:
                    day = None
                if day is not None:
                    period = self._period_of(day)
                self._periods[text] = period
        if period == _NO_PERIOD:
            return None
        values = tuple(map(data.get, COUNTERPARTY_COLUMNS))
        if self._check_types and not all(v is None or type(v) is str for v in values):
            return None
        return values, period

    def has(self, key: LaneKey) -> bool:
        """Whether a decision is kept for the key (the row's own columns aside)."""
        return self._no_match(key[0]) is not None or key in self._by_period

    def _no_match(self, values: tuple[Any, ...]) -> Kept | None:
        """The kept no-match of the row's counterparty, when its category and nexus are
        ones the ordinary path has accepted."""
        categories, nexus = self._valid
        if values[_CATEGORY] not in categories or values[_NEXUS] not in nexus:
            return None
        return self._any_date.get(_who(values))

    def cells(self, data: Mapping[str, Any], key: LaneKey) -> Cells | None:
        """The row's output when its key was decided before and its own columns need no
        checking beyond what is done here; else None."""
        try:
            found = self._no_match(key[0]) or self._by_period.get(key)
        except TypeError:  # an unhashable value (not from CSV, but be sure)
            return None
        if found is None:
            return None
        tx_id = data.get("id")
        if not isinstance(tx_id, str) or len(tx_id) > _ID_LIMIT or not _plain(tx_id):
            return None
        tx_id = tx_id.strip()
        if not tx_id or "\x00" in tx_id:
            return None
        out = [tx_id, *found[1]]
        for column in self._extra:
            value = data.get(column)
            if value is None:
                out.append("")
                continue
            if not isinstance(value, str) or len(value) > EXTRA_FIELD_LIMIT or not _plain(value):
                return None
            out.append(value)
        if self._neutralise:
            out[0] = guard(out[0])
            for i in range(len(DECISION_COLUMNS), len(out)):
                out[i] = guard(out[i])
        self.hits += 1
        return found[0], out

    def remember(self, key: LaneKey, decision: Decision) -> Cells | None:
        """Keep a decision made the ordinary way for the rows that repeat its key, and return
        this row's cells (so it is serialised once), or None when it is not kept."""
        if decision.outcome is Outcome.ERROR or decision.outcome.name in self._never:
            return None
        cells = self._serialise.cells(decision)
        if not self.keep(key, decision.outcome.name, cells, same_on_every_date(decision)):
            return None
        return decision.outcome.name, cells

    def keep(self, key: LaneKey, outcome: str, cells: list[str], any_date: bool) -> bool:
        """Keep the cells written for a row (not an ERROR) for the rows that repeat its key;
        False when the key is too long to keep."""
        if sum(len(v) for v in key[0] if isinstance(v, str)) > self._key_limit:
            return False
        # A reader makes new strings for every row, and most kept cells are the same few
        # (CLEAR, NO_MATCH): keys share their strings and equal cells one tuple, which at
        # LANE_KEYS keys is most of what the lane holds.
        values = tuple(intern(v) if type(v) is str else v for v in key[0])
        value: Kept = (outcome, tuple(cells[1 : len(DECISION_COLUMNS)]))
        if len(self._cells) >= self._limit:
            self._cells.clear()
        kept = self._cells.setdefault(value, value)
        for seen, written in zip(self._valid, (values[_CATEGORY], values[_NEXUS]), strict=True):
            if len(seen) >= self._limit:
                seen.clear()
            seen.add(written)
        if any_date:
            if len(self._any_date) >= self._limit:
                self._any_date.clear()
            self._any_date[_who(values)] = kept
        else:
            if len(self._by_period) >= self._limit:
                self._by_period.clear()
            self._by_period[values, key[1]] = kept
        return True


# The counterparty columns without category and nexus (a C-level getter: asked per row).
_who: Callable[[tuple[Any, ...]], tuple[Any, ...]] = itemgetter(
    *(i for i in range(len(COUNTERPARTY_COLUMNS)) if i not in (_CATEGORY, _NEXUS))
)


def _plain(value: str) -> bool:
    # Text the ordinary path writes unchanged: no surrogate (undecodable bytes arrive as
    # lone surrogates; the ordinary path refuses or replaces them).
    return value.isascii() or LONE_SURROGATE.search(value) is None
