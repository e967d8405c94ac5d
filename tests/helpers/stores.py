"""The stores the service tests run on: SQLite always, PostgreSQL when
BANSCREEN_TEST_POSTGRES_URL is set (as CI does), emptied for each test: every table dropped,
so the migrations run from the start (the tests share one database, one test at a time)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from banscreen.store import Store, normalise_url
from banscreen.store.tables import Base

POSTGRES = os.environ.get("BANSCREEN_TEST_POSTGRES_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not POSTGRES, reason="set BANSCREEN_TEST_POSTGRES_URL (CI starts a PostgreSQL)"
        ),
    ),
]


def backend_store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on `backend` (one of BACKENDS), disposed of after the test."""
    if backend == "postgresql":
        fresh_postgres(str(POSTGRES))
        found = Store(str(POSTGRES))
    else:
        found = Store(f"sqlite:///{tmp_path / 'store.db'}")
    yield found
    found.engine.dispose()


def fresh_postgres(url: str) -> None:
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
