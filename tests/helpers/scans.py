"""An SBOM scanned as `scan` reads it, into decisions by transaction id."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Decision, Policy
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions


def scanned_sbom(screener: Screener, path: Path, as_of: date) -> dict[str, Decision]:
    """The decisions of the SBOM at `path` (detected as one), its records dated `as_of`."""
    surface, reader = detect(path)
    assert surface == "sbom"
    items = reader(path, ScanOptions(as_of=as_of))
    decisions = Pipeline(screener, ScreenOptions(policy=Policy.STRICT)).scanned(items)
    return {d.transaction_id: d for d in decisions}
