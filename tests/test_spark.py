"""The Spark job gives exactly the single-machine decisions (local mode, Java 17)."""

from __future__ import annotations

from pathlib import Path

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
