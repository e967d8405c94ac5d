"""`banscreen lists`: import restricted-party lists, keep their versions, diff and rescreen."""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
import urllib.request
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..batch.rescreen import RescreenStats, delta_rescreen, read_prior
from ..engine import Screener, ScreenOptions
from ..errors import BanscreenError, ListError
from ..model import Policy
from ..registry import load_registry
from ..sources import (
    DEFAULT_MAX_DROP,
    FORMATS,
    ImportResult,
    ListContent,
    ListDiff,
    ListStore,
    ListVersion,
    diff_lists,
    imported_for,
    read_list,
)
from ..sources.impact import touched_entities
from ..surfaces.tabular import TransactionFile
from ..wire import CHANGE_COLUMNS, change_row, guard
from ._common import (
    AsOfOpt,
    ExtraData,
    PolicyOpt,
    app,
    current_settings,
    err,
    fail,
    out,
    parse_date_option,
)

lists_app = typer.Typer(
    no_args_is_help=False,
    invoke_without_command=True,
    help="Imported restricted-party lists: versions, import, fetch, diff, delta rescreen.",
)
app.add_typer(lists_app, name="lists")

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.", metavar="")]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help=f"List format ({', '.join(FORMATS)}); default: detected."),
]
NameOpt = Annotated[
    str | None,
    typer.Option("--name", help="List name (default: ofac-sdn, csl, or ftm-<dataset>)."),
]
ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Accept a version that drops more than --max-drop.", metavar=""),
]
MaxDropOpt = Annotated[
    float,
    typer.Option(
        "--max-drop", min=0.0, max=1.0, help="Largest share of records a version may drop."
    ),
]


def _store() -> ListStore:
    return ListStore(current_settings().home)


def _version_json(version: ListVersion) -> dict[str, Any]:
    return {
        "id": version.id,
        "list": version.list,
        "format": version.format,
        "source": version.source,
        "retrieved": version.retrieved,
        "published": version.published,
        "sha256": version.sha256,
        "records": version.records,
        "relations": version.relations,
        "status": version.status,
        "reason": version.reason,
    }


@lists_app.callback()
def lists(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show every list version (good and refused); the newest good one of each list is used."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        store = _store()
        versions = store.versions()
        current = {v.id for v in store.current()}
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    if as_json:
        items = [{**_version_json(v), "current": v.id in current} for v in versions]
        out.print_json(json.dumps({"versions": items}))
        return
    if not versions:
        out.print("no imported lists (banscreen lists import PATH)")
        return
    table = Table("list", "version", "format", "records", "retrieved", "sha256", "status")
    for v in versions:
        status = "current" if v.id in current else v.status
        if v.status == "refused":
            status = f"refused: {v.reason}"
        table.add_row(v.list, v.id, v.format, f"{v.records:,}", v.retrieved, v.sha256[:12], status)
    out.print(table)


def _report_import(result: ImportResult, as_json: bool) -> None:
    v = result.version
    if as_json:
        payload = {
            "version": _version_json(v),
            "unchanged": result.unchanged,
            "previous": result.previous.id if result.previous else None,
        }
        out.print_json(json.dumps(payload))
    elif result.unchanged:
        out.print(f"{v.list}: unchanged (same content as {v.id})", highlight=False)
    else:
        before = (
            f" (was {result.previous.records:,} in {result.previous.id})" if result.previous else ""
        )
        out.print(
            f"{v.list}: imported {v.records:,} records, {v.relations:,} relations "
            f"as {v.id}{before}",
            highlight=False,
        )


def _import(
    path: Path, fmt: str | None, name: str | None, force: bool, max_drop: float, source: str | None
) -> ImportResult:
    if not path.exists():
        # A mistyped path is not a list that was refused: nothing is recorded.
        raise fail(f"{path}: no such file or folder")
    try:
        # A large list takes a while to parse and check: say so on a terminal.
        with (
            err.status(f"importing {path.name} …", spinner="dots")
            if err.is_terminal
            else nullcontext()
        ):
            return _store().import_file(path, fmt, name, source, force, max_drop)
    except ListError as exc:
        err.print(Text.assemble(("refused:", "red"), f" {exc}"), highlight=False)
        err.print("the last good version of the list stays in use", highlight=False)
        raise typer.Exit(2) from None
    except BanscreenError as exc:
        raise fail(str(exc)) from None


@lists_app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A list file (or the folder of OFAC's CSV set).")],
    fmt: FormatOpt = None,
    name: NameOpt = None,
    force: ForceOpt = False,
    max_drop: MaxDropOpt = DEFAULT_MAX_DROP,
    as_json: JsonOpt = False,
) -> None:
    """Import a list file as a new version (refused, and kept out, if broken or truncated)."""
    _report_import(_import(path, fmt, name, force, max_drop, None), as_json)


@lists_app.command()
def fetch(
    url: Annotated[str, typer.Argument(help="A URL to download, or a local path.")],
    fmt: FormatOpt = None,
    name: NameOpt = None,
    force: ForceOpt = False,
    max_drop: MaxDropOpt = DEFAULT_MAX_DROP,
    as_json: JsonOpt = False,
) -> None:
    """Download a list (http/https) and import it; a local path is imported as it is."""
    if "://" not in url:
        _report_import(_import(Path(url), fmt, name, force, max_drop, None), as_json)
        return
    if not url.startswith(("https://", "http://")):
        raise fail(f"{url}: only http and https URLs can be fetched")
    with tempfile.TemporaryDirectory(prefix="banscreen-fetch-") as tmp:
        suffix = Path(url.split("?", 1)[0]).suffix or ".download"
        target = Path(tmp) / f"list{suffix}"
        try:
            with urllib.request.urlopen(url, timeout=120) as response, target.open("wb") as fh:
                shutil.copyfileobj(response, fh)
        except OSError as exc:
            raise fail(f"{url}: download failed: {exc}") from None
        _report_import(_import(target, fmt, name, force, max_drop, url), as_json)


def _content(ref: str, store: ListStore) -> tuple[str, ListContent]:
    """A stored version (id, prefix or list name) or a list file on disk."""
    path = Path(ref)
    if path.exists():
        return str(path), read_list(path)
    version = store.resolve(ref)
    return version.id, store.load(version)


@lists_app.command()
def diff(
    old: Annotated[str, typer.Argument(help="Older version (id, id prefix, list name) or file.")],
    new: Annotated[str, typer.Argument(help="Newer version (id, id prefix, list name) or file.")],
    as_json: JsonOpt = False,
) -> None:
    """Added, removed and changed entries between two versions of a list."""
    store = _store()
    try:
        old_name, old_content = _content(old, store)
        new_name, new_content = _content(new, store)
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    result = diff_lists(old_content, new_content)
    if as_json:
        out.print_json(json.dumps({"old": old_name, "new": new_name, **result.to_json()}))
        return
    _print_diff(old_name, new_name, result)


def _print_diff(old: str, new: str, result: ListDiff) -> None:
    out.print(
        f"{old} → {new}: {len(result.added)} added, {len(result.removed)} removed, "
        f"{len(result.changed)} changed, {len(result.relations_added)} relations added, "
        f"{len(result.relations_removed)} relations removed",
        highlight=False,
    )
    for record in result.added:
        out.print(f"+ {record.key}  {record.name}  [{record.list_code}]", highlight=False)
    for record in result.removed:
        out.print(f"- {record.key}  {record.name}  [{record.list_code}]", highlight=False)
    for change in result.changed:
        fields = ", ".join(change.fields)
        out.print(f"~ {change.key}  {change.new.name}  ({fields})", highlight=False)


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
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    extra_data: ExtraData = None,
    as_json: JsonOpt = False,
) -> None:
    """Decide again only the rows a list change can affect; report the decisions that changed."""
    store = _store()
    try:
        to_version = store.resolve(new) if new else _newest(store)
        from_version = store.resolve(old) if old else _before(store, to_version)
        change = diff_lists(store.load(from_version), store.load(to_version))
        base = load_registry(extra_data or [])
        others = [v for v in store.current() if v.list != to_version.list]
        imported = [imported_for(store, v, base) for v in [*others, to_version]]
        registry = load_registry(extra_data or [], imported)
        touched = touched_entities(change, to_version.list, registry)
        screener = Screener(registry)
        options = ScreenOptions(policy=policy, as_of=parse_date_option(as_of))
        prior = read_prior(TransactionFile(decisions))
        stats = RescreenStats()
        changed = list(
            delta_rescreen(TransactionFile(input), prior, screener, touched, options, stats)
        )
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
    good = [v for v in store.versions() if v.status == "good"]
    if not good:
        raise ListError("no imported lists to rescreen against (banscreen lists import PATH)")
    return good[-1]


def _before(store: ListStore, version: ListVersion) -> ListVersion:
    good = [v for v in store.versions(version.list) if v.status == "good"]
    ids = [v.id for v in good]
    index = ids.index(version.id)
    if index == 0:
        raise ListError(f"{version.id} is the first version of {version.list}: give --from")
    return good[index - 1]
