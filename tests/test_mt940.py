"""SWIFT MT940 statements are screened line by line (surfaces/mt940.py, the mt-940
library). Such a file was read as a list of domains, each of its lines an ERROR or a
CLEAR, and a payment to a listed party on a statement went unscreened."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.surfaces.detect import detect
from banscreen.surfaces.mt940 import read_mt940
from banscreen.surfaces.scan import ScanOptions

STATEMENT = Path(__file__).parent / "fixtures" / "payments" / "statement.sta"


def test_each_statement_line_is_a_transaction_named_by_its_details() -> None:
    surface, reader = detect(STATEMENT)
    assert surface == "payments" and reader is read_mt940
    items = list(reader(STATEMENT, ScanOptions(as_of=None)))  # type: ignore[arg-type]
    txs = [i.transaction for i in items if i.transaction is not None]
    assert len(txs) == 4 and len(items) == 4
    first = txs[0]
    # ?32 is the name; ?31 (the account) is not glued before it; EREF is the id.
    assert first.counterparty_name == "Tencent Holdings Ltd" and first.id == "INV-2021-77"
    assert [(i.kind, i.value) for i in first.identifiers] == [("bic", "HSBCHKHHHKH")]
    assert "Cloud services" in first.text and first.date is not None
    assert txs[1].counterparty_name == "Acme Trading LLC"
    # SWIFT's codes: the name after /NAME/, up to the next code; all of it text as well.
    assert txs[3].counterparty_name == "Alipay Singapore E-Commerce Pte Ltd"
    assert "invoice 12" in txs[3].text
    assert txs[2].counterparty_name == "" and txs[2].text == "Account maintenance fee"


def test_a_statement_is_screened_through_scan_and_in_a_swift_envelope(tmp_path: Path) -> None:
    body = STATEMENT.read_text("utf-8")
    wrapped = tmp_path / "statement.txt"
    wrapped.write_text("{1:F01BANKDEFFAXXX0000000000}{2:O9400000210315BANKDEFFAXXX}{4:\r\n"
                       + body.replace("-\r\n", "-}\r\n"), "utf-8")  # fmt: skip
    for path in (STATEMENT, wrapped):
        out = tmp_path / "out.csv"
        result = CliRunner().invoke(app, ["scan", str(path), "--out", str(out)])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
        assert [r["outcome"] for r in rows] == ["REVIEW", "CLEAR", "CLEAR", "REVIEW"], rows
        assert rows[0]["entity_id"] == "tencent-holdings"


def test_an_unreadable_statement_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.sta"
    path.write_text(":20:X\r\n:61:not a statement line\r\n", "utf-8")
    (item,) = read_mt940(path, ScanOptions(as_of=None))  # type: ignore[arg-type]
    assert item.error is not None and "not a readable MT940 statement" in item.error.message
    assert "not a statement line" in item.error.message and "object at" not in item.error.message
