"""Decide a stream of rows in worker processes, in order: `screen --workers N`.

Workers are forked after the screener is built, so the registry and its match indexes are
shared copy-on-write rather than rebuilt or pickled. The parent reads rows and writes
output. Each chunk of rows is split by counterparty: a given counterparty always goes to
the same worker, so each worker's caches (names matched, decisions made) are not repeated
by the others — matching a new name is the costly step. Results are put back in input
order. At most a few chunks are in flight, so memory stays flat however large the input.
"""

from __future__ import annotations

import multiprocessing
import zlib
from collections import Counter, deque
from collections.abc import Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from ..engine import Screener, ScreenOptions
from ..errors import FieldError
from .output import Serialiser, serialise_each
from .tabular import RawRow

CHUNK_ROWS = 4096

# The screener, options, serialiser and header of a worker, set before the pools fork.
_state: dict[str, object] = {}

# A row travels as (number, values in header order, error), or (number, dict, error) when
# its keys are not the header's (a ragged row): cheaper to pickle than the RawRow itself.
Packed = tuple[int, list[Any] | dict[str, Any], FieldError | None]
Items = list[str] | list[dict[str, str]]
Result = tuple[Counter[str], Items]


def _decide_chunk(chunk: list[Packed]) -> Result:
    from .batch import decide_rows

    screener, options = _state["screener"], _state["options"]
    serialise, header = _state["serialise"], _state["header"]
    assert isinstance(screener, Screener) and isinstance(options, ScreenOptions)
    assert isinstance(serialise, Serialiser) and isinstance(header, tuple)
    rows = (
        RawRow(
            number, dict(zip(header, data, strict=True)) if isinstance(data, list) else data, error
        )
        for number, data, error in chunk
    )
    decisions = list(decide_rows(rows, screener, options))
    return Counter(d.outcome.name for d in decisions), serialise_each(serialise, decisions)


def _split(
    chunk: list[RawRow], header: tuple[str, ...], workers: int
) -> list[list[tuple[int, Packed]]]:
    """The chunk's rows per worker, with their positions: by counterparty name."""
    parts: list[list[tuple[int, Packed]]] = [[] for _ in range(workers)]
    for position, row in enumerate(chunk):
        name = row.data.get("counterparty_name")
        key = name.encode("utf-8", "surrogatepass") if isinstance(name, str) else b""
        data = list(row.data.values()) if tuple(row.data) == header else row.data
        parts[zlib.crc32(key) % workers].append((position, (row.number, data, row.error)))
    return parts


def _merge(size: int, parts: list[list[tuple[int, Packed]]], results: list[Result]) -> Result:
    counts: Counter[str] = Counter()
    ordered: list[Any] = [None] * size
    for part, (part_counts, items) in zip(parts, results, strict=True):
        counts.update(part_counts)
        for (position, _), item in zip(part, items, strict=True):
            ordered[position] = item
    return counts, ordered


def decide_in_workers(
    rows: Iterator[RawRow],
    header: list[str],
    screener: Screener,
    options: ScreenOptions,
    serialise: Serialiser,
    workers: int,
) -> Iterator[Result]:
    """(outcome counts, serialised rows) per chunk of input rows, in input order."""
    _state.update(screener=screener, options=options, serialise=serialise, header=tuple(header))
    context = multiprocessing.get_context("fork")
    pools: list[Pool] = [context.Pool(1) for _ in range(workers)]
    try:
        pending: deque[tuple[int, list[list[tuple[int, Packed]]], list[AsyncResult[Result]]]]
        pending = deque()
        while chunk := list(islice(rows, CHUNK_ROWS)):
            parts = _split(chunk, _state["header"], workers)  # type: ignore[arg-type]
            futures = [
                pool.apply_async(_decide_chunk, ([packed for _, packed in part],))
                for pool, part in zip(pools, parts, strict=True)
            ]
            pending.append((len(chunk), parts, futures))
            if len(pending) >= 3:
                size, done_parts, done = pending.popleft()
                yield _merge(size, done_parts, [f.get() for f in done])
        while pending:
            size, done_parts, done = pending.popleft()
            yield _merge(size, done_parts, [f.get() for f in done])
    finally:
        for pool in pools:
            pool.terminate()
            pool.join()
