"""Normalising many names on every core: a large list's 100,000-odd names are most of
building its index, and each name is normalised on its own.

Worker processes are forked, so they start with the caller's normaliser already made (its
tables, caches and config) and receive only the names; the results come back in order.
Fewer names than `FANOUT_NAMES`, one core, a platform without fork, or a caller that is
itself a pool's worker: done in this process, with the same results; and what a worker that
died left undone is done here too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..tunables import FANOUT_CHUNK, FANOUT_NAMES
from .progress import Stage

T = TypeVar("T")

# The work of the pool being run: set before the workers fork, so they inherit it.
_WORK: Callable[[str], Any] | None = None


def _apply(chunk: Sequence[str]) -> list[Any]:
    assert _WORK is not None
    return [_WORK(value) for value in chunk]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_names(
    values: Sequence[str],
    work: Callable[[str], T],
    step: Stage | None = None,
    least: int = FANOUT_NAMES,
) -> list[T]:
    """`[work(v) for v in values]`, spread over the machine's cores when there are at least
    `least` values; `step` is advanced as results arrive."""
    global _WORK
    if len(values) < least:  # the usual case: checked before the process modules load
        return _serial(values, work, step)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    cores = min(_cores(), 8)
    fork = "fork" in multiprocessing.get_all_start_methods()
    # A pool's own worker (`screen --workers`) may not start processes of its own.
    nested = _WORK is not None or multiprocessing.current_process().daemon
    if cores < 2 or not fork or nested:
        return _serial(values, work, step)
    chunks = [values[i : i + FANOUT_CHUNK] for i in range(0, len(values), FANOUT_CHUNK)]
    out: list[T] = []
    _WORK = work
    context = multiprocessing.get_context("fork")
    try:
        # An executor, not a Pool: a worker that dies (the OOM killer) breaks it with an
        # error rather than leaving its chunk waited for forever.
        with ProcessPoolExecutor(cores, mp_context=context) as pool:
            for part in pool.map(_apply, chunks):
                out.extend(part)
                if step is not None:
                    step.advance(len(part))
    except (OSError, BrokenProcessPool):  # no processes to be had, or one died: redo here
        done = len(out)
        return out + _serial(values[done:], work, step)
    finally:
        _WORK = None
    return out


def _serial(values: Sequence[str], work: Callable[[str], T], step: Stage | None) -> list[T]:
    out = []
    for value in values:
        out.append(work(value))
        if step is not None:
            step.advance()
    return out
