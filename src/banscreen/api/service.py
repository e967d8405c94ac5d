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
from ..store.base import aware, now
from ..store.group import GroupCommit
from ..store.tables import AcceptEntryRow
from .guards import Keys
from .jobs import JobRunner


@dataclass
class Service:
    store: Store
    screener: Screener
    keys: Keys
    data_home: Path
    home: Any = None  # the list store's home, for /v1/lists
    job_workers: int = 2
    runner: JobRunner = field(init=False)
    commits: GroupCommit = field(init=False)
    _accepted: object = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.commits = GroupCommit(self.store)
        self.runner = JobRunner(
            self.store,
            self.screener,
            self.data_home / "jobs",
            self.refresh_accept_list,
            workers=self.job_workers,
        )

    def refresh_accept_list(self, stamp: int | None = None) -> None:
        """The screener's accept list, brought up to date with the store's entries: when one
        is written or revoked, and when the next one expires. `stamp` is the store's
        `accept_stamp` when the caller has just read it (with its key). Without a stamp (its
        counter missing from the store) the list is read again every time: never stale."""
        if stamp is None:
            stamp = self.store.accept_stamp()
        moment = now()
        current = self.screener.accept_list
        lapsed = current.next_expiry is not None and current.next_expiry <= moment
        if stamp is None or stamp != self._accepted or lapsed:
            with self._lock:
                entries = [_entry(r) for r in self.store.accept_entries()]
                self.screener.accept_list = AcceptList(entries, now=moment)
                self._accepted = stamp


def _entry(row: AcceptEntryRow) -> AcceptEntry:
    expires = aware(row.expires_at) if row.expires_at else None
    return AcceptEntry(row.counterparty, row.entity_id, row.list_version, row.field, row.client,
                       row.category, row.program, expires, row.id)  # fmt: skip
