"""What stands between a request and a route: body limits, rate limits, security headers,
API keys and scopes, and the one map from banscreen's errors to HTTP statuses."""

# No `from __future__ import annotations`: FastAPI reads the dependency annotations at runtime.
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders

from ..errors import (
    BanscreenError,
    ConflictError,
    IdentifierError,
    InputError,
    NotFoundError,
    StoreError,
    UsageError,
)
from ..store import KeyInfo, Store
from ..tunables import MAX_JOB_BODY
from .asgi import HttpMiddleware, Message, Receive, Send

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
}
# banscreen's errors as HTTP statuses, most specific first: a request the store cannot
# honour or input that cannot be used is the client's (422); a misuse of our own functions
# or any other banscreen error is ours (500), said without a server path or traceback.
ERROR_STATUS: tuple[tuple[type[BanscreenError], int], ...] = (
    (ConflictError, 409),
    (NotFoundError, 404),
    (StoreError, 422),
    (IdentifierError, 422),
    (InputError, 422),
    (UsageError, 500),
    (BanscreenError, 500),
)


def status_of(exc: BanscreenError) -> int:
    return next(status for cls, status in ERROR_STATUS if isinstance(exc, cls))


SNIPPET_CHARS = 80  # of a rejected value, echoed back in a 422


def snippet(value: object) -> str:
    """A short, printable taste of a value: enough to find it, never the whole body; a lone
    surrogate escaped in the JSON shown escaped, as no UTF-8 writes it."""
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS] + f"… ({len(text):,} chars)"


def add_error_statuses(app: FastAPI) -> None:
    @app.exception_handler(BanscreenError)
    async def banscreen_error(request: Request, exc: BanscreenError) -> JSONResponse:
        status = status_of(exc)
        detail = str(exc) if status < 500 else f"internal error ({type(exc).__name__})"
        return JSONResponse({"detail": detail}, status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """Each problem with its field and at most a snippet of what was sent (FastAPI's
        own answer echoes the whole input: 156 KB for a batch one item too long)."""
        problems = [
            {
                "loc": list(error.get("loc", ())),
                "msg": error.get("msg", ""),
                "type": error.get("type", ""),
                **({"input": snippet(error["input"])} if "input" in error else {}),
            }
            for error in exc.errors()[:20]
        ]
        return JSONResponse({"detail": problems, "problems": len(exc.errors())}, 422)


class BodyLimit(HttpMiddleware):
    """Refuse bodies over `limit` bytes with 413, whether or not they declare a length."""

    def __init__(self, app: Any, limit: int) -> None:
        super().__init__(app)
        self.limit = limit

    async def http(self, scope: Message, receive: Receive, send: Send) -> None:
        limit = MAX_JOB_BODY if scope.get("path", "").rstrip("/") == "/v1/jobs" else self.limit
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await JSONResponse({"detail": "request body too large"}, 413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
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


class _TooLarge(Exception):  # control flow inside BodyLimit, never raised out of it
    pass


class ResponseHeaders(HttpMiddleware):
    """Pure ASGI middleware (no task group per request, unlike `@app.middleware`): the
    security headers on every response, and on every successful write the audit log's
    head (`X-Audit-Head: SEQ:HASH`), so a client can keep it as an anchor outside the
    database (store/audit.py). A route that knows the head it wrote (a screening, from its
    group commit) sets the header itself and saves the read."""

    def __init__(self, app: Any, store: Store) -> None:
        super().__init__(app)
        self.store = store

    async def http(self, scope: Message, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        writes = scope.get("method") == "POST" and path.startswith(("/v1/", "/ui/"))

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if writes and message["status"] < 400 and "x-audit-head" not in headers:
                    head = await run_in_threadpool(self.store.audit_head)
                    headers["X-Audit-Head"] = f"{head.seq}:{head.hash}"
            await send(message)

        await self.app(scope, receive, sending)


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


class Keys:
    """The `key` dependency (a valid key within its rate) and `needs(scope, …)`."""

    def __init__(self, store: Store, rate_per_minute: int) -> None:
        self.store = store
        self.limiter = RateLimiter(rate_per_minute)
        bearer = HTTPBearer(auto_error=False)

        async def key(
            credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        ) -> KeyInfo:
            # One indexed read, on the event loop: cheaper than a hop to the thread pool.
            found = self.verify(credentials.credentials) if credentials else None
            if found is None:
                raise HTTPException(
                    401, "a valid API key is required", {"WWW-Authenticate": "Bearer"}
                )
            wait = self.limiter.allow(found.id)
            if wait:
                raise HTTPException(429, "rate limit exceeded", {"Retry-After": str(int(wait) + 1)})
            return found

        self.key = key

    def verify(self, token: str) -> KeyInfo | None:
        """verify_key on every request (one indexed lookup): a revoked or expired key is
        refused on its very next request, whichever process revoked it."""
        return self.store.verify_key(token)

    def needs(self, *scopes: str) -> Callable[[KeyInfo], Awaitable[KeyInfo]]:
        key = self.key

        async def check(found: Annotated[KeyInfo, Depends(key)]) -> KeyInfo:
            if not found.scopes & set(scopes) and "admin" not in found.scopes:
                raise HTTPException(403, f"this key lacks the scope {' or '.join(scopes)}")
            return found

        return check
