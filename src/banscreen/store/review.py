"""The analysts' desk in the store: the alert queue (filters, sort, pages with a total), the
actions on an alert as a state machine with four eyes, comments and assignment.

    open ──escalate──▶ escalated
    open | escalated ──block / clear──▶ blocked / cleared            (one analyst suffices)
    open | escalated ──block / clear──▶ pending ──approve──▶ blocked / cleared
                                               └──reject───▶ the status before
    blocked | cleared ──reopen──▶ open   (a reopened clear revokes the entries it wrote)

Whether a block or clear needs a second analyst is the store's `four_eyes`: "block" (the
default: every alert whose decision was BLOCK), "all" or "none". The analyst who proposed
a change can never approve it. Every action is a case on the alert and an audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ..errors import ConflictError, NotFoundError, StoreError
from .accepts import Accepts, ClearScope
from .base import StoreBase, now
from .tables import Alert, Case, DecisionRow

STATUSES = ("open", "escalated", "pending", "blocked", "cleared")
FOUR_EYES = ("block", "all", "none")
# What each action does: the statuses it may start from, and the status it leads to ("" is
# decided by the action itself: a proposal, an approval, a rejection).
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "escalate": (frozenset({"open"}), "escalated"),
    "block": (frozenset({"open", "escalated"}), "blocked"),
    "clear": (frozenset({"open", "escalated"}), "cleared"),
    "approve": (frozenset({"pending"}), ""),
    "reject": (frozenset({"pending"}), ""),
    "reopen": (frozenset({"blocked", "cleared"}), "open"),
    "assign": (frozenset(STATUSES), ""),
    "comment": (frozenset(STATUSES), ""),
}
ACTIONS = tuple(TRANSITIONS)
SORTS = {
    "newest": (Alert.id.desc(),),
    "oldest": (Alert.id.asc(),),
    "outcome": (Alert.outcome.asc(), Alert.id.asc()),  # BLOCK before REVIEW
    "status": (Alert.status.asc(), Alert.id.asc()),
    "updated": (Alert.updated_at.desc(), Alert.id.desc()),
}


@dataclass(frozen=True)
class AlertQuery:
    """A view of the queue: every filter optional; `search` looks in the transaction id,
    the submitted transaction, the counterparty and the entity."""

    status: str = ""
    outcome: str = ""
    search: str = ""
    entity: str = ""
    program: str = ""
    reason: str = ""
    assignee: str = ""
    since: datetime | None = None
    until: datetime | None = None
    sort: str = "oldest"

    def apply(self, query: Select[Alert, DecisionRow]) -> Select[Alert, DecisionRow]:
        if self.status:
            query = query.where(Alert.status == self.status)
        if self.outcome:
            query = query.where(Alert.outcome == self.outcome)
        if self.entity:
            query = query.where(DecisionRow.entity_id == self.entity)
        if self.program:
            query = query.where(DecisionRow.programs.contains(self.program, autoescape=True))
        if self.reason:
            query = query.where(DecisionRow.reasons.contains(self.reason, autoescape=True))
        if self.assignee:
            query = query.where(Alert.assignee == self.assignee)
        if self.since is not None:
            query = query.where(Alert.created_at >= self.since)
        if self.until is not None:
            query = query.where(Alert.created_at < self.until)
        if self.search:
            words = self.search.strip()
            query = query.where(
                or_(
                    *(
                        column.contains(words, autoescape=True)
                        for column in (
                            DecisionRow.transaction_id,
                            DecisionRow.submitted,
                            DecisionRow.counterparty,
                            DecisionRow.entity_name,
                            DecisionRow.entity_id,
                        )
                    )
                )
            )
        return query


class Review(Accepts, StoreBase):
    four_eyes: str = "block"

    def _joined(self) -> Select[Alert, DecisionRow]:
        return select(Alert, DecisionRow).join(DecisionRow, Alert.decision_id == DecisionRow.id)

    def alert_page(
        self, view: AlertQuery, offset: int = 0, limit: int = 50
    ) -> tuple[list[tuple[Alert, DecisionRow]], int]:
        """One page of the view and the number of alerts in the whole view."""
        with self.session() as session:
            filtered = view.apply(self._joined())
            total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
            ordered = filtered.order_by(*SORTS.get(view.sort, SORTS["oldest"]))
            rows = session.execute(ordered.offset(offset).limit(limit)).all()
            return [(a, d) for a, d in rows], int(total)

    def alerts(
        self, status: str | None = None, outcome: str | None = None, limit: int = 100
    ) -> list[tuple[Alert, DecisionRow]]:
        return self.alert_page(AlertQuery(status or "", outcome or ""), 0, limit)[0]

    def alert_rows(
        self, view: AlertQuery, chunk: int = 1000
    ) -> Iterator[tuple[Alert, DecisionRow]]:
        """Every alert of the view, in its order, read a chunk at a time (for an export)."""
        with self.session() as session:
            ordered = view.apply(self._joined()).order_by(*SORTS.get(view.sort, SORTS["oldest"]))
            for row in session.execute(ordered.execution_options(yield_per=chunk)):
                yield row[0], row[1]

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

    def needs_second(self, alert: Alert) -> bool:
        """Whether a block or clear of this alert waits for another analyst's approval."""
        return self.four_eyes == "all" or (self.four_eyes == "block" and alert.outcome == "BLOCK")

    def act(
        self,
        alert_id: int,
        action: str,
        reason: str,
        analyst: str,
        attachments: str = "",
        scope: ClearScope | None = None,
        assignee: str = "",
    ) -> Case:
        """An analyst's action (see the module's state machine); the reason is required but
        for an assignment. A clear, once it takes effect, records accepted false positives
        for next time, within `scope`."""
        if action not in TRANSITIONS:
            raise StoreError(f"action must be one of {', '.join(ACTIONS)}; got {action!r}")
        reason = reason.strip()
        if not reason and action != "assign":
            raise StoreError("a reason is required")
        if action == "assign" and not assignee.strip():
            raise StoreError("name the analyst to assign the alert to")
        with self.session() as session, session.begin():
            alert = session.get(Alert, alert_id, with_for_update=True)
            if alert is None:
                raise NotFoundError(f"no alert {alert_id}")
            allowed, target = TRANSITIONS[action]
            if alert.status not in allowed:
                raise ConflictError(f"alert {alert_id} is {alert.status}: {action} is not possible")
            stamp = now()
            details: dict[str, Any] = {"alert": alert_id, "reason": reason}
            recorded = effective = action
            cleared_by, reason_kept = analyst, reason
            if action in ("block", "clear") and self.needs_second(alert):
                recorded = f"propose-{action}"
                alert.prior_status, alert.status = alert.status, "pending"
                alert.proposal, alert.proposed_by = action, analyst
                alert.proposal_detail = json.dumps(
                    {"reason": reason, "scope": (scope or ClearScope()).as_json()}
                )
                details["proposal"] = action
            elif action == "approve":
                if alert.proposed_by == analyst:
                    raise ConflictError(
                        "you proposed this change: another analyst must approve it (four eyes)"
                    )
                proposed = json.loads(alert.proposal_detail or "{}")
                details["approved"] = alert.proposal
                details["proposed_by"] = alert.proposed_by
                target = "blocked" if alert.proposal == "block" else "cleared"
                if alert.proposal == "clear":
                    scope = ClearScope.of_json(proposed.get("scope") or {})
                    # The entry keeps why it was cleared, by whom, and who approved it.
                    cleared_by = alert.proposed_by
                    reason_kept = f"{proposed.get('reason', '')} (approved by {analyst}: {reason})"
                alert.status = target
                effective = alert.proposal
                alert.proposal = alert.proposed_by = alert.proposal_detail = ""
            elif action == "reject":
                details["rejected"] = alert.proposal
                alert.status = alert.prior_status or "open"
                alert.proposal = alert.proposed_by = alert.proposal_detail = ""
            elif action == "assign":
                alert.assignee = assignee.strip()[:200]
                details["assignee"] = alert.assignee
            elif target:
                alert.status = target
            alert.updated_at = stamp
            case = Case(
                alert_id=alert_id,
                action=recorded,
                reason=reason or f"assigned to {alert.assignee}",
                attachments=attachments,
                analyst=analyst,
                created_at=stamp,
            )
            session.add(case)
            session.flush()
            details["case"] = case.id
            if effective == "clear" and alert.status == "cleared":
                decision = session.get(DecisionRow, alert.decision_id)
                assert decision is not None
                details["accepted"] = self._accept(
                    session,
                    decision,
                    case.id,
                    reason_kept,
                    cleared_by,
                    scope or ClearScope(),
                    stamp,
                )
            if action == "reopen":
                details["revoked"] = self._revoke_for_alert(session, alert_id, analyst, stamp)
            self._audit(session, analyst, f"alert.{recorded}", f"alert:{alert_id}", details)
            return case

    def cases(self, limit: int = 100) -> list[Case]:
        with self.session() as session:
            return list(session.scalars(select(Case).order_by(Case.id.desc()).limit(limit)))

    def _revoke_for_alert(
        self, session: Session, alert_id: int, analyst: str, stamp: datetime
    ) -> list[int]:
        cases = select(Case.id).where(Case.alert_id == alert_id)
        return self._revoke_where(session, cases, analyst, stamp)
