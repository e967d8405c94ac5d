"""Decisions as output rows (the command-line contract's columns) and as JSON."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Decision, MatchEvidence, ProgramHit
from . import checkpoint as checkpoints
from .rows import OUTPUT_COLUMNS


def decision_row(decision: Decision) -> dict[str, str]:
    """The contract's columns, plus the unknown input columns the row carried."""
    row = {
        "id": decision.transaction_id,
        "outcome": decision.outcome.name,
        "programs": ";".join(decision.programs),
        "entity_id": decision.entity_id,
        "entity_name": decision.entity_name,
        "score": "" if decision.score is None else f"{decision.score:.4f}",
        "method": decision.method,
        "path": decision.path,
        "reasons": ";".join(decision.reasons),
        "error": decision.error,
    }
    for key, value in decision.extra.items():
        row.setdefault(key, value)
    return row


def _evidence_json(ev: MatchEvidence) -> dict[str, Any]:
    return {
        "entity_id": ev.entity_id,
        "method": ev.method,
        "score": ev.score,
        "field": ev.field,
        "query": ev.query,
        "matched": ev.matched,
        "source": ev.fact.source,
        "provenance": ev.fact.provenance.value,
        "tokens": [{"query": a, "name": b, "share": c} for a, b, c in ev.tokens],
    }


def _hit_json(hit: ProgramHit) -> dict[str, Any]:
    return {
        "program": hit.program_id,
        "citation": hit.citation,
        "section": hit.section,
        "category": hit.category,
        "status": hit.status,
        "outcome": hit.outcome.name,
        "reasons": list(hit.reasons),
        "entity_id": hit.evidence.entity_id,
        "path": hit.path_text,
        "path_steps": [
            {
                "from": s.source_id,
                "relation": s.relation,
                "to": s.target_id,
                "forward": s.forward,
                "source": s.fact.source,
                "provenance": s.fact.provenance.value,
            }
            for s in hit.path
        ],
        "evidence": _evidence_json(hit.evidence),
    }


def decision_json(decision: Decision) -> dict[str, Any]:
    """Everything a decision knows: the contract columns plus hits, matches and context."""
    out: dict[str, Any] = decision_row(decision)
    out["score"] = decision.score
    out["as_of"] = decision.as_of.isoformat() if decision.as_of else None
    out["policy"] = decision.policy
    out["data_version"] = decision.data_version
    out["hits"] = [_hit_json(h) for h in decision.hits]
    out["matches"] = [_evidence_json(m) for m in decision.matches]
    return out


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True)
class Serialiser:
    """A decision in the form its output format writes; small and picklable, so batch
    workers can serialise in parallel and the writer only writes."""

    format: str
    columns: tuple[str, ...]
    raw: bool = False

    def __call__(self, decision: Decision) -> dict[str, str] | str:
        if self.format == "jsonl":
            return json.dumps(decision_json(decision), ensure_ascii=False) + "\n"
        row = decision_row(decision)
        if self.format == "csv":
            return row if self.raw else {k: neutralise_formula(v) for k, v in row.items()}
        return {c: row.get(c, "") for c in self.columns}

    def cells(self, decision: Decision) -> list[str]:
        """A CSV or Parquet row as its cells in column order (CSV cells neutralised)."""
        row = self(decision)
        assert isinstance(row, dict)
        return [row.get(c, "") for c in self.columns]


class DecisionWriter:
    """Writes one output row per decision, streaming, in the chosen format.

    A file is written under a temporary name and renamed into place only when every row is
    written, so a crash never leaves a half file that looks complete. CSV cells that a
    spreadsheet would run as formulas are neutralised unless `raw` is set.
    """

    def __init__(
        self,
        out: Path | None,
        fmt: str,
        extra_columns: Sequence[str],
        raw: bool = False,
        identity: checkpoints.RunIdentity | None = None,
        resume: bool = False,
    ) -> None:
        self.format = fmt
        self.columns = [*OUTPUT_COLUMNS, *(c for c in extra_columns if c not in OUTPUT_COLUMNS)]
        self.serialise = Serialiser(fmt, tuple(self.columns), raw)
        self.count = 0
        self.resumed_rows = 0
        self._raw = raw
        self._fh: IO[str] | None = None
        self._parquet: Any = None
        self._buffer: list[dict[str, str]] = []
        self._out = out
        self._partial = out.with_name(out.name + ".partial") if out is not None else None
        # Checkpoints need a file we can truncate and append to: CSV or JSON lines, not stdout.
        self._identity = identity if self._partial is not None and fmt != "parquet" else None
        if fmt == "parquet":
            if out is None:
                raise ValueError("Parquet output needs --out FILE")
            if resume:
                raise InputError("--resume works with CSV and JSON lines output, not Parquet")
            return
        if self._partial is None:
            if resume:
                raise InputError("--resume needs --out FILE")
            self._fh = sys.stdout
        else:
            found = None
            if resume and self._identity is not None:
                found = checkpoints.load(self._partial, self._identity)
            if found is not None:
                with self._partial.open("r+b") as raw_file:
                    raw_file.truncate(found.bytes)
                self.resumed_rows = found.rows
                self._fh = self._partial.open("a", encoding="utf-8", newline="")
            else:
                self._fh = self._partial.open("w", encoding="utf-8", newline="")
        if fmt == "csv":
            self._csv = csv.DictWriter(
                self._fh, fieldnames=self.columns, extrasaction="ignore", lineterminator="\n"
            )
            if not self.resumed_rows:
                self._csv.writeheader()

    def write(self, decision: Decision) -> None:
        self.write_serialised(self.serialise(decision))

    def write_serialised(self, item: dict[str, str] | str) -> None:
        """Write what `serialise` made of a decision (in this process or a worker)."""
        self.count += 1
        if isinstance(item, str):
            assert self._fh is not None
            self._fh.write(item)
        elif self.format == "csv":
            self._csv.writerow(item)
        else:
            self._buffer.append(item)
            if len(self._buffer) >= 8192:
                self._flush_parquet()
        if self._identity is not None and self.count % checkpoints.EVERY_ROWS == 0:
            self._checkpoint()

    def write_cells(self, cells: list[str]) -> None:
        """Write one row given as its cells in column order, already neutralised for CSV (the
        repeat lane's rows)."""
        self.count += 1
        if self.format == "csv":
            self._csv.writer.writerow(cells)
        else:
            self._buffer.append(dict(zip(self.columns, cells, strict=True)))
            if len(self._buffer) >= 8192:
                self._flush_parquet()
        if self._identity is not None and self.count % checkpoints.EVERY_ROWS == 0:
            self._checkpoint()

    def write_chunk(self, items: Sequence[str | list[str]]) -> None:
        """Write rows decided by workers, in order: JSON lines as text, CSV and Parquet rows
        as their cells (already neutralised for CSV, as `write_cells` takes them)."""
        before = self.count
        self.count += len(items)
        if self.format == "jsonl":
            assert self._fh is not None
            self._fh.write("".join(i for i in items if isinstance(i, str)))
        elif self.format == "csv":
            self._csv.writer.writerows(items)
        else:
            columns = self.columns
            self._buffer.extend(dict(zip(columns, i, strict=True)) for i in items)
            if len(self._buffer) >= 8192:
                self._flush_parquet()
        every = checkpoints.EVERY_ROWS
        if self._identity is not None and self.count // every > before // every:
            self._checkpoint()

    def _checkpoint(self) -> None:
        assert self._fh is not None and self._partial is not None and self._identity is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        size = os.fstat(self._fh.fileno()).st_size
        rows = self.resumed_rows + self.count
        checkpoints.save(self._partial, checkpoints.Checkpoint(self._identity, rows, size))

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.string()) for c in self.columns])
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(str(self._partial), schema)
        table = pa.Table.from_pylist(self._buffer, schema=schema)
        self._parquet.write_table(table)
        self._buffer = []

    def close(self, complete: bool = True) -> None:
        """Finish the output; only a complete one takes its final name."""
        if self.format == "parquet":
            if complete and (self._buffer or self._parquet is None):
                self._flush_parquet()
            if self._parquet is not None:
                self._parquet.close()
        elif self._fh is not None:
            if self._fh is sys.stdout:
                self._fh.flush()
            else:
                self._fh.close()
        if self._partial is not None and self._out is not None:
            if complete:
                os.replace(self._partial, self._out)
                checkpoints.clear(self._partial)
            elif not checkpoints.checkpoint_path(self._partial).exists():
                self._partial.unlink(missing_ok=True)  # nothing to resume from
