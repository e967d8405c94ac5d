"""A byte stream that says how much of it has been read: a progress bar follows a
streaming parse by it."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, BinaryIO


class CountingReader(io.RawIOBase):
    """Counts bytes as they are read, so a progress bar can follow a streaming parse."""

    def __init__(self, raw: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._raw = raw
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if n:
            self._on_read(n)
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()
