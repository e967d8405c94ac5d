"""The Spark job gives exactly the single-machine decisions (local mode, Java 17)."""

from __future__ import annotations

from pathlib import Path

import opencc
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.surfaces.tabular import TransactionFile

pytest.importorskip("pyspark", reason="the spark extra (pip install 'banscreen[spark]')")
runner = CliRunner()


def _text(value: object) -> object:
    # Parquet text must be valid UTF-8: the sample's undecodable Latin-1 byte becomes U+FFFD.
    return value.encode("utf-8", "replace").decode() if isinstance(value, str) else value


@pytest.fixture(scope="module")
def transactions(sample_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = TransactionFile(sample_csv)
    source.open_header()
    header = source.header or []
    rows = [{c: _text(r.data.get(c)) for c in header} for r in source.rows()]
    rows += [
        {**rows[0], "id": "bad-date", "date": "31/02/2021"},
        {**rows[1], "id": "", "category": "nope"},
    ]
    path = tmp_path_factory.mktemp("spark") / "transactions.parquet"
    pq.write_table(pa.Table.from_pylist(rows * 3), path, row_group_size=100)
    return path


def test_spark_screen_equals_the_single_machine_screen(transactions: Path, tmp_path: Path) -> None:
    single = tmp_path / "single.parquet"
    assert (
        runner.invoke(
            app,
            [
                "screen",
                str(transactions),
                "--out",
                str(single),
                "--quiet",
                "--policy",
                "anticipate",
            ],
        ).exit_code
        == 0
    )
    spark_out = tmp_path / "spark-out"
    result = runner.invoke(
        app,
        [
            "spark-screen",
            str(transactions),
            str(spark_out),
            "--master",
            "local[2]",
            "--policy",
            "anticipate",
        ],
    )
    assert result.exit_code == 0, result.output
    expected = pq.read_table(single).to_pylist()
    got = pq.read_table(spark_out).to_pylist()
    assert len(got) == len(expected) == pq.read_metadata(transactions).num_rows
    assert got == expected  # same rows, same order, same columns, same error row numbers
    errors = [r for r in got if r["outcome"] == "ERROR"]
    assert errors and all(r["error"].startswith("row ") for r in errors)
    assert {r["outcome"] for r in got} >= {"BLOCK", "REVIEW", "CLEAR", "ERROR"}


CHINESE_ROWS = (
    "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,"
    "us_nexus,text\n"
    "1,2021-03-15,payment,财付通支付科技有限公司,CN,,true,\n"
    "2,2021-03-15,payment,腾讯控股有限公司,CN,,true,微信支付 付款\n"
    "3,2021-03-15,payment,支付宝（杭州）信息技术有限公司,CN,,true,\n"
    '4,2021-03-15,payment,"騰訊控股, 有限公司",HK,,true,"a ""quoted"" note"\n'
    "5,2021-02-30,payment,Acme,US,,true,\n"
    "6,2021-03-15,payment,only,four\n"
)


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "sample"])
def test_spark_screen_reads_csv_as_screen_does(
    encoding: str, sample_csv: Path, tmp_path: Path
) -> None:
    """CSV goes through `screen`'s own reader: detected encodings, undecodable bytes and
    malformed records give the same decisions, row for row (Spark's CSV reader read a
    GB18030 file as broken UTF-8 and cleared every row)."""
    if encoding == "sample":  # the shipped sample: UTF-8 with one undecodable byte
        source = sample_csv
    else:
        source = tmp_path / f"{encoding}.csv"
        # Big5 holds traditional characters only.
        text = opencc.OpenCC("s2t").convert(CHINESE_ROWS) if encoding == "big5" else CHINESE_ROWS
        source.write_bytes(text.encode(encoding))
    single = tmp_path / "single.parquet"
    result = runner.invoke(app, ["screen", str(source), "--out", str(single), "--quiet"])
    assert result.exit_code in (0, 1), result.output
    spark_out = tmp_path / "spark-out"
    result = runner.invoke(
        app, ["spark-screen", str(source), str(spark_out), "--master", "local[2]"]
    )
    assert result.exit_code == 0, result.output
    expected = pq.read_table(single).to_pylist()
    got = pq.read_table(spark_out).to_pylist()
    assert got == expected
    if encoding != "sample":
        outcomes = [r["outcome"] for r in got]
        assert outcomes[:4] == ["REVIEW"] * 4, got
        assert outcomes[4:] == ["ERROR", "ERROR"]
    else:
        assert any(r["outcome"] == "ERROR" and "encoding" in r["error"] for r in got)


def test_spark_screen_takes_an_encoding(tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes(
        CHINESE_ROWS.split("\n")[0].encode() + b"\n7,2021-03-15,payment,Caf\xe9 Tencent,FR,,true,\n"
    )
    spark_out = tmp_path / "spark-out"
    result = runner.invoke(
        app,
        ["spark-screen", str(source), str(spark_out), "--master", "local[2]",
         "--encoding", "latin-1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (row,) = pq.read_table(spark_out).to_pylist()
    assert row["outcome"] != "ERROR", row


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_spark_screen_reads_columns_under_other_names_as_screen_does(
    suffix: str, tmp_path: Path
) -> None:
    """A `Payee` column, a `Memo`, a `--columns` choice, `--date-order` and `--category`:
    `spark-screen` reads them as `screen` does, from a staged CSV and from Parquet straight
    into Spark."""
    rows = [
        {"Transaction ID": "1", "date": "2021-03-15", "category": "payment",
         "Payee": "Tencent Holdings Ltd", "Payer": "Northwind", "us_nexus": "true", "Memo": ""},
        {"Transaction ID": "2", "date": "2021-03-15", "category": "payment",
         "Payee": "Northwind Traders", "Payer": "Northwind", "us_nexus": "true",
         "Memo": "paid via Alipay"},
        {"Transaction ID": "3", "date": "16.03.2021", "category": "",
         "Payee": "Tencent Holdings Ltd", "Payer": "Northwind", "us_nexus": "true", "Memo": ""},
    ]  # fmt: skip
    source = tmp_path / f"in.{suffix}"
    if suffix == "csv":
        lines = [",".join(rows[0]), *(",".join(r.values()) for r in rows)]
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        pq.write_table(pa.Table.from_pylist(rows), source)
    chosen = [
        "--columns",
        "counterparty_name=Payee",
        "--date-order",
        "dmy",
        "--category",
        "payment",
    ]
    single = tmp_path / "single.parquet"
    result = runner.invoke(app, ["screen", str(source), "--out", str(single), "--quiet", *chosen])
    assert result.exit_code == 0, result.output
    spark_out = tmp_path / "spark-out"
    result = runner.invoke(
        app, ["spark-screen", str(source), str(spark_out), "--master", "local[2]", *chosen]
    )
    assert result.exit_code == 0, result.output
    got = pq.read_table(spark_out).to_pylist()
    assert got == pq.read_table(single).to_pylist()
    assert [(r["id"], r["outcome"] != "CLEAR") for r in got] == [
        ("1", True),
        ("2", True),
        ("3", True),
    ]
    assert got[2]["outcome"] != "ERROR", got[2]
    # Without --columns, a payee and a payer are refused by both.
    result = runner.invoke(app, ["spark-screen", str(source), str(tmp_path / "o2")])
    assert result.exit_code == 2 and "--columns counterparty_name=" in result.output


def test_spark_screen_reads_struct_columns_as_screen_does(tmp_path: Path) -> None:
    """A warehouse's Parquet with the party in a struct (Open Banking's `CreditorAccount`
    on a debit, `DebtorAccount` on a credit): `screen` read it by the struct's paths and
    `spark-screen` screened it without names, CLEAR."""
    base = {"date": "2021-03-15", "category": "payment", "us_nexus": "true", "text": "wire"}
    rows = [
        {"id": "d1", **base, "CreditorAccount": {"Name": "Tencent Holdings Ltd"},
         "DebtorAccount": None},
        {"id": "c1", **base, "CreditorAccount": None,
         "DebtorAccount": {"Name": "Ant Group Co., Ltd."}},
        {"id": "c2", **base, "CreditorAccount": None, "DebtorAccount": {"Name": "Acme Foods"}},
    ]  # fmt: skip
    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), source)
    single = tmp_path / "single.parquet"
    result = runner.invoke(app, ["screen", str(source), "--out", str(single), "--quiet"])
    assert result.exit_code == 0, result.output
    spark_out = tmp_path / "spark-out"
    result = runner.invoke(
        app, ["spark-screen", str(source), str(spark_out), "--master", "local[1]"]
    )
    assert result.exit_code == 0, result.output
    got = pq.read_table(spark_out).to_pylist()
    assert got == pq.read_table(single).to_pylist()
    assert [r["entity_id"] for r in got] == ["tencent-holdings", "ant-group", ""], got
