"""What every router of the service shares: the store, the screener, the key checks, the
job runner and the accept list kept in step with the store."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..decide.accept import AcceptEntry, AcceptList
from ..engine import Screener
from ..store import Store
from .guards import Keys
from .jobs import JobRunner


@dataclass
class Service:
    store: Store
    screener: Screener
    keys: Keys
    data_home: Path
    home: Any = None  # the list store's home, for /v1/lists
    runner: JobRunner = field(init=False)
    _accepted: object = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.runner = JobRunner(
            self.store, self.screener, self.data_home / "jobs", self.refresh_accept_list
        )

    def refresh_accept_list(self) -> None:
        """The screener's accept list, brought up to date with the store's entries."""
        stamp = self.store.accept_stamp()  # entries are only ever added
        if stamp != self._accepted:
            with self._lock:
                entries = self.store.accept_entries()
                self.screener.accept_list = AcceptList(AcceptEntry(*e) for e in entries)
                self._accepted = stamp
