"""review desk: what was submitted, who owns it, four-eyes proposals, assignment,
scoped, expiring, revocable accept entries, review-UI sessions kept in the store, and
whether a job builds a report

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ui_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("key_name", sa.String(length=200), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submitted", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("owner", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_index("ix_decisions_owner", ["owner"])
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("assignee", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("proposal", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("proposed_by", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("proposal_detail", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("prior_status", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.create_index("ix_alerts_created_at", ["created_at"])
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index("ix_jobs_actor", ["actor"])
        batch_op.add_column(
            sa.Column("report", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("accept_list", schema=None) as batch_op:
        batch_op.drop_index("accept_unique")
        batch_op.add_column(
            sa.Column(
                "field",
                sa.String(length=32),
                nullable=False,
                server_default="counterparty_name",
            )
        )
        batch_op.add_column(
            sa.Column("client", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("category", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("program", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("revoked_by", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("created_by", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_index("accept_lookup", ["counterparty", "entity_id", "list_version"])


def downgrade() -> None:
    op.drop_table("ui_sessions")
    with op.batch_alter_table("accept_list", schema=None) as batch_op:
        batch_op.drop_index("accept_lookup")
        for column in (
            "created_by", "revoked_by", "revoked_at", "expires_at", "program", "category",
            "client", "field",
        ):  # fmt: skip
            batch_op.drop_column(column)
        batch_op.create_index(
            "accept_unique", ["counterparty", "entity_id", "list_version"], unique=True
        )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("report")
        batch_op.drop_index("ix_jobs_actor")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_alerts_created_at")
        for column in ("prior_status", "proposal_detail", "proposed_by", "proposal", "assignee"):
            batch_op.drop_column(column)
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_decisions_owner")
        batch_op.drop_column("owner")
        batch_op.drop_column("submitted")
