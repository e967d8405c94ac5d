"""Rows in another encoding than their file's, and UTF-16 without a byte-order mark.

A file joined from two systems' exports (GB18030 rows and UTF-8 rows, say) is read in one
encoding; the rows in the other decoded as mojibake and were CLEAR `NO_MATCH`, though the
name in them is listed. Such a row is an ERROR naming its field. A UTF-16 file without a
byte-order mark was refused whole (its header read as no known column).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.surfaces.encodings import detect_encoding, foreign_field, utf8_reading
from banscreen.surfaces.tabular import TransactionFile
from test_encodings import HAN_NAMES, HEADER

runner = CliRunner()
LEGACY = ["gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "latin_1"]
TO_TRADITIONAL = opencc.OpenCC("s2t")


def _screen(tmp_path: Path, data: bytes) -> list[dict[str, str]]:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["screen", str(path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _row(i: int, name: str) -> str:
    return f"{i},2021-03-15,payment,{name},CN,,true,\n"


def test_a_utf8_row_in_a_gb18030_file_is_an_error_naming_it(tmp_path: Path) -> None:
    data = HEADER.encode() + _row(1, "支付宝").encode("gb18030")
    data += _row(2, "腾讯控股有限公司").encode("utf-8") + _row(3, "财付通").encode("gb18030")
    rows = _screen(tmp_path, data)
    assert [r["outcome"] for r in rows] == ["REVIEW", "ERROR", "REVIEW"]
    assert "counterparty_name" in rows[1]["error"]
    assert "UTF-8 text ('腾讯控股有限公司')" in rows[1]["error"]
    assert "gb18030" in rows[1]["error"]


def test_a_big5_row_in_a_gb18030_file_that_reads_as_private_use_is_an_error(
    tmp_path: Path,
) -> None:
    gb = ["支付宝", "腾讯控股有限公司", "上海合合信息科技股份有限公司"]
    data = HEADER.encode() + b"".join(_row(i, n).encode("gb18030") for i, n in enumerate(gb))
    data += _row(3, "財付通").encode("big5")  # 癩\ue64f硄 in GB18030
    rows = _screen(tmp_path, data)
    assert [r["outcome"] for r in rows] == ["REVIEW", "REVIEW", "REVIEW", "ERROR"]
    assert "counterparty_name" in rows[3]["error"]
    assert "private-use" in rows[3]["error"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    data = (HEADER + _row(1, "财付通支付科技有限公司") + _row(2, "Acme LLC")).encode(encoding)
    assert detect_encoding(data) == encoding
    rows = _screen(tmp_path, data)
    assert [r["outcome"] for r in rows] == ["REVIEW", "CLEAR"]
    assert rows[0]["entity_id"]


def test_a_file_with_zero_bytes_here_and_there_is_not_taken_for_utf16() -> None:
    data = (HEADER + _row(1, "Ali\x00pay") + _row(2, "Acme\x00 LLC")).encode()
    assert detect_encoding(data) == "utf-8"


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_no_listed_chinese_name_written_in_the_files_encoding_is_taken_for_another(
    encoding: str,
) -> None:
    """Every Chinese name of the shipped packs, written in a legacy Chinese encoding and
    read in it, is no ERROR (the check's false alarms would be ERRORs on good rows)."""
    checked = 0
    for name in HAN_NAMES:
        if encoding == "big5":
            name = TO_TRADITIONAL.convert(name)
        try:
            read = name.encode(encoding).decode(encoding)
        except UnicodeError:
            continue
        checked += 1
        assert foreign_field({"counterparty_name": read}, encoding) is None, name
    assert checked > 30


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(HAN_NAMES), encoding=st.sampled_from(LEGACY))
def test_a_listed_name_written_in_utf8_is_found_in_a_legacy_file(name: str, encoding: str) -> None:
    """A name's UTF-8 bytes read as a file in a legacy encoding reads them: where they
    decode at all (else the row is an ERROR already), the check finds them and gives the
    name back as it was written."""
    try:
        read = name.encode("utf-8").decode(encoding)
    except UnicodeError:
        return
    assert utf8_reading(read, encoding) == name
    assert foreign_field({"id": "7", "counterparty_name": read}, encoding) is not None


@given(text=st.text(max_size=40), encoding=st.sampled_from([*LEGACY, "utf-8", "utf-16"]))
def test_any_text_in_any_encoding_never_raises(text: str, encoding: str) -> None:
    try:
        text.encode(encoding)
    except UnicodeError:
        return
    found = foreign_field({"counterparty_name": text}, encoding)
    assert found is None or found.field == "counterparty_name"


def test_a_utf8_file_is_never_checked(tmp_path: Path) -> None:
    path = tmp_path / "utf8.csv"
    path.write_bytes((HEADER + _row(1, "腾讯控股有限公司")).encode("utf-8"))
    source = TransactionFile(path)
    assert source.encoding == "utf-8"
    [row] = list(source.rows())
    assert row.error is None


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "big5"])
def test_json_lines_are_read_in_the_encodings_csv_is(tmp_path: Path, encoding: str) -> None:
    """JSON lines in UTF-16 (with its mark) or a legacy encoding were read as UTF-8: every
    line an ERROR, and a UTF-16 file gave one output row more than it had lines."""
    names = ["支付寶", "騰訊控股有限公司"] if encoding == "big5" else ["支付宝", "腾讯控股有限公司"]
    lines = [
        json.dumps(
            {
                "id": str(i),
                "date": "2021-03-15",
                "category": "payment",
                "counterparty_name": name,
                "us_nexus": True,
            },
            ensure_ascii=False,
        )
        for i, name in enumerate([*names, "Acme LLC"])
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    assert TransactionFile(path).encoding in (encoding, "utf-16")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["screen", str(path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["outcome"] for r in rows] == ["REVIEW", "REVIEW", "CLEAR"]
