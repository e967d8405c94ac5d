"""The `banscreen` command line: a thin view over the engine (it never decides anything).

Exit codes: 0 every row was decided (ERROR rows included); 2 the input as a whole is
unusable (missing file, no header, bad option value, broken data pack).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from contextlib import closing
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .decide import status_on
from .decide.accept import AcceptList
from .decide.timeline import diff, listing_status, periods
from .engine import Screener, ScreenOptions
from .errors import BanscreenError
from .model import Nexus, Policy
from .registry import Registry, load_registry
from .settings import HOME_ENV, Settings
from .surfaces.batch import decide_rows, scan_file, screen_file
from .surfaces.charts import draw_timeline
from .surfaces.output import DecisionWriter, decision_json
from .surfaces.scan import ScanOptions
from .surfaces.tabular import TransactionFile, detect_format

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Screen transactions against connected-software bans (EO 13971 and successors).",
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

EXIT_UNUSABLE = 2


class OutFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


ExtraData = Annotated[
    list[Path] | None,
    typer.Option(
        "--extra-data",
        help="Extra entities/relations (or program) YAML file or folder; repeatable.",
    ),
]
PolicyOpt = Annotated[
    Policy,
    typer.Option(
        "--policy", help="strict: the law as written; anticipate: BLOCK before identification."
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date (YYYY-MM-DD) for rows and surfaces that carry none."),
]


@app.callback()
def _main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home", help=f"Data directory (default ${HOME_ENV}, else the user data dir)."
        ),
    ] = None,
) -> None:
    """Screen transactions against connected-software bans (EO 13971 and successors)."""
    ctx.obj = Settings.resolve(home)


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(EXIT_UNUSABLE)


def _registry(extra: list[Path] | None) -> Registry:
    try:
        return load_registry(extra or [])
    except BanscreenError as exc:
        raise _fail(str(exc)) from None


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--as-of: not a date (YYYY-MM-DD): {value!r}") from None


@app.command()
def screen(
    input: Annotated[Path, typer.Argument(help="Transactions file: CSV, JSON lines or Parquet.")],
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Output file (default: CSV on stdout).")
    ] = None,
    fmt: Annotated[
        OutFormat | None,
        typer.Option("--format", help="Output format (default from --out, else csv)."),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="csv, jsonl or parquet (default: from the extension)."),
    ] = None,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    extra_data: ExtraData = None,
    accept_list: Annotated[
        Path | None,
        typer.Option(
            "--accept-list",
            help="CSV of accepted false positives (counterparty, entity_id, list_version).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar or summary.")] = False,
) -> None:
    """Screen every row of INPUT; one output row per input row, in input order."""
    registry = _registry(extra_data)
    options = ScreenOptions(policy=policy, as_of=_as_of(as_of))
    out_format = fmt.value if fmt else (detect_format(out_path) if out_path else "csv")
    try:
        source = TransactionFile(input, input_format)
        screener = Screener(registry)
        if accept_list is not None:
            screener.accept_list = AcceptList.from_csv(accept_list, screener.matcher.normaliser)
        if out_format == "parquet" and out_path is None:
            raise _fail("--format parquet needs --out FILE")
        started = time.perf_counter()
        progress = Progress(
            TextColumn("screening"),
            BarColumn(),
            TextColumn("{task.completed:,.0f}/{task.total:,.0f} {task.fields[unit]}"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
            transient=True,
        )
        with progress:
            if source.total_rows is not None:
                task = progress.add_task("screen", total=source.total_rows, unit="rows")
                stats = screen_file(
                    source,
                    lambda extra: DecisionWriter(out_path, out_format, extra),
                    screener,
                    options,
                    on_row=lambda: progress.advance(task),
                )
            else:
                task = progress.add_task("screen", total=source.size, unit="bytes")
                stats = screen_file(
                    source,
                    lambda extra: DecisionWriter(out_path, out_format, extra),
                    screener,
                    options,
                    on_bytes=lambda n: progress.advance(task, n),
                )
    except BanscreenError as exc:
        raise _fail(str(exc)) from None
    elapsed = time.perf_counter() - started
    if not quiet:
        rate = stats.rows / elapsed if elapsed > 0 else 0.0
        counts = ", ".join(
            f"{k} {stats.outcomes.get(k, 0)}" for k in ("BLOCK", "REVIEW", "CLEAR", "ERROR")
        )
        err.print(
            f"screened {stats.rows:,} rows in {elapsed:.2f}s ({rate:,.0f} rows/s): {counts}"
            f"  [policy {policy.value}, data {registry.version}]",
            highlight=False,
        )


@app.command()
def scan(
    target: Annotated[
        str, typer.Argument(help="FILE, or a surface (payments, apps, sbom, domains) then FILE.")
    ],
    file: Annotated[
        Path | None, typer.Argument(help="The file, when a surface is named first.")
    ] = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Output file (default: CSV on stdout).")
    ] = None,
    fmt: Annotated[
        OutFormat | None,
        typer.Option("--format", help="Output format (default from --out, else csv)."),
    ] = None,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    us_nexus: Annotated[
        Nexus | None,
        typer.Option(
            "--us-nexus",
            help="U.S. nexus of every record (default: from the record, else unknown).",
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category", help="Transaction category of every record (default: the surface's)."
        ),
    ] = None,
    extra_data: ExtraData = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress or summary.")] = False,
) -> None:
    """Screen what users have: ISO 20022 payments, app inventories and binaries, SBOMs and
    lockfiles, domain lists. Same columns as `screen`, plus `location`."""
    surface, path = (None, Path(target)) if file is None else (target, file)
    registry = _registry(extra_data)
    day = _as_of(as_of)
    options = ScreenOptions(policy=policy, as_of=day)
    scan_options = ScanOptions(as_of=day or date.today(), us_nexus=us_nexus, category=category)
    out_format = fmt.value if fmt else (detect_format(out_path) if out_path else "csv")
    if out_format == "parquet" and out_path is None:
        raise _fail("--format parquet needs --out FILE")
    started = time.perf_counter()
    try:
        writer = DecisionWriter(out_path, out_format, ["location"])
        found, stats = scan_file(path, surface, writer, Screener(registry), options, scan_options)
    except BanscreenError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        elapsed = time.perf_counter() - started
        counts = ", ".join(
            f"{k} {stats.outcomes.get(k, 0)}" for k in ("BLOCK", "REVIEW", "CLEAR", "ERROR")
        )
        err.print(
            f"scanned {stats.rows:,} {found} records in {elapsed:.2f}s: {counts}", highlight=False
        )


def _candidates_json(screener: Screener, name: str) -> list[dict[str, Any]]:
    rows = []
    for rank, m in enumerate(screener.matcher.match_name(name), start=1):
        entity = screener.registry.entities[m.entry.entity_id]
        rows.append(
            {
                "rank": rank,
                "entity_id": entity.id,
                "entity_name": entity.display_name,
                "matched_name": m.entry.name.value,
                "score": round(m.score, 4),
                "method": m.method,
                "tokens": [
                    {"query": a, "name": b, "share": round(c, 4)} for a, b, c in m.alignment.pairs
                ],
            }
        )
    return rows


def _read_names(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"{path}: cannot read: {exc}") from None
    lines = text.splitlines()
    if lines and "name" in next(csv.reader([lines[0]])):
        return [row.get("name", "") or "" for row in csv.DictReader(lines)]
    return lines


@app.command()
def match(
    name: Annotated[str | None, typer.Argument(help="A name to look up.")] = None,
    names: Annotated[
        Path | None,
        typer.Option("--names", help="File of names (one a line, or CSV with a name column)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    extra_data: ExtraData = None,
) -> None:
    """Registry candidates scoring at or above the REVIEW threshold, best first."""
    screener = Screener(_registry(extra_data))
    if names is not None:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["name", "rank", "entity_id", "entity_name", "score", "method"])
        for query in _read_names(names):
            cands = _candidates_json(screener, query)
            if not cands:
                writer.writerow([query, "", "", "", "", ""])
            for c in cands:
                writer.writerow(
                    [
                        query,
                        c["rank"],
                        c["entity_id"],
                        c["entity_name"],
                        f"{c['score']:.4f}",
                        c["method"],
                    ]
                )
        return
    if name is None:
        raise _fail("give a NAME or --names FILE")
    cands = _candidates_json(screener, name)
    if as_json:
        print(json.dumps({"query": name, "candidates": cands}, ensure_ascii=False, indent=2))
        return
    if not cands:
        out.print(
            f"no hit for {name!r} (review threshold {screener.registry.matching.thresholds.review})"
        )
        return
    table = Table("rank", "entity_id", "entity_name", "matched name", "score", "method")
    for c in cands:
        table.add_row(
            str(c["rank"]),
            c["entity_id"],
            c["entity_name"],
            c["matched_name"],
            f"{c['score']:.4f}",
            c["method"],
        )
    out.print(table)


@app.command()
def compare(
    name_a: Annotated[str | None, typer.Argument(help="First name.")] = None,
    name_b: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help="CSV with columns a, b (others kept).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON output with the token alignment.")
    ] = False,
    extra_data: ExtraData = None,
) -> None:
    """Similarity in [0, 1] of two names; `match` is true at the REVIEW threshold."""
    screener = Screener(_registry(extra_data))
    review = screener.registry.matching.thresholds.review
    if pairs is not None:
        try:
            fh = pairs.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise _fail(f"{pairs}: {exc}") from None
        with fh:
            reader = csv.DictReader(fh)
            fields = list(reader.fieldnames or [])
            if "a" not in fields or "b" not in fields:
                raise _fail(f"{pairs}: needs columns a and b")
            writer = csv.DictWriter(
                sys.stdout, fieldnames=[*fields, "score", "match"], lineterminator="\n"
            )
            writer.writeheader()
            for row in reader:
                score, _, _ = screener.matcher.compare(row["a"] or "", row["b"] or "")
                writer.writerow(
                    {**row, "score": f"{score:.4f}", "match": str(score >= review).lower()}
                )
        return
    if name_a is None or name_b is None:
        raise _fail("give NAME_A NAME_B or --pairs FILE")
    score, method, aligned = screener.matcher.compare(name_a, name_b)
    result = {
        "a": name_a,
        "b": name_b,
        "score": round(score, 4),
        "method": method,
        "match": score >= review,
        "review_threshold": review,
        "block_threshold": screener.registry.matching.thresholds.block,
        "tokens": [{"a": a, "b": b, "share": round(c, 4)} for a, b, c in aligned],
    }
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        out.print(f"{score:.4f}" + ("  (match)" if score >= review else ""))


def _entity_explanation(registry: Registry, entity_id: str, day: date) -> dict[str, Any]:
    from .decide import coverage_path, path_text

    entity = registry.entities[entity_id]
    programs = []
    for program in registry.programs.values():
        path = coverage_path(registry, program, entity_id, day)
        programs.append(
            {
                "program": program.id,
                "citation": program.citation,
                "reached": path is not None,
                "path": path_text(registry, entity_id, path) if path is not None else None,
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
        "programs": programs,
    }


@app.command()
def explain(
    id: Annotated[str, typer.Argument(help="An entity id, or a transaction id with --input.")],
    input: Annotated[
        Path | None, typer.Option("--input", help="Transactions file holding the transaction ID.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    extra_data: ExtraData = None,
) -> None:
    """Explain a decision (transaction ID in --input) or an entity (its names, relations, reach)."""
    registry = _registry(extra_data)
    day = _as_of(as_of)
    if input is None:
        if id not in registry.entities:
            raise _fail(f"no entity {id!r} (use --input FILE to explain a transaction)")
        info = _entity_explanation(registry, id, day or date.today())
        if as_json:
            print(json.dumps(info, ensure_ascii=False, indent=2))
            return
        out.print(f"[bold]{id}[/bold] ({info['type']}, {info['country'] or '-'})")
        for n in info["names"]:
            out.print(
                f"  name  {n['value']}  [{n['kind']}, {n['provenance']}: {n['source']}]",
                highlight=False,
            )
        for i in info["identifiers"]:
            out.print(f"  id    {i['kind']}:{i['value']}  [{i['provenance']}]", highlight=False)
        for r in info["relations"]:
            pct = f" {r['percentage']:g}%" if r["percentage"] is not None else ""
            out.print(
                f"  rel   {r['from']} -{r['kind']}{pct}-> {r['to']}  [{r['provenance']}]",
                highlight=False,
            )
        for p in info["programs"]:
            out.print(
                f"  {p['program']}: " + (p["path"] if p["reached"] else "not reached"),
                highlight=False,
            )
        return
    screener = Screener(registry)
    try:
        source = TransactionFile(input)
        options = ScreenOptions(policy=policy, as_of=day)
        with closing(source.rows()) as rows:
            for decision in decide_rows(rows, screener, options):
                if decision.transaction_id == id:
                    break
            else:
                raise _fail(f"no transaction {id!r} in {input}")
    except BanscreenError as exc:
        raise _fail(str(exc)) from None
    data = decision_json(decision)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(
        f"[bold]{id}[/bold]: [bold]{data['outcome']}[/bold]"
        f"  (policy {data['policy']}, as of {data['as_of']})"
    )
    if data["error"]:
        out.print(f"  error: {data['error']}", highlight=False)
    for hit in data["hits"]:
        ev = hit["evidence"]
        out.print(
            f"  {hit['program']} ({hit['citation']}, {hit['section']}): {hit['outcome']}"
            f"  status {hit['status']}, category {hit['category'] or 'not covered'}",
            highlight=False,
        )
        out.print(
            f"    matched {ev['entity_id']} by {ev['method']} {ev['score']:.4f}:"
            f" {ev['query']!r} ~ {ev['matched']!r}",
            highlight=False,
        )
        out.print(f"    path    {hit['path']}", highlight=False)
        out.print(f"    reasons {', '.join(hit['reasons'])}", highlight=False)
    if not data["hits"]:
        out.print(f"  reasons {data['reasons']}", highlight=False)


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
        bool, typer.Option("--timeline", help="Each program's events and status periods.")
    ] = False,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Write a timeline chart per program into this folder."),
    ] = None,
    chart_format: Annotated[str, typer.Option("--chart-format", help="svg or png.")] = "svg",
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    extra_data: ExtraData = None,
) -> None:
    """Programs and the status of each of their categories on a date."""
    if ctx.invoked_subcommand is not None:
        return
    registry = _registry(extra_data)
    day = _as_of(on) or date.today()
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
        raise _fail("--chart-format: svg or png")
    try:
        for program in registry.programs.values():
            path = draw_timeline(program, folder / f"{program.id}.{fmt}", today=day)
            err.print(f"wrote {path}", highlight=False)
    except BanscreenError as exc:
        raise _fail(str(exc)) from None


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
        out.print(f"[bold]{item['program']}[/bold]  {item['citation']}")
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
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    extra_data: ExtraData = None,
) -> None:
    """Which programs, categories and listings changed status between two dates."""
    registry = _registry(extra_data)
    a, b = _as_of(date_a), _as_of(date_b)
    assert a is not None and b is not None
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
