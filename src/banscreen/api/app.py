"""The HTTP service: thin routes over the engine and the store (they never decide anything).

`create_app(store, screener)` builds the FastAPI app. Every route but the health checks
needs `Authorization: Bearer KEY`, a key created with `banscreen keys create`; a missing or
unknown key is 401, a key without the route's scope 403. Bodies larger than `MAX_BODY`
bytes are refused with 413 before they are read whole, and batches larger than `MAX_BATCH`
with 422. Every screening and every analyst action is written to the store's audit log.
"""

# No `from __future__ import annotations` here: FastAPI reads the dependency annotations of
# the routes at runtime, and they name functions local to create_app.
import json
import tempfile
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..batch import Pipeline
from ..decide import status_on
from ..decide.accept import AcceptEntry, AcceptList
from ..engine import Screener, ScreenOptions
from ..model import Policy
from ..sources import ListStore
from ..store import KeyInfo, Store, StoreError
from ..surfaces.tabular import RawRow
from ..web import add_ui
from ..wire import decision_row
from .jobs import JobRunner
from .recording import record_decisions

MAX_BODY = 2 * 1024 * 1024
MAX_JOB_BODY = 512 * 1024 * 1024  # a job's file: screened from disk, never held in memory
MAX_BATCH = 1000
KEY_CACHE_SECONDS = 10.0
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
}

Scope = Literal["screen", "review", "admin"]
# Row ids are 32-bit in every store: a larger one names nothing (404, not a database error).
AlertId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
Scope_ = Scope  # for annotations


class TransactionIn(BaseModel):
    """One transaction: the `screen` input columns; other fields are kept as extra columns."""

    model_config = ConfigDict(extra="allow")
    id: str | None = None
    date: str | None = None
    category: str | None = None
    counterparty_name: str | None = None
    counterparty_country: str | None = None
    counterparty_identifiers: str | list[str] | None = None
    us_nexus: str | bool | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _not_a_batch(self) -> "TransactionIn":
        if "transactions" in (self.model_extra or {}):
            raise ValueError("`transactions` must be a list of at most 1,000 transactions")
        return self


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    transactions: list[TransactionIn] = Field(max_length=MAX_BATCH)


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["escalate", "block", "clear"]
    reason: str = Field(min_length=1, max_length=10_000)
    attachments: str = Field(default="", max_length=100_000)


class _BodyLimit:
    """Refuse bodies over `limit` bytes with 413, whether or not they declare a length."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = MAX_JOB_BODY if scope.get("path", "").rstrip("/") == "/v1/jobs" else self.limit
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await JSONResponse({"detail": "request body too large"}, 413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await JSONResponse({"detail": "request body too large"}, 413)(scope, receive, send)


class _TooLarge(Exception):
    pass


class RateLimiter:
    """A token bucket per API key: `per_minute` requests, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._buckets: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key_id: int) -> float:
        """0 if the request may go ahead, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            return (1.0 - tokens) / self.rate


def create_app(
    store: Store, screener: Screener, home: Any = None, rate_per_minute: int = 1200
) -> FastAPI:
    app = FastAPI(
        title="banscreen",
        description="Screening for connected-software bans and restricted-party programs.",
        version="1",
    )
    bearer = HTTPBearer(auto_error=False)
    limiter = RateLimiter(rate_per_minute)
    data_home = Path(home) if home is not None else Path(tempfile.mkdtemp(prefix="banscreen-"))
    accept_lock = threading.Lock()
    state: dict[str, Any] = {"accepted": None}

    def refresh_accept_list() -> None:
        stamp = store.accept_stamp()  # entries are only ever added
        if stamp != state["accepted"]:
            with accept_lock:
                entries = store.accept_entries()
                screener.accept_list = AcceptList(AcceptEntry(*e) for e in entries)
                state["accepted"] = stamp

    runner = JobRunner(store, screener, data_home / "jobs", refresh_accept_list)
    app.state.jobs = runner

    verified: dict[str, tuple[float, KeyInfo | None]] = {}

    def verify(token: str) -> KeyInfo | None:
        """verify_key, remembered for KEY_CACHE_SECONDS (a revoked key lapses within that)."""
        now = time.monotonic()
        cached = verified.get(token)
        if cached is not None and now - cached[0] < KEY_CACHE_SECONDS:
            return cached[1]
        found = store.verify_key(token)
        if len(verified) > 10_000:
            verified.clear()
        verified[token] = (now, found)
        return found

    def key(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> KeyInfo:
        found = verify(credentials.credentials) if credentials else None
        if found is None:
            raise HTTPException(401, "a valid API key is required", {"WWW-Authenticate": "Bearer"})
        wait = limiter.allow(found.id)
        if wait:
            raise HTTPException(429, "rate limit exceeded", {"Retry-After": str(int(wait) + 1)})
        return found

    def needs(*scopes: str) -> Callable[[KeyInfo], KeyInfo]:
        def check(found: Annotated[KeyInfo, Depends(key)]) -> KeyInfo:
            if not found.scopes & set(scopes) and "admin" not in found.scopes:
                raise HTTPException(403, f"this key lacks the scope {' or '.join(scopes)}")
            return found

        return check

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, 422)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    def readyz() -> dict[str, Any]:
        try:
            ready = store.ping()
        except Exception as exc:  # the database is down: not ready, and say why
            raise HTTPException(503, f"store unavailable: {type(exc).__name__}") from None
        return {
            "status": "ready" if ready else "not ready",
            "data_version": screener.registry.version,
        }

    @app.post("/v1/screen", tags=["screening"])
    def screen(
        body: BatchIn | TransactionIn,
        found: Annotated[KeyInfo, Depends(needs("screen"))],
        policy: Policy = Policy.STRICT,
        as_of: date | None = None,
    ) -> dict[str, Any]:
        """Screen one transaction, or `{"transactions": [...]}` (up to 1,000), synchronously."""
        items = body.transactions if isinstance(body, BatchIn) else [body]
        refresh_accept_list()
        options = ScreenOptions(policy=policy, as_of=as_of)
        rows = [RawRow(i + 1, _row(item)) for i, item in enumerate(items)]
        decisions = list(Pipeline(screener, options).decisions(rows))
        ids = record_decisions(
            store, screener, rows, decisions, f"key:{found.id}", "api", policy.value
        )
        out = [{**decision_row(d), "decision_id": i} for d, i in zip(decisions, ids, strict=True)]
        return {"decisions": out} if isinstance(body, BatchIn) else out[0]

    @app.post("/v1/jobs", tags=["screening"], status_code=202)
    async def create_job(
        request: Request,
        found: Annotated[KeyInfo, Depends(needs("screen"))],
        format: Literal["csv", "jsonl"] = "csv",
        policy: Policy = Policy.STRICT,
        as_of: date | None = None,
    ) -> dict[str, Any]:
        """Screen a file in the background: the body is the file (CSV or JSON lines)."""
        job_id = str(uuid.uuid4())
        path = runner.input_path(job_id, format)
        path.parent.mkdir(parents=True, exist_ok=True)
        size = 0
        with path.open("wb") as fh:
            async for chunk in request.stream():
                size += len(chunk)
                fh.write(chunk)
        if size == 0:
            raise HTTPException(422, "empty body: post the file to screen")
        iso = as_of.isoformat() if as_of else ""
        store.create_job(job_id, f"key:{found.id}", format, policy.value, iso, size)
        runner.submit(job_id)
        return {"job_id": job_id, "status": "queued", "bytes": size}

    @app.get("/v1/jobs/{job_id}", tags=["screening"])
    def job(job_id: str, found: Annotated[KeyInfo, Depends(needs("screen"))]) -> dict[str, Any]:
        row = store.job(job_id)
        if row is None:
            raise HTTPException(404, "no such job")
        return {
            "job_id": row.id,
            "status": row.status,
            "rows_done": row.rows_done,
            "bytes": row.bytes_total,
            "outcomes": json.loads(row.outcomes) if row.outcomes else {},
            "error": row.error,
            "created_at": row.created_at.isoformat(),
            "updated_at": row.updated_at.isoformat(),
        }

    @app.get("/v1/jobs/{job_id}/decisions", tags=["screening"], response_model=None)
    def job_decisions(
        job_id: str, found: Annotated[KeyInfo, Depends(needs("screen"))]
    ) -> FileResponse:
        """The decisions file (the `screen` CSV columns), once the job is done."""
        row = store.job(job_id)
        if row is None:
            raise HTTPException(404, "no such job")
        if row.status != "done":
            raise HTTPException(409, f"the job is {row.status}")
        return FileResponse(
            runner.output_path(job_id), media_type="text/csv", filename=f"{job_id}.csv"
        )

    @app.get("/v1/decisions/{decision_id}", tags=["screening"])
    def decision(
        decision_id: str, found: Annotated[KeyInfo, Depends(needs("screen", "review"))]
    ) -> dict[str, Any]:
        row = store.decision(decision_id)
        if row is None:
            raise HTTPException(404, "no such decision")
        return _decision_out(row)

    @app.get("/v1/alerts", tags=["review"])
    def alerts(
        found: Annotated[KeyInfo, Depends(needs("review"))],
        status: Literal["open", "escalated", "blocked", "cleared"] | None = None,
        outcome: Literal["REVIEW", "BLOCK"] | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        return {"alerts": [_alert_out(a, d) for a, d in store.alerts(status, outcome, limit)]}

    def alert_payload(alert_id: int) -> dict[str, Any] | None:
        got = store.alert(alert_id)
        if got is None:
            return None
        a, d, cases = got
        return {
            **_alert_out(a, d),
            "decision": _decision_out(d),
            "cases": [_case_out(c) for c in cases],
        }

    @app.get("/v1/alerts/{alert_id}", tags=["review"])
    def alert(
        alert_id: AlertId, found: Annotated[KeyInfo, Depends(needs("review"))]
    ) -> dict[str, Any]:
        payload = alert_payload(alert_id)
        if payload is None:
            raise HTTPException(404, "no such alert")
        return payload

    @app.post("/v1/alerts/{alert_id}/actions", tags=["review"])
    def act(
        alert_id: AlertId, body: ActionIn, found: Annotated[KeyInfo, Depends(needs("review"))]
    ) -> dict[str, Any]:
        """Escalate, block, or clear as a false positive (the reason is mandatory); a clear
        is remembered: the same counterparty and entry come back CLEAR with ACCEPTED."""
        if store.alert(alert_id) is None:
            raise HTTPException(404, "no such alert")
        case = store.act(
            alert_id, body.action, body.reason, f"key:{found.id}", attachments=body.attachments
        )
        refresh_accept_list()
        return _case_out(case)

    @app.get("/v1/cases", tags=["review"])
    def cases(
        found: Annotated[KeyInfo, Depends(needs("review"))],
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        return {"cases": [_case_out(c) for c in store.cases(limit)]}

    @app.get("/v1/programs", tags=["reference"])
    def programs(found: Annotated[KeyInfo, Depends(key)], on: date | None = None) -> dict[str, Any]:
        day = on or date.today()
        items = []
        for program in screener.registry.programs.values():
            statuses = {c.id: status_on(program, c.id, day).code for c in program.categories}
            items.append(
                {
                    "id": program.id,
                    "name": program.name,
                    "citation": program.citation,
                    "kind": program.kind,
                    "statuses": statuses,
                }
            )
        return {"date": day.isoformat(), "programs": items}

    @app.get("/v1/lists", tags=["reference"])
    def lists(found: Annotated[KeyInfo, Depends(key)]) -> dict[str, Any]:
        if home is None:
            return {"versions": []}
        store_ = ListStore(home)
        current = {v.id for v in store_.current()}
        return {
            "versions": [
                {
                    "id": v.id,
                    "list": v.list,
                    "format": v.format,
                    "records": v.records,
                    "sha256": v.sha256,
                    "retrieved": v.retrieved,
                    "status": v.status,
                    "current": v.id in current,
                }
                for v in store_.versions()
            ]
        }

    add_ui(app, store, screener, alert_payload, refresh_accept_list)
    app.add_middleware(_BodyLimit, limit=MAX_BODY)
    return app


def _row(item: TransactionIn) -> dict[str, Any]:
    data = item.model_dump(exclude_none=False)
    data.update(item.model_extra or {})
    if isinstance(data.get("us_nexus"), bool):
        data["us_nexus"] = "true" if data["us_nexus"] else "false"
    return {k: v for k, v in data.items() if v is not None}


def _decision_out(row: Any) -> dict[str, Any]:
    return {
        "decision_id": row.id,
        "id": row.transaction_id,
        "outcome": row.outcome,
        "programs": row.programs,
        "entity_id": row.entity_id,
        "entity_name": row.entity_name,
        "score": "" if row.score is None else f"{row.score:.4f}",
        "method": row.method,
        "path": row.path,
        "reasons": row.reasons,
        "error": row.error,
        "list_version": row.list_version,
        "decided_at": row.created_at.isoformat(),
        "detail": json.loads(row.detail),
    }


def _alert_out(alert: Any, decision: Any) -> dict[str, Any]:
    return {
        "alert_id": alert.id,
        "status": alert.status,
        "outcome": alert.outcome,
        "decision_id": alert.decision_id,
        "transaction_id": decision.transaction_id,
        "entity_id": decision.entity_id,
        "entity_name": decision.entity_name,
        "reasons": decision.reasons,
        "created_at": alert.created_at.isoformat(),
        "updated_at": alert.updated_at.isoformat(),
    }


def _case_out(case: Any) -> dict[str, Any]:
    return {
        "case_id": case.id,
        "alert_id": case.alert_id,
        "action": case.action,
        "reason": case.reason,
        "attachments": case.attachments,
        "analyst": case.analyst,
        "created_at": case.created_at.isoformat(),
    }
