"""A decision in every form it leaves banscreen: the contract's CSV cells, JSON, Parquet
rows, the stored detail, the API's and `lists rescreen`'s rows.

One module, so the forms cannot drift: a score is written with four decimals everywhere,
lists are `;`-joined everywhere, and the one formula guard (and its inverse, for reading a
decisions file back) lives here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import orjson

from .model import Decision, ListStanding, MatchEvidence, ProgramHit

DECISION_COLUMNS = (
    "id",
    "outcome",
    "programs",
    "entity_id",
    "entity_name",
    "score",
    "method",
    "path",
    "reasons",
    "error",
)
# Cells a spreadsheet would run as a formula (OWASP CSV injection); every start is one
# character, which the hot paths rely on.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_STARTS = frozenset(FORMULA_STARTS)


def guard(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading quote."""
    return "'" + value if value[:1] in _STARTS else value


def unguard(value: str) -> str:
    """The cell as it was before `guard` (for reading a decisions file back)."""
    return value[1:] if value[:1] == "'" and value[1:2] in _STARTS else value


def score_text(score: float | None) -> str:
    return "" if score is None else f"{score:.4f}"


def decision_row(decision: Decision) -> dict[str, str]:
    """The contract's columns, plus the unknown input columns the row carried."""
    row = {
        "id": decision.transaction_id,
        "outcome": decision.outcome.name,
        "programs": ";".join(decision.programs),
        "entity_id": decision.entity_id,
        "entity_name": decision.entity_name,
        "score": score_text(decision.score),
        "method": decision.method,
        "path": decision.path,
        "reasons": ";".join(decision.reasons),
        "error": decision.error,
    }
    for key, value in decision.extra.items():
        row.setdefault(key, value)
    return row


def evidence_json(ev: MatchEvidence) -> dict[str, Any]:
    return {
        "entity_id": ev.entity_id,
        "method": ev.method,
        "score": ev.score,
        "field": ev.field,
        "query": ev.query,
        "matched": ev.matched,
        "source": ev.fact.source,
        "provenance": ev.fact.provenance.value,
        "tokens": [{"query": a, "name": b, "share": c} for a, b, c in ev.tokens],
        # Where the matched name sits inside a longer query: [start, end) in `query`.
        "span": list(ev.span) if ev.span else None,
    }


def hit_json(hit: ProgramHit) -> dict[str, Any]:
    return {
        "program": hit.program_id,
        "citation": hit.citation,
        "section": hit.section,
        "category": hit.category,
        "status": hit.status,
        "outcome": hit.outcome.name,
        "reasons": list(hit.reasons),
        "entity_id": hit.evidence.entity_id,
        "path": hit.path_text,
        "path_steps": [
            {
                "from": s.source_id,
                "relation": s.relation,
                "to": s.target_id,
                "forward": s.forward,
                "source": s.fact.source,
                "provenance": s.fact.provenance.value,
            }
            for s in hit.path
        ],
        "evidence": evidence_json(hit.evidence),
        "list_versions": _standing_json(hit.list_standing),
    }


def _standing_json(standing: ListStanding | None) -> dict[str, Any] | None:
    """The list versions an imported list's hit was judged on, and the party's standing."""
    if standing is None:
        return None
    return {
        "standing": standing.standing,
        "on_date": standing.on_date,
        "newest": standing.newest,
        "listed_by": standing.listed_by,
        "before_history": standing.before_history,
    }


def json_text(value: dict[str, Any]) -> str:
    """`value` as a JSON document: by orjson, several times faster, and by the standard
    library when orjson refuses (an integer past 64 bits in an extra column)."""
    try:
        return orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, default=str)


def decision_json(decision: Decision) -> dict[str, Any]:
    """Everything a decision knows: the contract columns plus hits, matches and context."""
    out: dict[str, Any] = decision_row(decision)
    out["score"] = decision.score
    out["as_of"] = decision.as_of.isoformat() if decision.as_of else None
    out["policy"] = decision.policy
    out["data_version"] = decision.data_version
    out["hits"] = [hit_json(h) for h in decision.hits]
    out["matches"] = [evidence_json(m) for m in decision.matches]
    out["notes"] = list(decision.notes)
    return out


# The columns of a changed decision: each of the first three beside its previous value.
CHANGE_COLUMNS = (
    "id",
    *(f for c in ("outcome", "programs", "entity_id") for f in (f"previous_{c}", c)),
    *DECISION_COLUMNS[DECISION_COLUMNS.index("entity_name") : DECISION_COLUMNS.index("error")],
)


def change_row(previous: tuple[str, str, str] | None, decision: Decision) -> dict[str, str]:
    """A changed decision of `lists rescreen`: (outcome, programs, entity) before, and now."""
    row = decision_row(decision)
    before = previous or ("", "", "")
    row["previous_outcome"], row["previous_programs"], row["previous_entity_id"] = before
    return {c: row[c] for c in CHANGE_COLUMNS}


@dataclass(frozen=True)
class Serialiser:
    """A decision in the form its output format writes; small and picklable, so batch
    workers can serialise in parallel and the writer only writes."""

    format: str
    columns: tuple[str, ...]
    raw: bool = False  # CSV without the formula guard

    @property
    def guarded(self) -> bool:
        return self.format == "csv" and not self.raw

    def __call__(self, decision: Decision) -> str | list[str]:
        """A JSON line, or the cells of a CSV or Parquet row in column order."""
        if self.format == "jsonl":
            return json.dumps(decision_json(decision), ensure_ascii=False) + "\n"
        return self.cells(decision)

    def cells(self, decision: Decision) -> list[str]:
        """A CSV or Parquet row as its cells in column order (CSV cells guarded)."""
        row = decision_row(decision)
        cells = [row.get(c, "") for c in self.columns]
        return [guard(c) for c in cells] if self.guarded else cells
