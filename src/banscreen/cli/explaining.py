"""explain: a decision with all its evidence, or an entity and what reaches it."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from ..batch import Pipeline
from ..engine import Screener, ScreenOptions
from ..errors import BanscreenError
from ..model import Policy
from ..registry import Registry
from ..sources import ListsPolicy
from ..surfaces.columns import parse_columns
from ..surfaces.tabular import TransactionFile
from ..wire import decision_json
from ._common import (
    AsOfOpt,
    ColumnsOpt,
    DateOrderOpt,
    ExtraData,
    ListsOpt,
    PolicyOpt,
    app,
    fail,
    out,
    parse_date_option,
    registry_or_exit,
)


def _entity_explanation(registry: Registry, entity_id: str, day: date) -> dict[str, Any]:
    from ..decide import coverage_path, path_text
    from ..decide.accept import entity_fingerprint

    entity = registry.entities[entity_id]
    programs = []
    for program in registry.programs.values():
        path = coverage_path(registry, program, entity_id, day)
        presence = program.presence.get(entity_id)
        programs.append(
            {
                "program": program.id,
                "citation": program.citation,
                "reached": path is not None,
                "path": path_text(registry, entity_id, path) if path is not None else None,
                # When the entity was on the program's imported list, version by version.
                "listed": [
                    {
                        "from": p.start.isoformat() if p.start else None,
                        "until": p.end.isoformat() if p.end else None,
                        "version": p.version,
                        "until_version": p.until_version,
                    }
                    for p in presence.periods
                ]
                if presence is not None
                else None,
            }
        )
    return {
        "entity_id": entity.id,
        "type": entity.type,
        "country": entity.country,
        "note": entity.note,
        "names": [
            {
                "value": n.value,
                "kind": n.kind,
                "script": n.script,
                "source": n.fact.source,
                "provenance": n.fact.provenance.value,
            }
            for n in entity.names
        ],
        "identifiers": [
            {
                "kind": i.kind,
                "value": i.value,
                "source": i.fact.source,
                "provenance": i.fact.provenance.value,
            }
            for i in entity.identifiers
        ],
        "relations": [
            {
                "kind": r.kind,
                "from": r.source_id,
                "to": r.target_id,
                "percentage": r.percentage,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
                "source": r.fact.source,
                "provenance": r.fact.provenance.value,
                "note": r.note,
            }
            for r in registry.all_relations_of(entity_id)
        ],
        "as_of": day.isoformat(),
        # The key an accept-list entry for this entity must carry (it changes with the entry).
        "list_version": entity_fingerprint(entity),
        "programs": programs,
    }


def _cited(citation: str, section: str) -> str:
    """The citation and section, the section once when the citation already ends with it."""
    return citation if not section or citation.endswith(section) else f"{citation}, {section}"


@app.command()
def explain(
    id: Annotated[str, typer.Argument(help="An entity id, or a transaction id with --input.")],
    input: Annotated[
        Path | None, typer.Option("--input", help="Transactions file holding the transaction ID.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.", metavar="")] = False,
    columns: ColumnsOpt = None,
    date_order: DateOrderOpt = None,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    extra_data: ExtraData = None,
    lists: ListsOpt = ListsPolicy.dated,
) -> None:
    """Explain a decision (transaction ID in --input) or an entity (its names, relations, reach)."""
    registry = registry_or_exit(extra_data, lists)
    day = parse_date_option(as_of)
    if input is None:
        if id not in registry.entities:
            raise fail(f"no entity {id!r} (use --input FILE to explain a transaction)")
        info = _entity_explanation(registry, id, day or date.today())
        if as_json:
            print(json.dumps(info, ensure_ascii=False, indent=2))
            return
        out.print(
            Text.assemble(
                (id, "bold"),
                f" ({info['type']}, {info['country'] or '-'}), list version {info['list_version']}",
            ),
            highlight=False,
        )
        for n in info["names"]:
            out.print(
                f"  name  {n['value']}  [{n['kind']}, {n['provenance']}: {n['source']}]",
                highlight=False,
            )
        for i in info["identifiers"]:
            out.print(f"  id    {i['kind']}:{i['value']}  [{i['provenance']}]", highlight=False)
        for r in info["relations"]:
            pct = f" {r['percentage']:g}%" if r["percentage"] is not None else ""
            span = f"  {r['start'] or '…'} to {r['end'] or '…'}" if r["start"] or r["end"] else ""
            out.print(
                f"  rel   {r['from']} -{r['kind']}{pct}-> {r['to']}{span}"
                f"  [{r['provenance']}: {r['source']}]",
                highlight=False,
            )
        for p in info["programs"]:
            out.print(
                f"  {p['program']}: " + (p["path"] if p["reached"] else "not reached"),
                highlight=False,
            )
            for span in p["listed"] or ():
                out.print(
                    f"    listed {span['from'] or 'before the oldest version'} → "
                    f"{span['until'] or 'now'}  (listed by {span['version']}"
                    + (f", dropped by {span['until_version']})" if span["until_version"] else ")"),
                    highlight=False,
                )
        return
    screener = Screener(registry)
    try:
        order = date_order.value if date_order else None
        source = TransactionFile(input, columns=parse_columns(columns or []), date_order=order)
        options = ScreenOptions(policy=policy, as_of=day)
        with closing(source.rows()) as rows:
            for decision in Pipeline(screener, options).decisions(rows):
                if decision.transaction_id == id:
                    break
            else:
                raise fail(f"no transaction {id!r} in {input}")
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    data = decision_json(decision)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(
        Text.assemble(
            (id, "bold"),
            ": ",
            (data["outcome"], "bold"),
            f"  (policy {data['policy']}, as of {data['as_of']})",
        )
    )
    if data["error"]:
        out.print(f"  error: {data['error']}", highlight=False)
    for hit in data["hits"]:
        ev = hit["evidence"]
        out.print(
            f"  {hit['program']} ({_cited(hit['citation'], hit['section'])}): {hit['outcome']}"
            f"  status {hit['status']}, category {hit['category'] or 'not covered'}",
            highlight=False,
        )
        out.print(
            f"    matched {ev['entity_id']} by {ev['method']} {ev['score']:.4f}:"
            f" {ev['query']!r} ~ {ev['matched']!r}",
            highlight=False,
        )
        out.print(f"    path    {hit['path']}", highlight=False)
        if versions := hit["list_versions"]:
            out.print(
                f"    list    {versions['standing']}: listed by {versions['listed_by']}; "
                f"in force on the date {versions['on_date']}, newest {versions['newest']}"
                + (" (the row predates every version)" if versions["before_history"] else ""),
                highlight=False,
            )
        out.print(f"    reasons {', '.join(hit['reasons'])}", highlight=False)
    if not data["hits"]:
        out.print(f"  reasons {data['reasons']}", highlight=False)
