"""Delta rescreen: after a list change, decide again only the rows the change can affect.

A row is affected when its earlier decision named an entity the change touched (an entry
removed or changed, or whose ownership changed), when it matches such an entity now, or
when there is no earlier decision for it. Every other row keeps its decision: the rest of
the registry is what it was. The report lists the decisions that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..engine import Screener, ScreenOptions
from ..errors import InputError
from ..model import Decision
from ..surfaces.tabular import TransactionFile
from ..wire import unguard
from .pipeline import Pipeline


@dataclass(frozen=True)
class Prior:
    outcome: str
    programs: str
    entity_id: str


@dataclass
class RescreenStats:
    rows: int = 0
    invalid: int = 0  # rows that do not parse: their decision is ERROR whatever the list says
    affected: int = 0
    changed: int = 0
    without_prior: int = 0


@dataclass(frozen=True)
class Changed:
    prior: Prior | None
    decision: Decision


def _cell(value: object) -> str:
    # Decisions written as CSV may carry the formula guard's leading quote.
    return unguard("" if value is None else str(value))


def read_prior(source: TransactionFile) -> dict[str, Prior]:
    """Earlier decisions by transaction id (CSV, JSON lines or Parquet, as `screen` wrote)."""
    source.open_header()
    header = source.header or []
    missing = [c for c in ("id", "outcome", "programs", "entity_id") if c not in header]
    if missing:
        raise InputError(f"{source.path}: not a decisions file (missing {', '.join(missing)})")
    prior: dict[str, Prior] = {}
    for raw in source.rows():
        if raw.error is not None:
            continue
        data = raw.data
        prior[_cell(data.get("id"))] = Prior(
            _cell(data.get("outcome")), _cell(data.get("programs")), _cell(data.get("entity_id"))
        )
    return prior


def delta_rescreen(
    source: TransactionFile,
    prior: dict[str, Prior],
    screener: Screener,
    touched: set[str],
    options: ScreenOptions,
    stats: RescreenStats,
    on_row: Callable[[], None] | None = None,
) -> Iterator[Changed]:
    """Changed decisions, in input order; `stats` counts what was done. Each row is matched
    once: its evidence says whether the change touches it, and the decision reuses it."""
    pipeline = Pipeline(screener, options)
    source.open_header()
    for raw in source.rows():
        stats.rows += 1
        if on_row is not None:
            on_row()
        tx = pipeline.parse(raw)
        if isinstance(tx, Decision):  # ERROR whatever the list says
            stats.invalid += 1
            continue
        before = prior.get(tx.id)
        affected = before is None or before.entity_id in touched
        if not affected:
            affected = any(ev.entity_id in touched for ev in screener.evidence(tx))
        if not affected:
            continue
        stats.affected += 1
        if before is None:
            stats.without_prior += 1
        decision = pipeline.decide_parsed(raw, tx)
        now = Prior(decision.outcome.name, ";".join(decision.programs), decision.entity_id)
        if before != now:
            stats.changed += 1
            yield Changed(before, decision)
