"""A listed company's securities: stock codes and ISINs. OFAC's Non-SDN Chinese
Military-Industrial Complex list names its companies' shares by ISIN and Equity Ticker
("941 HK"), the shipped packs their issuers' stock codes ("HKEX:0700"); a trade of such a
security, given by its ISIN or ticker, was CLEAR, and a ticker was an ERROR row."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.errors import IdentifierError
from banscreen.match.stock_codes import normalise_isin, normalise_stock_code, securities_in_text
from helpers.lists import import_sdn_csv, screen_rows

CMIC = (
    '9101,"ZHONGHUA TEST TELECOM CORPORATION LIMITED",-0- ,"[CMIC-EO13959]",-0- ,-0- ,-0- ,'
    '-0- ,-0- ,-0- ,-0- ,"Equity Ticker CHA US; Equity Ticker 00728 HK; ISIN US1694261033; '
    'ISIN CNE1000002V2."\n'
    '9102,"ZHONGHUA TEST AVIATION CO., LTD.",-0- ,"[CMIC-EO13959]",-0- ,-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,"Equity Ticker 600118 CN."\n'
)


@pytest.mark.parametrize(
    ("written", "form"),
    [("941 HK", "941 HK"), ("0941.HK", "941 HK"), ("HKG:0941", "941 HK"),
     ("HKEX:0941", "941 HK"), ("00941 HK", "941 HK"), ("941 HK Equity", "941 HK"),
     ("601800 CN", "601800 CN"), ("603019CN", "603019 CN"), ("600519 CH", "600519 CN"),
     ("600519.SS", "600519 CN"), ("SHA:600519", "600519 CN"), ("NYSE:BABA", "BABA US"),
     ("BABA.N", "BABA US"), ("BABA UN", "BABA US"), ("ETR:CTMA", "CTMA DE"),
     ("K3PD.SI", "K3PD SG"), ("NESN CH", "NESN CH"), ("nyse: baba", "BABA US")],
)  # fmt: skip
def test_a_stock_code_is_its_symbol_and_its_markets_country(written: str, form: str) -> None:
    assert normalise_stock_code(written) == form


@pytest.mark.parametrize("written", ["0700", "BABA", "HKG:", "XYZ:0700", "0700.QQ", ""])
def test_a_stock_code_without_a_known_exchange_is_refused(written: str) -> None:
    with pytest.raises(IdentifierError):
        normalise_stock_code(written)


@given(st.text(max_size=30))
def test_any_stock_code_normalises_to_a_fixed_point_or_is_refused(text: str) -> None:
    try:
        form = normalise_stock_code(text)
    except IdentifierError:
        return
    assert normalise_stock_code(form) == form


def test_an_isin_is_checked() -> None:
    assert normalise_isin("us 1694261033") == "US1694261033"
    with pytest.raises(IdentifierError):
        normalise_isin("US1694261034")


def test_securities_in_text() -> None:
    found = securities_in_text("Buy ISIN US1694261033 and HKG:0700, NYSE: BABA; ISO:9001 AB:1")
    assert found == [("isin", "US1694261033"), ("stock_code", "HKG:0700"),
                     ("stock_code", "NYSE: BABA")]  # fmt: skip
    found = securities_in_text("sold 0700.HK and 600519.SS, 941 HK Equity; v2.0.1 1.5 www.acme.de")
    assert found == [("stock_code", "0700.HK"), ("stock_code", "600519.SS"),
                     ("stock_code", "941 HK Equity")]  # fmt: skip


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    return import_sdn_csv(tmp_path, CMIC)


def test_a_trade_of_a_listed_security_is_found(listed: Path) -> None:
    rows = [
        ("isin:US1694261033", ""), ("ticker:0728.HK", ""), ("stock_code:SHA:600118", ""),
        ("", "Buy 500 ISIN CNE1000002V2 at market"), ("ticker:HKG:0700", ""),
        ("isin:US0378331005", ""), ("ticker:0700", ""),
    ]  # fmt: skip
    got = screen_rows(listed, [("Broker Ltd", ids, text) for ids, text in rows], "other")
    telecom, aviation = "ofac-non-sdn-9101", "ofac-non-sdn-9102"
    assert [got[k]["entity_id"] for k in "1234"] == [telecom, telecom, aviation, telecom], got
    assert all(got[k]["outcome"] == "REVIEW" for k in "1234")  # the CMIC list restricts trades
    assert got["1"]["method"] == "identifier" and got["4"]["method"] == "free-text"
    assert got["5"]["entity_id"] == "tencent-holdings", got["5"]  # the shipped HKEX:0700
    assert got["6"]["outcome"] == "CLEAR" and got["6"]["entity_id"] == ""  # an ISIN not listed
    assert got["7"]["outcome"] == "ERROR" and "exchange" in got["7"]["error"]


def test_a_trade_blotters_isin_and_ticker_columns_are_screened(listed: Path) -> None:
    """A broker's `ISIN` and `Ticker` columns were carried and never screened; a value that
    names no security (a ticker without its exchange) stays as it was, not an ERROR."""
    import csv
    import io

    from typer.testing import CliRunner

    from banscreen.cli import app

    path = listed / "blotter.csv"
    path.write_text(
        "Trade ID,Trade Date,Counterparty,ISIN,Ticker,Quantity\n"
        "T1,2024-03-15,Broker Ltd,US1694261033,,100\n"
        "T2,2024-03-15,Broker Ltd,,0728.HK,100\n"
        "T3,2024-03-15,Broker Ltd,US0378331005,AAPL,100\n"
        "T4,2024-03-15,Broker Ltd,US1694261034,0728,100\n",
        encoding="utf-8",
    )
    out = listed / "out.csv"
    result = CliRunner().invoke(
        app, ["screen", str(path), "--category", "other", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = {r["Trade ID"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")))}
    assert rows["T1"]["entity_id"] == rows["T2"]["entity_id"] == "ofac-non-sdn-9101", rows
    assert rows["T3"]["outcome"] == "CLEAR" and rows["T4"]["outcome"] == "CLEAR", rows
    assert rows["T4"]["ISIN"] == "US1694261034"  # carried as it was
