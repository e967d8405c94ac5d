"""The service's persistent state behind one small interface, on SQLite or PostgreSQL.

Chosen by URL (`sqlite:///path` by default, `postgresql://…`), migrated with Alembic on
open. Every decision the service makes and every human action is also written to the audit
log, whose entries chain by hash: `verify_audit` finds any entry edited, inserted or deleted.
"""

from __future__ import annotations

from .accepts import ClearScope
from .audit import GENESIS, Anchor, Audit, AuditProblem
from .base import normalise_url, now
from .decisions import Decisions
from .jobs import Jobs
from .keys import KEY_PREFIX, SCOPES, KeyInfo, Keys
from .review import ACTIONS, FOUR_EYES, STATUSES, AlertQuery, Review
from .sessions import Sessions

__all__ = [
    "ACTIONS",
    "FOUR_EYES",
    "GENESIS",
    "KEY_PREFIX",
    "SCOPES",
    "STATUSES",
    "AlertQuery",
    "Anchor",
    "AuditProblem",
    "ClearScope",
    "KeyInfo",
    "Store",
    "normalise_url",
    "now",
]


class Store(Keys, Decisions, Review, Jobs, Sessions, Audit):
    """The service's state: keys.py, decisions.py (decisions and their alerts), review.py
    (the queue and the actions on alerts), accepts.py (the accept list), jobs.py,
    sessions.py (the review UI's) and audit.py, each a part of this one class over one
    connection (base.py)."""
