"""API keys: created once, kept only as a hash, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, update

from ..errors import StoreError
from .accepts import ACCEPT_STAMP
from .base import StoreBase, aware, now
from .tables import ApiKey

SCOPES = ("screen", "review", "admin")
KEY_PREFIX = "bsk_"


# A key's last use is written at most this often (a write per request would be a write
# per screening).
LAST_USED_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class KeyInfo:
    id: int
    name: str
    scopes: frozenset[str]
    # The accept list's stamp (see `accept_stamp`), read in the same query as the key: a
    # screening needs both, and one read on the hot path costs less than two.
    accept_stamp: int | None = field(default=None, compare=False)

    @property
    def actor(self) -> str:
        """How the store names what this key does ("key:ID")."""
        return f"key:{self.id}"

    def may_read(self, owner: str) -> bool:
        """Whether this key may read a job or decision `owner` made: its own, or any with
        the admin scope."""
        return owner == self.actor or "admin" in self.scopes


@dataclass(frozen=True)
class KeyRecord:
    """What `keys list` shows of a key: never its secret or its hash."""

    id: int
    name: str
    scopes: tuple[str, ...]
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: ApiKey) -> KeyRecord:
        def when(moment: datetime | None) -> datetime | None:
            return aware(moment) if moment is not None else None

        return cls(
            row.id,
            row.name,
            tuple(row.scopes.split()),
            aware(row.created_at),
            when(row.last_used_at),
            when(row.expires_at),
            when(row.revoked_at),
        )

    def status_on(self, moment: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= moment:
            return "expired"
        return "active"

    @property
    def status(self) -> str:
        return self.status_on(now())


# This read runs on every request: one Core statement over the table, built once (the ORM's
# per-statement work cost more than the query).
_KEYS = ApiKey.__table__.c
_BY_PREFIX = select(
    _KEYS.id, _KEYS.name, _KEYS.scopes, _KEYS.key_hash, _KEYS.revoked_at, _KEYS.expires_at,
    _KEYS.last_used_at, ACCEPT_STAMP.scalar_subquery(),
).where(_KEYS.prefix == bindparam("prefix"))  # fmt: skip


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Keys(StoreBase):
    def create_key(
        self, scopes: Iterable[str], name: str = "", expires_at: datetime | None = None
    ) -> str:
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
                expires_at=expires_at,
            )
            session.add(row)
            session.flush()
            expires = expires_at.isoformat() if expires_at else None
            self._audit(
                session,
                "admin",
                "key.create",
                f"key:{row.id}",
                {"scopes": wanted, "name": name, "expires_at": expires},
            )
        return key

    def verify_key(self, key: str) -> KeyInfo | None:
        """The key's scopes, or None; the hash is compared in constant time."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        digest = _hash_key(key)
        moment = now()
        with self.engine.connect() as connection:
            rows = connection.execute(_BY_PREFIX, {"prefix": key[:12]}).all()
        found = None
        for key_id, name, scopes, key_hash, revoked, expires, last, accepts in rows:
            if not hmac.compare_digest(key_hash, digest) or revoked is not None:
                continue
            if expires is not None and aware(expires) <= moment:
                continue
            stamp = None if accepts is None else int(accepts)
            found = KeyInfo(key_id, name, frozenset(scopes.split()), stamp)
            if last is None or moment - aware(last) >= LAST_USED_EVERY:
                with self.engine.begin() as connection:
                    connection.execute(
                        update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=moment)
                    )
        return found

    def key_active(self, key_id: int) -> bool:
        """Whether the key is neither revoked nor expired (a review UI session ends with
        its key)."""
        with self.session() as session:
            row = session.get(ApiKey, key_id)
        return row is not None and KeyRecord.of(row).status == "active"

    def api_keys(self) -> list[KeyRecord]:
        with self.session() as session:
            rows = session.scalars(select(ApiKey).order_by(ApiKey.id)).all()
        return [KeyRecord.of(r) for r in rows]

    def revoke_key(self, which: str, actor: str = "admin") -> KeyRecord:
        """Revoke the key named `which` (or with that id): its next request is refused. A
        name that several active keys share is refused; give the id."""
        with self.session() as session, session.begin():
            rows = session.scalars(select(ApiKey).where(ApiKey.revoked_at.is_(None))).all()
            found = [r for r in rows if r.name == which or str(r.id) == which]
            if not found:
                raise StoreError(f"no active key named {which!r} (banscreen keys list)")
            if len(found) > 1:
                ids = ", ".join(str(r.id) for r in found)
                raise StoreError(
                    f"{len(found)} active keys are named {which!r}: give the id ({ids})"
                )
            row = found[0]
            row.revoked_at = now()
            self._audit(session, actor, "key.revoke", f"key:{row.id}", {"name": row.name})
            return KeyRecord.of(row)
