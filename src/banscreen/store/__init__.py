"""Persistent state of the service: API keys, screenings, decisions, alerts, cases, the accept
list and a hash-chained audit log, in SQLite (default) or PostgreSQL."""

from ..errors import StoreError
from .store import ACTIONS, SCOPES, AuditProblem, KeyInfo, Store, normalise_url

__all__ = ["ACTIONS", "SCOPES", "AuditProblem", "KeyInfo", "Store", "StoreError", "normalise_url"]
