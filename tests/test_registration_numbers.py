"""Companies' registration and tax numbers (a Chinese USCC, a Russian INN or OGRN, a
Venezuelan RIF) as lists publish them and as vendor files, invoices and payment orders carry
them. None was screened: a vendor given by its tax number alone was CLEAR, and so was a
Russian payment order naming its payee's INN in its purpose. A number is matched only where
it checks itself; the short numbers of other registers are never matched."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.errors import IdentifierError
from banscreen.match.registration_numbers import (
    FORMATS,
    checked,
    normalise_registration,
    numbers_in_text,
)
from helpers.lists import import_sdn_csv, screen_rows

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"

INN = "7743693291"  # checks as a Russian INN
OGRN = "1087746669845"
USCC = "914102007425224065"
RIF = "J407882333"
SDN = (
    f'9001,"VOLGA TEST TRADING LLC",-0- ,"[RUSSIA-EO14024]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    f'"Tax ID No. {INN} (Russia); Registration Number {OGRN} (Russia)."\n'
    f'9002,"HENAN TEST CARBON CO., LTD.",-0- ,"[IFCA]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    f'"Unified Social Credit Code (USCC) {USCC} (China)."\n'
    f'9003,"CARACAS TEST SOLUCIONES C.A.",-0- ,"[VENEZUELA-EO13850]",-0- ,-0- ,-0- ,-0- ,-0- ,'
    f'-0- ,-0- ,"RIF # {RIF} (Venezuela)."\n'
    '9004,"TEHRAN TEST INDUSTRIES",-0- ,"[IRAN]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"Registration Number 6388 (Iran)."\n'
)


@pytest.mark.parametrize(
    ("value", "kind"),
    [(INN, "ru.inn"), (OGRN, "ru.ogrn"), (USCC, "cn.uscc"), ("J-40788233-3", "ve.rif"),
     ("DE 136 695 976", "eu.vat"), ("91440300708461136T", "cn.uscc")],
)  # fmt: skip
def test_a_number_that_checks_itself_is_known_by_its_format(value: str, kind: str) -> None:
    assert checked(value) == kind


@pytest.mark.parametrize("value", ["6388", "02696754", "7743693292", "914102007425224066", "x"])
def test_a_short_number_or_a_wrong_check_digit_checks_nothing(value: str) -> None:
    assert checked(value) is None


@given(st.text(max_size=60))
def test_any_text_normalises_or_is_refused_as_no_number(text: str) -> None:
    try:
        form = normalise_registration(text)
    except IdentifierError:
        return
    assert form.isascii() and form.isalnum() and form == form.upper()
    assert normalise_registration(" - ".join([form[:3], form[3:]]) if len(form) > 3 else form) == (
        form
    )


@given(
    st.from_regex(r"[0-9A-Z]{8,20}", fullmatch=True)
    | st.from_regex(r"[0-9]{10,18}", fullmatch=True)
)
@example("135519658801137480")  # python-stdnum's cn.ric raised KeyError for it
def test_any_number_checks_or_not_without_raising(value: str) -> None:
    assert checked(value) in (None, *(name for name, _ in FORMATS))


@given(st.text(max_size=200))
def test_numbers_in_any_text_check_themselves(text: str) -> None:
    assert all(checked(n) is not None for n in numbers_in_text(text))


def test_numbers_after_their_labels_in_text() -> None:
    assert numbers_in_text(f"Оплата по счету 12. ИНН {INN} КПП 770701001") == [INN]
    assert numbers_in_text(f"纳税人识别号：{USCC} 开票") == [USCC]
    assert numbers_in_text(f"Dinner {INN}; VAT No. DE 136 695 976") == ["DE 136 695 976"]
    assert numbers_in_text(f"order {INN}") == []  # no label: a number of any kind


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    return import_sdn_csv(tmp_path, SDN)


def test_a_vendor_known_by_its_listed_number_is_blocked(listed: Path) -> None:
    got = screen_rows(listed, [
        ("Acme Supplies", f"inn:{INN}", ""),
        ("Acme Supplies", f"registration_number:{OGRN}", ""),
        ("Acme Carbon", f"uscc:{USCC}", ""),
        ("Acme SA", "rif:J-40788233-3", ""),
        ("Acme Supplies", "tax_id:7743693292", ""),  # a check digit off
        ("Acme Industries", "registration_number:6388", ""),  # listed, but another register's too
        ("OOO Romashka", "", f"Оплата по счету 12. ИНН {INN} КПП 770701001"),
        ("Acme Carbon", "", f"纳税人识别号：{USCC}"),
    ])  # fmt: skip
    outcomes = {k: (r["outcome"], r["entity_id"], r["method"]) for k, r in got.items()}
    assert outcomes["1"] == ("BLOCK", "ofac-sdn-9001", "identifier"), got["1"]
    assert outcomes["2"][:2] == ("BLOCK", "ofac-sdn-9001")
    assert outcomes["3"][:2] == ("BLOCK", "ofac-sdn-9002")
    assert outcomes["4"][:2] == ("BLOCK", "ofac-sdn-9003")
    assert outcomes["5"][0] == "CLEAR" and outcomes["6"][0] == "CLEAR", got
    assert outcomes["7"][:2] == ("REVIEW", "ofac-sdn-9001"), got["7"]
    assert outcomes["8"][:2] == ("REVIEW", "ofac-sdn-9002"), got["8"]


def test_a_number_of_other_characters_is_an_error_naming_its_field(listed: Path) -> None:
    got = screen_rows(listed, [("Acme", "tax_id:77436@93291", ""), ("Acme", "tax_id:12", "")])
    assert got["1"]["outcome"] == "ERROR" and "counterparty_identifiers" in got["1"]["error"]
    assert got["2"]["outcome"] == "CLEAR"  # a short number is one, but matches nothing


def test_an_ftm_tax_number_is_matched(tmp_path: Path) -> None:
    entity = {"id": "t-1", "schema": "Company", "datasets": ["test"],
              "properties": {"name": ["Volga Test Trading"], "innCode": [INN],
                             "topics": ["sanction"], "registrationNumber": ["12345"]}}  # fmt: skip
    path = tmp_path / "list.ftm.json"
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["lists", "import", str(path), "--format", "ftm"])
    assert result.exit_code == 0, result.output
    got = screen_rows(tmp_path, [("Acme", f"inn:{INN}", ""), ("Acme", "reg_no:12345", "")])
    # An FtM list's party is a REVIEW (LISTED_PARTY), by its number as by its name.
    assert got["1"]["outcome"] == "REVIEW" and got["1"]["method"] == "identifier", got["1"]
    assert got["2"]["outcome"] == "CLEAR"


def test_a_payment_orders_creditor_tax_number_is_screened(listed: Path) -> None:
    text = (FIXTURES / "payments/pacs008.xml").read_text("utf-8")
    other_id = (
        f"<Id><OrgId><Othr><Id>{USCC}</Id><SchmeNm><Cd>TXID</Cd></SchmeNm></Othr></OrgId></Id>"
    )
    text = text.replace("<Cdtr><Nm>Muller Maschinenbau GmbH</Nm></Cdtr>",
                        f"<Cdtr><Nm>Muller Maschinenbau GmbH</Nm>{other_id}</Cdtr>")  # fmt: skip
    path = listed / "pacs008.xml"
    path.write_text(text, encoding="utf-8")
    out = listed / "out.jsonl"
    result = runner.invoke(app, ["scan", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    decisions = {d["id"]: d for d in map(json.loads, out.read_text("utf-8").splitlines())}
    assert decisions["TX-2"]["entity_id"] == "ofac-sdn-9002", decisions["TX-2"]


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Tax ID No.", "registration_number"), ("Registration ID", "registration_number"),
     ("V.A.T. Number", "registration_number"), ("Business Registration Number",
     "registration_number"), ("RIF #", "registration_number"),
     ("Unified Social Credit Code (USCC)", "registration_number"), ("Passport", None),
     ("Innovation Code", None)],
)  # fmt: skip
def test_the_labels_lists_publish_numbers_under(label: str, kind: str | None) -> None:
    from banscreen.sources.entities import _ID_KINDS

    assert next((k for pattern, k in _ID_KINDS if pattern.search(label)), None) == kind


def test_a_files_own_tax_number_column_is_screened(listed: Path) -> None:
    """A vendor master's `Tax ID`, a Chinese statement's `对方税号`: carried, never screened.
    A value that checks nothing (`N/A`, a short number) stays as it was, not an ERROR."""
    path = listed / "ap.csv"
    path.write_text(
        "Invoice Number,Invoice Date,Vendor Name,VAT Registration No.,counterparty_identifiers\n"
        f"INV-1,2024-03-15,Acme Supplies,{INN},\n"
        "INV-2,2024-03-15,Acme Supplies,N/A,\n"
        "INV-3,2024-03-15,Acme Supplies,6388,domain:acme.example\n"
        f"INV-4,2024-03-15,Acme Supplies,{INN[:5]} {INN[5:]},domain:acme.example\n",
        encoding="utf-8",
    )
    out = listed / "out.csv"
    result = runner.invoke(app, ["screen", str(path), "--category", "vendor", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = {r["Invoice Number"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")))}
    assert rows["INV-1"]["outcome"] == "BLOCK" and rows["INV-1"]["method"] == "identifier"
    assert rows["INV-2"]["outcome"] == "CLEAR" and rows["INV-3"]["outcome"] == "CLEAR", rows
    assert rows["INV-4"]["outcome"] == "BLOCK", rows["INV-4"]
    assert rows["INV-1"]["VAT Registration No."] == INN  # carried as it was


def test_a_chinese_statements_counterparty_tax_number_is_screened(listed: Path) -> None:
    path = listed / "statement.csv"
    path.write_text(
        f"流水号,交易时间,对方户名,对方税号,摘要\nS1,2024-03-15,某某贸易有限公司,{USCC},货款\n",
        encoding="utf-8",
    )
    out = listed / "out.csv"
    result = runner.invoke(app, ["screen", str(path), "--category", "payment", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(out.read_text("utf-8")))
    assert row["entity_id"] == "ofac-sdn-9002" and row["outcome"] == "BLOCK", row
