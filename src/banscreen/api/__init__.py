"""The HTTP service (FastAPI): screening, alerts and cases, reference data; API keys with
scopes. Needs the `service` extra."""

from .app import MAX_BATCH, MAX_BODY, create_app

__all__ = ["MAX_BATCH", "MAX_BODY", "create_app"]
