"""API keys: created once, kept only as a hash, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from ..errors import StoreError
from .base import StoreBase, now
from .tables import ApiKey

SCOPES = ("screen", "review", "admin")
KEY_PREFIX = "bsk_"


@dataclass(frozen=True)
class KeyInfo:
    id: int
    name: str
    scopes: frozenset[str]


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Keys(StoreBase):
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
