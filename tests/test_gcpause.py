"""Collection is paused while long-lived structures are built, and a service freezes them."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from banscreen.batch import run
from banscreen.cli import app
from banscreen.gcpause import STREAMING_THRESHOLD, paused, settle, streaming


def test_paused_stops_collection_and_restores_it() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_settle_freezes_what_is_alive() -> None:
    kept = [[i] for i in range(1000)]
    try:
        settle()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def test_streaming_collects_less_often_and_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    try:
        with streaming():
            assert gc.get_threshold()[0] == max(before[0], STREAMING_THRESHOLD)
            assert gc.get_threshold()[1:] == before[1:]
            raise KeyError("a failed run")
    except KeyError:
        pass
    assert gc.get_threshold() == before
    gc.set_threshold(50_000, *before[1:])  # a caller's higher threshold is not lowered
    try:
        with streaming():
            assert gc.get_threshold()[0] == 50_000
    finally:
        gc.set_threshold(*before)


def test_a_screened_file_runs_with_fewer_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch path (`screen_file`) decides rows under `streaming`."""
    seen: list[int] = []
    real = run.write_chunks

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold()[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(run, "write_chunks", spy)
    src = tmp_path / "in.csv"
    src.write_text(
        "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,"
        "us_nexus,text\n1,2021-03-15,payment,Acme Ltd,US,,true,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["screen", str(src), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 0, result.output
    assert seen and seen[0] >= STREAMING_THRESHOLD
