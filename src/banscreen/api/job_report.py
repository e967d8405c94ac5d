"""A job's HTML report (`POST /v1/jobs?report=true`), built while the job screens, from the
decisions themselves, like `screen --report`.

A job killed mid-way resumes from its last checkpoint: the report's aggregates are saved at
every checkpoint of the output, named by the rows they hold, so a resumed job continues from
the aggregates of exactly the rows its output kept, and no row is counted twice or lost.
The last two are kept: the output's checkpoint is written just after the report's, and a
crash between the two leaves the output one checkpoint behind.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from ..model import Decision
from ..registry import Registry
from ..report import Report, ReportHook, write
from ..surfaces.rows import RawRow

STATE = "report-{rows}.state"
REPORT = "report.html"


class JobReport:
    """The report hook of a job, and its saved aggregates."""

    outcomes = ReportHook.outcomes

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hook = ReportHook()
        self.complete = True  # False when a resumed job found no aggregates to resume from

    def __call__(self, raw: RawRow, decision: Decision) -> None:
        self.hook(raw, decision)

    def resume(self, rows: int) -> None:
        """Continue from the aggregates of the first `rows` rows (a resumed job)."""
        if rows == 0:
            return
        saved = self.folder / STATE.format(rows=rows)
        try:
            with saved.open("rb") as fh:
                found = pickle.load(fh)  # our own file, written by `save`
        except (OSError, pickle.UnpicklingError, EOFError):
            self.complete = False
            return
        if isinstance(found, Report) and found.rows == rows:
            self.hook.report = found
        else:
            self.complete = False

    def save(self) -> None:
        """Keep the aggregates so far (called at each checkpoint of the output)."""
        report = self.hook.report
        target = self.folder / STATE.format(rows=report.rows)
        partial = target.with_suffix(".partial")
        with partial.open("wb") as fh:
            pickle.dump(report, fh)
        os.replace(partial, target)
        kept = sorted(self.folder.glob("report-*.state"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-2]:
            old.unlink(missing_ok=True)

    def write(self, registry: Registry, source: str) -> Path | None:
        """The report, once the job is done; None when it could not be complete."""
        if not self.complete:
            return None
        out = self.folder / REPORT
        write(self.hook.report, registry, source, out)
        return out


class Hooks:
    """Two pipeline hooks as one: each sees the outcomes it names."""

    def __init__(self, *hooks: object) -> None:
        self.hooks = [h for h in hooks if h is not None]
        self.outcomes = frozenset().union(*(h.outcomes for h in self.hooks))  # type: ignore[attr-defined]

    def __call__(self, raw: RawRow, decision: Decision) -> None:
        for hook in self.hooks:
            if decision.outcome.name in hook.outcomes:  # type: ignore[attr-defined]
                hook(raw, decision)  # type: ignore[operator]
