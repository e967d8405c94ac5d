"""job alerts: screenings recorded in parts by background jobs

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_part", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_screenings_job_part", ["job_part"])


def downgrade() -> None:
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.drop_constraint("uq_screenings_job_part", type_="unique")
        batch_op.drop_column("job_part")
