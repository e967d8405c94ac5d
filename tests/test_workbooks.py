"""An Excel workbook as the transactions file (surfaces/workbook.py). It was refused whole
("save the sheet as CSV"); now its worksheets of transactions are read as a CSV file's
rows are, its cells as a CSV export would write them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.surfaces.workbook import cell_text

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "banscreen"
    / "data"
    / "samples"
    / "transactions.csv"
)


def screened(path: Path, *options: str) -> tuple[int, list[dict[str, str]], str]:
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet", *options])
    return result.exit_code, list(csv.DictReader(io.StringIO(result.stdout))), result.output


def typed(column: str, value: str) -> object:
    """A CSV cell as a spreadsheet holds it: dates, numbers and booleans typed."""
    if column == "date":
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if column == "us_nexus" and value in ("true", "false"):
        return value == "true"
    if column == "amount":
        try:
            return float(value)
        except ValueError:
            return value
    return value or None


def test_the_sample_as_a_workbook_screens_as_the_csv(tmp_path: Path) -> None:
    # The sample's rows that are UTF-8 (its last is Latin-1 on purpose: no workbook has it).
    lines = []
    for line in SAMPLE.read_bytes().splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    clean = tmp_path / "sample.csv"
    clean.write_text("".join(lines), encoding="utf-8")
    header, *rows = list(csv.reader(io.StringIO("".join(lines))))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([typed(c, v) for c, v in zip(header, row, strict=True)])
    book.save(tmp_path / "sample.xlsx")
    code, expected, _ = screened(clean)
    code_book, got, _ = screened(tmp_path / "sample.xlsx")
    assert code == code_book == 0 and len(got) == len(rows)
    decided = ("id", "outcome", "entity_id", "reasons")
    assert [[r[c] for c in decided] for r in got] == [[r[c] for c in decided] for r in expected]
    # amounts typed as numbers read back as written: 242585.29, not 242585.29000000001
    assert [r["amount"] for r in got] == [cell_text(typed("amount", r["amount"])) for r in expected]


def test_rows_are_numbered_as_the_sheet_shows_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Report of March"])  # a title above the header is not a header
    book.save(tmp_path / "titled.xlsx")
    code, _, output = screened(tmp_path / "titled.xlsx")
    assert code == 2 and "no 'id' column" in output
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Date", "Category", "Counterparty Name"])
    sheet.append([1, dt.datetime(2021, 3, 15), "payment", "腾讯控股有限公司"])
    sheet.append([])  # formatting, not a row
    sheet.append([2, "15/03/2021", "payment", "Acme"])
    book.create_sheet("Notes")["A1"] = "reviewed"
    book.create_sheet("Empty")
    book.save(tmp_path / "book.xlsx")
    result = CliRunner().invoke(app, ["screen", str(tmp_path / "book.xlsx")])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["outcome"] for r in rows] == ["REVIEW", "ERROR"]
    assert rows[1]["error"].startswith("row 3: date:")  # the sheet's row 4
    assert "were not read: 'Notes'" in result.stderr
    assert "'Empty'" not in result.stderr


def test_a_damaged_workbook_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["id", "date", "category", "counterparty_name"])
    book.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    code, rows, output = screened(path)
    assert code == 2 and rows == [] and "not a readable Excel workbook" in output
    with zipfile.ZipFile(tmp_path / "empty.xlsx", "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert screened(tmp_path / "empty.xlsx")[0] == 2


def test_decisions_are_not_written_as_a_workbook(tmp_path: Path) -> None:
    code, _, output = screened(SAMPLE, "--out", str(tmp_path / "out.xlsx"))
    assert code == 2 and "written as .csv, .jsonl or .parquet" in output


@given(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
        st.datetimes(), st.dates(), st.times(), st.text(),
    )
)  # fmt: skip
def test_a_cell_reads_as_a_csv_export_writes_it(value: object) -> None:
    text = cell_text(value)
    assert isinstance(text, str)
    if isinstance(value, bool):
        assert text in ("true", "false")
    elif isinstance(value, dt.datetime) and value.time() == dt.time():
        assert text == value.date().isoformat()
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        assert text == str(int(value)) and float(text) == value


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_spark_and_screen_share_the_reader(tmp_path: Path, suffix: str) -> None:
    """The format is the reader's (surfaces/tabular.py), which every entry point uses."""
    from banscreen.surfaces.tabular import TransactionFile, detect_format

    book = openpyxl.Workbook()
    book.active.append(["id", "date", "category", "counterparty_name"])
    book.active.append(["a", "2021-03-15", "payment", "Tenpay"])
    book.save(tmp_path / f"b{suffix}")
    assert detect_format(tmp_path / f"b{suffix}") == "xlsx"
    (row,) = list(TransactionFile(tmp_path / f"b{suffix}").rows())
    assert row.data["counterparty_name"] == "Tenpay" and row.error is None


def test_a_job_screens_a_workbook(tmp_path: Path, screener: Screener) -> None:
    """POST /v1/jobs?format=xlsx: the same reader as `screen`."""
    from fastapi.testclient import TestClient

    from banscreen.api import create_app
    from banscreen.store import Store

    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    client = TestClient(create_app(store, screener, home=tmp_path / "home"))
    auth = {"Authorization": f"Bearer {store.create_key(['screen'], 'jobs')}"}
    book = openpyxl.Workbook()
    book.active.append(["id", "date", "category", "counterparty_name"])
    book.active.append(["a", dt.datetime(2021, 3, 15), "payment", "Tenpay"])
    book.active.append(["b", "2021-03-15", "payment", "Acme"])
    body = io.BytesIO()
    book.save(body)
    created = client.post("/v1/jobs?format=xlsx", content=body.getvalue(), headers=auth)
    assert created.status_code == 202, created.text
    job_id = created.json()["job_id"]
    for _ in range(600):
        if client.get(f"/v1/jobs/{job_id}", headers=auth).json()["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    decisions = list(
        csv.DictReader(io.StringIO(client.get(f"/v1/jobs/{job_id}/decisions", headers=auth).text))
    )
    assert [(d["id"], d["outcome"]) for d in decisions] == [("a", "REVIEW"), ("b", "CLEAR")]


HEADER = ["id", "date", "category", "counterparty_name", "us_nexus"]


def test_every_worksheet_of_transactions_is_read(tmp_path: Path) -> None:
    """A sheet a month: the first month alone was read, the others' rows lost."""
    book = openpyxl.Workbook()
    book.active.title = "Jan"
    book.active.append(HEADER)
    book.active.append(["1", "2021-03-01", "payment", "Acme Trading", "true"])
    feb = book.create_sheet("Feb")
    feb.append(["Payments, February"])  # a title above this sheet's header
    feb.append([c.upper() for c in HEADER])  # in capitals: the same header
    feb.append(["2", "2021-03-15", "payment", "腾讯控股有限公司", "true"])
    book.create_sheet("Notes")["A1"] = "reviewed"
    book.save(tmp_path / "months.xlsx")
    result = CliRunner().invoke(app, ["screen", str(tmp_path / "months.xlsx")])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and [r["id"] for r in rows] == ["1", "2"]
    assert rows[1]["entity_id"] == "tencent-holdings"
    assert "'Notes'" in result.stderr and "'Feb'" not in result.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_error_in_a_later_sheet_names_the_sheet_and_its_row(
    tmp_path: Path, workers: str
) -> None:
    """Rows are numbered on across sheets: "row 602" alone did not say where to look."""
    book = openpyxl.Workbook()
    book.active.title = "Jan"
    book.active.append(HEADER)
    for i in range(600):
        book.active.append([f"j{i}", "2021-01-05", "payment", f"Acme {i % 7}", "true"])
    feb = book.create_sheet("Feb")
    feb.append(["Payments, February"])
    feb.append(HEADER)
    feb.append(["f1", "2021-02-03", "payment", "Acme 1", "true"])
    feb.append(["f2", "2021-02-30", "payment", "Acme 2", "true"])
    book.save(tmp_path / "months.xlsx")
    code, rows, output = screened(tmp_path / "months.xlsx", "--workers", workers)
    assert code == 0, output
    (error,) = [r for r in rows if r["outcome"] == "ERROR"]
    assert error["id"] == "f2" and error["error"].startswith("row 602 (sheet 'Feb', row 4): date")
    assert not any(r["error"] for r in rows if r["id"].startswith("j"))


def test_a_cover_sheet_before_the_transactions_is_passed_by(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Summary"
    book.active.append(["Vendor payments report"])
    book.active.append(["Period", "March 2021"])
    sheet = book.create_sheet("Transactions")
    sheet.append(HEADER)
    sheet.append(["1", "2021-03-15", "payment", "Tencent Holdings Ltd", "true"])
    book.save(tmp_path / "report.xlsx")
    result = CliRunner().invoke(app, ["screen", str(tmp_path / "report.xlsx")])
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and row["entity_id"] == "tencent-holdings", result.output
    assert "'Summary'" in result.stderr


def test_sheets_of_transactions_under_two_headers_are_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(["1", "2021-03-15", "payment", "Acme", "true"])
    other = book.create_sheet("Vendors")
    other.append(["id", "date", "category", "Vendor Name", "us_nexus"])
    other.append(["2", "2021-03-15", "vendor", "Tencent Holdings Ltd", "true"])
    book.save(tmp_path / "two.xlsx")
    code, rows, output = screened(tmp_path / "two.xlsx")
    assert code == 2 and rows == [] and "'Vendors'" in output and "different headers" in output
