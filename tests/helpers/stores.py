"""A PostgreSQL store emptied for a test: every table dropped, so the migrations run from
the start (the tests share one database, one test at a time)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from banscreen.store import normalise_url
from banscreen.store.tables import Base


def fresh_postgres(url: str) -> None:
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
