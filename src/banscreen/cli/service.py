"""`banscreen serve`, `keys create`, `audit verify` and `audit anchor` (the `service` extra)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..errors import BanscreenError
from ..sources import ListsPolicy
from ._common import (
    ExtraData,
    ListsOpt,
    app,
    current_settings,
    err,
    fail,
    out,
    parse_date_option,
    registry_or_exit,
)

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store URL: sqlite:///FILE or postgresql://… (default: HOME/banscreen.db)."
    ),
]
keys_app = typer.Typer(no_args_is_help=True, help="API keys of the service.")
audit_app = typer.Typer(no_args_is_help=True, help="The service's hash-chained audit log.")
accept_app = typer.Typer(
    no_args_is_help=True, help="The service's accept list: clearances analysts gave."
)
app.add_typer(keys_app, name="keys")
app.add_typer(audit_app, name="audit")
app.add_typer(accept_app, name="accept")


@contextmanager
def _opened(db: str | None) -> Iterator[Any]:
    """The store for one command, its connections closed when the command is done."""
    store = _store(db)
    try:
        yield store
    finally:
        store.engine.dispose()


def _store(db: str | None):  # type: ignore[no-untyped-def]
    try:
        from ..store import Store
    except ImportError as exc:
        raise fail(
            f"the service needs its extra: pip install 'banscreen[service]' ({exc})"
        ) from None
    home = current_settings().home
    if db is None:
        home.mkdir(parents=True, exist_ok=True)
        db = f"sqlite:///{home / 'banscreen.db'}"
    try:
        return Store(db)
    except Exception as exc:  # a bad URL or an unreachable server: say which
        raise fail(
            f"cannot open the store {db.split('@')[-1]}: {type(exc).__name__}: {exc}"
        ) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    db: DbOpt = None,
    extra_data: ExtraData = None,
    lists: ListsOpt = ListsPolicy.dated,
    rate_limit: Annotated[
        int, typer.Option("--rate-limit", min=1, help="Requests a minute per API key.")
    ] = 1200,
    four_eyes: Annotated[
        str,
        typer.Option(
            "--four-eyes",
            help="Which blocks and clears wait for a second analyst's approval: block (those "
            "of BLOCK alerts), all or none.",
        ),
    ] = "block",
    job_workers: Annotated[
        int, typer.Option("--job-workers", min=1, help="Background jobs run at once.")
    ] = 2,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Server processes (one per core): they share the store and the stored name "
            "index; each has its own rate limiter.",
        ),
    ] = 1,
) -> None:
    """Run the HTTP service (API at /v1, OpenAPI at /docs, review UI at /ui) on HOST:PORT."""
    import uvicorn

    from ..api import create_app
    from ..api.deadlines import fastest_protocol
    from ..api.factory import CONFIG_ENV, serve_config
    from ..engine import Screener
    from ..gcpause import settle
    from ..store import FOUR_EYES
    from ..tunables import KEEP_ALIVE_SECONDS

    if four_eyes not in FOUR_EYES:
        raise fail(f"--four-eyes must be one of {', '.join(FOUR_EYES)}; got {four_eyes!r}")
    store = _store(db)  # migrated once here, before any worker opens it
    screener = Screener(registry_or_exit(extra_data, lists))  # builds the stored index once
    serving: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        "http": fastest_protocol(),
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
    }
    where = f"http://{host}:{port} (store {store.engine.dialect.name}"
    if workers > 1:
        os.environ[CONFIG_ENV] = serve_config(
            home=current_settings().home, db=store.url, extra=extra_data or [],
            lists=lists.value, rate_limit=rate_limit, four_eyes=four_eyes,
            job_workers=job_workers,
        )  # fmt: skip
        store.engine.dispose()
        del screener
        err.print(f"banscreen serving on {where}, {workers} workers)")
        uvicorn.run("banscreen.api.factory:serve_app", factory=True, workers=workers, **serving)
        return
    api = create_app(
        store,
        screener,
        current_settings().home,
        rate_per_minute=rate_limit,
        four_eyes=four_eyes,
        job_workers=job_workers,
    )
    settle()
    err.print(f"banscreen serving on {where})")
    uvicorn.run(api, **serving)


@keys_app.command("create")
def keys_create(
    scope: Annotated[
        list[str], typer.Option("--scope", help="screen, review or admin; repeatable.")
    ],
    name: Annotated[str, typer.Option("--name", help="Who or what the key is for.")] = "",
    expires: Annotated[
        str | None, typer.Option("--expires", help="Last day the key works (YYYY-MM-DD).")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Create an API key and print it once (only its hash is kept)."""
    until = None
    if expires is not None:
        day = parse_date_option(expires, "--expires")
        if day < datetime.now(UTC).date():
            raise fail(f"--expires: {day} has passed; the key would never work")
        if day < date.max:  # the last day there is: a key that never expires
            until = datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)
    try:
        with _opened(db) as store:
            key = store.create_key(scope, name, until)
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    out.print(key, highlight=False)


def _when(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


@keys_app.command("list")
def keys_list(
    db: DbOpt = None, as_json: Annotated[bool, typer.Option("--json", metavar="")] = False
) -> None:
    """Every key: id, name, scopes, created, last used, expiry and status (never the key)."""
    with _opened(db) as store:
        keys = store.api_keys()
    rows = [
        {
            "id": k.id,
            "name": k.name,
            "scopes": list(k.scopes),
            "created": _when(k.created_at),
            "last_used": _when(k.last_used_at),
            "expires": _when(k.expires_at),
            "status": k.status,
        }
        for k in keys
    ]
    if as_json:
        out.print_json(json.dumps({"keys": rows}))
        return
    table = Table("id", "name", "scopes", "created", "last used", "expires", "status")
    for r in rows:
        table.add_row(
            str(r["id"]), str(r["name"]), " ".join(r["scopes"]), str(r["created"]),
            str(r["last_used"]), str(r["expires"]), str(r["status"]),
        )  # fmt: skip
    out.print(table)


@keys_app.command("revoke")
def keys_revoke(
    which: Annotated[str, typer.Argument(help="The key's name (or its id, from keys list).")],
    db: DbOpt = None,
) -> None:
    """Revoke a key: its next request is refused (401), and a review UI session on it ends."""
    try:
        with _opened(db) as store:
            found = store.revoke_key(which)
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    err.print(f"revoked key {found.id} ({found.name or 'no name'})", highlight=False)


@accept_app.command("list")
def accept_list(
    db: DbOpt = None,
    include_all: Annotated[
        bool, typer.Option("--all", help="Revoked and expired entries too.", metavar="")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", metavar="")] = False,
) -> None:
    """Every clearance in force: what matched, the entity and its list version, the scope
    (client, category, program), expiry, who cleared it and why."""
    with _opened(db) as store:
        entries = store.accept_rows(include_inactive=include_all, limit=1_000_000)
    rows = [
        {
            "id": e.id,
            "field": e.field,
            "value": e.counterparty,
            "entity_id": e.entity_id,
            "list_version": e.list_version,
            "client": e.client,
            "category": e.category,
            "program": e.program,
            "expires": _when(e.expires_at),
            "revoked": _when(e.revoked_at),
            "created_by": e.created_by,
            "reason": e.reason,
        }
        for e in entries
    ]
    if as_json:
        out.print_json(json.dumps({"entries": rows}, ensure_ascii=False))
        return
    table = Table("id", "matched", "entity", "scope", "expires", "revoked", "by", "reason")
    for r in rows:
        scope = (
            " ".join(f"{k}={r[k]}" for k in ("client", "category", "program") if r[k])
            or "everywhere"
        )
        table.add_row(
            str(r["id"]), f"{r['field']}: {r['value']}", f"{r['entity_id']}@{r['list_version']}",
            scope, str(r["expires"]), str(r["revoked"]), str(r["created_by"]), str(r["reason"]),
        )  # fmt: skip
    out.print(table)


@accept_app.command("revoke")
def accept_revoke(
    entry: Annotated[int, typer.Argument(help="The entry's id (from accept list).", min=1)],
    reason: Annotated[str, typer.Option("--reason", help="Why (required; audited).")],
    db: DbOpt = None,
) -> None:
    """End a clearance now: the counterparty is screened as if it had never been cleared."""
    try:
        with _opened(db) as store:
            store.revoke_accept(entry, "cli", reason)
    except BanscreenError as exc:
        raise fail(str(exc)) from None
    err.print(f"revoked accept entry {entry}", highlight=False)


AnchorFile = Annotated[
    Path | None,
    typer.Option("--anchor", help="Anchor file (JSON lines of seq and hash) to check against."),
]


@audit_app.command("verify")
def audit_verify(
    db: DbOpt = None,
    anchor: AnchorFile = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="")] = False,
) -> None:
    """Check the audit log's hash chain, and its head against an anchor file; exit 1 if any
    entry was edited, inserted or deleted, or the log is shorter than or disagrees with an
    anchor."""
    from ..store import read_anchors

    try:
        anchors = read_anchors(anchor.read_text("utf-8"), str(anchor)) if anchor else []
    except (OSError, BanscreenError) as exc:
        raise fail(str(exc)) from None
    with _opened(db) as store:
        count, problems = store.verify_audit(anchors)
        head = store.audit_head()
    if as_json:
        out.print_json(
            json.dumps(
                {
                    "entries": count,
                    "ok": not problems,
                    "head": {"seq": head.seq, "hash": head.hash},
                    "anchors_checked": len(anchors),
                    "problems": [{"seq": p.seq, "problem": p.problem} for p in problems],
                }
            )
        )
    elif problems:
        for p in problems:
            err.print(f"entry {p.seq}: {p.problem}", highlight=False)
        err.print(f"audit log BROKEN: {len(problems)} problems in {count} entries", highlight=False)
    else:
        checked = f", {len(anchors)} anchors agree" if anchors else ""
        out.print(
            f"audit log intact: {count} entries{checked}; head {head.seq} {head.hash}",
            highlight=False,
        )
    if problems:
        raise typer.Exit(1)


@audit_app.command("anchor")
def audit_anchor(
    db: DbOpt = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Append the head to this anchor file.")
    ] = None,
) -> None:
    """Record the audit log's head (sequence number and hash) outside the database: append
    it to an anchor file, or print it for an external record (a ticket, a mail, a WORM
    store). `audit verify --anchor FILE` then fails if entries are deleted or rewritten."""
    from ..store import anchor_line

    with _opened(db) as store:
        line = anchor_line(store.audit_head())
    if out_path is None:
        out.print(line.rstrip("\n"), highlight=False)
        return
    with out_path.open("a", encoding="utf-8") as fh:
        fh.write(line)
    err.print(f"anchored {line.rstrip()} in {out_path}", highlight=False)
