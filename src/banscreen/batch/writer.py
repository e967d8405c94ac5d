"""The decisions file: one output row per input row, streaming, in CSV, JSON lines or
Parquet, checkpointed so a killed run resumes (see batch/checkpoint.py)."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, UsageError
from ..wire import DECISION_COLUMNS, Serialiser
from . import checkpoint as checkpoints


class DecisionWriter:
    """Writes one output row per decision, streaming, in the chosen format.

    A file is written under a temporary name and renamed into place only when every row is
    written, so a crash never leaves a half file that looks complete. CSV cells that a
    spreadsheet would run as formulas are guarded (wire.guard) unless `raw` is set.
    """

    def __init__(
        self,
        out: Path | None,
        fmt: str,
        extra_columns: Sequence[str],
        raw: bool = False,
        identity: checkpoints.RunIdentity | None = None,
        resume: bool = False,
        on_checkpoint: Callable[[], None] | None = None,
    ) -> None:
        self.format = fmt
        self.columns = [*DECISION_COLUMNS, *(c for c in extra_columns if c not in DECISION_COLUMNS)]
        self.serialise = Serialiser(fmt, tuple(self.columns), raw)
        self.count = 0
        self.resumed_rows = 0
        # Called before each checkpoint and before the file takes its name: what the run
        # keeps beside the file (a job's alerts) is saved before the rows that made it are
        # taken as written.
        self.on_checkpoint = on_checkpoint
        self._fh: IO[str] | None = None
        self._parquet: Any = None
        self._buffer: list[list[str]] = []
        self._out = out
        self._partial = out.with_name(out.name + ".partial") if out is not None else None
        self._lock = _lock_output(out) if out is not None else None
        # Checkpoints need a file we can truncate and append to: CSV or JSON lines, not stdout.
        self._identity = identity if self._partial is not None and fmt != "parquet" else None
        if fmt == "parquet":
            if out is None:
                raise UsageError("Parquet output needs --out FILE")
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
            self._csv = csv.writer(self._fh, lineterminator="\n")
            if not self.resumed_rows:
                self._csv.writerow(self.columns)

    def write_chunk(self, items: Sequence[str | list[str]]) -> None:
        """Write rows in order, as `serialise` made them: JSON lines as text, CSV and Parquet
        rows as their cells (already guarded for CSV)."""
        before = self.count
        self.count += len(items)
        if self.format == "jsonl":
            assert self._fh is not None
            self._fh.write("".join(i for i in items if isinstance(i, str)))
        elif self.format == "csv":
            self._csv.writerows(items)
        else:
            self._buffer.extend(i for i in items if isinstance(i, list))
            if len(self._buffer) >= 8192:
                self._flush_parquet()
        every = checkpoints.EVERY_ROWS
        if self._identity is not None and self.count // every > before // every:
            self._checkpoint()

    def _checkpoint(self) -> None:
        assert self._fh is not None and self._partial is not None and self._identity is not None
        if self.on_checkpoint is not None:
            self.on_checkpoint()
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
        columns = list(zip(*self._buffer, strict=True)) or [() for _ in self.columns]
        table = pa.Table.from_arrays([pa.array(c, pa.string()) for c in columns], schema=schema)
        self._parquet.write_table(table)
        self._buffer = []

    def close(self, complete: bool = True) -> None:
        """Finish the output; only a complete one takes its final name."""
        if complete and self.on_checkpoint is not None:
            self.on_checkpoint()
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
        if self._lock is not None:
            Path(self._lock.name).unlink(missing_ok=True)
            self._lock.close()
            self._lock = None


def _lock_output(out: Path) -> IO[bytes] | None:
    """An exclusive lock beside the output, held while this run writes it: two runs writing
    one file would truncate each other's rows and fail at the rename. Refused at once,
    with the file named, when another run holds it; and an output that cannot be written
    there is refused before any work. None where there are no POSIX locks."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return None
    try:
        lock = out.with_name(out.name + ".lock").open("a+b")
    except OSError as exc:  # no such folder, no permission: said before any row is written
        raise InputError(f"{out}: cannot write the output there ({exc.strerror})") from None
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        raise InputError(
            f"{out}: another run is writing this file; wait for it to finish or choose "
            "another --out"
        ) from None
    return lock
