"""Review-UI sessions in the store: a random token in the browser's cookie, its SHA-256
here with the key it belongs to, the session's CSRF token and its expiry."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete

from .base import StoreBase, aware, now
from .tables import UiSession


@dataclass(frozen=True)
class SessionInfo:
    key_id: int
    key_name: str
    csrf: str

    @property
    def actor(self) -> str:
        return f"key:{self.key_id}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions(StoreBase):
    def open_session(self, key_id: int, key_name: str, seconds: int) -> str:
        """A new session's token (given to the browser once; only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        stamp = now()
        with self.session() as session, session.begin():
            session.execute(delete(UiSession).where(UiSession.expires_at < stamp))
            session.add(
                UiSession(
                    token_hash=_digest(token),
                    key_id=key_id,
                    key_name=key_name,
                    csrf=secrets.token_urlsafe(24),
                    expires_at=stamp + timedelta(seconds=seconds),
                )
            )
        return token

    def find_session(self, token: str | None) -> SessionInfo | None:
        """The session, while it has not expired (its key's state is the caller's check)."""
        if not token or len(token) > 200:
            return None
        with self.session() as session:
            row = session.get(UiSession, _digest(token))
            if row is None or aware(row.expires_at) <= now():
                return None
            return SessionInfo(row.key_id, row.key_name, row.csrf)

    def close_session(self, token: str | None) -> None:
        if not token:
            return
        with self.session() as session, session.begin():
            session.execute(delete(UiSession).where(UiSession.token_hash == _digest(token)))
