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
from .rows import RowParser, extra_columns, row_id
from .scan import ScanItem, ScanOptions
from .tabular import RawRow, TransactionFile


@dataclass
class BatchStats:
    rows: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)


def _error(raw: RawRow, error: FieldError, policy: Policy) -> Decision:
    return Decision(
        transaction_id=row_id(raw.data),
        outcome=Outcome.ERROR,
        reasons=(R.INVALID_INPUT,),
        error=f"row {raw.number}: {error}",
        policy=policy.value,
        extra=extra_columns(raw.data),
    )


def decide_rows(
    rows: Iterator[RawRow], screener: Screener, options: ScreenOptions
) -> Iterator[Decision]:
    parse_row = RowParser()
    for raw in rows:
        if raw.error is not None:
            yield _error(raw, raw.error, options.policy)
            continue
        try:
            tx = parse_row(raw.data)
        except FieldError as exc:
            yield _error(raw, exc, options.policy)
            continue
        decision = screener.decide(tx, options)
        if decision.outcome is Outcome.ERROR:
            decision = replace(decision, error=f"row {raw.number}: {decision.error}")
        yield decision


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
    if workers > 1:
        chunks = parallel.decide_in_workers(
            rows, source.header or [], screener, options, writer.serialise, workers
        )
        return write_chunks(chunks, writer, on_row)
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
    decisions: Iterator[Decision], writer: DecisionWriter, on_row: Callable[[], None] | None = None
) -> BatchStats:
    """Write every decision and count outcomes; a failed run leaves no output file."""
    stats = BatchStats()
    try:
        for decision in decisions:
            writer.write(decision)
            stats.rows += 1
            stats.outcomes[decision.outcome.name] += 1
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
