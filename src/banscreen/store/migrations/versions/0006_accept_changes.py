"""accept-list changes counted: a one-row counter that every write to `accept_list` bumps
(database triggers, so no write path can miss it), read on every screening in place of
counting the list's rows

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_EVENTS = ("insert", "update", "delete")
_BUMP = "UPDATE accept_changes SET changes = changes + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "accept_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO accept_changes (id, changes) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION bump_accept_changes() RETURNS trigger AS $$ "
            f"BEGIN {_BUMP}; RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER accept_list_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON accept_list "
            "FOR EACH STATEMENT EXECUTE FUNCTION bump_accept_changes()"
        )
        return
    for event in _EVENTS:
        op.execute(
            f"CREATE TRIGGER accept_list_{event} AFTER {event.upper()} ON accept_list "
            f"BEGIN {_BUMP}; END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER accept_list_changes ON accept_list")
        op.execute("DROP FUNCTION bump_accept_changes()")
    else:
        for event in _EVENTS:
            op.execute(f"DROP TRIGGER accept_list_{event}")
    op.drop_table("accept_changes")
