"""`banscreen report`: a decisions file as one HTML page to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import BanscreenError
from ._common import ExtraData, app, err, fail, registry_or_exit


@app.command()
def report(
    decisions: Annotated[
        Path, typer.Argument(help="Decisions written by `screen --format jsonl`.")
    ],
    out_path: Annotated[
        Path, typer.Option("--out", help="The HTML file to write (self-contained).")
    ] = Path("report.html"),
    extra_data: ExtraData = None,
) -> None:
    """One self-contained HTML report of a screening: outcomes by program and reason, hits by
    transaction date against each program's status, matched entities with their paths and
    evidence, and every ERROR grouped by cause with its row numbers."""
    from ..report import read, write

    registry = registry_or_exit(extra_data)
    try:
        found = read(decisions)
        write(found, registry, decisions.name, out_path)
    except (BanscreenError, OSError) as exc:
        raise fail(str(exc)) from None
    err.print(f"report of {found.rows:,} rows written to {out_path}", highlight=False)
