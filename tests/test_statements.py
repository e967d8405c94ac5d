"""ISO 20022 bank statements, reports and notifications (camt.053, camt.052, camt.054) are
screened entry by entry. Such a file was refused ("orders no payment to screen"), though a
CSV export of the same statement was screened: a payment to a listed party booked on an
account was never screened from its bank's own statement."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.model import Transaction
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions
from banscreen.surfaces.statements import read_statement

FIXTURES = Path(__file__).parent / "fixtures" / "payments"


def read(path: Path) -> dict[str, Transaction]:
    surface, reader = detect(path)
    assert surface == "payments" and reader is read_statement
    items = list(reader(path, ScanOptions(as_of=None)))  # type: ignore[arg-type]
    return {i.record_id: i.transaction for i in items if i.transaction is not None}


def test_money_out_is_screened_by_its_creditor_and_money_in_by_its_debtor() -> None:
    items = read(FIXTURES / "camt053_v08.xml")  # names as versions 8 on write them
    out = items["INV-2021-77"]
    assert out.counterparty_name == "Tencent Holdings Ltd" and out.counterparty_country == "HK"
    assert ("debtor", "Example GmbH") in out.parties and out.date == date(2021, 3, 15)
    assert "Cloud services March" in out.text
    assert any(i.kind == "bic" and i.role == "creditor_agent" for i in out.identifiers)
    # An entry of two transactions (a batch booking) is two; "NOTPROVIDED" is no id.
    assert items["R-2"].counterparty_name == "Acme Trading LLC"
    assert items["R-3"].counterparty_name.startswith("Alipay")
    # An entry without details is one, screened by its text.
    fee = items["FEE-1"]
    assert fee.counterparty_name == "" and fee.text == "Account maintenance fee"


def test_an_older_statement_and_a_notification_are_read_alike() -> None:
    items = read(FIXTURES / "camt053_v02.xml")  # names as versions 2 to 7 write them
    incoming = items["E2E-4411"]
    assert incoming.counterparty_name.startswith("Tenpay") and incoming.counterparty_country == "CN"
    assert ("creditor", "Example AG") in incoming.parties
    assert "Incoming international payment" in incoming.text
    outgoing = items["20210316002"]
    assert outgoing.date == date(2021, 3, 16)  # no booking date: the value date
    assert outgoing.us_nexus.name == "TRUE"  # a creditor in the United States
    (note,) = read(FIXTURES / "camt054_v08.xml").values()
    assert note.counterparty_name.startswith("Beijing Kingsoft")
    assert note.date == date(2021, 3, 15)  # a booking date-time
    assert note.us_nexus.name == "TRUE"  # a U.S. intermediary agent


@pytest.mark.parametrize("fixture", ["camt053_v08.xml", "camt053_v02.xml", "camt054_v08.xml"])
def test_a_statement_is_screened_through_scan(fixture: str, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["scan", str(FIXTURES / fixture), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert any(r["outcome"] == "REVIEW" for r in rows), rows
    assert all(r["outcome"] != "ERROR" for r in rows), rows


def test_a_truncated_statement_keeps_its_entries_and_ends_in_an_error(tmp_path: Path) -> None:
    text = (FIXTURES / "camt053_v08.xml").read_text("utf-8")
    path = tmp_path / "cut.xml"
    path.write_text(text[: text.index("<Ntry>", text.index("FEE") - 400)], "utf-8")
    items = list(read_statement(path, ScanOptions(as_of=None)))  # type: ignore[arg-type]
    assert [i.transaction.id for i in items[:3] if i.transaction] == ["INV-2021-77", "R-2", "R-3"]
    assert items[-1].error is not None and "truncated" in items[-1].error.message
