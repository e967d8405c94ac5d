"""The dates exports write other than as ISO does, where the writing leaves no doubt which
number is the day: the year first without its zeros or with a time of its own
("2021-3-15", "2021/3/15", "2021-03-15 9:03:00"), the Chinese, Japanese and Korean
markers ("2021年3月15日", "2021년 3월 15일"), a Japanese era's year ("令和3年3月15日",
"R3.3.15") and Taiwan's (民國110年3月15日, "110/03/15"), an English month's name ("15 March 2021",
"Mar 15, 2021", "15-Mar-2021") or another European language's ("15 mars 2021", "15. März
2021", "15 de marzo de 2021", "15 марта 2021 г."). Each was an ERROR row. A day or a month
first in digits ("15/03/2021", "03/04/2021") stays one: which comes first is the writer's
convention, and a guess could date a row outside a program's force; unless the user says
which (`--date-order dmy|mdy`, `ordered`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from typing import Any

# A time after the date, as exports write one: "9:03", "09:03:00.000", a zone or none.
_TIME = r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
_YEAR_FIRST = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}})\.?{_TIME}")
_MARKED = re.compile(rf"(\d{{4}})\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})\s*[日일号]?{_TIME}")
_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# Japan's eras, as its statements and forms may count years (令和3年 is 2021, its year 1
# written 元年), by their first days; and their letters ("R3.3.15", "H31.4.30").
_ERAS = {"明治": date(1868, 10, 23), "大正": date(1912, 7, 30), "昭和": date(1926, 12, 25),
         "平成": date(1989, 1, 8), "令和": date(2019, 5, 1)}  # fmt: skip
_ERA_LETTERS = dict(zip("MTSHR", _ERAS, strict=True))
_ERA_MARKED = re.compile(
    rf"(明治|大正|昭和|平成|令和)\s*(元|\d{{1,2}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日?{_TIME}"
)
_ERA_LETTERED = re.compile(rf"([MTSHR])\s?(\d{{1,2}})([./-])(\d{{1,2}})\3(\d{{1,2}}){_TIME}")
# Taiwan's Republic of China years (民國110年 is 2021), as its banks' statements count them.
_ROC = re.compile(
    rf"(?:民國|民国)\s*(\d{{1,3}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日?{_TIME}"
)
_ROC_FIRST_YEAR = 1911
# ... and in digits, its year first ("110/03/15", "110.3.15"): a year of three digits is no
# other calendar's, so from 100 (2011) on it is read; "99/03/15" is any order's.
_ROC_DIGITS = re.compile(rf"(?:民國|民国)?\s*(1\d\d)([./-])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
# A spreadsheet's day number (days since 1899-12-30, as Excel and LibreOffice count),
# exported as a number: from 1990 to 2099. Not read (a number may be anything), but named.
_SERIAL = re.compile(r"[3-7]\d{4}(?:\.\d+)?")
_SERIAL_DAY_0, _SERIAL_RANGE = date(1899, 12, 30), range(32874, 73051)
# A day, another language's month by name, a year: its words between ("de"), a Russian or
# Polish "year" after it.
_FOREIGN = re.compile(r"(\d{1,2})\.?\s*(?:de\s+)?([^\W\d_]{3,}\.?)\s*(?:de\s+|del\s+)?(\d{4})"
                      r"(?:\s*(?:г|r|года|roku)\.?)?")  # fmt: skip
_LOCALES = ("fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr")  # months' names read
# Months' short names that exports write and CLDR does not: a German spreadsheet's "MMM"
# writes March "Mrz" ("15. Mrz 2021").
_EXPORTED_MONTHS = {"mrz": 3}
_ORDER_HINT = "; a date written day or month first is read with --date-order dmy or mdy"
# Two defaults a parsed date falls back to for what the text leaves out: a date that
# differs between them was not written whole ("March 2021").
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 12, 28))


def written_date(text: str) -> date | None:
    """The date `text` writes in one of these forms, or None (then it is no date)."""
    text = unicodedata.normalize("NFKC", text).strip()
    found = _YEAR_FIRST.fullmatch(text)
    if found is not None:
        return _day(found.group(1), found.group(3), found.group(4))
    found = _MARKED.fullmatch(text)
    if found is not None:
        return _day(found.group(1), found.group(2), found.group(3))
    if found := _ERA_MARKED.fullmatch(text):
        return _era_day(found.group(1), found.group(2), found.group(3), found.group(4))
    if found := _ERA_LETTERED.fullmatch(text.upper()):
        era = _ERA_LETTERS[found.group(1)]
        return _era_day(era, found.group(2), found.group(4), found.group(5))
    if found := _ROC.fullmatch(text):
        year = int(found.group(1)) + _ROC_FIRST_YEAR
        return _day(str(year), found.group(2), found.group(3))
    if found := _ROC_DIGITS.fullmatch(text):
        year = int(found.group(1)) + _ROC_FIRST_YEAR
        return _day(str(year), found.group(3), found.group(4))
    named = _MONTH_NAME.search(text) and len(_YEAR.findall(text)) == 1
    if named and (read := _named_month(text)) is not None:
        return read
    if found := _FOREIGN.fullmatch(text.casefold()):
        month = _month_names().get(found.group(2).rstrip("."))
        return _day(found.group(3), str(month), found.group(1)) if month else None
    return None


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    """The months' names in `_LOCALES` (CLDR's, through babel: wide and abbreviated, as a
    date and standing alone, "mars", "März", "марта"), casefolded without a final dot;
    a name two languages give different months is left out."""
    from babel import Locale

    found: dict[str, set[int]] = {}
    for code in _LOCALES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    found.setdefault(name.casefold().rstrip("."), set()).add(number)
    known = {name: numbers.pop() for name, numbers in found.items() if len(numbers) == 1}
    return {**_EXPORTED_MONTHS, **known}


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _era_day(era: str, year: str, month: str, day: str) -> date | None:
    """A day of a Japanese era's year, or None for one before the era began. One after it
    ended is the year its count names: forms printed before 2019 write 平成32年 for 2020,
    and no other day is meant."""
    start = _ERAS[era]
    read = _day(str(start.year + (1 if year == "元" else int(year)) - 1), month, day)
    if read is None or read < start:
        return None
    return read


def date_hint(text: str) -> str:
    """What an ERROR for a date it cannot read adds: how to read one written day or month
    first, or the day a spreadsheet's day number stands for."""
    if day_or_month_first(text):
        return _ORDER_HINT
    if _SERIAL.fullmatch(text) and int(float(text)) in _SERIAL_RANGE:
        day = _SERIAL_DAY_0.toordinal() + int(float(text))
        return (
            f"; a spreadsheet's day number ({date.fromordinal(day).isoformat()})? export the "
            "column as dates"
        )
    return ""


def _named_month(text: str) -> date | None:
    from dateutil import parser  # only for a date written with a month's name

    try:
        read = [parser.parse(text, default=d, fuzzy=False).date() for d in _DEFAULTS]
    except (ValueError, OverflowError):
        return None
    return read[0] if read[0] == read[1] else None


DATE_ORDERS = ("dmy", "mdy")
_NUMERIC = re.compile(rf"(\d{{1,2}})([./-])(\d{{1,2}})\2(\d{{4}}){_TIME}")


def day_or_month_first(text: str) -> bool:
    """Whether a date is written as `ordered` reads it, day or month first in digits."""
    return _NUMERIC.fullmatch(text.strip()) is not None


def ordered(text: str, order: str) -> str | None:
    """A date written with its day or month first in digits ("15.03.2021", "03/15/2021"),
    as ISO writes it, read in the `order` the user says the file writes (dmy or mdy): no
    guess then. None for any other text, or no such day (read as it is)."""
    found = _NUMERIC.fullmatch(text.strip())
    if found is None:
        return None
    first, second, year = found.group(1), found.group(3), found.group(4)
    day, month = (first, second) if order == "dmy" else (second, first)
    read = _day(year, month, day)  # a date that is none stays as written, for its error
    return read.isoformat() if read is not None else None


def reorder_date(data: dict[str, Any], order: str) -> None:
    """Sets a row's date written day or month first to its ISO writing (`ordered`)."""
    value = data.get("date")
    if isinstance(value, str) and (iso := ordered(value, order)) is not None:
        data["date"] = iso
