"""Decisions and the alerts they open: recorded together, one screening at a time or
many screenings in one transaction (group commit, `record_many`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from ..errors import StoreError
from ..model import Decision, Outcome
from .base import StoreBase, now
from .tables import Alert, DecisionRow, Screening


@dataclass(frozen=True)
class Screened:
    """One screening's decisions, ready to keep: one row per decision in each sequence."""

    decisions: Sequence[Decision]
    counterparties: Sequence[str]  # normalised keys of the counterparty names
    list_versions: Sequence[str]
    details: Sequence[str]  # each decision as JSON (hits, evidence, path, accept keys)
    submitted: Sequence[str]  # each transaction as it was submitted, as JSON
    actor: str
    source: str  # api | job
    policy: str
    data_version: str
    job_part: str | None = None


class Decisions(StoreBase):
    def record(self, screened: Screened) -> list[str]:
        """Keep decisions, open an alert for each REVIEW or BLOCK; returns decision ids.

        A job records its alerts in parts named by `job_part`; a part already recorded
        raises StoreError and records nothing (see `job_parts`)."""
        return self.record_many([screened])[0][0]

    def record_many(self, batch: Sequence[Screened]) -> tuple[list[list[str]], Any]:
        """Keep several screenings in one database transaction (group commit: one commit,
        one sync to disk, for many concurrent requests); all are kept or none. Returns
        each one's decision ids, and the audit log's head once they are committed."""
        stamp = now()
        out: list[list[str]] = []
        screenings: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        alerts: list[dict[str, Any]] = []
        audits: list[tuple[str, str, str, dict[str, Any]]] = []
        for screened in batch:
            screening_id = str(uuid.uuid4())
            screenings.append(
                {
                    "id": screening_id,
                    "created_at": stamp,
                    "actor": screened.actor,
                    "source": screened.source,
                    "policy": screened.policy,
                    "data_version": screened.data_version,
                    "rows": len(screened.decisions),
                    "job_part": screened.job_part,
                }
            )
            ids = [str(uuid.uuid4()) for _ in screened.decisions]
            out.append(ids)
            for i, (decision, decision_id) in enumerate(zip(screened.decisions, ids, strict=True)):
                rows.append(
                    {
                        "id": decision_id,
                        "screening_id": screening_id,
                        "position": i,
                        "transaction_id": decision.transaction_id,
                        "counterparty": screened.counterparties[i],
                        "outcome": decision.outcome.name,
                        "programs": ";".join(decision.programs),
                        "entity_id": decision.entity_id,
                        "entity_name": decision.entity_name,
                        "score": decision.score,
                        "method": decision.method,
                        "path": decision.path,
                        "reasons": ";".join(decision.reasons),
                        "error": decision.error,
                        "list_version": screened.list_versions[i],
                        "detail": screened.details[i],
                        "created_at": stamp,
                        "submitted": screened.submitted[i],
                        "owner": screened.actor,
                    }
                )
                if decision.outcome in (Outcome.REVIEW, Outcome.BLOCK):
                    alerts.append(
                        {
                            "decision_id": decision_id,
                            "status": "open",
                            "outcome": decision.outcome.name,
                            "created_at": stamp,
                            "updated_at": stamp,
                        }
                    )
            audits.append(
                (
                    screened.actor,
                    "screen",
                    f"screening:{screening_id}",
                    {
                        "decisions": ids,
                        "outcomes": [d.outcome.name for d in screened.decisions],
                        "data_version": screened.data_version,
                        "policy": screened.policy,
                    },
                )
            )
        # Core inserts of plain rows (the ORM's unit of work cost more than the database).
        with self.write_lock.held(), self.session() as session, session.begin():
            connection = session.connection()
            try:
                connection.execute(insert(Screening), screenings)
            except IntegrityError:
                parts = [s.job_part for s in batch if s.job_part]
                raise StoreError(f"job part {', '.join(parts)} is already recorded") from None
            if rows:
                connection.execute(insert(DecisionRow), rows)
            if alerts:
                connection.execute(insert(Alert), alerts)
            head = self._audit_all(session, audits)
        return out, head

    def job_parts(self, job_id: str) -> set[str]:
        """The parts of a job's alerts already recorded."""
        with self.session() as session:
            found = session.scalars(
                select(Screening.job_part).where(Screening.job_part.like(f"{job_id}:%"))
            )
            return {p for p in found if p is not None}

    def decision(self, decision_id: str) -> DecisionRow | None:
        with self.session() as session:
            return session.get(DecisionRow, decision_id)
