"""The store's tables (SQLAlchemy 2). Schema changes go through the Alembic migrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ApiKey(Base):
    """An API key: only its SHA-256 is kept; the prefix finds it, the hash proves it."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[str] = mapped_column(String(64))  # space-separated: screen review admin
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Screening(Base):
    """One request or job: the decisions it made share its policy and data version."""

    __tablename__ = "screenings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(32))  # api | job
    policy: Mapped[str] = mapped_column(String(16))
    data_version: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    # A job's alerts are recorded in parts ("JOB_ID:FIRST_ROW"); unique, so a part recorded
    # before a crash is never recorded twice.
    job_part: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (UniqueConstraint("job_part", name="uq_screenings_job_part"),)


class DecisionRow(Base):
    __tablename__ = "decisions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    screening_id: Mapped[str] = mapped_column(ForeignKey("screenings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    transaction_id: Mapped[str] = mapped_column(String(1024), index=True)
    counterparty: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(8), index=True)
    programs: Mapped[str] = mapped_column(Text, default="")
    entity_id: Mapped[str] = mapped_column(String(200), default="")
    entity_name: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    method: Mapped[str] = mapped_column(String(32), default="")
    path: Mapped[str] = mapped_column(Text, default="")
    reasons: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str] = mapped_column(Text, default="")
    list_version: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text)  # the decision as JSON (hits, evidence, path)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The transaction as it was submitted (JSON of its fields): what the analyst decides on.
    submitted: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The key that screened it ("key:ID"); other screen keys cannot read it.
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="", index=True)


class Alert(Base):
    """A REVIEW or BLOCK decision waiting for a human."""

    __tablename__ = "alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), unique=True)
    # open escalated pending blocked cleared (store/review.py holds the transitions)
    status: Mapped[str] = mapped_column(String(16), index=True)
    outcome: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    assignee: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # A block or clear proposed by one analyst, waiting for another's approval.
    proposal: Mapped[str] = mapped_column(String(16), default="", server_default="")
    proposed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    proposal_detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    prior_status: Mapped[str] = mapped_column(String(16), default="", server_default="")


class Case(Base):
    """An analyst's action on an alert, with the mandatory reason."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id"), index=True)
    # escalate propose-block propose-clear approve reject block clear reopen assign comment
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    attachments: Mapped[str] = mapped_column(Text, default="")
    analyst: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AcceptEntryRow(Base):
    """An accepted false positive: what matched (a counterparty's normalised name, a
    free-text fragment or an identifier, per `field`) against an entity at a list version,
    optionally only for one client key, transaction category or program, until it expires
    or is revoked."""

    __tablename__ = "accept_list"
    __table_args__ = (Index("accept_lookup", "counterparty", "entity_id", "list_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    counterparty: Mapped[str] = mapped_column(String(1024))  # normalised key of what matched
    entity_id: Mapped[str] = mapped_column(String(200))
    list_version: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    field: Mapped[str] = mapped_column(
        String(32), default="counterparty_name", server_default="counterparty_name"
    )
    client: Mapped[str] = mapped_column(String(200), default="", server_default="")
    category: Mapped[str] = mapped_column(String(64), default="", server_default="")
    program: Mapped[str] = mapped_column(String(200), default="", server_default="")
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_by: Mapped[str] = mapped_column(String(200), default="", server_default="")


class AcceptChanges(Base):
    """How many writes the accept list has had: one row, bumped by database triggers on
    every insert, update and delete of `accept_list` (migration 0006). Screening reads it on
    every request to know whether its copy of the list is current, in constant time."""

    __tablename__ = "accept_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changes: Mapped[int] = mapped_column(BigInteger)


class ListVersionRow(Base):
    """The list versions a screening could have used, as recorded by the service."""

    __tablename__ = "list_versions"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    list: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    records: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    retrieved: Mapped[str] = mapped_column(String(40))


class AuditEntry(Base):
    """Append-only; each entry carries the hash of the one before it."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(1024))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Job(Base):
    """A file screened in the background; its output and checkpoint live in the data dir."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # queued running done failed
    actor: Mapped[str] = mapped_column(String(200), index=True)
    input_format: Mapped[str] = mapped_column(String(16))
    policy: Mapped[str] = mapped_column(String(16))
    as_of: Mapped[str] = mapped_column(String(10), default="")
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    bytes_total: Mapped[int] = mapped_column(Integer, default=0)
    outcomes: Mapped[str] = mapped_column(Text, default="")  # JSON counts when done
    # Whether an HTML report of the run is built beside its decisions (`?report=true`).
    report: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UiSession(Base):
    """A review-UI session: only the token's SHA-256 is kept. In the store, not in one
    process's memory, so every worker of `serve --workers` knows it and a restart keeps it."""

    __tablename__ = "ui_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_id: Mapped[int] = mapped_column(Integer)
    key_name: Mapped[str] = mapped_column(String(200))
    csrf: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
