"""Decisions into the store, the same way for a synchronous request and a background job:
each with the counterparty's normalised key, the version of every entry it hit and, per
match, the key an acceptance of it is written under (what the accept list remembers), the
transaction as submitted (what the analyst decides on), and its full JSON detail."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..decide.accept import accept_value
from ..engine import Screener
from ..model import Decision
from ..store.decisions import Screened
from ..surfaces.rows import RawRow, readable
from ..wire import decision_json, json_text


def detail(decision: Decision, screener: Screener) -> dict[str, Any]:
    """The decision as JSON, with the version of each entry it hit and, on each match, the
    value an acceptance of it is keyed on (for the accept list)."""
    out = decision_json(decision)
    key = screener.matcher.normaliser.key
    for match, ev in zip(out.get("matches") or [], decision.matches, strict=False):
        match["accept_key"] = accept_value(ev, key)
    entities = {h.evidence.entity_id for h in decision.hits} | {
        m.entity_id for m in decision.matches
    }
    out["entity_versions"] = {e: screener.list_version(e) for e in sorted(entities)}
    return out


def screened(
    screener: Screener,
    rows: Sequence[RawRow],
    decisions: Sequence[Decision],
    actor: str,
    source: str,
    policy: str,
    job_part: str | None = None,
) -> Screened:
    """`decisions` (one per row of `rows`) as the store keeps them."""
    key = screener.matcher.normaliser.key
    data = [r.data or {} for r in rows]
    return Screened(
        decisions=decisions,
        counterparties=[key(readable(str(d.get("counterparty_name") or ""))) for d in data],
        list_versions=[screener.list_version(d.entity_id) for d in decisions],
        details=[json_text(detail(d, screener)) for d in decisions],
        submitted=[readable(json_text(d)) for d in data],
        actor=actor,
        source=source,
        policy=policy,
        data_version=screener.registry.version,
        job_part=job_part,
    )
