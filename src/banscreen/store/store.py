"""The service's persistent state behind one small interface, on SQLite or PostgreSQL.

Chosen by URL (`sqlite:///path` by default, `postgresql://…`), migrated with Alembic on
open. Every decision the service makes and every human action is also written to the audit
log, whose entries chain by hash: `verify_audit` finds any entry edited, inserted or deleted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from ..model import Decision, Outcome
from .tables import (
    AcceptEntryRow,
    Alert,
    ApiKey,
    AuditEntry,
    Case,
    DecisionRow,
    Job,
    Screening,
)

SCOPES = ("screen", "review", "admin")
ACTIONS = {"escalate": "escalated", "block": "blocked", "clear": "cleared"}
KEY_PREFIX = "bsk_"
GENESIS = "0" * 64


@dataclass(frozen=True)
class KeyInfo:
    id: int
    name: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    problem: str


def now() -> datetime:
    return datetime.now(UTC)


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (SQLAlchemy's default driver is psycopg2)."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


class Store:
    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine: Engine = create_engine(self.url, future=True)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
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

    # ------------------------------------------------------------------ keys
    def create_key(self, scopes: Iterable[str], name: str = "") -> str:
        """A new API key, returned once: only its hash is kept."""
        wanted = sorted(set(scopes))
        unknown = [s for s in wanted if s not in SCOPES]
        if not wanted or unknown:
            raise StoreError(f"scopes must be among {', '.join(SCOPES)}; got {wanted}")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        with self.session() as session, session.begin():
            row = ApiKey(
                prefix=key[:12],
                key_hash=_hash_key(key),
                scopes=" ".join(wanted),
                name=name,
                created_at=now(),
            )
            session.add(row)
            session.flush()
            self._audit(
                session, "admin", "key.create", f"key:{row.id}", {"scopes": wanted, "name": name}
            )
        return key

    def verify_key(self, key: str) -> KeyInfo | None:
        """The key's scopes, or None; the hash is compared in constant time."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        digest = _hash_key(key)
        with self.session() as session:
            rows = session.scalars(select(ApiKey).where(ApiKey.prefix == key[:12])).all()
        found = None
        for row in rows:
            if hmac.compare_digest(row.key_hash, digest) and row.revoked_at is None:
                found = KeyInfo(row.id, row.name, frozenset(row.scopes.split()))
        return found

    # ------------------------------------------------------------------ decisions
    def record(
        self,
        decisions: Sequence[Decision],
        counterparties: Sequence[str],
        list_versions: Sequence[str],
        actor: str,
        source: str,
        policy: str,
        data_version: str,
        detail: Sequence[dict[str, Any]],
        job_part: str | None = None,
    ) -> list[str]:
        """Keep decisions, open an alert for each REVIEW or BLOCK; returns decision ids.

        A job records its alerts in parts named by `job_part`; a part already recorded
        raises StoreError and records nothing (see `job_parts`)."""
        ids = [str(uuid.uuid4()) for _ in decisions]
        stamp = now()
        with self.session() as session, session.begin():
            screening = Screening(
                id=str(uuid.uuid4()),
                created_at=stamp,
                actor=actor,
                source=source,
                policy=policy,
                data_version=data_version,
                rows=len(decisions),
                job_part=job_part,
            )
            session.add(screening)
            try:
                session.flush()  # no ORM relationships: rows go in the order they are flushed
            except IntegrityError:
                raise StoreError(f"job part {job_part} is already recorded") from None
            for i, (decision, decision_id) in enumerate(zip(decisions, ids, strict=True)):
                session.add(
                    DecisionRow(
                        id=decision_id,
                        screening_id=screening.id,
                        position=i,
                        transaction_id=decision.transaction_id,
                        counterparty=counterparties[i],
                        outcome=decision.outcome.name,
                        programs=";".join(decision.programs),
                        entity_id=decision.entity_id,
                        entity_name=decision.entity_name,
                        score=decision.score,
                        method=decision.method,
                        path=decision.path,
                        reasons=";".join(decision.reasons),
                        error=decision.error,
                        list_version=list_versions[i],
                        detail=json.dumps(detail[i], ensure_ascii=False, default=str),
                        created_at=stamp,
                    )
                )
            session.flush()
            for decision, decision_id in zip(decisions, ids, strict=True):
                if decision.outcome in (Outcome.REVIEW, Outcome.BLOCK):
                    session.add(
                        Alert(
                            decision_id=decision_id,
                            status="open",
                            outcome=decision.outcome.name,
                            created_at=stamp,
                            updated_at=stamp,
                        )
                    )
            outcomes = [d.outcome.name for d in decisions]
            self._audit(
                session,
                actor,
                "screen",
                f"screening:{screening.id}",
                {
                    "decisions": ids,
                    "outcomes": outcomes,
                    "data_version": data_version,
                    "policy": policy,
                },
            )
        return ids

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

    # ------------------------------------------------------------------ alerts and cases
    def alerts(
        self, status: str | None = None, outcome: str | None = None, limit: int = 100
    ) -> list[tuple[Alert, DecisionRow]]:
        with self.session() as session:
            query = select(Alert, DecisionRow).join(
                DecisionRow, Alert.decision_id == DecisionRow.id
            )
            if status:
                query = query.where(Alert.status == status)
            if outcome:
                query = query.where(Alert.outcome == outcome)
            rows = session.execute(query.order_by(Alert.id).limit(limit)).all()
            return [(a, d) for a, d in rows]

    def alert(self, alert_id: int) -> tuple[Alert, DecisionRow, list[Case]] | None:
        with self.session() as session:
            alert = session.get(Alert, alert_id)
            if alert is None:
                return None
            decision = session.get(DecisionRow, alert.decision_id)
            assert decision is not None
            cases = list(
                session.scalars(select(Case).where(Case.alert_id == alert_id).order_by(Case.id))
            )
            return alert, decision, cases

    def act(
        self,
        alert_id: int,
        action: str,
        reason: str,
        analyst: str,
        counterparty_key: str = "",
        list_version: str = "",
        attachments: str = "",
    ) -> Case:
        """An analyst's action; clearing records an accepted false positive for next time."""
        if action not in ACTIONS:
            raise StoreError(f"action must be one of {', '.join(ACTIONS)}; got {action!r}")
        if not reason.strip():
            raise StoreError("a reason is required")
        with self.session() as session, session.begin():
            alert = session.get(Alert, alert_id)
            if alert is None:
                raise StoreError(f"no alert {alert_id}")
            decision = session.get(DecisionRow, alert.decision_id)
            assert decision is not None
            stamp = now()
            case = Case(
                alert_id=alert_id,
                action=action,
                reason=reason.strip(),
                attachments=attachments,
                analyst=analyst,
                created_at=stamp,
            )
            session.add(case)
            alert.status = ACTIONS[action]
            alert.updated_at = stamp
            session.flush()
            details: dict[str, Any] = {"alert": alert_id, "reason": reason.strip(), "case": case.id}
            if action == "clear":
                accepted = _accepted(decision, counterparty_key, list_version)
                for key, entity_id, version in accepted:
                    exists = session.scalars(
                        select(AcceptEntryRow).where(
                            AcceptEntryRow.counterparty == key,
                            AcceptEntryRow.entity_id == entity_id,
                            AcceptEntryRow.list_version == version,
                        )
                    ).first()
                    if exists is None:
                        session.add(
                            AcceptEntryRow(
                                counterparty=key,
                                entity_id=entity_id,
                                list_version=version,
                                reason=reason.strip(),
                                case_id=case.id,
                                created_at=stamp,
                            )
                        )
                details["accepted"] = [
                    {"counterparty": k, "entity_id": e, "list_version": v} for k, e, v in accepted
                ]
            self._audit(session, analyst, f"alert.{action}", f"alert:{alert_id}", details)
            return case

    def cases(self, limit: int = 100) -> list[Case]:
        with self.session() as session:
            return list(session.scalars(select(Case).order_by(Case.id.desc()).limit(limit)))

    def accept_stamp(self) -> tuple[int, int]:
        """(count, newest id) of the accept list: cheap to ask, changes with every entry."""
        with self.session() as session:
            row = session.execute(
                select(func.count(AcceptEntryRow.id), func.max(AcceptEntryRow.id))
            ).one()
            return int(row[0] or 0), int(row[1] or 0)

    def accept_entries(self) -> list[tuple[str, str, str]]:
        with self.session() as session:
            rows = session.scalars(select(AcceptEntryRow)).all()
            return [(r.counterparty, r.entity_id, r.list_version) for r in rows]

    # ------------------------------------------------------------------ jobs
    def create_job(
        self, job_id: str, actor: str, input_format: str, policy: str, as_of: str, size: int
    ) -> Job:
        stamp = now()
        job = Job(
            id=job_id,
            status="queued",
            actor=actor,
            input_format=input_format,
            policy=policy,
            as_of=as_of,
            rows_done=0,
            bytes_total=size,
            outcomes="",
            error="",
            created_at=stamp,
            updated_at=stamp,
        )
        with self.session() as session, session.begin():
            session.add(job)
            self._audit(
                session, actor, "job.create", f"job:{job_id}", {"bytes": size, "policy": policy}
            )
        return job

    def update_job(self, job_id: str, **fields: Any) -> None:
        with self.session() as session, session.begin():
            job = session.get(Job, job_id)
            if job is None:
                raise StoreError(f"no job {job_id}")
            for name, value in fields.items():
                setattr(job, name, value)
            job.updated_at = now()
            if fields.get("status") in ("done", "failed"):
                details = {"rows": job.rows_done, "outcomes": job.outcomes, "error": job.error}
                self._audit(session, "service", f"job.{fields['status']}", f"job:{job_id}", details)

    def job(self, job_id: str) -> Job | None:
        with self.session() as session:
            return session.get(Job, job_id)

    def pending_jobs(self) -> list[Job]:
        """Jobs a stopped server left queued or running, oldest first."""
        with self.session() as session:
            query = (
                select(Job).where(Job.status.in_(("queued", "running"))).order_by(Job.created_at)
            )
            return list(session.scalars(query))

    # ------------------------------------------------------------------ audit
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

    def counts(self) -> dict[str, int]:
        with self.session() as session:
            return {
                "decisions": session.scalar(select(func.count()).select_from(DecisionRow)) or 0,
                "alerts_open": session.scalar(
                    select(func.count()).select_from(Alert).where(Alert.status == "open")
                )
                or 0,
            }


def _accepted(
    decision: DecisionRow, counterparty_key: str, list_version: str
) -> list[tuple[str, str, str]]:
    """Every entity the counterparty's name matched, at its version then: clearing a false
    positive clears the name against all of them (a parent matched beside the top entity
    would raise the alert again otherwise), not only the top one."""
    key = counterparty_key or decision.counterparty
    detail = json.loads(decision.detail or "{}")
    versions: dict[str, str] = detail.get("entity_versions") or {}
    found: dict[str, str] = {}
    for match in detail.get("matches") or []:
        entity = str(match.get("entity_id") or "")
        if entity and match.get("field") == "counterparty_name":
            found.setdefault(entity, versions.get(entity, ""))
    if not found and decision.entity_id:
        found[decision.entity_id] = list_version or decision.list_version
    if decision.entity_id in found and list_version:
        found[decision.entity_id] = list_version
    return [(key, entity, version) for entity, version in found.items() if version]


def _chain(
    prev: str, seq: int, at: datetime, actor: str, action: str, subject: str, details: str
) -> str:
    stamp = at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = json.dumps([prev, seq, stamp, actor, action, subject, details], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
