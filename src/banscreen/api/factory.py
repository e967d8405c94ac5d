"""The app each worker process of `serve --workers N` builds for itself.

`serve` checks its options, migrates the store and builds the stored name index once, then
hands uvicorn this factory and its settings in one environment variable; every worker opens
the same store (decisions, alerts, UI sessions, accept entries: shared), opens the same
stored name index (its pages shared between the processes), and serves on the same port.
Background jobs a worker accepts run in that worker; the jobs left queued or running by a
stopped server are resumed by one process only (the one holding the job runner's lock).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

CONFIG_ENV = "BANSCREEN_SERVE"


def serve_config(**given: Any) -> str:
    """The settings a worker needs, as the environment variable's value."""
    return json.dumps(given, default=str)


def serve_app() -> FastAPI:
    from ..engine import Screener
    from ..sources import ListsPolicy, registry_with_lists
    from ..store import Store
    from .app import create_app

    config = json.loads(os.environ[CONFIG_ENV])
    home = Path(config["home"])
    registry = registry_with_lists(
        home, [Path(p) for p in config["extra"]], ListsPolicy(config["lists"])
    )
    return create_app(
        Store(config["db"]),
        Screener(registry),
        home,
        rate_per_minute=int(config["rate_limit"]),
        four_eyes=str(config["four_eyes"]),
        job_workers=int(config["job_workers"]),
    )
