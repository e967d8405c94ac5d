"""A transactions file as a spreadsheet exports it: `;` or tab between fields, column names
in another case or with spaces. Each was refused whole (exit 2, "no 'id' column")."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.surfaces.columns import header_delimiter
from banscreen.surfaces.header import DELIMITERS, canonical_header
from banscreen.surfaces.rows import INPUT_COLUMNS
from banscreen.surfaces.tabular import TransactionFile

ROWS = [
    ["T1", "2021-03-15", "payment", "Tenpay", "CN", "", "true", "invoice 1; paid"],
    ["T2", "2021-03-15", "payment", "Umbrella Trading LLC", "US", "", "false", "a|b,c"],
    ["T3", "2021-03-15", "vendor", "Alipay", "CN", "domain:alipay.com", "true", ""],
]


def written(path: Path, header: list[str], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(ROWS)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def screened(path: Path) -> tuple[int, list[list[str]]]:
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    return result.exit_code, list(csv.reader(io.StringIO(result.stdout)))


def spreadsheet_name(column: str) -> str:
    return column.replace("_", " ").title()  # "Counterparty Name", "Us Nexus"


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_a_file_separated_otherwise_screens_as_the_comma_file(
    tmp_path: Path, delimiter: str
) -> None:
    """The text fields hold the other delimiters, so only the header can tell."""
    code, comma = screened(written(tmp_path / "comma.csv", list(INPUT_COLUMNS)))
    other = written(tmp_path / "other.csv", list(INPUT_COLUMNS), delimiter)
    assert code == 0 and len(comma) == len(ROWS) + 1
    assert screened(other) == (0, comma)


def test_column_names_in_another_case_or_with_spaces_are_the_input_columns(
    tmp_path: Path,
) -> None:
    code, plain = screened(written(tmp_path / "plain.csv", list(INPUT_COLUMNS)))
    header = [spreadsheet_name(c) for c in INPUT_COLUMNS]
    header[0] = " ID "
    assert code == 0
    assert screened(written(tmp_path / "sheet.csv", header)) == (0, plain)


def test_a_tsv_file_is_read_by_tabs(tmp_path: Path) -> None:
    code, comma = screened(written(tmp_path / "comma.csv", list(INPUT_COLUMNS)))
    assert code == 0
    assert screened(written(tmp_path / "export.tsv", list(INPUT_COLUMNS), "\t")) == (0, comma)


def test_a_column_written_as_the_contract_names_it_wins_over_one_that_folds_to_it() -> None:
    assert canonical_header(["id", "ID", "Text"]) == ["id", "ID", "text"]
    assert canonical_header(["ID", "id"]) == ["ID", "id"]
    assert canonical_header(["Amount", "Counterparty-Name"]) == ["Amount", "counterparty_name"]


def test_the_extra_columns_keep_their_written_names(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        "ID;Date;Category;Counterparty Name;Invoice Total\nT1;2021-03-15;payment;Tenpay;12,50\n",
        encoding="utf-8",
    )
    source = TransactionFile(path)
    source.open_header()
    assert source.extra_columns == ["Invoice Total"]
    (row,) = list(source.rows())
    assert row.data["Invoice Total"] == "12,50" and row.data["counterparty_name"] == "Tenpay"


def test_a_header_no_delimiter_reads_says_what_it_read(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name;amount\nTenpay;12\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    assert result.exit_code == 2
    assert "read as 1 column: 'name;amount'" in result.output


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    delimiter=st.sampled_from(DELIMITERS),
    columns=st.permutations(list(INPUT_COLUMNS)),
    texts=st.lists(st.text(alphabet=",;|\t\"' xy", max_size=12), min_size=1, max_size=4),
)
def test_any_delimiter_and_column_order_reads_the_same_rows(
    tmp_path: Path, delimiter: str, columns: list[str], texts: list[str]
) -> None:
    """Whatever the delimiter, the column order and the delimiters inside quoted fields, the
    header line alone chooses the delimiter and every field reads back as written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    rows = [{c: (t if c == "text" else f"{c}-{i}") for c in columns} for i, t in enumerate(texts)]
    writer.writerows([[r[c] for c in columns] for r in rows])
    assert header_delimiter(buffer.getvalue().splitlines()[0]) == delimiter
    path = tmp_path / "t.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    source = TransactionFile(path)
    assert [r.data for r in source.rows()] == rows
