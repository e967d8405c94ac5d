"""`banscreen lists`: import restricted-party lists, keep their versions, diff and rescreen."""

from __future__ import annotations

import json
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from ..errors import BanscreenError, ListError
from ..sources import (
    DEFAULT_MAX_DROP,
    FORMATS,
    ImportResult,
    ListContent,
    ListDiff,
    ListStore,
    ListVersion,
    diff_lists,
    read_list,
    registry_with_lists,
)
from ..sources.backfill import dated_items, is_history
from ._common import (
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


def open_store() -> ListStore:
    return ListStore(current_settings().home)


def _version_json(version: ListVersion) -> dict[str, Any]:
    return {
        "id": version.id,
        "list": version.list,
        "format": version.format,
        "source": version.source,
        "retrieved": version.retrieved,
        "published": version.published,
        "effective": version.effective,
        "stored_as": f"delta on {version.base}" if version.base else "whole",
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
        store = open_store()
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
    table = Table(
        "list", "version", "format", "records", "published", "retrieved", "sha256", "status"
    )
    for v in versions:
        status = "current" if v.id in current else v.status
        if v.status == "refused":
            status = f"refused: {v.reason}"
        table.add_row(
            v.list, v.id, v.format, f"{v.records:,}", v.effective, v.retrieved, v.sha256[:12],
            status,
        )  # fmt: skip
    out.print(table)


def _result_json(result: ImportResult) -> dict[str, Any]:
    return {
        "version": _version_json(result.version),
        "unchanged": result.unchanged,
        "previous": result.previous.id if result.previous else None,
    }


def _report_import(result: ImportResult, as_json: bool) -> None:
    v = result.version
    if as_json:
        out.print_json(json.dumps(_result_json(result)))
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


PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Date (YYYY-MM-DD) the list took effect, for a file that carries none "
        "(default: the import date).",
    ),
]


@contextmanager
def _progress(first: str) -> Iterator[None]:
    """A progress bar on a terminal, told each stage of a long build and its steps
    (match/progress.py); nothing off a terminal."""
    if not err.is_terminal:
        yield
        return
    from ..match.progress import listening

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(first, total=None)

        def sink(label: str, total: int | None, done: int) -> None:
            bar.update(task, description=f"{first}: {label}", total=total, completed=done)

        with listening(sink):
            yield


def _import(
    path: Path,
    fmt: str | None,
    name: str | None,
    force: bool,
    max_drop: float,
    source: str | None,
    published: str | None = None,
) -> ImportResult:
    if not path.exists():
        # A mistyped path is not a list that was refused: nothing is recorded.
        raise fail(f"{path}: no such file or folder")
    try:
        # A large list takes a while to parse and check: say so on a terminal.
        with _progress(f"importing {path.name}"):
            return open_store().import_file(path, fmt, name, source, force, max_drop, published)
    except ListError as exc:
        err.print(Text.assemble(("refused:", "red"), f" {exc}"), highlight=False)
        err.print("the last good version of the list stays in use", highlight=False)
        raise typer.Exit(2) from None
    except BanscreenError as exc:
        raise fail(str(exc)) from None


def _import_history(
    folder: Path, fmt: str | None, name: str | None, force: bool, max_drop: float, as_json: bool
) -> None:
    """Every dated file of `folder` as a version, oldest first; a refused one is reported
    and the rest go on (exit 2 at the end)."""
    items = dated_items(folder)
    if not items:
        raise fail(f"{folder}: no list files in the folder")
    results: list[dict[str, Any]] = []
    refused = 0
    lists = open_store()
    with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(f"importing {len(items)} files", total=len(items))
        for item in items:
            given = item.published if item.from_name else None
            try:
                result = lists.import_file(item.path, fmt, name, None, force, max_drop, given)
            except ListError as exc:
                refused += 1
                err.print(Text.assemble(("refused:", "red"), f" {exc}"), highlight=False)
                results.append({"file": item.path.name, "refused": str(exc)})
            else:
                if not as_json:
                    _report_import(result, False)
                results.append({"file": item.path.name, **_result_json(result)})
            progress.advance(task)
    if as_json:
        out.print_json(json.dumps({"imported": results}))
    if refused:
        err.print(f"{refused} of {len(items)} files refused", highlight=False)
        raise typer.Exit(2)


@lists_app.command("import")
def import_(
    path: Annotated[
        Path,
        typer.Argument(
            help="A list file, the folder of OFAC's CSV set, or a folder of dated list files "
            "(imported as a history, oldest first)."
        ),
    ],
    fmt: FormatOpt = None,
    name: NameOpt = None,
    force: ForceOpt = False,
    max_drop: MaxDropOpt = DEFAULT_MAX_DROP,
    published: PublishedOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Import a list file as a new version (refused, and kept out, if broken or truncated)."""
    day = parse_date_option(published, "--published")
    if is_history(path):
        if day is not None:
            raise fail("--published dates one file; a folder's files are dated by their names")
        try:
            _import_history(path, fmt, name, force, max_drop, as_json)
        finally:
            _build_index()
        return
    iso = day.isoformat() if day else None
    _report_import(_import(path, fmt, name, force, max_drop, None, iso), as_json)
    _build_index()


def _build_index() -> None:
    """Build the name index of the lists as they now stand (what `screen` opens), so the
    next command opens it instead of building it. A failure here costs only that: the
    index is built by the next command that needs it."""
    from ..match.normalize import Normaliser
    from ..match.opening import open_indexes

    with _progress("building the name index"):
        try:
            registry = registry_with_lists(current_settings().home)
            names, _ = open_indexes(registry, Normaliser(registry.matching))
            if names.places is not None:  # the places table, which every match reads
                names.places.load()
        except (BanscreenError, OSError) as exc:
            err.print(f"the name index was not built ({exc}); the next command builds it",
                      highlight=False)  # fmt: skip


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
        _build_index()
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
    _build_index()


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
    store = open_store()
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
