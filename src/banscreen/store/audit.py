"""The audit log: every decision and human action, chained by hash so that
`verify_audit` finds any entry edited, inserted or deleted."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .base import StoreBase, now
from .tables import AuditEntry

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    problem: str


class Audit(StoreBase):
    def _audit(
        self, session: Session, actor: str, action: str, subject: str, details: dict[str, Any]
    ) -> None:
        # Serialise writers so each entry chains to the one committed before it.
        if self.engine.dialect.name == "postgresql":
            session.execute(text("LOCK TABLE audit_log IN EXCLUSIVE MODE"))
        last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar()
        seq = (last.seq + 1) if last else 1
        prev = last.hash if last else GENESIS
        at = now()
        body = json.dumps(details, sort_keys=True, ensure_ascii=False, default=str)
        session.add(
            AuditEntry(
                seq=seq,
                at=at,
                actor=actor,
                action=action,
                subject=subject,
                details=body,
                prev_hash=prev,
                hash=_chain(prev, seq, at, actor, action, subject, body),
            )
        )

    def audit_entries(self, limit: int | None = None) -> list[AuditEntry]:
        with self.session() as session:
            query = select(AuditEntry).order_by(AuditEntry.seq)
            if limit:
                query = query.limit(limit)
            return list(session.scalars(query))

    def verify_audit(self) -> tuple[int, list[AuditProblem]]:
        """(entries checked, problems): an edited entry breaks its own hash, a deleted or
        inserted one breaks the sequence or the link to the entry before."""
        problems: list[AuditProblem] = []
        prev, expected, count = GENESIS, 1, 0
        with self.session() as session:
            for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(
                1000
            ):
                count += 1
                if entry.seq != expected:
                    problems.append(
                        AuditProblem(entry.seq, f"expected entry {expected}: entries missing")
                    )
                if entry.prev_hash != prev:
                    problems.append(AuditProblem(entry.seq, "does not link to the entry before it"))
                at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
                digest = _chain(
                    entry.prev_hash,
                    entry.seq,
                    at,
                    entry.actor,
                    entry.action,
                    entry.subject,
                    entry.details,
                )
                if digest != entry.hash:
                    problems.append(
                        AuditProblem(entry.seq, "content does not match its hash (edited)")
                    )
                prev, expected = entry.hash, entry.seq + 1
        return count, problems


def _chain(
    prev: str, seq: int, at: datetime, actor: str, action: str, subject: str, details: str
) -> str:
    stamp = at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = json.dumps([prev, seq, stamp, actor, action, subject, details], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
