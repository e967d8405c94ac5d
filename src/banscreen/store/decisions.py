"""Decisions, their alerts, the analysts' cases, and the accept list clears leave."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..errors import StoreError
from ..model import Decision, Outcome
from .base import StoreBase, now
from .tables import AcceptEntryRow, Alert, Case, DecisionRow, Screening

ACTIONS = {"escalate": "escalated", "block": "blocked", "clear": "cleared"}


class Decisions(StoreBase):
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
