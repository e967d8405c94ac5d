"""Decisions into the store, the same way for a synchronous request and a background job:
each with the counterparty's normalised key and the version of every entry it hit (what the
accept list remembers), and its full JSON detail for the review UI."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..engine import Screener
from ..model import Decision
from ..store import Store
from ..surfaces.tabular import RawRow
from ..wire import decision_json


def detail(decision: Decision, screener: Screener) -> dict[str, Any]:
    """The decision as JSON, with the version of each entry it hit (for the accept list)."""
    out = decision_json(decision)
    entities = {h.evidence.entity_id for h in decision.hits} | {
        m.entity_id for m in decision.matches
    }
    out["entity_versions"] = {e: screener.list_version(e) for e in sorted(entities)}
    return out


def record_decisions(
    store: Store,
    screener: Screener,
    rows: Sequence[RawRow],
    decisions: Sequence[Decision],
    actor: str,
    source: str,
    policy: str,
    job_part: str | None = None,
) -> list[str]:
    """Keep `decisions` (one per row of `rows`) and open their alerts; the decision ids."""
    names = [str((r.data or {}).get("counterparty_name") or "") for r in rows]
    return store.record(
        decisions,
        [screener.matcher.normaliser.key(n) for n in names],
        [screener.list_version(d.entity_id) for d in decisions],
        actor,
        source,
        policy,
        screener.registry.version,
        [detail(d, screener) for d in decisions],
        job_part=job_part,
    )
