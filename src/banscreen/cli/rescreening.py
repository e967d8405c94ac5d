"""`banscreen lists rescreen`: decide again only the rows a list change can affect."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..batch.rescreen import RescreenStats, delta_rescreen, read_prior
from ..engine import Screener, ScreenOptions
from ..errors import BanscreenError, ListError
from ..model import Policy
from ..sources import ListsPolicy, ListStore, ListVersion, diff_lists, registry_with_lists
from ..sources.impact import touched_entities
from ..surfaces.columns import parse_columns
from ..surfaces.tabular import TransactionFile
from ..wire import CHANGE_COLUMNS, change_row, guard
from ._common import (
    AsOfOpt,
    ColumnsOpt,
    DateOrderOpt,
    ExtraData,
    ListsOpt,
    PolicyOpt,
    current_settings,
    err,
    fail,
    out,
    parse_date_option,
)
from .lists import JsonOpt, lists_app
from .lists import open_store as _open_store


@lists_app.command()
def rescreen(
    input: Annotated[Path, typer.Argument(help="The transactions screened before.")],
    decisions: Annotated[
        Path, typer.Option("--decisions", help="The decisions file `screen` wrote for INPUT.")
    ],
    old: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="List version the decisions were made with (default: the one before --to).",
        ),
    ] = None,
    new: Annotated[
        str | None,
        typer.Option("--to", help="New list version (id, prefix or list name; default: newest)."),
    ] = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="CSV of changed decisions (default: stdout).")
    ] = None,
    columns: ColumnsOpt = None,
    date_order: DateOrderOpt = None,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    extra_data: ExtraData = None,
    lists: ListsOpt = ListsPolicy.dated,
    as_json: JsonOpt = False,
) -> None:
    """Decide again only the rows a list change can affect; report the decisions that changed."""
    store = _open_store()
    try:
        to_version = store.resolve(new) if new else _newest(store)
        from_version = store.resolve(old) if old else _before(store, to_version)
        change = diff_lists(store.load(from_version), store.load(to_version))
        # The same rule as `screen`: every list as `--lists` says, this one up to --to.
        registry = registry_with_lists(
            current_settings().home, extra_data or [], lists, upto=to_version
        )
        touched = touched_entities(change, to_version.list, registry)
        screener = Screener(registry)
        options = ScreenOptions(policy=policy, as_of=parse_date_option(as_of))
        prior = read_prior(TransactionFile(decisions, aliases=False))
        order = date_order.value if date_order else None
        source = TransactionFile(input, columns=parse_columns(columns or []), date_order=order)
        stats = RescreenStats()
        changed = list(delta_rescreen(source, prior, screener, touched, options, stats))
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    summary = {
        "from": from_version.id,
        "to": to_version.id,
        "entries_added": len(change.added),
        "entries_removed": len(change.removed),
        "entries_changed": len(change.changed),
        "entities_touched": len(touched),
        "rows": stats.rows,
        "rows_invalid": stats.invalid,
        "rows_rescreened": stats.affected,
        "rows_without_prior_decision": stats.without_prior,
        "decisions_changed": stats.changed,
    }
    rows = [
        change_row(
            (c.prior.outcome, c.prior.programs, c.prior.entity_id) if c.prior else None,
            c.decision,
        )
        for c in changed
    ]
    if as_json:
        out.print_json(json.dumps({"summary": summary, "changed": rows}))
        return
    handle = out_path.open("w", newline="", encoding="utf-8") if out_path else sys.stdout
    try:
        writer = csv.DictWriter(handle, fieldnames=CHANGE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: guard(v) for k, v in row.items()})
    finally:
        if out_path:
            handle.close()
    err.print(
        f"{summary['from']} → {summary['to']}: {summary['entries_added']} added, "
        f"{summary['entries_removed']} removed, {summary['entries_changed']} changed; "
        f"rescreened {stats.affected:,} of {stats.rows:,} rows, "
        f"{stats.changed:,} decisions changed",
        highlight=False,
    )


def _newest(store: ListStore) -> ListVersion:
    """The newest version of the list imported last."""
    good = [v for v in store.versions() if v.status == "good"]
    if not good:
        raise ListError("no imported lists to rescreen against (banscreen lists import PATH)")
    return store.history(good[-1].list)[-1]


def _before(store: ListStore, version: ListVersion) -> ListVersion:
    good = store.history(version.list)
    ids = [v.id for v in good]
    index = ids.index(version.id)
    if index == 0:
        raise ListError(f"{version.id} is the first version of {version.list}: give --from")
    return good[index - 1]
