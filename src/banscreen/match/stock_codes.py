"""Stock codes and ISINs: a listed company's shares as a trade, a holding or a filing names
them.

OFAC's Non-SDN Chinese Military-Industrial Complex list names its companies' securities by
ISIN and Equity Ticker ("941 HK", "601800 CN"), and the shipped packs their issuers' stock
codes ("HKEX:0700"); a trade of such a security, given by its ISIN or ticker, was CLEAR. A
stock code is compared as its symbol and its market's country (data/exchanges.yaml), however
it is written: "0700.HK", "HKG:0700", "700 HK Equity" and "HKEX:0700" are one; a code
without its exchange ("0700") names no security and is refused. An ISIN is compared whole,
its check digit checked (python-stdnum).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataError, IdentifierError
from ..registry.cache import cached
from ..registry.loader import shipped_data_dir

_FILE = "exchanges.yaml"
_PREFIXED = re.compile(r"^([A-Z][A-Z0-9]{0,11})\s*:\s*([A-Z0-9][A-Z0-9.\-]{0,11})$")
_SUFFIXED = re.compile(r"^([A-Z0-9][A-Z0-9\-]{0,11})\.([A-Z]{1,2})$")
_MARKET = re.compile(r"^([A-Z0-9][A-Z0-9.\-/]{0,11}?)(?:\s+|(?<=[0-9]))([A-Z]{2})(?:\s+EQUITY)?$")
ISIN_SHAPE = r"[A-Z]{2}[A-Z0-9]{9}[0-9]"
# In free text: an ISIN; a code with its exchange first ("HKG:0700", "NYSE: BABA"); a
# numeric one with its exchange's suffix ("0700.HK", "600519.SS": not a letters' one, which
# a host's name may be); one as Bloomberg writes it, the word "Equity" after it.
IN_TEXT = re.compile(
    rf"(?<![A-Za-z0-9.])(?:({ISIN_SHAPE})|([A-Z]{{2,12}}\s?:\s?[A-Z0-9]{{1,8}}|[0-9]{{1,6}}\.[A-Z]{{1,2}}"
    r"|[A-Z0-9]{1,8} [A-Z]{2} (?:Equity|EQUITY)))(?![A-Za-z0-9]|\.[A-Za-z0-9])"
)


@lru_cache(maxsize=1)
def _exchanges() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The exchange tables, kept in the cache directory once read: a `match` reads its
    registry's stock codes, and need not import a YAML parser for them."""
    path = shipped_data_dir() / _FILE
    return cached("exchanges", [path], lambda: _read_exchanges(path))


def _read_exchanges(path: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    import yaml

    data: Any = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(data, dict) or not data.get("source"):
        raise DataError(_FILE, None, "source", "needs `source`, `prefixes`, `suffixes`, `markets`")
    tables = []
    for part in ("prefixes", "suffixes", "markets"):
        table: dict[str, str] = {}
        for country, codes in (data.get(part) or {}).items():
            if not re.fullmatch(r"[A-Z]{2}", str(country)):
                raise DataError(_FILE, None, part, f"{country!r} is no ISO country code")
            for code in codes:
                if str(code) in table:
                    raise DataError(_FILE, None, part, f"{code!r} given twice")
                table[str(code)] = str(country)
        tables.append(table)
    return tables[0], tables[1], tables[2]


def normalise_stock_code(value: str) -> str:
    """ "SYMBOL CC": the symbol (a numeric one without its leading zeros) and the country of
    its market; an IdentifierError for a code without a known exchange."""
    text = " ".join(value.strip().upper().split())
    prefixes, suffixes, markets = _exchanges()
    symbol, country = "", None
    if found := _PREFIXED.match(text):
        symbol, country = found.group(2), prefixes.get(found.group(1))
    elif found := _SUFFIXED.match(text):
        symbol, country = found.group(1), suffixes.get(found.group(2))
    elif found := _MARKET.match(text):
        symbol, market = found.group(1), found.group(2)
        country = markets.get(market, market)
        if market == "CH" and symbol.isdigit() and len(symbol) == 6:
            country = "CN"  # Bloomberg's China composite, not Switzerland
    if country is None or not symbol:
        raise IdentifierError(
            f"not a stock code with its exchange (`0700.HK`, `HKG:0700`, `700 HK`): {value[:120]!r}"
        )
    if symbol.isdigit():
        symbol = symbol.lstrip("0") or "0"
    return f"{symbol} {country}"


def normalise_isin(value: str) -> str:
    from stdnum import isin  # a sixtieth of a second, for a registry or a row with an ISIN

    form = "".join(value.split()).upper()
    if not re.fullmatch(ISIN_SHAPE, form) or not isin.is_valid(form):
        raise IdentifierError(f"not an ISIN (12 characters, a check digit last): {value[:120]!r}")
    return form


def securities_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, value) of the ISINs and stock codes free text names (`IN_TEXT`), each valid
    ("ISIN US1694261033", "bought HKG:0700", "sold 0700.HK")."""
    found = []
    for match in IN_TEXT.finditer(text):
        kind, value = ("isin", match.group(1)) if match.group(1) else ("stock_code", match.group(2))
        try:
            (normalise_isin if kind == "isin" else normalise_stock_code)(value)
        except IdentifierError:
            continue
        found.append((kind, value))
    return found
