"""Accept entries in the store: written by a clear that takes effect, each keyed on what
actually matched (the counterparty's name, a free-text phrase, an identifier) and scoped
(the client that screened it and the transaction's category unless the analyst widens it,
optionally one program), with an expiry; listed and revoked on their own (`accept list`,
`accept revoke`, `/v1/accept`, `/ui/accept`). Every change is an audit entry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from ..errors import NotFoundError, StoreError
from ..model import COUNTERPARTY
from ..tunables import ACCEPT_DAYS, ACCEPT_DAYS_MAX
from .base import StoreBase, now
from .tables import AcceptChanges, AcceptEntryRow, DecisionRow

# The accept list's stamp: its count of writes (migration 0006), one row by primary key.
ACCEPT_STAMP = select(AcceptChanges.__table__.c.changes).where(AcceptChanges.__table__.c.id == 1)


@dataclass(frozen=True)
class ClearScope:
    """How far a clear reaches. By default: this client, this transaction category, every
    program, for ACCEPT_DAYS days."""

    all_clients: bool = False
    all_categories: bool = False
    program: str = ""
    days: int = ACCEPT_DAYS

    def __post_init__(self) -> None:
        if not 1 <= self.days <= ACCEPT_DAYS_MAX:
            raise StoreError(f"a clearance lasts 1 to {ACCEPT_DAYS_MAX} days; got {self.days}")

    def as_json(self) -> dict[str, Any]:
        return {
            "all_clients": self.all_clients,
            "all_categories": self.all_categories,
            "program": self.program,
            "days": self.days,
        }

    @classmethod
    def of_json(cls, data: dict[str, Any]) -> ClearScope:
        return cls(
            bool(data.get("all_clients")),
            bool(data.get("all_categories")),
            str(data.get("program") or ""),
            int(data.get("days") or ACCEPT_DAYS),
        )


def cleared_matches(decision: DecisionRow) -> list[tuple[str, str, str, str]]:
    """(field, normalised value, entity, list version) of everything the decision matched:
    clearing a false positive clears each (a parent matched beside the top entity, or the
    same entity found again in free text, would raise the alert again otherwise)."""
    detail = json.loads(decision.detail or "{}")
    versions: dict[str, str] = detail.get("entity_versions") or {}
    found: dict[tuple[str, str, str], str] = {}
    for match in detail.get("matches") or []:
        entity = str(match.get("entity_id") or "")
        field = str(match.get("field") or COUNTERPARTY)
        value = str(match.get("accept_key") or "")
        if not value and field == COUNTERPARTY:
            value = decision.counterparty  # recorded before accept keys were
        if entity and value:
            found.setdefault((field, value, entity), versions.get(entity, ""))
    if not found and decision.entity_id and decision.counterparty:
        found[(COUNTERPARTY, decision.counterparty, decision.entity_id)] = decision.list_version
    return [(f, v, e, version) for (f, v, e), version in found.items() if version]


class Accepts(StoreBase):
    def _accept(
        self,
        session: Session,
        decision: DecisionRow,
        case_id: int,
        reason: str,
        analyst: str,
        scope: ClearScope,
        stamp: datetime,
    ) -> list[dict[str, Any]]:
        submitted = json.loads(decision.submitted or "{}")
        client = "" if scope.all_clients else decision.owner
        category = "" if scope.all_categories else str(submitted.get("category") or "")
        category = category.strip().lower()
        expires = stamp + timedelta(days=scope.days)
        written = []
        for field, value, entity, version in cleared_matches(decision):
            row = AcceptEntryRow(
                counterparty=value,
                entity_id=entity,
                list_version=version,
                reason=reason,
                case_id=case_id,
                created_at=stamp,
                field=field,
                client=client,
                category=category,
                program=scope.program,
                expires_at=expires,
                created_by=analyst,
            )
            session.add(row)
            session.flush()
            written.append(_entry_json(row))
        return written

    def _revoke_where(
        self, session: Session, cases: Select[Any], analyst: str, stamp: datetime
    ) -> list[int]:
        ids = list(
            session.scalars(
                select(AcceptEntryRow.id).where(
                    AcceptEntryRow.case_id.in_(cases), AcceptEntryRow.revoked_at.is_(None)
                )
            )
        )
        if ids:
            session.execute(
                update(AcceptEntryRow)
                .where(AcceptEntryRow.id.in_(ids))
                .values(revoked_at=stamp, revoked_by=analyst)
            )
        return ids

    def accept_rows(
        self, include_inactive: bool = False, limit: int = 1000
    ) -> list[AcceptEntryRow]:
        """The accept entries, newest first: those in force, or every one."""
        with self.session() as session:
            query = select(AcceptEntryRow).order_by(AcceptEntryRow.id.desc())
            if not include_inactive:
                query = query.where(
                    AcceptEntryRow.revoked_at.is_(None),
                    (AcceptEntryRow.expires_at.is_(None)) | (AcceptEntryRow.expires_at > now()),
                )
            return list(session.scalars(query.limit(limit)))

    def revoke_accept(self, entry_id: int, analyst: str, reason: str) -> AcceptEntryRow:
        """End an accept entry now: its counterparty is screened as if never cleared."""
        if not reason.strip():
            raise StoreError("a reason is required")
        with self.session() as session, session.begin():
            row = session.get(AcceptEntryRow, entry_id)
            if row is None:
                raise NotFoundError(f"no accept entry {entry_id}")
            if row.revoked_at is not None:
                raise StoreError(f"accept entry {entry_id} was already revoked")
            stamp = now()
            row.revoked_at, row.revoked_by = stamp, analyst
            self._audit(
                session,
                analyst,
                "accept.revoke",
                f"accept:{entry_id}",
                {"reason": reason.strip(), "entry": _entry_json(row)},
            )
            return row

    def accept_stamp(self) -> int | None:
        """How many writes the accept list has had: changes with every entry written or
        revoked, and costs one row's read however long the list is; None when the counter
        is missing (a damaged store), which readers take as "changed". Expiry is the
        reader's: `AcceptList(now=…)` leaves expired ones out."""
        with self.engine.connect() as connection:  # Core: asked on every screening
            found = connection.execute(ACCEPT_STAMP).scalar_one_or_none()
            return None if found is None else int(found)

    def accept_entries(self) -> list[AcceptEntryRow]:
        """Every entry not revoked (the expired too: `AcceptList` drops them by time)."""
        with self.session() as session:
            return list(
                session.scalars(select(AcceptEntryRow).where(AcceptEntryRow.revoked_at.is_(None)))
            )


def _entry_json(row: AcceptEntryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "field": row.field,
        "value": row.counterparty,
        "entity_id": row.entity_id,
        "list_version": row.list_version,
        "client": row.client,
        "category": row.category,
        "program": row.program,
        "expires_at": row.expires_at.isoformat() if row.expires_at else None,
    }
