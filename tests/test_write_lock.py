"""Writers of one SQLite file take turns on a lock file beside it, across processes.

`serve --workers 2` on SQLite had p99 latencies of 228-386 ms against 24-40 ms for one
process: the two processes' group commits met on SQLite's write lock, and a writer that
finds it taken sleeps in SQLite's busy handler (1, 2, 5 … 100 ms), however soon it is
free. The screenings' writes now wait on a file lock in the kernel instead.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from banscreen.api.recording import screened
from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.registry import load_registry
from banscreen.store import Store
from banscreen.store.decisions import Screened
from banscreen.surfaces.rows import RawRow

# Another process: takes the lock file (blocking or not), says "held" or "busy", and holds
# it until its standard input closes.
HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | (fcntl.LOCK_NB if sys.argv[2] == "try" else 0))
except BlockingIOError:
    print("busy", flush=True)
    sys.exit(0)
print("held", flush=True)
sys.stdin.read()
"""


def _holder(path: str, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, path, mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _one_screening() -> Screened:
    screener = Screener(load_registry())
    row = RawRow(1, {"id": "t1", "date": "2021-03-15", "category": "payment",
                     "counterparty_name": "Alipay", "us_nexus": "true"})  # fmt: skip
    decisions = list(Pipeline(screener, ScreenOptions()).decisions([row]))
    return screened(screener, [row], decisions, "key:1", "api", "strict")


def test_the_lock_excludes_another_process_while_held(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/s.db")
    assert store.write_lock.path == f"{tmp_path}/s.db.write-lock"
    with store.write_lock.held():
        other = _holder(store.write_lock.path, "try")
        assert other.communicate(timeout=60)[0].strip() == "busy"
    other = _holder(store.write_lock.path, "try")
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    other.communicate(timeout=60)


def test_a_screenings_write_waits_for_another_process_holding_the_lock(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/s.db")
    kept = _one_screening()
    other = _holder(str(store.write_lock.path), "wait")
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    done: list[list[str]] = []
    writer = threading.Thread(target=lambda: done.append(store.record(kept)))
    writer.start()
    writer.join(timeout=1.0)
    assert writer.is_alive() and not done  # waiting on the other process's lock
    other.communicate(timeout=60)  # the other process lets go
    writer.join(timeout=60)
    assert len(done) == 1 and store.decision(done[0][0]) is not None


def test_a_store_in_memory_takes_no_lock_file() -> None:
    assert Store("sqlite://").write_lock.path is None
