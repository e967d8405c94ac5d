"""Routes that describe the service: health, readiness, programs on a date, list versions."""

# No `from __future__ import annotations`: FastAPI reads the route annotations at runtime.
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from ..decide import status_on
from ..sources import ListStore
from ..store import KeyInfo
from .models import HealthOut, ListsOut, ListVersionOut, ProgramOut, ProgramsOut, ReadyOut
from .service import Service


def reference_router(service: Service) -> APIRouter:
    router = APIRouter()
    store, screener, key = service.store, service.screener, service.keys.key

    @router.get("/healthz", tags=["health"])
    def healthz() -> HealthOut:
        return HealthOut(status="ok")

    @router.get("/readyz", tags=["health"])
    def readyz() -> ReadyOut:
        try:
            ready = store.ping()
        except Exception as exc:  # the database is down: not ready, and say why
            raise HTTPException(503, f"store unavailable: {type(exc).__name__}") from None
        return ReadyOut(
            status="ready" if ready else "not ready", data_version=screener.registry.version
        )

    @router.get("/v1/programs", tags=["reference"])
    def programs(found: Annotated[KeyInfo, Depends(key)], on: date | None = None) -> ProgramsOut:
        day = on or date.today()
        items = [
            ProgramOut.of(p, {c.id: status_on(p, c.id, day).code for c in p.categories})
            for p in screener.registry.programs.values()
        ]
        return ProgramsOut(date=day.isoformat(), programs=items)

    @router.get("/v1/lists", tags=["reference"])
    def lists(found: Annotated[KeyInfo, Depends(key)]) -> ListsOut:
        if service.home is None:
            return ListsOut(versions=[])
        versions = ListStore(service.home)
        current = {v.id for v in versions.current()}
        return ListsOut(
            versions=[ListVersionOut.of(v, v.id in current) for v in versions.versions()]
        )

    return router
