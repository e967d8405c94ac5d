"""Screen a transaction file into a decisions file: one output row per input row, in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from ..decide import reasons as R
from ..engine import Screener, ScreenOptions
from ..errors import FieldError
from ..model import Decision, Outcome, Policy
from . import parallel
from .detect import detect
from .output import DecisionWriter
from .repeats import RepeatLane, lane_rows
from .rows import RowParser, extra_columns, row_id
from .scan import ScanItem, ScanOptions
from .tabular import RawRow, TransactionFile


@dataclass
class BatchStats:
    rows: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    repeats: int = 0  # rows answered by the repeat lane (already decided counterparties)


def _error(raw: RawRow, error: FieldError, policy: Policy) -> Decision:
    return Decision(
        transaction_id=row_id(raw.data),
        outcome=Outcome.ERROR,
        reasons=(R.INVALID_INPUT,),
        error=f"row {raw.number}: {error}",
        policy=policy.value,
        extra=extra_columns(raw.data),
    )


def row_decider(screener: Screener, options: ScreenOptions) -> Callable[[RawRow], Decision]:
    """Parse and decide one raw row; a bad row is an ERROR decision naming it."""
    parse_row = RowParser()

    def decide(raw: RawRow) -> Decision:
        if raw.error is not None:
            return _error(raw, raw.error, options.policy)
        try:
            tx = parse_row(raw.data)
        except FieldError as exc:
            return _error(raw, exc, options.policy)
        decision = screener.decide(tx, options)
        if decision.outcome is Outcome.ERROR:
            decision = replace(decision, error=f"row {raw.number}: {decision.error}")
        return decision

    return decide


def decide_rows(
    rows: Iterator[RawRow], screener: Screener, options: ScreenOptions
) -> Iterator[Decision]:
    return map(row_decider(screener, options), rows)


def screen_file(
    source: TransactionFile,
    writer_factory: Callable[[list[str]], DecisionWriter],
    screener: Screener,
    options: ScreenOptions,
    on_bytes: Callable[[int], None] | None = None,
    on_row: Callable[[], None] | None = None,
    workers: int = 1,
) -> BatchStats:
    source.open_header()
    writer = writer_factory(source.extra_columns)
    # A resumed run skips the input rows its partial output already holds.
    rows = islice(source.rows(on_bytes), writer.resumed_rows, None)
    lane = RepeatLane(screener, options, writer.serialise, text_only=source.format == "csv")
    if workers > 1:
        chunks = parallel.decide_in_workers(
            rows, source.header or [], screener, options, writer.serialise, workers, lane
        )
        stats = write_chunks(chunks, writer, on_row)
        stats.repeats = lane.hits
        return stats
    if lane.enabled:
        stats = write_decisions(
            lane_rows(rows, lane, row_decider(screener, options)), writer, on_row
        )
        stats.repeats = lane.hits
        return stats
    return write_decisions(decide_rows(rows, screener, options), writer, on_row)


def write_chunks(
    chunks: Iterator[parallel.Result],
    writer: DecisionWriter,
    on_row: Callable[[], None] | None = None,
) -> BatchStats:
    """Like write_decisions, for chunks of rows decided and serialised by workers."""
    stats = BatchStats()
    try:
        for counts, items in chunks:
            writer.write_chunk(items)
            stats.rows += len(items)
            stats.outcomes.update(counts)
            if on_row is not None:
                for _ in items:
                    on_row()
    except BaseException:
        writer.close(complete=False)
        raise
    writer.close()
    return stats


def write_decisions(
    decisions: Iterator[Decision] | Iterator[Decision | tuple[str, list[str]]],
    writer: DecisionWriter,
    on_row: Callable[[], None] | None = None,
) -> BatchStats:
    """Write every decision (or the repeat lane's ready cells) and count outcomes; a failed
    run leaves no output file."""
    stats = BatchStats()
    outcomes = stats.outcomes
    try:
        for item in decisions:
            if isinstance(item, tuple):
                writer.write_cells(item[1])
                outcomes[item[0]] += 1
            else:
                writer.write(item)
                outcomes[item.outcome.name] += 1
            stats.rows += 1
            if on_row is not None:
                on_row()
    except BaseException:
        writer.close(complete=False)
        raise
    writer.close()
    return stats


def decide_items(
    items: Iterator[ScanItem], screener: Screener, options: ScreenOptions
) -> Iterator[Decision]:
    """One decision per scanned record, carrying its location."""
    for item in items:
        extra = {"location": item.location}
        if item.transaction is None:
            error = item.error or FieldError("record", "unreadable")
            yield Decision(
                transaction_id=item.record_id,
                outcome=Outcome.ERROR,
                reasons=(R.INVALID_INPUT,),
                error=f"{item.location}: {error}",
                policy=options.policy.value,
                extra=extra,
            )
            continue
        decision = screener.decide(item.transaction, options)
        if decision.outcome is Outcome.ERROR:
            decision = replace(decision, error=f"{item.location}: {decision.error}")
        yield replace(decision, extra=extra)


def scan_file(
    path: Path,
    surface: str | None,
    writer_factory: Callable[[list[str]], DecisionWriter],
    screener: Screener,
    options: ScreenOptions,
    scan_options: ScanOptions,
    on_row: Callable[[], None] | None = None,
) -> tuple[str, BatchStats]:
    """Detect the surface, read every record, and write one decision per record."""
    found, reader = detect(path, surface)
    writer = writer_factory(["location"])
    items = islice(reader(path, scan_options), writer.resumed_rows, None)
    return found, write_decisions(decide_items(items, screener, options), writer, on_row)
