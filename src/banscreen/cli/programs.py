"""programs: status on a date, timelines, charts, and changes between dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..decide import status_on
from ..decide.timeline import diff, listing_status, periods
from ..errors import BanscreenError
from ..registry import Registry
from ._common import (
    ExtraData,
    app,
    err,
    fail,
    out,
    parse_date_option,
    registry_or_exit,
)
from .charts import draw_timeline

programs_app = typer.Typer(
    help="Programs, their status on a date, their timelines, and what changed.",
    invoke_without_command=True,
)
app.add_typer(programs_app, name="programs")


@programs_app.callback()
def programs(
    ctx: typer.Context,
    on: Annotated[
        str | None, typer.Option("--date", help="Status on this date (default today).")
    ] = None,
    timeline: Annotated[
        bool,
        typer.Option("--timeline", help="Each program's events and status periods.", metavar=""),
    ] = False,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Write a timeline chart per program into this folder."),
    ] = None,
    chart_format: Annotated[str, typer.Option("--chart-format", help="svg or png.")] = "svg",
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.", metavar="")] = False,
    extra_data: ExtraData = None,
) -> None:
    """Programs and the status of each of their categories on a date."""
    if ctx.invoked_subcommand is not None:
        return
    registry = registry_or_exit(extra_data)
    day = parse_date_option(on, "--date") or date.today()
    if chart is not None:
        _write_charts(registry, chart, chart_format, day)
        return
    if timeline:
        _print_timeline(registry, as_json)
        return
    rows: list[dict[str, Any]] = []
    for program in registry.programs.values():
        for category in program.categories:
            status = status_on(program, category.id, day)
            event = status.deciding_event
            rows.append(
                {
                    "program": program.id,
                    "citation": program.citation,
                    "category": category.id,
                    "label": category.label,
                    "status": status.code,
                    "identified": status.identified or not program.identification_required,
                    "since": event.date.isoformat() if event else None,
                    "listings": listing_status(program, day),
                }
            )
    if as_json:
        print(json.dumps({"date": day.isoformat(), "programs": rows}, ensure_ascii=False, indent=2))
        return
    table = Table(
        "program", "citation", "category", "status", "since", "identified", title=f"status on {day}"
    )
    for r in rows:
        table.add_row(
            r["program"], r["citation"], r["category"], r["status"], r["since"] or "",
            "yes" if r["identified"] else "no",
        )  # fmt: skip
    out.print(table)


def _write_charts(registry: Registry, folder: Path, fmt: str, day: date) -> None:
    if fmt not in ("svg", "png"):
        raise fail("--chart-format: svg or png")
    try:
        for program in registry.programs.values():
            path = draw_timeline(program, folder / f"{program.id}.{fmt}", today=day)
            err.print(f"wrote {path}", highlight=False)
    except BanscreenError as exc:
        raise fail(str(exc)) from None


def _print_timeline(registry: Registry, as_json: bool) -> None:
    data: list[dict[str, Any]] = []
    for program in registry.programs.values():
        events = [
            {
                "date": e.date.isoformat(),
                "type": e.type,
                "until": e.until.isoformat() if e.until else None,
                "categories": list(e.categories) or ["all"],
                "citation": e.citation,
                "source": e.fact.source,
            }
            for e in program.events
        ]
        listings = [
            {
                "target": target,
                "added": lst.added.isoformat() if lst.added else None,
                "removed": lst.removed.isoformat() if lst.removed else None,
            }
            for target, lst in sorted(program.listings.items())
        ]
        spans = [
            {
                "category": p.category,
                "from": p.start.isoformat(),
                "to": p.end.isoformat() if p.end else None,
                "status": p.status,
            }
            for p in periods(program)
        ]
        data.append({"program": program.id, "citation": program.citation, "events": events,
                     "listings": listings, "periods": spans})  # fmt: skip
    if as_json:
        print(json.dumps({"timelines": data}, ensure_ascii=False, indent=2))
        return
    for item in data:
        out.print(Text.assemble((item["program"], "bold"), f"  {item['citation']}"))
        for e in item["events"]:
            until = f" until {e['until']}" if e["until"] else ""
            scope = ", ".join(e["categories"])
            cite = f"  ({e['citation']})" if e["citation"] else ""
            out.print(
                f"  {e['date']}  {e['type']}{until}  [{scope}]{cite}", highlight=False, markup=False
            )
        for lst in item["listings"]:
            out.print(f"  {lst['added']}  listed: {lst['target']}", highlight=False, markup=False)
        for p in item["periods"]:
            out.print(
                f"    {p['category']:<18} {p['from']} → {p['to'] or '…':<10}  {p['status']}",
                highlight=False,
            )
        out.print()


@programs_app.command("diff")
def programs_diff(
    date_a: Annotated[str, typer.Argument(help="First date (YYYY-MM-DD).")],
    date_b: Annotated[str, typer.Argument(help="Second date (YYYY-MM-DD).")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.", metavar="")] = False,
    extra_data: ExtraData = None,
) -> None:
    """Which programs, categories and listings changed status between two dates."""
    registry = registry_or_exit(extra_data)
    a, b = parse_date_option(date_a, "DATE_A"), parse_date_option(date_b, "DATE_B")
    changes = diff(registry, a, b)
    if as_json:
        print(json.dumps({"from": a.isoformat(), "to": b.isoformat(),
                          "changes": [c.__dict__ for c in changes]}, indent=2))  # fmt: skip
        return
    if not changes:
        out.print(f"no program changed status between {a} and {b}")
        return
    table = Table("program", "category", a.isoformat(), b.isoformat(), title=f"changes {a} → {b}")
    for c in changes:
        table.add_row(c.program, c.category, c.before, c.after)
    out.print(table)
