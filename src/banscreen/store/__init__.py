"""Persistent state of the service: API keys, screenings, decisions, alerts, cases, the accept
list and a hash-chained audit log, in SQLite (default) or PostgreSQL."""

from ..errors import StoreError
from .audit import anchor_line, read_anchors
from .store import (
    ACTIONS,
    FOUR_EYES,
    SCOPES,
    STATUSES,
    AlertQuery,
    Anchor,
    AuditProblem,
    ClearScope,
    KeyInfo,
    Store,
    normalise_url,
)

__all__ = [
    "ACTIONS",
    "FOUR_EYES",
    "SCOPES",
    "STATUSES",
    "AlertQuery",
    "Anchor",
    "AuditProblem",
    "ClearScope",
    "KeyInfo",
    "Store",
    "StoreError",
    "anchor_line",
    "normalise_url",
    "read_anchors",
]
