"""Normalising many names on every core gives what one process gives, in order."""

from __future__ import annotations

import os

import pytest

from banscreen.match import fanout
from banscreen.match.normalize import Normaliser
from banscreen.match.progress import Stage, listening
from banscreen.registry import Registry

NAMES = [
    "Tencent Holdings Ltd",
    "腾讯控股有限公司",
    "Kim In Ho",
    "Ali As Sayed",
    "Müller Maschinenbau GmbH",
    "ООО Ромашка",
    "Acme 12345",
    "",
    "  ",
] * 50


def test_forms_made_in_worker_processes_equal_those_made_here(registry: Registry) -> None:
    normaliser = Normaliser(registry.matching)
    here = [normaliser.plain_form(n) for n in NAMES]
    spread = fanout.map_names(NAMES, normaliser.plain_form, least=2)
    assert spread == here
    assert [normaliser.key(n) for n in NAMES] == fanout.map_names(NAMES, normaliser.key, least=2)


def test_the_work_runs_in_other_processes_when_there_are_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fanout, "FANOUT_CHUNK", 7)
    pids = set(fanout.map_names([str(i) for i in range(200)], lambda _: os.getpid(), least=2))
    if fanout._cores() >= 2:
        assert os.getpid() not in pids
    else:  # one core: in this process
        assert pids == {os.getpid()}


def test_progress_counts_every_name_and_small_lists_stay_here() -> None:
    told: list[int] = []
    with listening(lambda _label, _total, done: told.append(done)):
        step = Stage("normalising names", len(NAMES))
        out = fanout.map_names(NAMES, len, step, least=2)
    assert step.done == len(NAMES)
    assert out == [len(n) for n in NAMES]
    pids = fanout.map_names(["a", "b"], lambda _: os.getpid())  # below FANOUT_NAMES
    assert pids == [os.getpid()] * 2


def _pids_inside_a_worker(_: int) -> list[int]:
    return fanout.map_names(["a", "b", "c"], lambda _: os.getpid(), least=2)


def test_a_pool_worker_normalises_in_its_own_process() -> None:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        (pids,) = pool.map(_pids_inside_a_worker, [0])
    assert len(set(pids)) == 1 and os.getpid() not in pids


def test_what_a_dead_worker_left_undone_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-chunk (the OOM killer) must not hang the build or lose names."""
    monkeypatch.setattr(fanout, "FANOUT_CHUNK", 10)
    parent = os.getpid()
    values = [str(i) for i in range(100)]

    def work(value: str) -> str:
        if value == "55" and os.getpid() != parent:
            os._exit(9)  # dies in a worker; the calling process does it fine
        return value * 2

    assert fanout.map_names(values, work, least=2) == [v * 2 for v in values]
