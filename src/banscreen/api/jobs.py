"""Background jobs: a posted file screened into a decisions file, resumable after a crash.

The input is written to the data directory before the job is acknowledged; the job runs
through the same batch path as `banscreen screen`, whose checkpointed, atomically renamed
output lets a job killed with the server resume where its output stops: every row gets
exactly one decision. A job found queued or running when the service starts is resumed.

Then the rows decided REVIEW or BLOCK are kept in the store with their alerts, like a
synchronous screening, so they reach the analysts' queue. They are recorded in parts of
ALERT_PART rows, each in one transaction and named by the job and its first row; a part
recorded before a crash is skipped on resume, so no alert is lost or opened twice.
"""

from __future__ import annotations

import csv
import json
import queue
import threading
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..engine import Screener, ScreenOptions
from ..model import Policy
from ..store import Store
from ..store.tables import Job
from ..surfaces.batch import row_decider, screen_file
from ..surfaces.checkpoint import RunIdentity
from ..surfaces.output import DecisionWriter
from ..surfaces.tabular import RawRow, TransactionFile
from .recording import record_decisions

PROGRESS_EVERY = 2000
ALERT_PART = 2000
_ALERTED = ("REVIEW", "BLOCK")


class JobRunner:
    def __init__(
        self,
        store: Store,
        screener: Screener,
        root: Path,
        refresh: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.screener = screener
        self.root = root
        self._refresh = refresh  # brings the screener's accept list up to date
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="banscreen-jobs", daemon=True)
        self._thread.start()
        for job in store.pending_jobs():
            self._queue.put(job.id)

    def folder(self, job_id: str) -> Path:
        return self.root / job_id

    def input_path(self, job_id: str, input_format: str) -> Path:
        return self.folder(job_id) / f"input.{input_format}"

    def output_path(self, job_id: str) -> Path:
        return self.folder(job_id) / "decisions.csv"

    def submit(self, job_id: str) -> None:
        self._queue.put(job_id)

    def _work(self) -> None:
        while True:
            job_id = self._queue.get()
            try:
                self._run(job_id)
            except Exception as exc:  # a job's failure must not stop the runner
                self.store.update_job(job_id, status="failed", error=f"{type(exc).__name__}: {exc}")
                traceback.print_exc()

    def _run(self, job_id: str) -> None:
        job = self.store.job(job_id)
        if job is None or job.status in ("done", "failed"):
            return
        self.store.update_job(job_id, status="running")
        if self._refresh is not None:
            self._refresh()
        path = self.input_path(job_id, job.input_format)
        as_of = date.fromisoformat(job.as_of) if job.as_of else None
        options = ScreenOptions(policy=Policy(job.policy), as_of=as_of)
        source = TransactionFile(path, job.input_format)
        identity = RunIdentity.of(
            path, f"job|{job.policy}|{job.as_of}|{self.screener.registry.version}|csv"
        )
        done = 0
        resumed = 0

        def writer(extra: list[str]) -> DecisionWriter:
            nonlocal resumed
            made = DecisionWriter(
                self.output_path(job_id), "csv", extra, identity=identity, resume=True
            )
            resumed = made.resumed_rows
            return made

        def progress() -> None:
            nonlocal done
            done += 1
            if done % PROGRESS_EVERY == 0:
                self.store.update_job(job_id, rows_done=resumed + done)

        stats = screen_file(source, writer, self.screener, options, on_row=progress)
        self.open_alerts(job, options)
        self.store.update_job(
            job_id,
            status="done",
            rows_done=resumed + stats.rows,
            outcomes=json.dumps(dict(stats.outcomes)),
        )

    def open_alerts(self, job: Job, options: ScreenOptions) -> int:
        """Record the job's REVIEW and BLOCK rows with their alerts; rows recorded now."""
        recorded = self.store.job_parts(job.id)
        decide = row_decider(self.screener, options)
        count = 0

        def flush(part: list[RawRow]) -> None:
            nonlocal count
            name = f"{job.id}:{part[0].number}"
            if name in recorded:
                return
            decisions = [decide(raw) for raw in part]
            record_decisions(
                self.store, self.screener, part, decisions, job.actor, "job", job.policy, name
            )
            count += len(part)

        source = TransactionFile(self.input_path(job.id, job.input_format), job.input_format)
        with self.output_path(job.id).open(encoding="utf-8", newline="") as out:
            outcomes = (row["outcome"] for row in csv.DictReader(out))
            part: list[RawRow] = []
            # One output row per input row, in order: a mismatch is a failed job, not a guess.
            for raw, outcome in zip(source.rows(), outcomes, strict=True):
                if outcome in _ALERTED:
                    part.append(raw)
                    if len(part) >= ALERT_PART:
                        flush(part)
                        part = []
            if part:
                flush(part)
        return count
