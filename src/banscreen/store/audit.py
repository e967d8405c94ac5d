"""The audit log: every decision and human action, chained by hash so that
`verify_audit` finds any entry edited, inserted or deleted.

A chain that anyone with the database can recompute proves nothing on its own about its
end: deleting the last entries, or rewriting one and recomputing every hash after it, leaves
a chain that verifies. So its head (sequence number and hash) is anchored outside the
database — `banscreen audit anchor` appends it to a file or prints it for an external
record, and every API write reports it — and `verify_audit(anchors)` fails when the log is
shorter than, or disagrees with, any anchor."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from ..errors import StoreError
from .base import StoreBase, aware, now
from .tables import AuditEntry

GENESIS = "0" * 64
_AUDIT = AuditEntry.__table__.c
_HEAD = select(_AUDIT.seq, _AUDIT.hash).order_by(_AUDIT.seq.desc()).limit(1)


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    problem: str


@dataclass(frozen=True)
class Anchor:
    """The log's head as it was recorded outside the database."""

    seq: int
    hash: str


def anchor_line(anchor: Anchor) -> str:
    """One line of an anchor file: JSON with the sequence number, hash and time recorded."""
    stamp = now().isoformat(timespec="seconds")
    return json.dumps({"seq": anchor.seq, "hash": anchor.hash, "at": stamp}) + "\n"


def read_anchors(text: str, name: str = "anchors") -> list[Anchor]:
    """The anchors in an anchor file (JSON lines as `anchor_line` writes them)."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            found.append(Anchor(int(record["seq"]), str(record["hash"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{name}:{number}: not an anchor ({exc})") from None
    return found


class Audit(StoreBase):
    def _audit(
        self, session: Session, actor: str, action: str, subject: str, details: dict[str, Any]
    ) -> None:
        self._audit_all(session, [(actor, action, subject, details)])

    def _audit_all(
        self, session: Session, entries: Sequence[tuple[str, str, str, dict[str, Any]]]
    ) -> Anchor:
        """Append entries (actor, action, subject, details) in order, each chained to the
        one before it; the head they leave (once their transaction commits)."""
        # Serialise writers so each entry chains to the one committed before it: the head is
        # read holding the write lock. PostgreSQL locks the table; SQLite takes its one write
        # lock with the first write of a transaction, so a write that changes nothing comes
        # first (without it the head could be read before another writer's commit, and two
        # entries would claim one sequence number).
        session.flush()
        connection = session.connection()
        if self.engine.dialect.name == "postgresql":
            connection.execute(text("LOCK TABLE audit_log IN EXCLUSIVE MODE"))
        elif self.engine.dialect.name == "sqlite":
            connection.execute(text("UPDATE audit_log SET seq = seq WHERE 0"))
        last = connection.execute(_HEAD).first()
        seq, prev = (last[0], last[1]) if last else (0, GENESIS)
        at = now()
        rows = []
        for actor, action, subject, details in entries:
            seq += 1
            body = json.dumps(details, sort_keys=True, ensure_ascii=False, default=str)
            digest = _chain(prev, seq, at, actor, action, subject, body)
            rows.append(
                {
                    "seq": seq,
                    "at": at,
                    "actor": actor,
                    "action": action,
                    "subject": subject,
                    "details": body,
                    "prev_hash": prev,
                    "hash": digest,
                }
            )
            prev = digest
        if rows:
            connection.execute(insert(AuditEntry), rows)
        return Anchor(seq, prev)

    def audit_entries(self, limit: int | None = None) -> list[AuditEntry]:
        with self.session() as session:
            query = select(AuditEntry).order_by(AuditEntry.seq)
            if limit:
                query = query.limit(limit)
            return list(session.scalars(query))

    def audit_head(self) -> Anchor:
        """The newest entry's sequence number and hash (0 and the genesis hash when empty)."""
        with self.engine.connect() as connection:
            last = connection.execute(_HEAD).first()
        return Anchor(last[0], last[1]) if last else Anchor(0, GENESIS)

    def verify_audit(self, anchors: Sequence[Anchor] = ()) -> tuple[int, list[AuditProblem]]:
        """(entries checked, problems): an edited entry breaks its own hash, a deleted or
        inserted one breaks the sequence or the link to the entry before; against
        `anchors`, a log shorter than one, or whose entry at an anchored sequence number
        has another hash (rewritten, every later hash recomputed), is broken too."""
        problems: list[AuditProblem] = []
        wanted = {a.seq: a.hash for a in anchors if a.seq > 0}
        seen: dict[int, str] = {}
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
                at = aware(entry.at)
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
                if entry.seq in wanted:
                    seen[entry.seq] = entry.hash
        for seq, digest in sorted(wanted.items()):
            if seq not in seen:
                problems.append(
                    AuditProblem(seq, "anchored entry missing: the log is shorter than its anchor")
                )
            elif seen[seq] != digest:
                problems.append(AuditProblem(seq, "differs from its anchor (rewritten)"))
        return count, problems


def _chain(
    prev: str, seq: int, at: datetime, actor: str, action: str, subject: str, details: str
) -> str:
    stamp = at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = json.dumps([prev, seq, stamp, actor, action, subject, details], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
