"""A column a file names twice, a key a JSON object gives twice, Excel's `sep=;` line.

A file joined from two exports can hold `counterparty_name` twice. Read by name, the row
kept the last copy alone: a listed firm in the first was never screened (CLEAR
`NO_MATCH`), and so was `Paid with Alipay` in a first `text`; a repeated extra column
showed its last value in both output columns. JSON lines, Parquet and the API's request
body did the same. And a file starting with Excel's `sep=;` line was refused whole."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.api import create_app
from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.registry import Registry
from banscreen.store import Store
from banscreen.surfaces.header import distinct_extras, repeated_columns, separator_line
from banscreen.surfaces.rows import INPUT_COLUMNS
from banscreen.surfaces.tabular import TransactionFile
from helpers.service import TENPAY
from helpers.stores import backend_store

HEADER = ["id", "date", "category", "counterparty_name", "counterparty_name", "us_nexus", "text"]
LISTED = "Tencent Holdings Ltd"


def screened(path: Path) -> list[dict[str, str]]:
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("names", [(LISTED, "Acme"), ("Acme", LISTED)])
def test_copies_that_differ_make_the_row_an_error_naming_the_column(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    rows = [["1", "2021-03-15", "payment", *names, "true", ""]]
    (out,) = screened(write_csv(tmp_path / "joined.csv", HEADER, rows))
    assert out["outcome"] == "ERROR"
    assert out["error"].startswith(
        "row 1: counterparty_name: given 2 times (a column or key repeated)"
    )
    assert all(repr(n) in out["error"] for n in names)


def test_a_repeated_text_that_differs_is_an_error_too(tmp_path: Path) -> None:
    header = [*INPUT_COLUMNS, "text"]
    row = ["1", "2021-03-15", "payment", "Acme", "US", "", "true", "Paid with Alipay", "thanks"]
    (out,) = screened(write_csv(tmp_path / "texts.csv", header, [row]))
    assert out["outcome"] == "ERROR" and "row 1: text:" in out["error"]


@pytest.mark.parametrize("copies", [(LISTED, LISTED), (LISTED, ""), ("", LISTED), (LISTED, " ")])
def test_copies_that_agree_are_screened_as_the_one_column(
    tmp_path: Path, copies: tuple[str, str]
) -> None:
    single = [h for i, h in enumerate(HEADER) if i != 4]
    plain = screened(write_csv(tmp_path / "one.csv", single, [["1", "2021-03-15", "payment", LISTED, "true", ""]]))  # fmt: skip
    joined = screened(write_csv(tmp_path / "two.csv", HEADER, [["1", "2021-03-15", "payment", *copies, "true", ""]]))  # fmt: skip
    assert plain[0]["outcome"] == "REVIEW" and joined == plain


def test_a_repeated_extra_column_keeps_each_copy(tmp_path: Path) -> None:
    header = ["id", "date", "category", "counterparty_name", "memo", "memo", "memo.1"]
    path = write_csv(tmp_path / "memo.csv", header, [["1", "2021-03-15", "payment", "Acme", "a", "b", "c"]])  # fmt: skip
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    out = list(csv.reader(io.StringIO(result.stdout)))
    assert out[0][-3:] == ["memo", "memo.2", "memo.1"]
    assert out[1][-3:] == ["a", "b", "c"]


def test_json_lines_that_give_a_key_twice(tmp_path: Path) -> None:
    lines = [
        '{"id": "1", "date": "2021-03-15", "category": "payment", "memo": "a", "memo": "b",'
        f' "counterparty_name": "{LISTED}", "counterparty_name": "Acme"}}',
        '{"id": "2", "date": "2021-03-15", "category": "payment", "memo": "c", "memo": "d",'
        f' "counterparty_name": "{LISTED}", "counterparty_name": "{LISTED}"}}',
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = screened(path)
    assert first["outcome"] == "ERROR" and "counterparty_name: given 2 times" in first["error"]
    assert second["outcome"] == "REVIEW"
    assert (first["memo"], first["memo.1"], second["memo"], second["memo.1"]) == (
        "a",
        "b",
        "c",
        "d",
    )


def test_parquet_with_a_name_given_to_two_columns(tmp_path: Path) -> None:
    columns = {
        "id": ["1", "2"], "date": ["2021-03-15"] * 2, "category": ["payment"] * 2,
        "counterparty_name": [LISTED, LISTED], "counterparty_name ": ["Acme", LISTED],
        "memo": ["a", "c"], "memo ": ["b", "d"],
    }  # fmt: skip
    names = [n.strip() for n in columns]
    table = pa.Table.from_arrays([pa.array(v) for v in columns.values()], names=names)
    pq.write_table(table, tmp_path / "in.parquet")
    first, second = screened(tmp_path / "in.parquet")
    assert first["outcome"] == "ERROR" and second["outcome"] == "REVIEW"
    assert (first["memo"], first["memo.1"], second["memo.1"]) == ("a", "b", "d")


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_excels_separator_line_names_the_delimiter(tmp_path: Path, delimiter: str) -> None:
    row = ["1", "2021-03-15", "payment", LISTED, "CN", "", "true", "a;b,c"]
    plain = screened(write_csv(tmp_path / "plain.csv", list(INPUT_COLUMNS), [row]))
    path = write_csv(tmp_path / "excel.csv", list(INPUT_COLUMNS), [row], delimiter)
    path.write_text(f"sep={delimiter}\r\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert screened(path) == plain and plain[0]["outcome"] == "REVIEW"


def test_a_separator_line_is_only_that() -> None:
    assert separator_line("sep=;\n") == ";" and separator_line("\ufeffsep=,\r\n") == ","
    assert separator_line("sep=;;\n") is None and separator_line("id,sep=;\n") is None


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    copies=st.lists(st.sampled_from([LISTED, "Acme", "", " ", "acme"]), min_size=2, max_size=4),
    column=st.sampled_from(list(INPUT_COLUMNS[1:])),
    extra=st.lists(st.sampled_from(["memo", "memo.1", "ref"]), max_size=4),
)
def test_a_repeated_column_reads_as_one_value_or_an_error_naming_it(
    tmp_path: Path, copies: list[str], column: str, extra: list[str]
) -> None:
    """Whatever repeats: the row's value is the one its copies hold, blank ones aside, or
    the row is an ERROR naming the column; and every extra copy is carried by a name of
    its own."""
    header = [c for c in INPUT_COLUMNS if c != column] + [column] * len(copies) + extra
    values = ["x"] * (len(INPUT_COLUMNS) - 1) + copies + [f"e{i}" for i in range(len(extra))]
    path = write_csv(tmp_path / "in.csv", header, [values])
    source = TransactionFile(path)
    (row,) = list(source.rows())
    written = {c for c in copies if c.strip()}
    if len(written) > 1:
        assert row.error is not None and row.error.field == column
    else:
        assert row.error is None and row.data[column] == (written.pop() if written else copies[-1])
    names = source.open_header()
    assert len(set(names)) == len(set(INPUT_COLUMNS)) + len(extra)
    assert [row.data[n] for n in names if n not in INPUT_COLUMNS] == values[
        -len(extra) or len(values) :
    ]
    assert repeated_columns(distinct_extras(header)) == {
        column: tuple(range(len(INPUT_COLUMNS) - 1, len(INPUT_COLUMNS) - 1 + len(copies)))
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    yield from backend_store("sqlite", tmp_path)


def test_the_api_makes_a_transaction_with_a_field_given_twice_an_error(
    store: Store, registry: Registry
) -> None:
    client = TestClient(create_app(store, Screener(registry)))
    key = store.create_key(["screen"])
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    listed = json.dumps(TENPAY)[:-1]
    one = client.post(
        "/v1/screen", content=listed + ', "counterparty_name": "Acme"}', headers=headers
    )
    assert one.status_code == 200 and one.json()["outcome"] == "ERROR"
    assert "counterparty_name: given 2 times (a column or key repeated)" in one.json()["error"]
    same = client.post("/v1/screen", content=listed + f', "counterparty_name": "{TENPAY["counterparty_name"]}"}}', headers=headers)  # fmt: skip
    assert same.json()["outcome"] == "REVIEW"
    batch = (
        '{"transactions": [' + json.dumps(TENPAY) + ", " + listed + ', "text": "x", "text": "y"}]}'
    )
    both = client.post("/v1/screen", content=batch, headers=headers)
    assert [d["outcome"] for d in both.json()["decisions"]] == ["REVIEW", "ERROR"]
    twice = '{"transactions": [' + json.dumps(TENPAY) + '], "transactions": []}'
    refused = client.post("/v1/screen", content=twice, headers=headers)
    assert refused.status_code == 422 and "`transactions` more than once" in refused.text


def test_columns_with_no_name_keep_their_values(tmp_path: Path) -> None:
    """A spreadsheet's export ends its header with commas: the unnamed columns were one
    key, so a value under the first was lost to the last one's blank."""
    path = tmp_path / "trailing.csv"
    path.write_text(
        ",".join(INPUT_COLUMNS) + ",,,\n1,2021-03-15,payment,Acme,US,,true,,x,,y\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    assert header[-3:] == ["", "column 10", "column 11"] and row[-3:] == ["x", "", "y"]
    assert len(set(distinct_extras(["a", "a", "a.1", "", "", "column 5"]))) == 6


def test_a_repeated_key_holding_lists(tmp_path: Path) -> None:
    """JSON values may be lists: two copies of one are compared, not hashed (a crash)."""
    path = tmp_path / "lists.jsonl"
    path.write_text(
        '{"id": "1", "date": "2021-03-15", "category": "payment", "counterparty_name": "Acme",'
        ' "counterparty_identifiers": ["domain:alipay.com"], "counterparty_identifiers": ["domain:x.com"]}\n'
        '{"id": "2", "date": "2021-03-15", "category": "payment", "counterparty_name": "Acme",'
        ' "counterparty_identifiers": ["domain:alipay.com"], "counterparty_identifiers": ["domain:alipay.com"]}\n',
        encoding="utf-8",
    )
    first, second = screened(path)
    assert (
        first["outcome"] == "ERROR" and "counterparty_identifiers: given 2 times" in first["error"]
    )
    assert second["outcome"] == "REVIEW" and second["entity_id"] == "app-alipay"
