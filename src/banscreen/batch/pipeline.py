"""The one pipeline every entry point screens through: read → parse/validate → decide →
serialise → write.

`screen` (with or without workers), `scan`, `spark-screen`, the API's screening route,
background jobs, `explain` and `lists rescreen` all build a `Pipeline` and hand it rows; none
of them parses, decides, builds an ERROR or serialises a row on its own. So a row read the
same way gets the same decision cells whichever door it came in by.

A row's own parse and decision is `Pipeline.decide`. `Pipeline.items` adds the repeat lane
(batch/lane.py) for written output: a row whose counterparty was already decided for its
date's period is answered from the cells written for the first such row. A `Hook` sees the
decisions it asks for as they are made (a job records its alerts that way, never deciding a
row twice); the lane never answers a row whose outcome a hook wants.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Protocol

from ..decide.invalid import invalid, located
from ..engine import Screener, ScreenOptions
from ..errors import FieldError, UsageError
from ..model import Decision, Transaction
from ..surfaces.rows import RawRow, RowParser, check_text, extra_columns, readable, row_id
from ..surfaces.scan import ScanItem
from ..tunables import WRITE_ROWS
from ..wire import Serialiser
from .lane import RepeatLane

# WRITE_ROWS is small so that a chunk's cells are freed before the collector's younger
# generations have to walk them again (4,096-row chunks cost 15% on repeated counterparties).
Item = str | list[str]  # a written row: a JSON line, or the cells of a CSV or Parquet row
Chunk = tuple[Counter[str], list[Item]]  # outcome counts and the rows, in input order


def _unreadable(tx: Transaction) -> FieldError | None:
    """A scanned record's names, text and identifiers held to what a row's are
    (surfaces/rows.py): a component named with a megabyte of characters, or with a lone
    surrogate escaped in its JSON ("\\ud800"), is an ERROR, as that row would be."""
    # (the field whose limits apply, the field named in the ERROR): a party's name is held
    # to a counterparty's, an agent's BIC to a counterparty's identifiers.
    fields = [("counterparty_name", "counterparty_name", tx.counterparty_name)]
    fields += [("text", "text", tx.text)]
    fields += [("counterparty_name", role, name) for role, name in tx.parties]
    fields += [("counterparty_identifiers", i.role or "counterparty_identifiers", i.value)
               for i in tx.identifiers]  # fmt: skip
    for limits, named, value in fields:
        try:
            check_text(value, limits)
        except FieldError as exc:
            return FieldError(named, exc.message)
    return None


def place(raw: RawRow) -> str:
    """A row as an ERROR names it: "row 12", "row 12 (sheet 'March', row 5)"."""
    return f"row {raw.number} ({raw.where})" if raw.where else f"row {raw.number}"


class Hook(Protocol):
    """Sees each decision whose outcome it names, as it is made, with its input row."""

    outcomes: frozenset[str]

    def __call__(self, raw: RawRow, decision: Decision) -> None: ...


@dataclass
class BatchStats:
    rows: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    repeats: int = 0  # rows answered by the repeat lane (already decided counterparties)


class Pipeline:
    """A screener, the options of one run, and (for written output) its serialiser."""

    def __init__(
        self,
        screener: Screener,
        options: ScreenOptions,
        serialise: Serialiser | None = None,
        *,
        lane: bool = True,
        text_only: bool = True,
        hook: Hook | None = None,
    ) -> None:
        self.screener = screener
        self.options = options
        self.serialise = serialise
        self.hook = hook
        self._parse = RowParser()
        self.lane: RepeatLane | None = None
        if lane and serialise is not None:
            found = RepeatLane(
                screener,
                options,
                serialise,
                text_only=text_only,
                never=hook.outcomes if hook is not None else frozenset(),
            )
            self.lane = found if found.enabled else None

    def decide(self, raw: RawRow) -> Decision:
        """Parse and decide one row; a bad row is an ERROR decision naming it."""
        parsed = self.parse(raw)
        if not isinstance(parsed, Decision):
            return self.decide_parsed(raw, parsed)
        if self.hook is not None and parsed.outcome.name in self.hook.outcomes:
            self.hook(raw, parsed)
        return parsed

    def parse(self, raw: RawRow) -> Transaction | Decision:
        """The row's transaction, or the ERROR decision saying why it is not one."""
        if raw.error is not None:
            return self._invalid(raw, raw.error)
        try:
            return self._parse(raw.data)
        except FieldError as exc:
            return self._invalid(raw, exc)

    def decide_parsed(self, raw: RawRow, tx: Transaction) -> Decision:
        decision = located(self.screener.decide(tx, self.options), place(raw))
        if self.hook is not None and decision.outcome.name in self.hook.outcomes:
            self.hook(raw, decision)
        return decision

    def _invalid(self, raw: RawRow, error: FieldError) -> Decision:
        data = raw.data or {}
        policy = self.options.policy.value
        return invalid(row_id(data), place(raw), error, policy, extra_columns(data))

    def decisions(self, rows: Iterable[RawRow]) -> Iterator[Decision]:
        """One decision per row, in order."""
        return map(self.decide, rows)

    def items(self, rows: Iterable[RawRow]) -> Iterator[tuple[str, Item]]:
        """(outcome, written row) per row, in order, through the repeat lane."""
        serialise = self.serialise
        if serialise is None:
            raise UsageError("items() needs a serialiser")
        lane = self.lane
        for raw in rows:
            key = None
            if lane is not None and raw.error is None and raw.data is not None:
                key = lane.key(raw.data)
                if key is not None:
                    found = lane.cells(raw.data, key)
                    if found is not None:
                        yield found
                        continue
            decision = self.decide(raw)
            kept = None if key is None or lane is None else lane.remember(key, decision)
            yield kept if kept is not None else (decision.outcome.name, serialise(decision))

    def chunks(self, rows: Iterable[RawRow]) -> Iterator[Chunk]:
        """`items` in chunks, as the writer takes them."""
        return chunked(self.items(rows))

    @property
    def repeats(self) -> int:
        return self.lane.hits if self.lane is not None else 0

    def scanned(self, items: Iterable[ScanItem]) -> Iterator[Decision]:
        """One decision per scanned record (a payment, an app, a dependency), carrying its
        location."""
        policy = self.options.policy.value
        for item in items:
            # A record is located by its parents' names too, which may hold what no UTF-8
            # writes (a lone surrogate: `_unreadable`): carried readable, each a "?".
            location = readable(item.location)
            extra = {"location": location}
            error = item.error if item.transaction is None else _unreadable(item.transaction)
            if item.transaction is None or error is not None:
                error = error or FieldError("record", "unreadable")
                yield invalid(readable(item.record_id), location, error, policy, extra)
                continue
            decision = located(self.screener.decide(item.transaction, self.options), location)
            tx_id = readable(decision.transaction_id)
            yield replace(decision, transaction_id=tx_id, extra=extra, notes=item.notes)


def chunked(items: Iterable[tuple[str, Item]]) -> Iterator[Chunk]:
    """(outcome, written row) pairs in chunks of WRITE_ROWS rows, with their outcome counts."""
    it = iter(items)
    while block := list(islice(it, WRITE_ROWS)):
        yield Counter(outcome for outcome, _ in block), [item for _, item in block]


class Writer(Protocol):
    resumed_rows: int

    def write_chunk(self, items: list[Item]) -> None: ...

    def close(self, complete: bool = True) -> None: ...


def write_chunks(
    chunks: Iterable[Chunk], writer: Writer, on_rows: Callable[[int], None] | None = None
) -> BatchStats:
    """Write every chunk and count outcomes; a failed run leaves no output file."""
    stats = BatchStats()
    try:
        for counts, items in chunks:
            writer.write_chunk(items)
            stats.rows += len(items)
            stats.outcomes.update(counts)
            if on_rows is not None:
                on_rows(len(items))
    except BaseException:
        writer.close(complete=False)
        raise
    writer.close()
    return stats
