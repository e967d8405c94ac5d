"""A JSON input that is one array of transactions (an API's export, `json.dump` with an
indent) was read as JSON lines: each of its lines an ERROR row, two transactions sixteen
errors and none screened. An array is read item by item, whatever its layout
(surfaces/json_values.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.surfaces import json_values
from banscreen.surfaces.json_values import ArrayError, array_items
from banscreen.surfaces.tabular import TransactionFile

ROWS = [
    {"id": "1", "date": "2021-03-15", "category": "payment", "counterparty_name": "Tencent",
     "us_nexus": "true", "memo": "x"},
    {"id": "2", "date": "2021-03-15", "category": "payment", "counterparty_name": "Acme",
     "us_nexus": True},
]  # fmt: skip


@pytest.mark.parametrize("indent", [None, 2])
def test_an_array_of_rows_is_read_row_by_row(tmp_path: Path, indent: int | None) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(ROWS, indent=indent), encoding="utf-8")
    source = TransactionFile(path)
    rows = list(source.rows())
    assert [(r.number, r.data.get("id"), r.error) for r in rows] == [(1, "1", None), (2, "2", None)]
    assert "memo" in (source.header or [])  # the first item's keys are the columns


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ('[{"id": "1"}, {"id": "2"', 1),  # cut off
        ('[{"id": "1"}, {"id": "2"}]\n{"id": "3"}\n', 2),  # a row after the array
        ('[{"id": "1"} {"id": "2"}]', 1),  # no comma
    ],
)
def test_an_array_that_stops_being_one_ends_in_an_error_row(
    tmp_path: Path, text: str, read: int
) -> None:
    path = tmp_path / "rows.json"
    path.write_text(text, encoding="utf-8")
    rows = list(TransactionFile(path).rows())
    assert [r.data.get("id") for r in rows[:read]] == [str(i + 1) for i in range(read)]
    assert len(rows) == read + 1 and rows[-1].error is not None
    assert "from here on" in str(rows[-1].error)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(
    items=st.lists(_VALUES, max_size=12),
    indent=st.sampled_from([None, 0, 2]),
    chunk=st.sampled_from([1, 3, 7, 1 << 16]),
)
def test_any_array_is_read_back_item_by_item(
    items: list[object], indent: int | None, chunk: int
) -> None:
    """Whatever the layout, and wherever the reads cut it (an item over many reads)."""
    text = json.dumps(items, indent=indent, ensure_ascii=False)
    with patch.object(json_values, "_CHUNK", chunk):
        assert list(array_items(io.StringIO(text))) == items


def test_what_is_not_an_array_is_refused() -> None:
    with pytest.raises(ArrayError):
        list(array_items(io.StringIO('{"id": "1"}')))
