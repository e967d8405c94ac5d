"""A company's stock ticker beside its name ("Tencent Holdings Limited (0700.HK)", "(HKEX:
700)", "(NYSE: BABA)") is a reference: the name was a REVIEW at 0.80–0.83 with it, where
alone it is exact (`stock_exchanges`, `ticker_suffixes`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.references import split_references
from helpers.matching import found

EXCHANGES, SUFFIXES = ["nyse", "hkex", "sse"], ["hk", "ss"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Acme Holdings Limited (HKEX: 700)", "Acme Holdings Limited"),
        ("Acme Holdings Limited (NYSE: ACME)", "Acme Holdings Limited"),
        ("Acme Holdings Limited (0700.HK)", "Acme Holdings Limited"),
        ("Acme Moutai 600519.SS", "Acme Moutai"),
        ("SSE: 600519 Acme Moutai", "Acme Moutai"),
    ],
)
def test_a_ticker_is_taken_away(text: str, name: str) -> None:
    split = split_references(text, ["ref"], ["usd"], EXCHANGES, SUFFIXES)
    assert split is not None and split[0] == name


@pytest.mark.parametrize(
    "text",
    ["SSE PLC", "Acme (NYSE)", "NYSE Euronext Paris", "Acme 12.HK", "Acme HK 0700"],
)
def test_an_exchanges_name_without_a_ticker_stays(text: str) -> None:
    """No colon and code after the exchange, or no number before the suffix's dot: "SSE
    PLC" is a company; "12" is no reference (two digits are part of names)."""
    split = split_references(text, ["ref"], ["usd"], EXCHANGES, SUFFIXES)
    assert split is None or "HK" in split[0] or "NYSE" in split[0] or "SSE" in split[0]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["HKEX", "NYSE", "NASDAQ", "SEHK", "SZSE"]),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=6),
)
def test_a_listed_name_with_a_ticker_scores_as_itself(
    screener: Screener, exchange: str, code: str
) -> None:
    name = "Tencent Holdings Limited"
    clean = found(screener, name)["tencent-holdings"]
    assert found(screener, f"{name} ({exchange}: {code})")["tencent-holdings"] == clean


def test_a_number_with_an_exchanges_suffix_is_a_ticker(screener: Screener) -> None:
    name = "Tencent Holdings Limited"
    assert found(screener, f"{name} (0700.HK)") == found(screener, name)
