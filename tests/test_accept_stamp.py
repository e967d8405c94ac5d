"""The accept list's stamp: every write to the list moves it (database triggers, so no
write path can miss it: a missed revocation would keep clearing what it should not), and
reading it, as every screening does with its key, never reads the list itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, text, update

from banscreen.store import Store
from banscreen.store.base import now
from banscreen.store.keys import _BY_PREFIX
from banscreen.store.tables import AcceptEntryRow
from helpers.stores import BACKENDS, backend_store

_ROWS = AcceptEntryRow.__table__


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from backend_store(request.param, tmp_path)


def _entry(n: int) -> dict[str, object]:
    return {
        "counterparty": f"acme {n}",
        "entity_id": "cn-tenpay",
        "list_version": "v1",
        "reason": "reviewed: a different company",
        "created_at": now(),
    }


def test_every_write_to_the_accept_list_moves_the_stamp(store: Store) -> None:
    key = store.create_key(["screen"], name="client")
    seen = [store.accept_stamp()]

    def moved() -> None:
        stamp = store.accept_stamp()
        assert stamp not in seen
        found = store.verify_key(key)
        assert found is not None and found.accept_stamp == stamp  # read with the key
        seen.append(stamp)

    with store.engine.begin() as connection:
        connection.execute(insert(_ROWS), [_entry(1), _entry(2)])
    moved()
    with store.engine.begin() as connection:
        connection.execute(update(_ROWS).where(_ROWS.c.counterparty == "acme 1")
                           .values(revoked_at=now(), revoked_by="analyst"))  # fmt: skip
    moved()
    entry_id = store.accept_rows()[0].id
    store.revoke_accept(entry_id, "analyst-b", "the clearance was wrong")
    moved()
    with store.engine.begin() as connection:
        connection.execute(delete(_ROWS))
    moved()
    if store.engine.dialect.name == "postgresql":  # SQLite has no TRUNCATE
        with store.engine.begin() as connection:
            connection.execute(insert(_ROWS), [_entry(3)])
        moved()
        with store.engine.begin() as connection:
            connection.execute(text("TRUNCATE accept_list"))
        moved()
    with store.engine.begin() as connection:  # a statement that changes nothing
        connection.execute(update(_ROWS).where(_ROWS.c.id == -1).values(reason="x"))
    assert store.accept_stamp() >= seen[-1]


def test_reading_the_stamp_with_the_key_never_reads_the_accept_list(store: Store) -> None:
    """The key's query runs on every request: it reads one counter row, so its cost does
    not grow with the clearances a desk has made (counting them did)."""
    with store.engine.begin() as connection:
        connection.execute(insert(_ROWS), [_entry(n) for n in range(50)])
        query = _BY_PREFIX.params(prefix="bsk_00000000")
        compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
        sqlite = store.engine.dialect.name == "sqlite"
        explain = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
        plan = " ".join(str(row) for row in connection.execute(text(explain + str(compiled))))
    assert "accept_changes" in plan
    assert "accept_list" not in plan
