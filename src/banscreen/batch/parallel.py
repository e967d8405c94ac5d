"""Decide a stream of rows in worker processes, in order: `screen --workers N`.

Workers are forked after the screener is built, so the registry and its match indexes are
shared copy-on-write rather than rebuilt or pickled. The parent reads rows and writes
output. Each chunk of rows is split by counterparty: a given counterparty always goes to
the same worker, so each worker's caches (names matched, decisions made) are not repeated
by the others — matching a new name is the costly step. Results are put back in input
order. At most a few chunks are in flight, so memory stays flat however large the input.

For CSV and Parquet output the parent also runs the pipeline's repeat lane (batch/lane.py):
a row whose counterparty a worker has already decided is answered in the parent from the
cells that worker returned, and never pickled, sent or parsed. Workers return cells for
those formats (the parent's CSV writer formats them), so what the lane keeps is exactly
what was written for the first row.
"""

from __future__ import annotations

import multiprocessing
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from ..engine import same_on_every_date
from ..errors import FieldError, UsageError
from ..model import Outcome
from ..surfaces.rows import RawRow
from ..tunables import CACHE_ENTRIES, CHUNK_ROWS
from .lane import LaneKey, RepeatLane
from .pipeline import Chunk, Item, Pipeline

# The pipeline and header of the workers, set before the pools fork.
_state: dict[str, object] = {}

# A row travels as (number, values in header order, error, place), or with a dict of its
# values when its keys are not the header's (a ragged row): cheaper to pickle than the
# RawRow itself.
Packed = tuple[int, list[Any] | dict[str, Any], FieldError | None, str]
# How the lane may keep a row a worker decided: never (an ERROR), for its date's period,
# or for any date (nothing matched).
NEVER, PERIOD, ANY_DATE = 0, 1, 2
Result = Chunk
_WorkerResult = tuple[Counter[str], list[Item], list[int]]


def _decide_chunk(chunk: list[Packed]) -> _WorkerResult:
    pipeline, header = _state["pipeline"], _state["header"]
    assert isinstance(pipeline, Pipeline) and isinstance(header, tuple)
    serialise = pipeline.serialise
    assert serialise is not None
    rows = (
        RawRow(
            number,
            dict(zip(header, data, strict=True)) if isinstance(data, list) else data,
            error,
            where,
        )
        for number, data, error, where in chunk
    )
    decisions = list(pipeline.decisions(rows))
    counts = Counter(d.outcome.name for d in decisions)
    if serialise.format == "jsonl":
        return counts, [serialise(d) for d in decisions], []
    items: list[Item] = []
    keep: list[int] = []
    for decision in decisions:
        items.append(serialise.cells(decision))
        if decision.outcome is Outcome.ERROR:
            keep.append(NEVER)
        else:
            keep.append(ANY_DATE if same_on_every_date(decision) else PERIOD)
    return counts, items, keep


def _split(
    chunk: list[tuple[int, RawRow]], header: tuple[str, ...], workers: int
) -> list[list[tuple[int, Packed]]]:
    """The rows per worker, with their positions in the chunk: by counterparty name."""
    parts: list[list[tuple[int, Packed]]] = [[] for _ in range(workers)]
    for position, row in chunk:
        name = row.data.get("counterparty_name")
        key = name.encode("utf-8", "surrogatepass") if isinstance(name, str) else b""
        data = list(row.data.values()) if tuple(row.data) == header else row.data
        packed = (row.number, data, row.error, row.where)
        parts[zlib.crc32(key) % workers].append((position, packed))
    return parts


@dataclass
class _Chunk:
    """A chunk of rows in flight: what the lane answered, what went to which worker, and
    the rows that wait for a counterparty an earlier row sent to a worker."""

    counts: Counter[str]
    ordered: list[Item | None]
    missed: list[tuple[int, RawRow]] = field(default_factory=list)
    keys: dict[int, LaneKey] = field(default_factory=dict)
    waiting: list[tuple[int, RawRow, LaneKey]] = field(default_factory=list)
    parts: list[list[tuple[int, Packed]]] = field(default_factory=list)
    futures: list[AsyncResult[_WorkerResult]] = field(default_factory=list)


class _Repeats:
    """The repeat lane in the parent. A counterparty already decided is answered from the
    lane; one already on its way to a worker is not sent again: its rows wait for that
    answer, which the lane holds once the earlier chunk is merged (chunks merge in order)."""

    def __init__(self, lane: RepeatLane | None, decide: Callable[[RawRow], Item]) -> None:
        self.lane = lane
        self._sent: dict[LaneKey, int] = {}  # key -> chunks in flight that sent it
        # Keys whose last decision the lane did not keep (an ERROR, an overlong key): their
        # rows go to the workers rather than wait for an answer that may not come.
        self._unkept: set[LaneKey] = set()
        self._decide = decide  # the ordinary path, for a waiting row the lane cannot answer

    def split(self, rows: list[RawRow]) -> _Chunk:
        """The rows the lane answers now, those that wait, and those to send to workers."""
        chunk = _Chunk(Counter(), [None] * len(rows))
        lane = self.lane
        if lane is None:
            chunk.missed = list(enumerate(rows))
            return chunk
        sent_here: set[LaneKey] = set()
        for position, raw in enumerate(rows):
            key = None
            if raw.error is None and raw.data is not None:
                key = lane.key(raw.data)
            if key is not None:
                try:
                    found = lane.cells(raw.data, key)
                    if found is not None:
                        chunk.counts[found[0]] += 1
                        chunk.ordered[position] = found[1]
                        continue
                    if lane.has(key):
                        key = None  # kept, but this row's own columns are unusual
                    elif key not in self._unkept and (key in sent_here or key in self._sent):
                        chunk.waiting.append((position, raw, key))
                        continue
                except TypeError:  # an unhashable value: the ordinary path says what it is
                    key = None
                if key is not None:
                    chunk.keys[position] = key
                    sent_here.add(key)
            chunk.missed.append((position, raw))
        for key in sent_here:
            self._sent[key] = self._sent.get(key, 0) + 1
        return chunk

    def merge(self, chunk: _Chunk) -> Result:
        """The chunk's rows in order, once its workers are done; what they decided is kept
        in the lane before the rows that waited for it are answered."""
        lane, counts, ordered = self.lane, chunk.counts, chunk.ordered
        for part, future in zip(chunk.parts, chunk.futures, strict=True):
            part_counts, items, keep = future.get()
            counts.update(part_counts)
            for index, ((position, _), item) in enumerate(zip(part, items, strict=True)):
                ordered[position] = item
                key = chunk.keys.get(position)
                if lane is None or key is None:
                    continue
                assert isinstance(item, list)
                if keep[index] != NEVER and lane.keep(
                    key, _outcome_of(item), item, keep[index] == ANY_DATE
                ):
                    self._unkept.discard(key)
                else:  # an ERROR names its own row: the next row of the key may be fine
                    if len(self._unkept) >= CACHE_ENTRIES:
                        self._unkept.clear()
                    self._unkept.add(key)
        if lane is not None:
            for position, raw, key in chunk.waiting:
                found = lane.cells(raw.data, key)
                if found is None:  # an ERROR or an unkept key, or unusual columns
                    cells = self._decide(raw)
                    assert isinstance(cells, list)
                    found = _outcome_of(cells), cells
                counts[found[0]] += 1
                ordered[position] = found[1]
            for key in set(chunk.keys.values()):
                left = self._sent.pop(key) - 1
                if left:
                    self._sent[key] = left
        assert all(item is not None for item in ordered)
        return counts, ordered  # type: ignore[return-value]


def _outcome_of(cells: list[str]) -> str:
    # The outcome cell is the second column and is never neutralised (a plain word).
    return cells[1]


def chunks(
    pipeline: Pipeline, rows: Iterator[RawRow], header: list[str], workers: int
) -> Iterator[Result]:
    """(outcome counts, written rows) per chunk of input rows, in input order."""
    serialise = pipeline.serialise
    if serialise is None or pipeline.hook is not None:
        raise UsageError("workers write output and take no hook")
    _state.update(pipeline=pipeline, header=tuple(header))
    context = multiprocessing.get_context("fork")
    pools: list[Pool] = [context.Pool(1) for _ in range(workers)]
    # The ordinary path in the parent, for a waiting row the lane cannot answer.
    repeats = _Repeats(pipeline.lane, lambda raw: serialise(pipeline.decide(raw)))
    try:
        pending: deque[_Chunk] = deque()
        while rows_in := list(islice(rows, CHUNK_ROWS)):
            chunk = repeats.split(rows_in)
            parts = _split(chunk.missed, _state["header"], workers)  # type: ignore[arg-type]
            chunk.parts = [part for part in parts if part]
            chunk.futures = [
                pool.apply_async(_decide_chunk, ([packed for _, packed in part],))
                for pool, part in zip(pools, parts, strict=True)
                if part
            ]
            pending.append(chunk)
            if len(pending) >= 3:
                yield repeats.merge(pending.popleft())
        while pending:
            yield repeats.merge(pending.popleft())
    finally:
        for pool in pools:
            pool.terminate()
            pool.join()
