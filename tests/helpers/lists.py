"""The three list fixtures (OFAC advanced XML, the CSL and FtM JSON) imported into a home,
as the tests that screen against real-format lists need them."""

from __future__ import annotations

from pathlib import Path

from banscreen.sources import ListStore

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
FIXTURE_LISTS = ("sdn_advanced.xml", "consolidated.csv", "opensanctions.ftm.json")


def import_fixture_lists(home: Path) -> Path:
    store = ListStore(home)
    for name in FIXTURE_LISTS:
        store.import_file(LISTS / name)
    return home
