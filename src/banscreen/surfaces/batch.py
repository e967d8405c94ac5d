"""Screen a transaction file into a decisions file: one output row per input row, in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from ..decide import reasons as R
from ..engine import Screener, ScreenOptions
from ..errors import FieldError
from ..model import Decision, Outcome, Policy
from .output import DecisionWriter
from .rows import extra_columns, parse_row, row_id
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
) -> BatchStats:
    stats = BatchStats()
    source.open_header()
    writer = writer_factory(source.extra_columns)
    try:
        for decision in decide_rows(source.rows(on_bytes), screener, options):
            writer.write(decision)
            stats.rows += 1
            stats.outcomes[decision.outcome.name] += 1
            if on_row is not None:
                on_row()
    finally:
        writer.close()
    return stats
