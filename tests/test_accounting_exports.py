"""Accounting and ERP exports as their users hand them over: QuickBooks, Xero (whose
import templates mark required columns with "*"), Oracle Payables, SAP vendor line items,
NetSuite. Each was refused for want of an `id` column, or read without its vendor's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_column_aliases import screen

LISTED = "Tencent Holdings Ltd"


@pytest.mark.parametrize(
    ("header", "row", "options"),
    [
        ("Date,Transaction Type,Num,Name,Memo/Description,Account,Amount",
         f"03/15/2021,Bill Payment (Check),1042,{LISTED},cloud,Checking,-100.00", ["--date-order", "mdy"]),
        ("*ContactName,EmailAddress,*InvoiceNumber,*InvoiceDate,*DueDate,Total,*Description",
         f"{LISTED},ap@example.com,INV-1,2021-03-15,2021-04-15,100,cloud", []),
        ("Invoice Num,Invoice Date,Supplier Name,Supplier Num,Invoice Amount,Description",
         f"INV-1,15-MAR-2021,{LISTED},S42,100,cloud", []),
        ("Document Number,Posting Date,Vendor,Name 1,Amount in LC,Text",
         f"5100000001,15.03.2021,100234,{LISTED},100,cloud", ["--date-order", "dmy"]),
        ("Internal ID,Date,Type,Document Number,Name,Memo,Amount",
         f"1,3/15/2021,Bill Payment,BP1,{LISTED},cloud,100", ["--date-order", "mdy"]),
    ],
)  # fmt: skip
def test_an_accounting_export_is_screened_as_it_is_exported(
    tmp_path: Path, header: str, row: str, options: list[str]
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    code, out, output = screen(path, "--category", "vendor", *options)
    assert code == 0, output
    (decision,) = out
    assert decision["entity_id"] == "tencent-holdings", decision


def test_a_date_written_day_or_month_first_points_to_date_order(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"Num,Date,Name\n1,03/15/2021,{LISTED}\n2,15.03.2021,{LISTED}\n", "utf-8")
    code, out, _ = screen(path, "--category", "vendor")
    assert code == 0 and all("--date-order" in r["error"] for r in out), out
