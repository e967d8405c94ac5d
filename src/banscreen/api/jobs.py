"""Background jobs: a posted file screened into a decisions file, resumable after a crash.

The input is written to the data directory before the job is acknowledged; the job runs
through the same batch path as `banscreen screen`, whose checkpointed, atomically renamed
output lets a job killed with the server resume where its output stops: every row gets
exactly one decision. A job found queued or running when the service starts is resumed.

The rows decided REVIEW or BLOCK are kept in the store with their alerts, like a
synchronous screening, so they reach the analysts' queue: a pipeline hook (`AlertRecorder`)
takes each such decision as it is made, so no row is decided twice. They are recorded in
parts, each in one database transaction and named by the job and the first and last row
it holds, before every checkpoint of the output (and before the output takes its name). A
resumed job decides again the rows after the last checkpoint; those a part already holds
are skipped, so no alert is lost or opened twice.
"""

from __future__ import annotations

import csv
import json
import logging
import threading
from collections import Counter, deque
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..batch import DecisionWriter, screen_file
from ..batch.checkpoint import RunIdentity
from ..engine import Screener, ScreenOptions
from ..errors import BanscreenError
from ..model import Decision, Policy
from ..store import Store
from ..store.tables import Job
from ..surfaces.rows import RawRow
from ..surfaces.tabular import TransactionFile
from ..tunables import ALERT_PART, PROGRESS_EVERY
from .job_report import Hooks, JobReport
from .recording import screened

_log = logging.getLogger("banscreen.jobs")


class AlertRecorder:
    """The pipeline hook of a job: its REVIEW and BLOCK decisions, recorded in parts.

    A part is named `JOB:FIRST:LAST` (input row numbers). Rows inside a part already
    recorded (a job resumed after a crash decides again the rows after its last checkpoint)
    are not recorded again."""

    outcomes = frozenset({"REVIEW", "BLOCK"})

    def __init__(self, store: Store, screener: Screener, job: Job) -> None:
        self.store = store
        self.screener = screener
        self.job = job
        self.recorded = 0
        self._pending: list[tuple[RawRow, Decision]] = []
        self._done: list[tuple[int, int]] = []
        for name in store.job_parts(job.id):
            parts = name.rsplit(":", 2)
            if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
                self._done.append((int(parts[1]), int(parts[2])))

    def __call__(self, raw: RawRow, decision: Decision) -> None:
        if any(first <= raw.number <= last for first, last in self._done):
            return
        self._pending.append((raw, decision))
        if len(self._pending) >= ALERT_PART:
            self.flush()

    def flush(self) -> None:
        """Record what is pending, in one part."""
        if not self._pending:
            return
        rows = [raw for raw, _ in self._pending]
        first, last = rows[0].number, rows[-1].number
        self.store.record(
            screened(
                self.screener,
                rows,
                [decision for _, decision in self._pending],
                self.job.actor,
                "job",
                self.job.policy,
                f"{self.job.id}:{first}:{last}",
            )
        )
        self._done.append((first, last))
        self.recorded += len(rows)
        self._pending = []


def _outcomes(decisions: Path) -> Counter[str]:
    """Outcome counts of a decisions file (the `screen` CSV columns)."""
    with decisions.open(newline="", encoding="utf-8") as fh:
        return Counter(row["outcome"] for row in csv.DictReader(fh))


def _resume_lock(root: Path) -> IO[bytes] | None:
    """The job runner's lock (held for the life of the process), or None when another
    process of the same server holds it."""
    root.mkdir(parents=True, exist_ok=True)
    handle = (root / ".resume.lock").open("ab")
    try:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # pragma: no cover - not POSIX: one process per server there
        return handle
    except OSError:
        handle.close()
        return None
    return handle


class FairQueue:
    """Jobs waiting, one queue per owner (API key): a free worker takes the oldest job of
    the owner with the fewest jobs running, so a one-row job never waits behind another
    key's 150,000 rows while a worker is free, and one key's burst cannot hold every
    worker while another key waits."""

    def __init__(self) -> None:
        self._waiting: dict[str, deque[str]] = {}
        self._running: dict[str, int] = {}
        self._order: list[str] = []  # owners in the order they first queued (ties)
        self._ready = threading.Condition()

    def put(self, owner: str, job_id: str) -> None:
        with self._ready:
            if owner not in self._waiting:
                self._waiting[owner] = deque()
                self._order.append(owner)
            self._waiting[owner].append(job_id)
            self._ready.notify()

    def take(self) -> tuple[str, str]:
        with self._ready:
            while not any(self._waiting.values()):
                self._ready.wait()
            owner = min(
                (o for o in self._order if self._waiting[o]),
                key=lambda o: self._running.get(o, 0),
            )
            # The owner served goes to the back of the ties.
            self._order.remove(owner)
            self._order.append(owner)
            self._running[owner] = self._running.get(owner, 0) + 1
            return owner, self._waiting[owner].popleft()

    def finished(self, owner: str) -> None:
        with self._ready:
            self._running[owner] -= 1


class JobRunner:
    def __init__(
        self,
        store: Store,
        screener: Screener,
        root: Path,
        refresh: Callable[[], None] | None = None,
        workers: int = 2,
    ) -> None:
        self.store = store
        self.screener = screener
        self.root = root
        self._refresh = refresh  # brings the screener's accept list up to date
        self._fair = FairQueue()
        self._lock = _resume_lock(root)
        if self._lock is not None:  # one process of a multi-worker server resumes them
            for job in store.pending_jobs():
                self._fair.put(job.actor, job.id)
        self._threads = [
            threading.Thread(target=self._work, name=f"banscreen-jobs-{i}", daemon=True)
            for i in range(max(1, workers))
        ]
        for thread in self._threads:
            thread.start()

    def folder(self, job_id: str) -> Path:
        return self.root / job_id

    def input_path(self, job_id: str, input_format: str) -> Path:
        return self.folder(job_id) / f"input.{input_format}"

    def output_path(self, job_id: str) -> Path:
        return self.folder(job_id) / "decisions.csv"

    def keep_reading(self, job_id: str, reading: dict[str, Any]) -> None:
        """Keeps how a job's file is read (`columns`, `category`, `date_order`) beside its
        input, for the run and a resumed one."""
        if any(reading.values()):
            (self.folder(job_id) / "reading.json").write_text(json.dumps(reading), "utf-8")

    def submit(self, job_id: str, owner: str) -> None:
        self._fair.put(owner, job_id)

    def _work(self) -> None:
        while True:
            owner, job_id = self._fair.take()
            try:
                self._run(job_id)
            except Exception as exc:  # a job's failure must not stop the runner
                error = self.describe(job_id, exc)
                self.store.update_job(job_id, status="failed", error=error)
                _log.error("job %s failed: %s", job_id, error)
            finally:
                self._fair.finished(owner)

    def describe(self, job_id: str, exc: Exception) -> str:
        """What went wrong, for the client: the problem and the field, with the job's own
        files named by their names, never a server path; anything not banscreen's own is an
        internal error by its type alone."""
        if not isinstance(exc, BanscreenError):
            return f"internal error ({type(exc).__name__})"
        text = str(exc)
        for path in sorted(self.folder(job_id).glob("*"), key=lambda p: -len(str(p))):
            text = text.replace(str(path), path.name)
        return text.replace(str(self.root), "jobs")

    def _run(self, job_id: str) -> None:
        job = self.store.job(job_id)
        if job is None or job.status in ("done", "failed"):
            return
        self.store.update_job(job_id, status="running")
        if self._refresh is not None:
            self._refresh()
        path = self.input_path(job_id, job.input_format)
        as_of = date.fromisoformat(job.as_of) if job.as_of else None
        kept = self.folder(job_id) / "reading.json"
        reading = json.loads(kept.read_text("utf-8")) if kept.exists() else {}
        options = ScreenOptions(
            policy=Policy(job.policy), as_of=as_of, client=job.actor,
            category=reading.get("category"),
        )  # fmt: skip
        source = TransactionFile(
            path, job.input_format, columns=reading.get("columns"),
            date_order=reading.get("date_order"),
        )  # fmt: skip
        identity = RunIdentity.of(
            path, f"job|{job.policy}|{job.as_of}|{self.screener.registry.version}|csv"
        )
        done = 0
        resumed = 0
        recorder = AlertRecorder(self.store, self.screener, job)
        reporter = JobReport(self.folder(job_id)) if job.report else None

        def checkpoint() -> None:
            recorder.flush()
            if reporter is not None:
                reporter.save()

        def writer(extra: list[str]) -> DecisionWriter:
            nonlocal resumed
            made = DecisionWriter(
                self.output_path(job_id),
                "csv",
                extra,
                identity=identity,
                resume=True,
                on_checkpoint=checkpoint,
            )
            resumed = made.resumed_rows
            if reporter is not None:
                reporter.resume(resumed)
            return made

        def progress(rows: int) -> None:
            nonlocal done
            before, done = done, done + rows
            if done // PROGRESS_EVERY > before // PROGRESS_EVERY:
                self.store.update_job(job_id, rows_done=resumed + done)

        hook = Hooks(recorder, reporter) if reporter is not None else recorder
        stats = screen_file(source, writer, self.screener, options, on_rows=progress, hook=hook)
        if reporter is not None:
            reporter.write(self.screener.registry, f"job {job_id}")
        # A resumed job decided only the rows after its checkpoint: its counts are read from
        # the whole output (they were those rows' counts alone before).
        outcomes = stats.outcomes if not resumed else _outcomes(self.output_path(job_id))
        self.store.update_job(
            job_id,
            status="done",
            rows_done=resumed + stats.rows,
            outcomes=json.dumps(dict(outcomes)),
        )
