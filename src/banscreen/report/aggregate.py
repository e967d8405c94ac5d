"""A decisions file's aggregates: counts, the top entities with one example each, the row
numbers of ERRORs by cause — what a report shows, kept in the memory of a few thousand rows
however many it reads.

Parsing is most of the work (a decision with its hits is about 2 KB of JSON). msgspec decodes
each line into `Seen`, which names only the fields a report counts: the rest of the line is
skipped without building Python objects, and a hit's evidence is kept as raw JSON until it
becomes an entity's example (three times faster than parsing the whole line into dicts). A
large file is read in byte ranges by one process per core, each range's aggregates merged in
file order (so each entity's example is still its first hit in the file).
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from ..errors import InputError
from ..model import Decision
from ..wire import decision_json, json_text

ROWS_PER_CAUSE = 50  # row numbers listed for each cause of ERROR
PARALLEL_BYTES = 64 * 1024 * 1024  # files larger than this are read by several processes
_ROW = re.compile(r"^row (\d+): ")


class SeenHit(msgspec.Struct):
    """A program's hit, as far as a report reads it."""

    program: object = None
    outcome: object = None
    path: object = ""
    evidence: msgspec.Raw = msgspec.Raw(b"{}")


class Seen(msgspec.Struct):
    """A decision, as far as a report reads it (`screen --format jsonl`'s line)."""

    outcome: object = ""
    policy: object = ""
    data_version: object = ""
    reasons: object = ""
    error: object = ""
    as_of: object = None
    entity_id: object = ""
    entity_name: object = ""
    hits: list[SeenHit] | None = None


_DECODE = msgspec.json.Decoder(Seen)


@dataclass
class EntitySeen:
    name: str
    outcomes: Counter[str] = field(default_factory=Counter)
    example: dict[str, Any] = field(default_factory=dict)  # the first hit: path, evidence

    @property
    def count(self) -> int:
        return sum(self.outcomes.values())


@dataclass
class Report:
    """Aggregates of a decisions file, added one decision at a time."""

    rows: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    by_program: Counter[tuple[str, str]] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    by_month: Counter[tuple[str, str]] = field(default_factory=Counter)
    entities: dict[str, EntitySeen] = field(default_factory=dict)
    errors: dict[str, list[int]] = field(default_factory=dict)
    error_counts: Counter[str] = field(default_factory=Counter)
    policies: Counter[str] = field(default_factory=Counter)
    data_versions: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None

    def add(self, decision: Seen) -> None:
        self.rows += 1
        outcome = str(decision.outcome)
        self.outcomes[outcome] += 1
        self.policies[str(decision.policy)] += 1
        self.data_versions[str(decision.data_version)] += 1
        for reason in str(decision.reasons).split(";"):
            if reason:
                self.reasons[reason] += 1
        if outcome == "ERROR":
            self._error(str(decision.error))
            return
        hits = decision.hits or []
        for hit in hits:
            self.by_program[(str(hit.program), str(hit.outcome))] += 1
        day = _day(decision.as_of) if isinstance(decision.as_of, str) else None
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
            if outcome in ("REVIEW", "BLOCK"):
                self.by_month[(day.strftime("%Y-%m"), outcome)] += 1
        entity = str(decision.entity_id or "")
        if entity and outcome in ("REVIEW", "BLOCK"):
            seen = self.entities.get(entity)
            if seen is None:
                seen = self.entities[entity] = EntitySeen(str(decision.entity_name))
            seen.outcomes[outcome] += 1
            if not seen.example and hits:
                top = hits[0]
                evidence = msgspec.json.decode(top.evidence) if top.evidence else {}
                seen.example = {"path": top.path or "", "evidence": evidence}

    def _error(self, message: str) -> None:
        found = _ROW.match(message)
        cause = _ROW.sub("", message) if found else message
        # The same problem in another row differs only in the quoted value: group by field.
        cause = re.sub(r": .*?'.*$", "", cause) if "'" in cause else cause
        self.error_counts[cause] += 1
        rows = self.errors.setdefault(cause, [])
        if found and len(rows) < ROWS_PER_CAUSE:
            rows.append(int(found.group(1)))

    def merge(self, other: Report) -> None:
        """Add the aggregates of the rows that follow this report's in the file."""
        self.rows += other.rows
        self.outcomes.update(other.outcomes)
        self.by_program.update(other.by_program)
        self.reasons.update(other.reasons)
        self.by_month.update(other.by_month)
        self.error_counts.update(other.error_counts)
        self.policies.update(other.policies)
        self.data_versions.update(other.data_versions)
        for entity, seen in other.entities.items():
            found = self.entities.setdefault(entity, EntitySeen(seen.name))
            found.outcomes.update(seen.outcomes)
            found.example = found.example or seen.example
        for cause, rows in other.errors.items():
            kept = self.errors.setdefault(cause, [])
            kept.extend(rows[: ROWS_PER_CAUSE - len(kept)])
        days = [d for d in (self.first, other.first) if d is not None]
        self.first = min(days) if days else None
        days = [d for d in (self.last, other.last) if d is not None]
        self.last = max(days) if days else None


class ReportHook:
    """A pipeline hook (batch/pipeline.py) that adds every decision to a report as it is
    made: `screen --report` builds the report while it screens, from the decisions
    themselves (a CSV output holds neither the transaction date nor the evidence)."""

    outcomes = frozenset({"CLEAR", "REVIEW", "BLOCK", "ERROR"})

    def __init__(self) -> None:
        self.report = Report()

    def __call__(self, raw: object, decision: Decision) -> None:
        self.report.add(_DECODE.decode(json_text(decision_json(decision))))


@functools.lru_cache(maxsize=4096)  # a file holds few distinct dates
def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def read(path: Path, workers: int | None = None) -> Report:
    """The report of a JSON-lines decisions file (one process per core for a large one)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    count = workers or min(os.cpu_count() or 1, 8)
    if count < 2 or size < PARALLEL_BYTES:
        return _read_range(path, 0, size)[0]
    bounds = _ranges(path, size, count)
    with ProcessPoolExecutor(len(bounds)) as pool:
        parts = list(pool.map(_read_range, [path] * len(bounds), *zip(*bounds, strict=True)))
    report = Report()
    for part, _ in parts:
        report.merge(part)
    return report


def _ranges(path: Path, size: int, count: int) -> list[tuple[int, int]]:
    """`count` byte ranges of the file, each starting at the beginning of a line."""
    starts = [0]
    with path.open("rb") as fh:
        for i in range(1, count):
            fh.seek(size * i // count)
            fh.readline()  # to the start of the next line
            starts.append(max(fh.tell(), starts[-1]))
    ends = [*starts[1:], size]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]


def _read_range(path: Path, start: int, end: int) -> tuple[Report, int]:
    """The aggregates of the lines in [start, end), and how many lines that is."""
    report = Report()
    number = 0
    try:
        with path.open("rb") as fh:
            fh.seek(start)
            position = start
            while position < end:
                line = fh.readline()
                if not line:
                    break
                position += len(line)
                number += 1
                if not line.strip():
                    continue
                try:
                    report.add(_DECODE.decode(line))
                except (msgspec.DecodeError, ValueError) as exc:
                    where = _line_number(path, start) + number
                    raise InputError(
                        f"{path}:{where}: not a decision as `screen --format jsonl` writes"
                        f" it ({exc})"
                    ) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    return report, number


def _line_number(path: Path, offset: int) -> int:
    """Lines before `offset` (only worked out for an error message)."""
    with path.open("rb") as fh:
        return fh.read(offset).count(b"\n")
