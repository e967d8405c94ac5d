"""A bank statement as banks export it: no category column, dates written day first
(`15.03.2021`) or month first (`03/15/2021`). Every row was an ERROR; `--category` gives
the rows that carry none theirs, and `--date-order dmy|mdy` says how the file writes its
dates, so neither is a guess."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.registry import Registry
from banscreen.surfaces.written_dates import ordered

runner = CliRunner()
LISTED = "Tencent Holdings Ltd"
STATEMENT = (
    "Transaction ID;Buchungstag;Verwendungszweck;Beguenstigter/Zahlungspflichtiger;Betrag\n"
    f"A1;15.03.2021;Rechnung 7;{LISTED};-10,00\n"
    "A2;16.03.2021;Miete;Northwind Traders;-900,00\n"
    f"A3;01.02.2021;Rechnung 8;{LISTED};-10,00\n"
)


def screen(path: Path, *options: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["screen", str(path), "--quiet", *options])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(result.stdout.splitlines()))


def test_a_statement_is_errors_until_its_category_and_date_order_are_given(
    tmp_path: Path,
) -> None:
    path = tmp_path / "umsaetze.csv"
    path.write_text(STATEMENT, encoding="utf-8")
    assert {r["outcome"] for r in screen(path)} == {"ERROR"}
    rows = screen(path, "--category", "Payment", "--date-order", "dmy")
    assert [r["outcome"] for r in rows] == ["REVIEW", "CLEAR", "CLEAR"]
    # 1 February 2021 is before EO 13971 took effect: dated as written, not as a guess.
    assert "NOT_YET_EFFECTIVE" in rows[2]["reasons"]
    # Read month first, 15.03.2021 is no date: an ERROR naming it as written.
    rows = screen(path, "--category", "payment", "--date-order", "mdy")
    assert rows[0]["outcome"] == "ERROR" and "'15.03.2021'" in rows[0]["error"]
    # 01.02.2021 read as 2 January 2021: also before the order, and no error.
    assert rows[2]["outcome"] == "CLEAR" and "NOT_YET_EFFECTIVE" in rows[2]["reasons"]


def test_a_category_given_applies_only_to_rows_without_one(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "id,date,category,counterparty_name,us_nexus\n"
        f"1,2021-03-15,,{LISTED},true\n2,2021-03-15,nope,{LISTED},true\n",
        encoding="utf-8",
    )
    rows = screen(path, "--category", "payment")
    assert [r["outcome"] for r in rows] == ["REVIEW", "ERROR"]
    result = runner.invoke(app, ["screen", str(path), "--category", "banking"])
    assert result.exit_code == 2 and "--category" in result.output


@given(
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    year=st.integers(1990, 2098),
    separator=st.sampled_from([".", "/", "-"]),
)
def test_a_date_in_the_order_given_is_the_same_day(
    day: int, month: int, year: int, separator: str
) -> None:
    iso = f"{year}-{month:02d}-{day:02d}"
    assert ordered(f"{day}{separator}{month}{separator}{year}", "dmy") == iso
    assert ordered(f"{month:02d}{separator}{day:02d}{separator}{year} 9:30", "mdy") == iso
    assert ordered(iso, "dmy") is None  # an ISO date is read as it is


@pytest.mark.parametrize("text", ["31.02.2021", "13/13/2021", "1.2.21", "15.03.2021x"])
def test_what_is_no_date_in_that_order_stays_as_written(text: str) -> None:
    assert ordered(text, "dmy") is None


def test_a_job_takes_the_category_and_the_date_order(tmp_path: Path, registry: Registry) -> None:
    pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")
    import time

    from fastapi.testclient import TestClient

    from banscreen.api import create_app
    from banscreen.engine import Screener
    from banscreen.store import Store

    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    client = TestClient(create_app(store, Screener(registry)))
    auth = {"Authorization": f"Bearer {store.create_key(['screen'])}"}
    query = "?category=payment&date_order=dmy"
    posted = client.post(f"/v1/jobs{query}", content=STATEMENT.encode(), headers=auth)
    job_id = posted.json()["job_id"]
    deadline = time.monotonic() + 60
    while client.get(f"/v1/jobs/{job_id}", headers=auth).json()["status"] not in ("done", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    text = client.get(f"/v1/jobs/{job_id}/decisions", headers=auth).text
    decided = list(csv.DictReader(text.splitlines()))
    assert [r["outcome"] for r in decided] == ["REVIEW", "CLEAR", "CLEAR"]
    bad = client.post("/v1/jobs?category=banking", content=STATEMENT.encode(), headers=auth)
    assert bad.status_code == 422


# A WeChat Pay bill as WeChat exports it: a title, the account, the period and the totals
# above the header, and the bill's own column names (交易对方, 交易单号, 商品, 备注).
BILL_PREAMBLE = [
    "微信支付账单明细,,,,,,,,,,",
    "微信昵称：[某某],,,,,,,,,,",
    "起始时间：[2021-03-01 00:00:00] 终止时间：[2021-03-31 23:59:59],,,,,,,,,,",
    "导出类型：[全部],,,,,,,,,,",
    ",,,,,,,,,,",
    "共3笔记录,,,,,,,,,,",
    "----------------------微信支付账单明细列表--------------------,,,,,,,,,,",
]
BILL = [
    "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注",
    "2021-03-15 09:03:00,商户消费,Northwind Traders,会员,支出,¥12.00,零钱,支付成功,4200001,M1,/",
    f"2021-03-15 10:00:00,转账,{LISTED},转账,支出,¥9.00,零钱,支付成功,4200002,M2,/",
    "2021-03-16 11:00:00,商户消费,某某便利店,支付宝 充值,支出,¥5.00,零钱,支付成功,4200003,M3,/",
]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_a_bill_with_lines_above_its_header_is_read_from_its_header(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "bill.csv"
    path.write_bytes("\n".join([*BILL_PREAMBLE, *BILL, ""]).encode(encoding))
    result = runner.invoke(app, ["screen", str(path), "--category", "payment"])
    assert result.exit_code == 0, result.output
    assert "the header is line 8" in result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [(r["id"], r["outcome"]) for r in rows] == [
        ("4200001", "CLEAR"), ("4200002", "REVIEW"), ("4200003", "REVIEW")
    ]  # fmt: skip
    assert rows[1]["entity_id"] == "tencent-holdings" and "PAID_VIA_NAMED_APP" in rows[2]["reasons"]


def test_a_worksheet_with_title_rows_is_read_from_its_header(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Kontoauszug"], ["Konto", "DE00 1234"], [],
                ["Transaction ID", "Booking Date", "category", "Beneficiary", "us_nexus"],
                ["T1", "2021-03-15", "payment", LISTED, "true"]):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "statement.xlsx")
    rows = screen(tmp_path / "statement.xlsx")
    assert [(r["id"], r["entity_id"]) for r in rows] == [("T1", "tencent-holdings")]


def test_lines_above_a_header_are_skipped_only_for_a_header(tmp_path: Path) -> None:
    """No line names `id` and two more input columns: the first line is the header, and a
    file without an id column is still refused, showing how its first line was read."""
    path = tmp_path / "none.csv"
    path.write_text("Report\nname,amount\nTencent,1\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 2 and "no 'id' column" in result.output
