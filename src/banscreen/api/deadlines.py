"""Deadlines on reading a request, so half-sent requests cannot hold the server's
connections: a request's head (line and headers) must arrive within `REQUEST_HEAD_SECONDS`
of the connection opening or of the previous response, and each part of its body within
`REQUEST_BODY_SECONDS` of the one before. Idle keep-alive connections close after
uvicorn's `timeout_keep_alive` (set by `serve`)."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from ..tunables import REQUEST_BODY_SECONDS, REQUEST_HEAD_SECONDS
from .asgi import HttpMiddleware, Message, Receive, Send


class _HeadDeadline:
    """Mixed into one of uvicorn's HTTP/1.1 protocols: a connection whose request head is
    not complete in time is closed (slowloris). Both protocols start a request's `cycle`
    once its head is complete."""

    head_seconds: float = REQUEST_HEAD_SECONDS
    _deadline: asyncio.TimerHandle | None = None
    cycle: Any
    loop: asyncio.AbstractEventLoop
    transport: Any

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and (self.cycle is None or self.cycle.response_complete):
            self._arm()  # the head of the next request on a kept-alive connection
        super().data_received(data)  # type: ignore[misc]
        if self.cycle is not None and not self.cycle.response_complete:
            self._disarm()  # the head is complete: the body has its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.head_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()


class HeadDeadline(_HeadDeadline, H11Protocol):
    """h11 (pure Python) with the head deadline."""


try:  # httptools (C) parses faster than h11; it comes with the service extra
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class HttpToolsHeadDeadline(_HeadDeadline, HttpToolsProtocol):
        """httptools with the head deadline (module-level: worker processes import it)."""

    FASTEST: type = HttpToolsHeadDeadline
except ImportError:  # pragma: no cover - httptools not installed
    FASTEST = HeadDeadline


def fastest_protocol() -> type:
    """The HTTP/1.1 protocol `serve` runs, with the head deadline: httptools when it is
    installed, else h11."""
    return FASTEST


class _BodyStalled(BaseException):
    """Raised from `receive` when the body stops arriving. A BaseException, so that the
    framework's body parsing (which turns any Exception into a 400) lets it through to
    `BodyDeadline`, which answers 408."""


def _stalled(exc: BaseException) -> bool:
    """Whether the body stalled (inside a task group, beside what that made others fail)."""
    if isinstance(exc, BaseExceptionGroup):
        return any(_stalled(e) for e in exc.exceptions)
    return isinstance(exc, _BodyStalled)


class BodyDeadline(HttpMiddleware):
    """A body that stops arriving for `seconds` is answered 408."""

    def __init__(self, app: Any, seconds: float = REQUEST_BODY_SECONDS) -> None:
        super().__init__(app)
        self.seconds = seconds

    async def http(self, scope: Message, receive: Receive, send: Send) -> None:
        reading = True
        started = False

        async def timed() -> Message:
            nonlocal reading
            if not reading:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.seconds)
            except TimeoutError:
                raise _BodyStalled from None
            reading = message.get("type") == "http.request" and bool(message.get("more_body"))
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message.get("type") == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed, sending)
        except BaseException as exc:
            if started or not _stalled(exc):
                raise
            body = b'{"detail":"the request body stopped arriving"}'
            await send(
                {
                    "type": "http.response.start",
                    "status": 408,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
