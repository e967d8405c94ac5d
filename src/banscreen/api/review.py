"""Routes that analysts work: alerts, the actions on them, and the cases they leave."""

# No `from __future__ import annotations`: FastAPI reads the route annotations at runtime.
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam

from ..store import KeyInfo
from .models import (
    ActionIn,
    AlertDetailOut,
    AlertOut,
    AlertsOut,
    CaseOut,
    CasesOut,
    StoredDecisionOut,
)
from .service import Service

# Row ids are 32-bit in every store: a larger one names nothing (404, not a database error).
AlertId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]


def alert_detail(service: Service, alert_id: int) -> AlertDetailOut | None:
    got = service.store.alert(alert_id)
    if got is None:
        return None
    a, d, cases = got
    return AlertDetailOut(
        **AlertOut.of(a, d).model_dump(),
        decision=StoredDecisionOut.of(d),
        cases=[CaseOut.of(c) for c in cases],
    )


def review_router(service: Service) -> APIRouter:
    router = APIRouter(tags=["review"])
    store = service.store
    review_key = service.keys.needs("review")

    @router.get("/v1/alerts")
    def alerts(
        found: Annotated[KeyInfo, Depends(review_key)],
        status: Literal["open", "escalated", "blocked", "cleared"] | None = None,
        outcome: Literal["REVIEW", "BLOCK"] | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> AlertsOut:
        return AlertsOut(
            alerts=[AlertOut.of(a, d) for a, d in store.alerts(status, outcome, limit)]
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
        """Escalate, block, or clear as a false positive (the reason is mandatory); a clear
        is remembered: the same counterparty and entry come back CLEAR with ACCEPTED."""
        if store.alert(alert_id) is None:
            raise HTTPException(404, "no such alert")
        case = store.act(
            alert_id, body.action, body.reason, f"key:{found.id}", attachments=body.attachments
        )
        service.refresh_accept_list()
        return CaseOut.of(case)

    @router.get("/v1/cases")
    def cases(
        found: Annotated[KeyInfo, Depends(review_key)],
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> CasesOut:
        return CasesOut(cases=[CaseOut.of(c) for c in store.cases(limit)])

    return router
