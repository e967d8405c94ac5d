"""Group commit: concurrent requests' screenings written in shared transactions.

Each request hands its screening to one writer thread and waits; the writer takes every
screening waiting at that moment and keeps them all in one transaction — one commit, one
sync to disk — then answers each request. A request is answered only after the commit that
holds its decisions, so an answer is never sent for a decision that is not stored. With one
writer there is no contention for SQLite's write lock (the long tail under concurrent
writers), and PostgreSQL takes the audit log's lock once per group, not once per request.

If a group's transaction fails, each screening in it is written on its own, so one bad
screening fails only its own request.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

from ..tunables import GROUP_COMMIT_MAX
from .decisions import Decisions, Screened


@dataclass
class _Waiting:
    screened: Screened
    done: threading.Event = field(default_factory=threading.Event)
    ids: list[str] = field(default_factory=list)
    error: BaseException | None = None


class GroupCommit:
    def __init__(self, store: Decisions, most: int = GROUP_COMMIT_MAX) -> None:
        self.store = store
        self.most = most
        self.groups = 0  # transactions committed (for the benchmark's report)
        self._queue: queue.SimpleQueue[_Waiting] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._write, name="banscreen-commit", daemon=True)
        self._thread.start()

    def record(self, screened: Screened) -> list[str]:
        """Keep one screening; returns its decision ids once they are committed."""
        waiting = _Waiting(screened)
        self._queue.put(waiting)
        waiting.done.wait()
        if waiting.error is not None:
            raise waiting.error
        return waiting.ids

    def _write(self) -> None:
        while True:
            group = [self._queue.get()]
            while len(group) < self.most:
                try:
                    group.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                for waiting, ids in zip(
                    group, self.store.record_many([w.screened for w in group]), strict=True
                ):
                    waiting.ids = ids
                self.groups += 1
            except Exception:  # isolated below, each on its own
                for waiting in group:
                    try:
                        waiting.ids = self.store.record(waiting.screened)
                    except Exception as exc:  # handed to its own request
                        waiting.error = exc
            finally:
                for waiting in group:
                    waiting.done.set()
