"""The shape every one of the service's pure ASGI middlewares shares: anything but an HTTP
request passes straight through; an HTTP request goes to `http`. (Pure ASGI, not
`@app.middleware`, which runs each request in a task group of its own.)"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class HttpMiddleware(ABC):
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    @abstractmethod
    async def http(self, scope: Message, receive: Receive, send: Send) -> None:
        """The middleware's own work on an HTTP request."""
