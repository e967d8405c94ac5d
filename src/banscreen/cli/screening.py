"""screen and scan: transactions files and the files users already have."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..batch import BatchStats, DecisionWriter, scan_file, screen_file
from ..batch.checkpoint import RunIdentity
from ..decide.accept import AcceptList
from ..engine import Screener, ScreenOptions
from ..errors import BanscreenError
from ..model import Nexus, Policy
from ..report import write as write_report
from ..sources import ListsPolicy
from ..surfaces.columns import parse_columns
from ..surfaces.scan import ScanOptions
from ..surfaces.tabular import TransactionFile, detect_format
from ._common import (
    AsOfOpt,
    CategoryOpt,
    ColumnsOpt,
    DateOrderOpt,
    EncodingOpt,
    ExtraData,
    ListsOpt,
    OutFormat,
    PolicyOpt,
    app,
    err,
    fail,
    parse_category_option,
    parse_date_option,
    registry_or_exit,
)

OutOpt = Annotated[Path | None, typer.Option("--out", help="Output file (default: CSV on stdout).")]
FormatOpt = Annotated[
    OutFormat | None,
    typer.Option("--format", help="Output format (default from --out, else csv)."),
]
ResumeOpt = Annotated[
    bool,
    typer.Option("--resume", help="Continue an interrupted run into the same --out.", metavar=""),
]
RawCsvOpt = Annotated[
    bool,
    typer.Option("--raw-csv", help="Keep CSV cells as they are (no formula guard).", metavar=""),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", help="No progress bar or summary.", metavar="")]


def interrupted(out_path: Path | None, out_format: str) -> NoReturn:
    """Ctrl-C: exit 130, saying whether and how the run can be resumed."""
    partial = out_path.with_name(out_path.name + ".partial") if out_path else None
    if partial is not None and partial.exists() and out_format != "parquet":
        err.print(
            f"interrupted: the rows written so far are kept in {partial}; run the same "
            "command again with --resume to continue where it stopped",
            highlight=False,
        )
    else:
        err.print("interrupted: no output was kept; run the command again", highlight=False)
    raise typer.Exit(130)


def output_format(fmt: OutFormat | None, out_path: Path | None, input_path: Path) -> str:
    """--format, else the --out file's extension, else csv; Parquet needs a file, and the
    file may not be the input (the output takes its name only when complete, so the input
    would be read whole and then replaced by its decisions)."""
    if out_path is not None and _same_file(out_path, input_path):
        raise fail(f"{out_path}: is the input file; choose another --out")
    chosen = fmt.value if fmt else (detect_format(out_path) if out_path else "csv")
    if chosen == "parquet" and out_path is None:
        raise fail("--format parquet needs --out FILE")
    if chosen == "xlsx":  # read, not written
        raise fail(f"{out_path}: decisions are written as .csv, .jsonl or .parquet")
    return chosen


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def summary(what: str, stats: BatchStats, started: float, policy: Policy, version: str) -> None:
    """One line on standard error: how many, how fast, which outcomes, under what."""
    elapsed = time.perf_counter() - started
    rate = stats.rows / elapsed if elapsed > 0 else 0.0
    counts = ", ".join(
        f"{k} {stats.outcomes.get(k, 0)}" for k in ("BLOCK", "REVIEW", "CLEAR", "ERROR")
    )
    err.print(
        f"{what} in {elapsed:.2f}s ({rate:,.0f}/s): {counts}"
        f"  [policy {policy.value}, data {version}]",
        highlight=False,
    )


@app.command()
def screen(
    input: Annotated[Path, typer.Argument(help="Transactions file: CSV, JSON lines or Parquet.")],
    out_path: OutOpt = None,
    fmt: FormatOpt = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format", help="csv, jsonl, parquet or xlsx (default: from the extension)."
        ),
    ] = None,
    encoding: EncodingOpt = None,
    columns: ColumnsOpt = None,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    category: CategoryOpt = None,
    date_order: DateOrderOpt = None,
    extra_data: ExtraData = None,
    lists: ListsOpt = ListsPolicy.dated,
    report_path: Annotated[
        Path | None,
        typer.Option("--report", help="Also write an HTML report of the run (see `report`)."),
    ] = None,
    accept_list: Annotated[
        Path | None,
        typer.Option(
            "--accept-list",
            help="CSV of accepted false positives (counterparty, entity_id, list_version).",
        ),
    ] = None,
    resume: ResumeOpt = False,
    raw_csv: RawCsvOpt = False,
    quiet: QuietOpt = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, max=256, help="Worker processes deciding rows (output order kept)."
        ),
    ] = 1,
) -> None:
    """Screen every row of INPUT; one output row per input row, in input order."""
    registry = registry_or_exit(extra_data, lists)
    default = parse_category_option(category)
    options = ScreenOptions(policy=policy, as_of=parse_date_option(as_of), category=default)
    out_format = output_format(fmt, out_path, input)
    try:
        chosen = parse_columns(columns or [])
        order = date_order.value if date_order else None
        source = TransactionFile(input, input_format, encoding, chosen, date_order=order)
        identity = RunIdentity.of(
            input, f"screen|{policy.value}|{as_of}|{registry.version}|{out_format}|{raw_csv}|"
            f"{input_format}|{source.encoding}" + (f"|{sorted(chosen.items())}" if chosen else "")
            + (f"|category={default}" if default else "")
            + (f"|date_order={order}" if order else ""),
        )  # fmt: skip
        screener = Screener(registry)
        reporter = None
        if report_path is not None:
            if workers > 1:
                raise fail("--report builds the report in one process: leave out --workers")
            if resume:
                raise fail("--report needs the whole run: leave out --resume")
            from ..report import ReportHook

            reporter = ReportHook()
        unapplied: list[str] = []
        if accept_list is not None:
            screener.accept_list, unapplied = AcceptList.from_csv(
                accept_list, screener.matcher.normaliser, screener.list_version
            )
            for problem in unapplied:
                err.print(f"accept list: not applied: {problem}", highlight=False, markup=False)
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
            # Parquet knows its row count; text formats are followed by bytes read.
            by_rows = source.total_rows is not None
            total = source.total_rows if by_rows else source.size
            task = progress.add_task("screen", total=total, unit="rows" if by_rows else "bytes")
            stats = screen_file(
                source,
                lambda extra: DecisionWriter(
                    out_path, out_format, extra, raw_csv, identity, resume
                ),
                screener,
                options,
                on_bytes=None if by_rows else (lambda n: progress.advance(task, n)),
                on_rows=(lambda n: progress.advance(task, n)) if by_rows else None,
                workers=workers,
                hook=reporter,
            )
        if reporter is not None and report_path is not None:
            write_report(reporter.report, registry, input.name, report_path)
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        interrupted(out_path, out_format)
    if source.skipped_lines and not quiet:
        err.print(
            f"note: the header is line {source.skipped_lines + 1}; the lines above it "
            "(a title, an account, a period) were read as no transactions",
            highlight=False,
        )
    if source.other_sheets:
        err.print(
            "warning: the workbook's worksheets with no header of transactions (no id column)"
            f" were not read: {', '.join(repr(t) for t in source.other_sheets)}",
            highlight=False,
        )
    if source.dropped_columns:
        err.print(
            f"warning: {source.dropped_columns:,} unknown columns beyond the first "
            f"{len(source.extra_columns):,} were not carried into the output",
            highlight=False,
        )
    if not quiet:
        read_as = f" (read as {source.encoding})" if source.format in ("csv", "jsonl") else ""
        summary(f"screened {stats.rows:,} rows{read_as}", stats, started, policy, registry.version)
        if accept_list is not None:
            applied = len(screener.accept_list)
            err.print(
                f"accept list: {applied:,} clearances applied, {len(unapplied):,} not applied"
                + (" (see above)" if unapplied else ""),
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
    out_path: OutOpt = None,
    fmt: FormatOpt = None,
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
    lists: ListsOpt = ListsPolicy.dated,
    resume: ResumeOpt = False,
    raw_csv: RawCsvOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Screen payments, app inventories, SBOMs and lockfiles, or domain lists (+ location)."""
    surface, path = (None, Path(target)) if file is None else (target, file)
    registry = registry_or_exit(extra_data, lists)
    day = parse_date_option(as_of)
    options = ScreenOptions(policy=policy, as_of=day)
    scan_options = ScanOptions(as_of=day or date.today(), us_nexus=us_nexus, category=category)
    out_format = output_format(fmt, out_path, path)
    started = time.perf_counter()
    if not path.is_file():
        raise fail(f"{path}: no such file")
    try:
        identity = RunIdentity.of(
            path, f"scan|{surface}|{policy.value}|{as_of}|{us_nexus}|{category}|"
            f"{registry.version}|{out_format}|{raw_csv}",
        )  # fmt: skip
        found, stats = scan_file(
            path,
            surface,
            lambda extra: DecisionWriter(out_path, out_format, extra, raw_csv, identity, resume),
            Screener(registry),
            options,
            scan_options,
        )
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        summary(f"scanned {stats.rows:,} {found} records", stats, started, policy, registry.version)
    if stats.rows == 0:
        # A document that yields nothing screened nothing: never a silent all-clear.
        raise fail(f"{path}: no {found} records found in the file: nothing was screened")
