"""An app inventory in the encodings and forms MDM exports come in. The CSV reader decoded
UTF-8 with bad bytes replaced: a GB18030 export's `微信` (WeChat) read as `΢��` and was
CLEAR; and a workbook was read as text, one ERROR a line of its zip bytes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from banscreen.cli import app

HEADER = ["device_id", "device_name", "platform", "app_name", "publisher", "version"]
ROWS = [
    ["D1", "Sales PC", "windows", "微信", "腾讯科技(深圳)有限公司", "3.9"],
    ["D1", "Sales PC", "windows", "支付宝", "", "10.5"],
    ["D2", "Field PC", "windows", "Notepad++", "Notepad++ Team", "8.6"],
]


def scanned(path: Path) -> list[dict[str, str]]:
    result = CliRunner().invoke(
        app, ["scan", "apps", str(path), "--quiet", "--as-of", "2021-03-15"]
    )
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def as_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    return buffer.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_an_inventory_in_any_encoding_finds_the_apps(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "inventory.csv"
    path.write_bytes(as_csv().encode(encoding))
    rows = scanned(path)
    assert [r["entity_id"] for r in rows] == ["app-wechat", "app-alipay", ""]
    assert [r["outcome"] for r in rows] == ["REVIEW", "REVIEW", "CLEAR"]


def test_an_inventory_in_big5_finds_the_apps(tmp_path: Path) -> None:
    path = tmp_path / "inventory.csv"
    text = (
        as_csv()
        .replace("支付宝", "支付寶")
        .replace("腾讯科技(深圳)有限公司", "騰訊科技(深圳)有限公司")
    )
    path.write_bytes(text.encode("big5"))
    assert [r["entity_id"] for r in scanned(path)] == ["app-wechat", "app-alipay", ""]


def test_an_inventory_saved_as_a_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in ROWS:
        book.active.append(row)
    book.save(tmp_path / "inventory.xlsx")
    rows = scanned(tmp_path / "inventory.xlsx")
    assert [r["entity_id"] for r in rows] == ["app-wechat", "app-alipay", ""]
