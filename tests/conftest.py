from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "banscreen" / "data" / "samples" / "transactions.csv"


def pytest_configure(config: pytest.Config) -> None:
    """Derived caches (validated packs, pinyin table) go to a directory of this run's own."""
    import os
    import tempfile

    os.environ["BANSCREEN_CACHE"] = tempfile.mkdtemp(prefix="banscreen-cache-")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's own data directory (imported lists, store)."""
    monkeypatch.setenv("BANSCREEN_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def screener(registry: Registry) -> Screener:
    return Screener(registry)


@pytest.fixture(scope="session")
def sample_csv() -> Path:
    return SAMPLE
