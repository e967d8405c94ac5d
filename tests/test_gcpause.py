"""Collection is paused while long-lived structures are built, and a service freezes them."""

from __future__ import annotations

import gc

from banscreen.gcpause import paused, settle


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
