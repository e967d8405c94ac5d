"""A quoted field left open ("paid in full, with no closing quote) ran, by CSV's rules,
over every line after it: a file of four rows screened as one, the rows after the quote
gone into one field of the first. A record read over a line that is a whole row on its own
is now taken for an open quote (surfaces/csv_records.py): its first line is an ERROR row
naming the row, and the lines after it are read as the rows they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.surfaces.tabular import TransactionFile

HEADER = (
    "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text"
)


def _rows(path: Path) -> list[tuple[int, str, str | None]]:
    return [
        (raw.number, raw.data.get("id", ""), None if raw.error is None else str(raw.error))
        for raw in TransactionFile(path).rows()
    ]


def test_an_open_quote_swallows_no_row(tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text(
        f"{HEADER}\n"
        '1,2021-03-15,payment,Acme,US,,true,"paid in full\n'
        "2,2021-03-15,payment,Tencent,CN,,true,\n"
        '3,2021-03-15,payment,Alipay,CN,,true,"closed"\n'
        "4,2021-03-15,payment,Beta,US,,true,ok\n",
        encoding="utf-8",
    )
    rows = _rows(path)
    assert [(n, i) for n, i, _ in rows] == [(1, "1"), (2, "2"), (3, "3"), (4, "4")]
    assert rows[0][2] is not None and "not closed" in rows[0][2]
    assert all(error is None for *_, error in rows[1:])


def test_a_quoted_field_that_holds_line_breaks_is_one_row(tmp_path: Path) -> None:
    path = tmp_path / "breaks.csv"
    path.write_text(
        f"{HEADER}\n"
        '1,2021-03-15,payment,Acme,US,,true,"Invoice 5\nthank you, again\nregards"\n'
        "2,2021-03-15,payment,Beta,US,,true,ok\n",
        encoding="utf-8",
    )
    (first, second) = list(TransactionFile(path).rows())
    assert first.error is None and first.data["text"] == "Invoice 5\nthank you, again\nregards"
    assert second.data["id"] == "2"


_WORD = st.text(alphabet="abcdefghij XYZ", min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_WORD, min_size=2, max_size=8), opened=st.data())
def test_every_line_is_one_row_whichever_row_opens_a_quote(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], opened: st.DataObject
) -> None:
    """One row's text opens a quote it never closes: every line is still one row, in order."""
    at = opened.draw(st.integers(0, len(texts) - 1))
    quote = ['"' if i == at else "" for i in range(len(texts))]
    lines = [HEADER] + [
        f"r{i},2021-03-15,payment,Acme,US,,true,{quote[i]}{text}" for i, text in enumerate(texts)
    ]
    path = tmp_path_factory.mktemp("open") / "rows.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [i for _, i, _ in _rows(path)] == [f"r{i}" for i in range(len(texts))]
