"""Routes that analysts work: the alert queue, the actions on alerts (four eyes where the
store asks for them), the cases they leave, and the accept list their clears write."""

# No `from __future__ import annotations`: FastAPI reads the route annotations at runtime.
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam

from ..errors import StoreError
from ..store import AlertQuery, ClearScope, KeyInfo
from ..web.queue import day_after, day_start
from .models import (
    AcceptEntriesOut,
    AcceptEntryOut,
    ActionIn,
    AlertDetailOut,
    AlertOut,
    AlertsOut,
    BulkActionIn,
    BulkOut,
    BulkResultOut,
    CaseOut,
    CasesOut,
    RevokeIn,
    StoredDecisionOut,
)
from .service import Service

# Row ids are 32-bit in every store: a larger one names nothing (404, not a database error).
AlertId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
Status = Literal["open", "escalated", "pending", "blocked", "cleared"]
Sort = Literal["oldest", "newest", "outcome", "status", "updated"]


def alert_detail(service: Service, alert_id: int) -> AlertDetailOut | None:
    got = service.store.alert(alert_id)
    return None if got is None else alert_detail_of(*got)


def alert_detail_of(a: Any, d: Any, cases: list[Any]) -> AlertDetailOut:
    """An alert, its decision and its cases, as the API and the UI's JSON twin give them."""
    return AlertDetailOut(
        **AlertOut.of(a, d).model_dump(),
        decision=StoredDecisionOut.of(d),
        cases=[CaseOut.of(c) for c in cases],
    )


def alert_query(
    status: Status | None = None,
    outcome: Literal["REVIEW", "BLOCK"] | None = None,
    q: Annotated[str, Query(max_length=200)] = "",
    entity: Annotated[str, Query(max_length=200)] = "",
    program: Annotated[str, Query(max_length=200)] = "",
    reason: Annotated[str, Query(max_length=64)] = "",
    assignee: Annotated[str, Query(max_length=200)] = "",
    since: date | None = None,
    until: date | None = None,
    sort: Sort = "oldest",
) -> AlertQuery:
    """The queue's filters, from the query string (raised on or after `since`, before the
    day after `until`)."""
    return AlertQuery(
        status or "", outcome or "", q, entity, program, reason, assignee,
        day_start(since), day_after(until), sort,
    )  # fmt: skip


def apply(service: Service, alert_id: int, body: ActionIn, found: KeyInfo) -> CaseOut:
    scope = ClearScope(**body.scope.model_dump())
    case = service.store.act(
        alert_id, body.action, body.reason, found.actor, body.attachments, scope, body.assignee
    )
    return CaseOut.of(case)


def review_router(service: Service) -> APIRouter:
    router = APIRouter(tags=["review"])
    store = service.store
    review_key = service.keys.needs("review")

    @router.get("/v1/alerts")
    def alerts(
        found: Annotated[KeyInfo, Depends(review_key)],
        view: Annotated[AlertQuery, Depends(alert_query)],
        offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> AlertsOut:
        """A page of the queue, with the number of alerts the filters match."""
        rows, total = store.alert_page(view, offset, limit)
        more = offset + len(rows) < total
        return AlertsOut(
            total=total,
            offset=offset,
            limit=limit,
            next_offset=offset + len(rows) if more else None,
            alerts=[AlertOut.of(a, d) for a, d in rows],
        )

    @router.get("/v1/alerts/{alert_id}")
    def alert(alert_id: AlertId, found: Annotated[KeyInfo, Depends(review_key)]) -> AlertDetailOut:
        payload = alert_detail(service, alert_id)
        if payload is None:
            raise HTTPException(404, "no such alert")
        return payload

    @router.post("/v1/alerts/{alert_id}/actions")
    def act(
        alert_id: AlertId, body: ActionIn, found: Annotated[KeyInfo, Depends(review_key)]
    ) -> CaseOut:
        """Escalate, block, clear as a false positive, approve or reject another analyst's
        proposal, reopen, assign or comment (a reason is required but for an assignment). A
        block or clear of a BLOCK alert is a proposal until a second analyst approves it;
        a clear that takes effect writes accept entries within `scope`. 409 when the
        alert's state does not allow the action."""
        if store.alert(alert_id) is None:
            raise HTTPException(404, "no such alert")
        case = apply(service, alert_id, body, found)
        service.refresh_accept_list()
        return case

    @router.post("/v1/alerts/actions")
    def bulk(body: BulkActionIn, found: Annotated[KeyInfo, Depends(review_key)]) -> BulkOut:
        """The same action on several alerts, each on its own (one failing does not stop the
        others); each result says whether it was applied."""
        results = []
        for alert_id in dict.fromkeys(body.alert_ids):
            try:
                case = apply(service, alert_id, body, found)
                results.append(BulkResultOut(alert_id=alert_id, ok=True, case_id=case.case_id))
            except StoreError as exc:
                results.append(BulkResultOut(alert_id=alert_id, ok=False, error=str(exc)))
        service.refresh_accept_list()
        return BulkOut(results=results)

    @router.get("/v1/cases")
    def cases(
        found: Annotated[KeyInfo, Depends(review_key)],
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> CasesOut:
        return CasesOut(cases=[CaseOut.of(c) for c in store.cases(limit)])

    @router.get("/v1/accept")
    def accept_entries(
        found: Annotated[KeyInfo, Depends(review_key)],
        all: bool = False,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    ) -> AcceptEntriesOut:
        """The accept entries in force (or every one, revoked and expired too, with all)."""
        rows = store.accept_rows(include_inactive=all, limit=limit)
        return AcceptEntriesOut(entries=[AcceptEntryOut.of(r) for r in rows])

    @router.post("/v1/accept/{entry_id}/revoke")
    def revoke(
        entry_id: AlertId, body: RevokeIn, found: Annotated[KeyInfo, Depends(review_key)]
    ) -> AcceptEntryOut:
        """End an accept entry now; the next screening of its counterparty is as if it had
        never been cleared."""
        row = store.revoke_accept(entry_id, found.actor, body.reason)
        service.refresh_accept_list()
        return AcceptEntryOut.of(row)

    return router
