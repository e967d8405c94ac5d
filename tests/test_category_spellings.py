"""A category written as a person writes it ("App Distribution", "transit-peering", "Code
Use") is its id: it was an ERROR. Nothing else is guessed: "payments", "wire" stay ERRORs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import screened_rows

DECISION = ("outcome", "programs", "entity_id", "score", "method", "path", "reasons", "error")


def _screen(tmp_path: Path, categories: list[str]) -> list[dict[str, str]]:
    rows = [f"{i},2020-11-15,{c},Tenpay,CN,,true," for i, c in enumerate(categories)]
    return list(screened_rows(tmp_path, rows).values())


@pytest.mark.parametrize(
    ("written", "category"),
    [
        ("App Distribution", "app_distribution"),
        ("app-update", "app_update"),
        ("Transit - Peering", "transit_peering"),
        ("CODE USE", "code_use"),
        (" Payment ", "payment"),
    ],
)
def test_a_category_written_with_spaces_or_hyphens_is_its_id(
    tmp_path: Path, written: str, category: str
) -> None:
    spelt, plain = _screen(tmp_path, [written, category])
    assert spelt["outcome"] != "ERROR", spelt
    assert [spelt[c] for c in DECISION] == [plain[c] for c in DECISION]


@pytest.mark.parametrize("written", ["payments", "wire", "app distribution x", "code__use"])
def test_another_category_is_still_an_error(tmp_path: Path, written: str) -> None:
    (row,) = _screen(tmp_path, [written])
    assert row["outcome"] == "ERROR" and "category" in row["error"]
