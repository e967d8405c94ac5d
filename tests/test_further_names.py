"""A file with more than one column naming the counterparty, of one side: an ERP's vendor
payments with `Vendor` (a number) and `Vendor Name`, `Supplier` and `Supplier Name`, or a
`Payee` and a `Beneficiary Name`. The first alias alone was read: every row paying a listed
vendor was CLEAR, its name in a column never screened. Each further name is now screened as
a party named by its column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banscreen.errors import FieldError
from banscreen.surfaces.rows import FURTHER_NAMES, RowParser, further_names, parse_row
from test_column_aliases import screen

LISTED = "Tencent Holdings Ltd"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("Vendor,Vendor Name", f"100234,{LISTED}"),
        ("Supplier,Supplier Name", f"S-0042,{LISTED}"),
        ("Payee,Beneficiary Name", f"Acme Trading,{LISTED}"),
        ("Payee,Beneficiary Name", f"{LISTED},Acme Trading"),
    ],
)
def test_every_name_column_of_the_counterparty_is_screened(
    tmp_path: Path, header: str, cells: str
) -> None:
    path = write(tmp_path / "ap.csv", f"Invoice Number,Invoice Date,{header},Description\n"
                                      f"INV-1,2021-03-15,{cells},services\n")  # fmt: skip
    code, (row,), _ = screen(path, "--category", "vendor")
    assert code == 0 and row["entity_id"] == "tencent-holdings", row
    assert row[header.split(",")[0]] == cells.split(",")[0]  # the columns are carried as given


def test_the_further_name_is_the_evidence_of_its_column(tmp_path: Path) -> None:
    path = write(tmp_path / "ap.csv", "Invoice Number,Invoice Date,Vendor,Vendor Name\n"
                                      f"INV-1,2021-03-15,100234,{LISTED}\n")  # fmt: skip
    out = tmp_path / "out.jsonl"
    code, _, output = screen(path, "--category", "vendor", "--out", str(out))
    assert code == 0, output
    (decision,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    fields = {m["field"] for m in decision["matches"]}
    assert "Vendor Name" in fields, decision["matches"]


def test_repeated_vendors_with_other_names_are_each_decided(tmp_path: Path) -> None:
    lines = ["Invoice Number,Invoice Date,Vendor,Vendor Name"]
    lines += [f"INV-{i},2021-03-15,100234,{LISTED if i % 3 == 0 else 'Acme Supplies'}"
              for i in range(300)]  # fmt: skip
    path = write(tmp_path / "ap.csv", "\n".join(lines) + "\n")
    for workers in ("1", "2"):
        code, out, _ = screen(path, "--category", "vendor", "--workers", workers)
        assert code == 0
        hits = {r["Invoice Number"] for r in out if r["entity_id"] == "tencent-holdings"}
        assert hits == {f"INV-{i}" for i in range(0, 300, 3)}, workers


def test_a_name_given_twice_is_one_party_and_an_empty_one_none(tmp_path: Path) -> None:
    row = {"id": "1", "date": "2021-03-15", "category": "vendor", "us_nexus": "true"}
    assert parse_row(row).parties == ()
    assert parse_row({**row, FURTHER_NAMES: f"Vendor Name\x1f{LISTED}"}).parties == (
        ("Vendor Name", LISTED),
    )
    parser = RowParser()
    first = parser({**row, "counterparty_name": "100234", FURTHER_NAMES: "Vendor Name\x1fAcme"})
    second = parser({**row, "counterparty_name": "100234"})
    assert first.parties == (("Vendor Name", "Acme"),) and second.parties == ()
    path = write(tmp_path / "ap.csv", "id,date,category,Payee,Beneficiary Name,us_nexus\n"
                                      "1,2021-03-15,vendor,Acme,ACME ,true\n"
                                      "2,2021-03-15,vendor,,,true\n")  # fmt: skip
    code, out, _ = screen(path)
    assert code == 0 and [r["outcome"] for r in out] == ["CLEAR", "ERROR"]


def test_an_overlong_further_name_is_an_error_naming_its_column() -> None:
    with pytest.raises(FieldError, match="characters") as raised:
        further_names("Vendor Name\x1f" + "x" * 100_000)
    assert raised.value.field == "Vendor Name"
