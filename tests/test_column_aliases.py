"""A file whose columns carry another export's names (`Payee`, `Verwendungszweck`,
`交易对方`) is read as the contract's columns, or refused with a pointer to `--columns`;
never screened without its payees' names. A file headed `id,date,category,payee,...,text`
came back CLEAR for a listed payee: the payee was never read, the row decided on its text."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.errors import InputError
from banscreen.registry import Registry
from banscreen.surfaces.columns import aliases, parse_columns, read_header
from banscreen.surfaces.header import fold
from banscreen.surfaces.tabular import TransactionFile

runner = CliRunner()
LISTED = "Tencent Holdings Ltd"  # a subsidiary of the named apps' developers (shipped pack)


def screen(path: Path, *options: str) -> tuple[int, list[dict[str, str]], str]:
    result = runner.invoke(app, ["screen", str(path), "--quiet", *options])
    rows = list(csv.DictReader(result.stdout.splitlines())) if result.exit_code == 0 else []
    return result.exit_code, rows, result.output


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_a_payee_column_is_screened_as_the_counterparty(tmp_path: Path) -> None:
    path = write(
        tmp_path / "payees.csv",
        [
            "id,date,category,payee,country,us_nexus,text",
            f"1,2021-03-15,payment,{LISTED},CN,true,Invoice 2231",
            "2,2021-03-15,payment,Northwind Traders,US,true,Invoice 2232",
        ],
    )
    code, rows, _ = screen(path)
    assert code == 0
    assert [r["outcome"] for r in rows] == ["REVIEW", "CLEAR"]
    assert rows[0]["entity_id"] == "tencent-holdings"
    # The user's own columns are still carried to the output.
    assert (rows[0]["payee"], rows[0]["country"]) == (LISTED, "CN")


def test_a_wechat_bill_header_is_read(tmp_path: Path) -> None:
    # WeChat Pay's bill export: 交易对方 is the counterparty, 商品 and 备注 free text.
    path = write(
        tmp_path / "bill.csv",
        [
            "交易时间,交易类型,交易对方,商品,收/支,金额(元),交易单号,备注,category,us_nexus",
            "2021-03-15 09:03:00,商户消费,Northwind Traders,会员,支出,12.00,4200001,,payment,true",
            "2021-03-15 10:00:00,商户消费,Northwind Traders,充值,支出,12.00,4200002,"
            "支付宝 转账,payment,true",
            f"2021-03-15 11:00:00,转账,{LISTED},x,支出,9.00,4200003,,payment,true",
        ],
    )
    code, rows, _ = screen(path)
    assert code == 0
    assert [r["id"] for r in rows] == ["4200001", "4200002", "4200003"]
    assert rows[0]["outcome"] == "CLEAR"
    assert rows[1]["outcome"] != "CLEAR"  # the wallet named in 备注, joined to the text
    assert rows[2]["entity_id"] == "tencent-holdings"


def test_a_german_statement_with_semicolons_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "umsaetze.csv",
        [
            "Transaction ID;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;"
            "Beguenstigter/Zahlungspflichtiger;Betrag;category;us_nexus",
            f"A1;2021-03-15;2021-03-16;UEBERWEISUNG;Rechnung 7;{LISTED};-10,00;payment;true",
        ],
    )
    code, rows, _ = screen(path)
    assert code == 0, rows
    assert rows[0]["id"] == "A1" and rows[0]["entity_id"] == "tencent-holdings"


def test_a_payee_and_a_payer_are_refused_until_columns_says_which(tmp_path: Path) -> None:
    path = write(
        tmp_path / "both.csv",
        [
            "id,date,category,payer,payee,us_nexus,text",
            f"1,2021-03-15,payment,Northwind Traders,{LISTED},true,",
        ],
    )
    code, _, output = screen(path)
    assert code == 2 and "--columns counterparty_name=" in output
    code, rows, _ = screen(path, "--columns", "counterparty_name=Payee")
    assert code == 0 and rows[0]["entity_id"] == "tencent-holdings"
    code, rows, _ = screen(path, "--columns", "counterparty_name=payer")
    assert code == 0 and rows[0]["outcome"] == "CLEAR"


def test_a_column_that_may_hold_names_is_never_left_unread(tmp_path: Path) -> None:
    path = write(
        tmp_path / "unknown.csv",
        [
            "id,date,category,Nom du client,us_nexus,text",
            f"1,2021-03-15,payment,{LISTED},true,Invoice 7",
        ],
    )
    code, _, output = screen(path)
    assert code == 2 and "'Nom du client' may hold the counterparty's name" in output
    code, rows, _ = screen(path, "--columns", "counterparty_name=nom du client")
    assert code == 0 and rows[0]["entity_id"] == "tencent-holdings"
    # Said on purpose: screened without names (on its text).
    code, rows, _ = screen(path, "--columns", "counterparty_name=")
    assert code == 0 and rows[0]["outcome"] == "CLEAR"


def test_a_file_of_identifiers_alone_is_still_screened(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ids.csv",
        [
            "id,date,category,counterparty_identifiers,us_nexus,amount",
            "1,2021-03-15,payment,domain:pay.weixin.qq.com,true,12",
        ],
    )
    code, rows, _ = screen(path)
    assert code == 0 and rows[0]["outcome"] != "CLEAR"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (["payee=Payee"], "expected INPUT_COLUMN=HEADER"),
        (["counterparty_name"], "expected INPUT_COLUMN=HEADER"),
        (["text=a", "text=b"], "names text twice"),
    ],
)
def test_columns_option_errors(given: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_columns(given)


def test_columns_option_names_a_column_the_file_lacks(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", ["id,date,category,payee,us_nexus", "1,2021-03-15,x,y,true"])
    code, _, output = screen(path, "--columns", "counterparty_name=Vendor")
    assert code == 2 and "no such column" in output
    path = write(
        tmp_path / "b.csv",
        ["id,date,category,counterparty_name,payee,us_nexus", "1,2021-03-15,x,y,z,true"],
    )
    code, _, output = screen(path, "--columns", "counterparty_name=payee")
    assert code == 2 and "has a counterparty_name column too" in output


def test_the_contracts_own_column_wins_over_an_alias(tmp_path: Path) -> None:
    path = write(
        tmp_path / "own.csv",
        [
            "id,date,category,counterparty_name,payee,us_nexus,text,memo",
            f"1,2021-03-15,payment,Northwind Traders,{LISTED},true,,paid via Alipay",
        ],
    )
    code, rows, _ = screen(path)
    assert code == 0 and rows[0]["outcome"] == "CLEAR"
    assert rows[0]["payee"] == LISTED and rows[0]["memo"] == "paid via Alipay"


def test_json_lines_and_parquet_keys_are_read_alike(tmp_path: Path) -> None:
    record = {"Transaction ID": "9", "Value Date": "2021-03-15", "category": "payment",
              "Beneficiary Name": LISTED, "us_nexus": "true", "Narrative": "x"}  # fmt: skip
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    parquet = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([record]), parquet)
    spelt = tmp_path / "spelt.jsonl"  # the contract's names as a spreadsheet spells them
    spelled = {"ID": "9", "Date": "2021-03-15", "Category": "payment",
               "Counterparty Name": LISTED, "US Nexus": "true"}  # fmt: skip
    spelt.write_text(json.dumps(spelled) + "\n", encoding="utf-8")
    for path in (jsonl, parquet, spelt):
        code, rows, output = screen(path)
        assert code == 0, output
        assert (rows[0]["id"], rows[0]["entity_id"]) == ("9", "tencent-holdings"), path.name


def test_an_alias_past_the_extra_column_cap_is_still_read(tmp_path: Path) -> None:
    from banscreen.tunables import MAX_EXTRA_COLUMNS

    filler = [f"x{i}" for i in range(MAX_EXTRA_COLUMNS + 5)]
    header = ["id", "date", "category", "us_nexus", *filler, "Payee"]
    row = ["1", "2021-03-15", "payment", "true", *([""] * len(filler)), LISTED]
    path = write(tmp_path / "wide.csv", [",".join(header), ",".join(row)])
    code, rows, _ = screen(path)
    assert code == 0 and rows[0]["entity_id"] == "tencent-holdings"


def test_every_alias_is_unique_and_names_an_input_column() -> None:
    table = aliases().by_name
    assert len(table) > 150
    assert all(fold(name) == name for name in table)


names_of_payees = sorted(n for n, a in aliases().by_name.items() if a.column == "counterparty_name")


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(names_of_payees),
    spelling=st.sampled_from([str.upper, str.title, str.lower, lambda s: s.replace("_", " ")]),
)
def test_any_payee_alias_in_any_spelling_is_read_as_the_counterparty(
    tmp_path_factory: pytest.TempPathFactory, name: str, spelling: object
) -> None:
    assert callable(spelling)
    cell = spelling(name)
    path = tmp_path_factory.mktemp("alias") / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "category", cell, "us_nexus", "text"])
        writer.writerow(["1", "2021-03-15", "payment", LISTED, "true", "t"])
    source = TransactionFile(path)
    (row,) = list(source.rows())
    assert row.data["counterparty_name"] == LISTED
    assert cell.strip() in (source.header or [])  # carried to the output as written


def test_text_aliases_are_joined_a_line_each() -> None:
    header = read_header(["id", "Description", "Memo", "Purpose"], {}, "f")
    data = {"id": "1", "Description": "a", "Memo": "", "Purpose": "c"}
    header.fill(data)
    assert data["text"] == "a\nc"


def test_the_api_reads_fields_under_other_names_as_files_are_read(
    tmp_path: Path, registry: Registry
) -> None:
    pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")
    from fastapi.testclient import TestClient

    from banscreen.api import create_app
    from banscreen.engine import Screener
    from banscreen.store import Store

    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    client = TestClient(create_app(store, Screener(registry)))
    auth = {"Authorization": f"Bearer {store.create_key(['screen'])}"}
    base = {"id": "1", "date": "2021-03-15", "category": "payment", "us_nexus": "true"}
    sent = client.post("/v1/screen", json={**base, "payee": LISTED, "memo": "Invoice 7"},
                       headers=auth)  # fmt: skip
    assert sent.status_code == 200, sent.text
    assert sent.json()["entity_id"] == "tencent-holdings" and sent.json()["payee"] == LISTED
    both = client.post("/v1/screen", json={**base, "payee": LISTED, "payer": "Northwind"},
                       headers=auth)  # fmt: skip
    assert both.status_code == 422 and "counterparty_name" in both.text
    # A job reads its file as `screen` does, `columns` as --columns.
    body = f"id,date,category,payer,payee,us_nexus\n1,2021-03-15,payment,Northwind,{LISTED},true\n"
    refused = _job(client, auth, body, "")
    assert refused["status"] == "failed" and "counterparty_name" in refused["error"]
    chosen = _job(client, auth, body, "?columns=counterparty_name=payee")
    assert chosen["status"] == "done", chosen
    decided = client.get(f"/v1/jobs/{chosen['job_id']}/decisions", headers=auth).text
    assert "tencent-holdings" in decided
    bad = client.post("/v1/jobs?columns=payee", content=body.encode(), headers=auth)
    assert bad.status_code == 422 and "INPUT_COLUMN=HEADER" in bad.text


def _job(client: Any, auth: dict[str, str], body: str, query: str) -> dict[str, Any]:
    import time

    job_id = client.post(f"/v1/jobs{query}", content=body.encode(), headers=auth).json()["job_id"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/v1/jobs/{job_id}", headers=auth).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError("job did not finish")


@pytest.mark.parametrize("cell", ["Company", "客户名称", "Empfänger Name", "Client", "会社"])
def test_other_columns_that_may_hold_a_name_are_refused_too(tmp_path: Path, cell: str) -> None:
    path = write(
        tmp_path / "party.csv",
        [f"id,date,category,{cell},us_nexus,text", f"1,2021-03-15,payment,{LISTED},true,x"],
    )
    code, _, output = screen(path)
    assert code == 2 and "may hold the counterparty's name" in output


def test_a_column_of_other_categories_is_left_unread_on_purpose(tmp_path: Path) -> None:
    """A bank's export has a Category column of its own spending categories ("Bills"): every
    row was an ERROR, and neither --category nor --columns got past it."""
    path = write(tmp_path / "monzo.csv", [
        "Transaction ID,Date,Time,Type,Name,Category,Amount",
        f"tx_1,2021-03-15,10:00:00,Card payment,{LISTED},Bills,-10.00",
    ])  # fmt: skip
    code, (row,), _ = screen(path, "--category", "payment")
    assert code == 0 and row["outcome"] == "ERROR" and "unknown category" in row["error"]
    code, (row,), _ = screen(path, "--category", "payment", "--columns", "category=")
    assert code == 0 and row["outcome"] == "REVIEW" and row["Category"] == "Bills", row
    path = write(tmp_path / "own.csv", ["id,date,category,counterparty_name",
                                        f"1,2021-03-15,Bills,{LISTED}"])  # fmt: skip
    code, (row,), _ = screen(path, "--category", "payment", "--columns", "category=")
    assert code == 0 and row["outcome"] == "REVIEW" and row["category (not read)"] == "Bills"
