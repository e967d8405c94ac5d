"""Persistent state of the service: API keys, screenings, decisions, alerts, cases, the accept
list and a hash-chained audit log, in SQLite (default) or PostgreSQL."""

from ..errors import StoreError
from .audit import anchor_line, read_anchors
from .store import ACTIONS, SCOPES, Anchor, AuditProblem, KeyInfo, Store, normalise_url

__all__ = [
    "ACTIONS",
    "SCOPES",
    "Anchor",
    "AuditProblem",
    "KeyInfo",
    "Store",
    "StoreError",
    "anchor_line",
    "normalise_url",
    "read_anchors",
]
