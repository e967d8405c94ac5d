"""Routes that screen: one transaction or a batch synchronously, a file as a job."""

# No `from __future__ import annotations`: FastAPI reads the route annotations at runtime.
import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from ..batch import Pipeline
from ..engine import ScreenOptions
from ..errors import InputError
from ..model import TRANSACTION_CATEGORIES, Policy
from ..store import KeyInfo
from ..store.decisions import Screened
from ..store.tables import Job
from ..surfaces.columns import parse_columns
from ..surfaces.rows import RawRow, category_id
from ..tunables import INLINE_ROWS
from .job_report import REPORT
from .models import (
    BatchIn,
    DecisionOut,
    DecisionsOut,
    JobCreatedOut,
    JobOut,
    StoredDecisionOut,
    TransactionIn,
)
from .recording import screened
from .repeated_keys import repeated_fields
from .service import Service

# The report's own policy (report.py): inline styles, data: images, nothing from anywhere.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def screening_router(service: Service) -> APIRouter:
    router = APIRouter(tags=["screening"])
    store, screener, runner = service.store, service.screener, service.runner
    screen_key = service.keys.needs("screen")

    @router.post("/v1/screen")
    async def screen(
        body: BatchIn | TransactionIn,
        found: Annotated[KeyInfo, Depends(screen_key)],
        request: Request,
        response: Response,
        policy: Policy = Policy.STRICT,
        as_of: date | None = None,
    ) -> DecisionsOut | DecisionOut:
        """Screen one transaction, or `{"transactions": [...]}` (up to 1,000), synchronously.
        The answer comes once the decisions are stored (group commit with concurrent
        requests); `X-Audit-Head` is the audit log's head after that commit."""
        items = body.transactions if isinstance(body, BatchIn) else [body]
        service.refresh_accept_list(found.accept_stamp)
        actor = found.actor
        options = ScreenOptions(policy=policy, as_of=as_of, client=actor)
        clashes = repeated_fields(await request.body())
        rows = [RawRow(i + 1, item.fields(), clashes.get(i)) for i, item in enumerate(items)]

        def decide() -> Screened:
            decisions = list(Pipeline(screener, options).decisions(rows))
            return screened(screener, rows, decisions, actor, "api", policy.value)

        # A few rows are decided on the event loop (a hop to a thread costs more than they
        # do); a batch in a thread, so the loop keeps serving.
        kept = decide() if len(rows) <= INLINE_ROWS else await run_in_threadpool(decide)
        ids, head = await service.commits.record_async(kept)
        if head is not None:
            response.headers["X-Audit-Head"] = f"{head.seq}:{head.hash}"
        out = [DecisionOut.of(d, i) for d, i in zip(kept.decisions, ids, strict=True)]
        return DecisionsOut(decisions=out) if isinstance(body, BatchIn) else out[0]

    @router.post("/v1/jobs", status_code=202)
    async def create_job(
        request: Request,
        found: Annotated[KeyInfo, Depends(screen_key)],
        format: Literal["csv", "jsonl", "xlsx"] = "csv",
        policy: Policy = Policy.STRICT,
        as_of: date | None = None,
        report: bool = False,
        columns: str | None = None,
        category: str | None = None,
        date_order: Literal["dmy", "mdy"] | None = None,
    ) -> JobCreatedOut:
        """Screen a file in the background: the body is the file (CSV, JSON lines or an
        Excel workbook, whose worksheets of transactions are read). With `report=true` an
        HTML report of the run is built too (`/v1/jobs/{id}/report`). `columns` says which of the
        file's columns is an input column, as `screen --columns` does
        (`counterparty_name=Payee,text=Memo`), `category` is the category of rows that
        carry none and `date_order` how the file writes dates in digits, as `screen`'s
        options of those names."""
        try:
            chosen = parse_columns([columns] if columns else [])
        except InputError as exc:
            raise HTTPException(422, str(exc)) from None
        if category is not None and category_id(category) not in TRANSACTION_CATEGORIES:
            raise HTTPException(422, f"category: none of {', '.join(TRANSACTION_CATEGORIES)}")
        default = category_id(category) if category else None
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
        runner.keep_reading(job_id, {"columns": chosen, "category": default,
                                     "date_order": date_order})  # fmt: skip
        store.create_job(job_id, found.actor, format, policy.value, iso, size, report)
        runner.submit(job_id, f"key:{found.id}")
        return JobCreatedOut(job_id=job_id, status="queued", bytes=size)

    def own_job(job_id: str, found: KeyInfo) -> Job:
        """The job, if this key made it (or is an admin's): another key's job is 404, as
        if it did not exist."""
        row = store.job(job_id)
        if row is None or not found.may_read(row.actor):
            raise HTTPException(404, "no such job")
        return row

    @router.get("/v1/jobs/{job_id}")
    def job(job_id: str, found: Annotated[KeyInfo, Depends(screen_key)]) -> JobOut:
        return JobOut.of(own_job(job_id, found))

    @router.get(
        "/v1/jobs/{job_id}/decisions",
        response_model=None,
        response_class=FileResponse,
        responses={200: {"content": {"text/csv": {}}, "description": "The decisions."}},
    )
    def job_decisions(job_id: str, found: Annotated[KeyInfo, Depends(screen_key)]) -> FileResponse:
        """The decisions file (the `screen` CSV columns), once the job is done."""
        row = own_job(job_id, found)
        if row.status != "done":
            raise HTTPException(409, f"the job is {row.status}")
        return FileResponse(
            runner.output_path(job_id), media_type="text/csv", filename=f"{job_id}.csv"
        )

    @router.get(
        "/v1/jobs/{job_id}/report",
        response_model=None,
        response_class=FileResponse,
        responses={200: {"content": {"text/html": {}}, "description": "The report."}},
    )
    def job_report(job_id: str, found: Annotated[KeyInfo, Depends(screen_key)]) -> FileResponse:
        """The job's HTML report (one self-contained file, as `banscreen report` writes), once
        the job is done, if it was asked for with `report=true`."""
        row = own_job(job_id, found)
        if not row.report:
            raise HTTPException(404, "no report was asked for: post the job with report=true")
        if row.status != "done":
            raise HTTPException(409, f"the job is {row.status}")
        path = runner.folder(job_id) / REPORT
        if not path.exists():
            raise HTTPException(
                404, "the report could not be built: the job resumed without its aggregates"
            )
        return FileResponse(
            path,
            media_type="text/html",
            filename=f"{job_id}-report.html",
            headers={"Content-Security-Policy": REPORT_POLICY},
        )

    @router.get("/v1/decisions/{decision_id}")
    def decision(
        decision_id: str,
        found: Annotated[KeyInfo, Depends(service.keys.needs("screen", "review"))],
    ) -> StoredDecisionOut:
        row = store.decision(decision_id)
        # Analysts (review) read every decision; a screen key only its own.
        readable = row is not None and (found.scopes & {"review"} or found.may_read(row.owner))
        if row is None or not readable:
            raise HTTPException(404, "no such decision")
        return StoredDecisionOut.of(row)

    return router
