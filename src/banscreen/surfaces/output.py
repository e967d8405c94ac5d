"""Decisions as output rows (the command-line contract's columns) and as JSON."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Sequence
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
        self.count += 1
        self._write(decision)
        if self._identity is not None and self.count % checkpoints.EVERY_ROWS == 0:
            self._checkpoint()

    def _checkpoint(self) -> None:
        assert self._fh is not None and self._partial is not None and self._identity is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        size = os.fstat(self._fh.fileno()).st_size
        rows = self.resumed_rows + self.count
        checkpoints.save(self._partial, checkpoints.Checkpoint(self._identity, rows, size))

    def _write(self, decision: Decision) -> None:
        if self.format == "csv":
            row = decision_row(decision)
            if not self._raw:
                row = {k: neutralise_formula(v) for k, v in row.items()}
            self._csv.writerow(row)
        elif self.format == "jsonl":
            assert self._fh is not None
            self._fh.write(json.dumps(decision_json(decision), ensure_ascii=False) + "\n")
        else:
            row = decision_row(decision)
            self._buffer.append({c: row.get(c, "") for c in self.columns})
            if len(self._buffer) >= 8192:
                self._flush_parquet()

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
