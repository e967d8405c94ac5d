"""schemathesis against the OpenAPI schema, in process: no request it generates gets a 5xx.

Bounded (a few dozen examples per operation) so it stays part of the default suite; every
operation is called with a key holding every scope, so the generator reaches the handlers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (the service-tests extra)")

from hypothesis import HealthCheck, settings  # noqa: E402

from banscreen.api import create_app  # noqa: E402
from banscreen.engine import Screener  # noqa: E402
from banscreen.registry import load_registry  # noqa: E402
from banscreen.store import Store  # noqa: E402

_home = Path(tempfile.mkdtemp(prefix="banscreen-schemathesis-"))
_store = Store(f"sqlite:///{_home / 'store.db'}")
_app = create_app(_store, Screener(load_registry()), _home, rate_per_minute=1_000_000)
_key = _store.create_key(["admin"])
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case: object) -> None:
    response = case.call(headers={"Authorization": f"Bearer {_key}"})  # type: ignore[attr-defined]
    assert response.status_code < 500, (case, response.status_code, response.text[:500])  # type: ignore[attr-defined]
