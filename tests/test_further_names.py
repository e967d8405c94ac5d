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


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("Counterparty,Payee", f",{LISTED}"),  # a neutral column empty on the row
        ("交易对方,收款人名称", f",{LISTED}"),
        ("Payee,Name", f",{LISTED}"),  # a neutral column after a payee's
        ("Counterparty,Payee", f"Acme Trading,{LISTED}"),
    ],
)
def test_a_neutral_name_column_and_one_sides_are_read_in_turn(
    tmp_path: Path, header: str, cells: str
) -> None:
    path = write(tmp_path / "tx.csv", f"id,date,category,{header},us_nexus\n"
                                      f"1,2021-03-15,vendor,{cells},true\n")  # fmt: skip
    code, (row,), _ = screen(path)
    assert code == 0 and row["entity_id"] == "tencent-holdings", row


def test_an_empty_neutral_column_beside_both_sides_is_an_error(tmp_path: Path) -> None:
    """Payee and Payer beside an empty Counterparty: either may be the counterparty, so
    the row is an ERROR naming them, not screened without a name; a filled Counterparty is
    read, and the account holder's own name is not screened on every row."""
    path = write(tmp_path / "tx.csv", "id,date,category,Counterparty,Payee,Payer,us_nexus,text\n"
                                      f"1,2021-03-15,vendor,,{LISTED},Acme,true,rent\n"
                                      f"2,2021-03-15,vendor,Acme,{LISTED},Acme,true,rent\n"
                                      "3,2021-03-15,vendor,,,,true,rent\n")  # fmt: skip
    for workers in ("1", "2"):
        code, rows, _ = screen(path, "--workers", workers)
        assert [r["outcome"] for r in rows] == ["ERROR", "CLEAR", "CLEAR"], rows
        assert "'Payee' and 'Payer'" in rows[0]["error"] and "--columns" in rows[0]["error"]
        assert code == 0
