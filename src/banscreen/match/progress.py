"""The progress of a long build (the name index of a large list takes tens of seconds),
told to whoever listens — the CLI's progress bar — and to no one otherwise. A context
variable, so the code that builds needs no parameter for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (what is being done, how many steps it has or None, how many are done)
Sink = Callable[[str, int | None, int], None]
_SINK: ContextVar[Sink | None] = ContextVar("banscreen_progress", default=None)
EVERY = 2048  # steps between two reports


@contextmanager
def listening(sink: Sink) -> Iterator[None]:
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)


class Stage:
    def __init__(self, label: str, total: int | None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self._sink = _SINK.get()
        self._tell()

    def advance(self, steps: int = 1) -> None:
        before, self.done = self.done, self.done + steps
        if self._sink is not None and (self.done // EVERY > before // EVERY):
            self._tell()

    def _tell(self) -> None:
        if self._sink is not None:
            self._sink(self.label, self.total, self.done)


def stage(label: str, total: int | None = None) -> Stage:
    """A step of the build: `label`, with `total` steps when they can be counted."""
    return Stage(label, total)
