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

import asyncio
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..tunables import GROUP_COMMIT_MAX
from .audit import Anchor
from .decisions import Decisions, Screened


@dataclass
class _Waiting:
    screened: Screened
    notify: Callable[[], None]  # called once the screening is committed (or failed)
    ids: list[str] = field(default_factory=list)
    head: Anchor | None = None  # the audit log's head after the commit that kept it
    error: BaseException | None = None


class GroupCommit:
    def __init__(self, store: Decisions, most: int = GROUP_COMMIT_MAX) -> None:
        self.store = store
        self.most = most
        self.groups = 0  # transactions committed (for the benchmark's report)
        self._queue: queue.SimpleQueue[_Waiting] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._write, name="banscreen-commit", daemon=True)
        self._thread.start()

    def record(self, screened: Screened) -> tuple[list[str], Anchor | None]:
        """Keep one screening; returns its decision ids, and the audit log's head, once
        they are committed."""
        done = threading.Event()
        waiting = _Waiting(screened, done.set)
        self._queue.put(waiting)
        done.wait()
        return _outcome(waiting)

    async def record_async(self, screened: Screened) -> tuple[list[str], Anchor | None]:
        """`record` for a coroutine: the event loop serves other requests meanwhile."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def notify() -> None:
            loop.call_soon_threadsafe(_settle, future)

        waiting = _Waiting(screened, notify)
        self._queue.put(waiting)
        await future
        return _outcome(waiting)

    def _write(self) -> None:
        while True:
            group = [self._queue.get()]
            while len(group) < self.most:
                try:
                    group.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                every, head = self.store.record_many([w.screened for w in group])
                for waiting, ids in zip(group, every, strict=True):
                    waiting.ids, waiting.head = ids, head
                self.groups += 1
            except Exception:  # isolated below, each on its own
                for waiting in group:
                    try:
                        (waiting.ids,), waiting.head = self.store.record_many([waiting.screened])
                    except Exception as exc:  # handed to its own request
                        waiting.error = exc
            finally:
                for waiting in group:
                    waiting.notify()


def _settle(future: asyncio.Future[Any]) -> None:
    if not future.done():
        future.set_result(None)


def _outcome(waiting: _Waiting) -> tuple[list[str], Anchor | None]:
    if waiting.error is not None:
        raise waiting.error
    return waiting.ids, waiting.head
