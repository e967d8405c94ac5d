"""The store's connection: a database chosen by URL, migrated with Alembic on open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from .write_lock import WriteLock


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """A stored time as UTC: SQLite gives back naive datetimes; every time here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (SQLAlchemy's default driver is psycopg2)."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL: readers never wait for the writer, and a commit appends to the log instead of
    rewriting pages; synchronous FULL keeps each commit on disk before it returns. A
    writer waits up to 30 s for the lock rather than failing at once."""
    cursor = connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


class StoreBase:
    """The engine and sessions every part of the store works through."""

    # Every write is also written to the audit log (audit.py).
    _audit: Callable[[Session, str, str, str, dict[str, Any]], None]
    _audit_all: Callable[[Session, Sequence[tuple[str, str, str, dict[str, Any]]]], Any]

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self.write_lock = WriteLock(self.engine)  # the group commit's writes take it
        self.upgrade()

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (creates the tables on first use)."""
        config = Config()
        location = resources.files("banscreen.store") / "migrations"
        config.set_main_option("script_location", str(location))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def session(self) -> Session:
        return self._session()

    def ping(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT 1")).scalar() == 1
