"""What the alert page shows beside a stored decision: the path drawn in the relations' own
direction, the matched fragment in place, each program's timeline with the transaction's
date marked, and each reason code in plain words with its next step (data/review)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from html import escape
from importlib import resources
from typing import Any

import yaml
from markupsafe import Markup

from ..decide.timeline import periods
from ..errors import DataError
from ..model import Relation
from ..registry import Registry
from .visible import visible


@dataclass(frozen=True)
class Reason:
    code: str
    program: str
    meaning: str
    next_step: str


@cache
def reason_texts() -> dict[str, dict[str, str]]:
    """Each reason code's `meaning` and `next_step`, validated at load."""
    text = (resources.files("banscreen.data") / "review" / "reasons.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    found = data.get("reasons") if isinstance(data, dict) else None
    if not isinstance(found, dict) or not data.get("source"):
        raise DataError("review/reasons.yaml", None, "reasons", "needs `source` and a mapping")
    for code, entry in found.items():
        if not isinstance(entry, dict) or not entry.get("meaning") or not entry.get("next_step"):
            raise DataError("review/reasons.yaml", None, code, "needs `meaning` and `next_step`")
    return found


def explain_reasons(reasons: str) -> list[Reason]:
    """`program:CODE;CODE` as the decision lists them, each explained (an unknown code is
    shown as it is, never dropped)."""
    texts = reason_texts()
    out = []
    for item in filter(None, reasons.split(";")):
        program, _, code = item.rpartition(":")
        entry = texts.get(code, {})
        out.append(
            Reason(
                code,
                program,
                entry.get("meaning", "No description of this code."),
                entry.get("next_step", "Read the decision's detail."),
            )
        )
    return out


def highlighted(query: str, span: list[int] | None) -> Markup:
    """The submitted value with the matched fragment marked in place (`<mark>`)."""
    if not span or not 0 <= span[0] < span[1] <= len(query):
        return Markup("<mark>{}</mark>").format(visible(query))
    start, end = span
    return Markup("{}<mark>{}</mark>{}").format(
        visible(query[:start]), visible(query[start:end]), visible(query[end:])
    )


def timeline(
    registry: Registry, program_id: str, category: str | None, day: date | None
) -> list[dict[str, Any]]:
    """Every period of every category of the program, the period the transaction fell in
    (its category, its date) marked."""
    program = registry.programs.get(program_id)
    if program is None:
        return []
    rows = []
    for p in periods(program):
        on_date = (
            day is not None
            and p.category == category
            and p.start <= day
            and (p.end is None or day < p.end)
        )
        rows.append(
            {
                "category": p.category,
                "start": p.start.isoformat(),
                "end": p.end.isoformat() if p.end else "",
                "status": p.status,
                "on_date": on_date,
            }
        )
    return rows


def _relation(registry: Registry, step: dict[str, Any]) -> Relation | None:
    """The relation a walked step used, as recorded (its source, percentage, dates)."""
    source, target = (step["from"], step["to"]) if step["forward"] else (step["to"], step["from"])
    kind = _kind(step["relation"])
    for rel in registry.all_relations_of(source):
        if rel.kind == kind and rel.source_id == source and rel.target_id == target:
            return rel
    return None


def _kind(relation: str) -> str:
    """A step's relation without the share the path text adds ("owns(100%)" → "owns")."""
    return relation.split("(", 1)[0]


def _name(registry: Registry, entity_id: str) -> str:
    entity = registry.entities.get(entity_id)
    return entity.display_name if entity is not None else entity_id


def path_graph(registry: Registry, steps: list[dict[str, Any]], start: str) -> Markup:
    """The path as SVG: one box per entity (its name, its id beneath), in the order walked;
    one arrow per relation pointing the way it is recorded (owner → owned, developer → app),
    labelled with its kind, percentage and dates, and the source of the fact beneath."""
    if not steps:
        return Markup("")
    nodes = [start]
    for step in steps:
        for node in (step["from"], step["to"]):
            if node not in nodes:
                nodes.append(node)
    width, gap, height, top = 200, 120, 44, 40
    at = {n: 10 + i * (width + gap) for i, n in enumerate(nodes)}
    parts = []
    for step in steps:
        rel = _relation(registry, step)
        source, target = (
            (step["from"], step["to"]) if step["forward"] else (step["to"], step["from"])
        )
        x_source, x_target = at[source], at[target]
        y = top + height / 2
        if x_source < x_target:
            x1, x2 = x_source + width, x_target
        else:
            x1, x2 = x_source, x_target + width
        kind = _kind(step["relation"])
        label = step["relation"]
        if rel is not None:
            label = kind if rel.percentage is None else f"{kind} {rel.percentage:g}%"
        since = ""
        if rel is not None and (rel.start or rel.end):
            since = f"{rel.start or '…'} → {rel.end or '…'}"
        where = step.get("source") or (rel.fact.source if rel is not None else "")
        mid = (x1 + x2) / 2
        parts.append(
            f'<g class="edge" data-source="{escape(source)}" data-target="{escape(target)}" '
            f'data-relation="{escape(kind)}">'
            f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="#555" '
            'marker-end="url(#arrow)"/>'
            f'<text x="{mid}" y="{top - 20}" font-size="11" text-anchor="middle">'
            f"{escape(visible(label))}</text>"
            f'<text x="{mid}" y="{top - 8}" font-size="10" text-anchor="middle">'
            f"{escape(since)}</text>"
            f'<text x="{mid}" y="{top + height + 16}" font-size="9" text-anchor="middle">'
            f"<title>{escape(visible(where))}</title>{escape(visible(where[-34:]))}</text></g>"
        )
    for node, x in at.items():
        parts.append(
            f'<g class="node" data-id="{escape(node)}"><rect x="{x}" y="{top}" width="{width}" '
            f'height="{height}" rx="5" fill="#eef1f5" stroke="#8894a8"/>'
            f'<text x="{x + width / 2}" y="{top + 18}" font-size="12" text-anchor="middle">'
            f"{escape(visible(_name(registry, node))[:30])}</text>"
            f'<text x="{x + width / 2}" y="{top + 34}" font-size="10" text-anchor="middle">'
            f"{escape(visible(node)[:34])}</text></g>"
        )
    total = 20 + len(nodes) * (width + gap)
    return Markup(
        f'<svg id="path-graph" width="{total}" height="{top + height + 30}" role="img" '
        'aria-label="ownership path"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" '
        'refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>' + "".join(parts) + "</svg>"
    )
