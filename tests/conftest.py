from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "banscreen" / "data" / "samples" / "transactions.csv"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def screener(registry: Registry) -> Screener:
    return Screener(registry)


@pytest.fixture(scope="session")
def sample_csv() -> Path:
    return SAMPLE
