"""One writer at a time across the processes that share a SQLite file.

SQLite has one write lock per database, and a writer that finds it taken waits in SQLite's
busy handler: it sleeps 1, 2, 5, 10 … up to 100 ms between tries, however soon the lock is
free. With `serve --workers 2` on one file, the two processes' group commits met there on
nearly every commit, and the sleeps were the latency: p99 228-376 ms against 24-40 ms with
one process (bench/service_load.py). A lock on a file beside the database, taken before the
transaction writes, makes the other writer wait in the kernel instead, woken the moment the
lock is free. PostgreSQL has no such sleep (its writers queue on row and table locks).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import weakref
from collections.abc import Iterator

from sqlalchemy import Engine


class WriteLock:
    """`with lock:` holds the database's write lock file (a no-op for another database, or
    SQLite in memory). Threads of one process take turns on a thread lock first: `flock`
    is held per open file, which the process's threads share."""

    def __init__(self, engine: Engine) -> None:
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        self.path = f"{database}.write-lock" if database and database != ":memory:" else None
        self._thread = threading.RLock()  # a write inside a write holds it already
        self._fd: int | None = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        if self.path is None:
            yield
            return
        with self._thread:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                weakref.finalize(self, os.close, self._fd)  # closed with the store
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
