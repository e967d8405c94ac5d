"""The HTTP service: thin routes over the pipeline and the store (they never decide anything).

`create_app(store, screener)` builds the FastAPI app from its routers (screening.py,
review.py, reference.py and the review UI). Every route but the health checks needs
`Authorization: Bearer KEY`, a key created with `banscreen keys create`; a missing or
unknown key is 401, a key without the route's scope 403. Bodies larger than `MAX_BODY`
bytes are refused with 413 before they are read whole, and batches larger than `MAX_BATCH`
with 422. Every screening and every analyst action is written to the store's audit log.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ..engine import Screener
from ..errors import UsageError
from ..store import FOUR_EYES, Store
from ..tunables import MAX_BATCH, MAX_BODY
from ..web import add_ui
from .deadlines import BodyDeadline
from .docs import add_docs
from .guards import (
    BodyLimit,
    Keys,
    ResponseHeaders,
    add_error_statuses,
)
from .reference import reference_router
from .review import alert_detail_of, review_router
from .screening import screening_router
from .service import Service

__all__ = ["MAX_BATCH", "MAX_BODY", "create_app"]


def create_app(
    store: Store,
    screener: Screener,
    home: Any = None,
    rate_per_minute: int = 1200,
    four_eyes: str = "block",
    job_workers: int = 2,
) -> FastAPI:
    """The service. `four_eyes` says which blocks and clears need a second analyst's
    approval ("block": those of BLOCK alerts; "all"; "none"); `job_workers` how many
    background jobs run at once (shared fairly between keys)."""
    if four_eyes not in FOUR_EYES:
        raise UsageError(f"four_eyes must be one of {', '.join(FOUR_EYES)}; got {four_eyes!r}")
    store.four_eyes = four_eyes
    app = FastAPI(
        title="banscreen",
        description="Screening for connected-software bans and restricted-party programs.",
        version="1",
        docs_url=None,  # docs.py serves /docs from our own origin
        redoc_url=None,
    )
    data_home = Path(home) if home is not None else Path(tempfile.mkdtemp(prefix="banscreen-"))
    service = Service(
        store, screener, Keys(store, rate_per_minute), data_home, home, job_workers=job_workers
    )
    app.state.jobs = service.runner
    add_docs(app)
    add_error_statuses(app)
    app.include_router(reference_router(service))
    app.include_router(screening_router(service))
    app.include_router(review_router(service))

    def alert_json(alert: Any, decision: Any, cases: list[Any]) -> dict[str, Any]:
        return alert_detail_of(alert, decision, cases).model_dump()

    add_ui(app, store, screener, alert_json, service.refresh_accept_list)
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(BodyDeadline)
    app.add_middleware(ResponseHeaders, store=store)
    return app
