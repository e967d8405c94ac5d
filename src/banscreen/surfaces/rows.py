"""Turn one input row (a mapping of column → text) into a Transaction, or a FieldError.

The parser is strict about form and lenient about nothing else: a malformed date, an
unknown category or undecodable bytes become an ERROR row that names the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ..errors import FieldError
from ..match.text import LONE_SURROGATE, unfolded_past
from ..model import CounterpartyIdentifier, Nexus, Transaction
from ..tunables import CACHE_ENTRIES, EXTRA_FIELD_LIMIT, NAME_LIMIT
from .identifier_cells import identifiers_of
from .written_dates import date_hint, written_date

INPUT_COLUMNS = (
    "id",
    "date",
    "category",
    "counterparty_name",
    "counterparty_country",
    "counterparty_identifiers",
    "us_nexus",
    "text",
)
# The counterparty's further names, from more columns that name it of the same side (an
# ERP's Vendor, a number, beside its Vendor Name): screened as parties named by their
# columns. Set by the column map (columns.py) as "column\x1fname" items apart by
# "\x1e"; it names no column a file can have.
FURTHER_NAMES = "\x1ecounterparty_names"
# A row's filled columns naming a payee or a payer, and no counterparty as such (columns.py:
# unread_sides, row_sides; object_columns.read_late_name): either may be the counterparty,
# so the row is an ERROR rather than screened without a name.
UNREAD_NAMES = "\x1eunread_names"
_PARTY, _PARTIES = "\x1f", "\x1e"
# The contract's true, false and unknown, and what spreadsheets and bank exports write for
# them (Y/N flags, 1/0 cells).
_NEXUS = {
    "true": Nexus.TRUE, "yes": Nexus.TRUE, "y": Nexus.TRUE, "1": Nexus.TRUE,
    "false": Nexus.FALSE, "no": Nexus.FALSE, "n": Nexus.FALSE, "0": Nexus.FALSE,
    "unknown": Nexus.UNKNOWN, "": Nexus.UNKNOWN,
}  # fmt: skip


# Longest value (characters) accepted per field: beyond it the row is an ERROR, since no
# real name, identifier list or remittance line is that long.
FIELD_LIMITS = {
    "id": 1024,
    "date": 64,
    "category": 64,
    "us_nexus": 16,
    "counterparty_name": NAME_LIMIT,
    "counterparty_country": 64,
    "counterparty_identifiers": 65536,
    "text": 1 << 20,
}
_MATCHED = ("counterparty_name", "text")  # the fields names are looked for in
# The lone surrogates surrogateescape makes of bytes the decoder could not read.
_UNDECODED = range(0xDC80, 0xDD00)


def check_length(text: str, field: str) -> None:
    """A field no longer than its limit, also as matching reads it (compatibility
    characters unfolded); else a `FieldError` naming it."""
    limit = FIELD_LIMITS.get(field, EXTRA_FIELD_LIMIT)
    if len(text) > limit:
        raise FieldError(field, f"{len(text):,} characters, more than the {limit:,} accepted")
    if field in _MATCHED and (read := unfolded_past(text, limit)):
        # Matching reads text unfolded: a megabyte of "ﷺ" reads as 18 MB of words.
        raise FieldError(field, f"{len(text):,} characters that read as {read:,} (ligatures"
                         f" and compatibility characters unfolded), more than the {limit:,}"
                         " accepted")  # fmt: skip


def readable(text: str) -> str:
    """`text` as UTF-8 can write it, each lone surrogate (`LONE_SURROGATE`) a "?": what a
    row that is an ERROR for one carries to the output and the store."""
    return text if text.isascii() else text.encode("utf-8", "replace").decode("utf-8")


def _text(value: Any, field: str) -> str:
    if value is None:
        return ""
    undecoded = "the file's encoding"
    if isinstance(value, bytes):  # a Parquet binary column: UTF-8 or nothing
        value, undecoded = value.decode("utf-8", errors="surrogateescape"), "UTF-8"
    if isinstance(value, list | tuple | dict | set):
        # A JSON list or object is no name, date or country: screening its printed form
        # would match words like "name" and decide on a guess.
        shape = "an object" if isinstance(value, dict) else "a list"
        raise FieldError(field, f"{shape} where text is expected")
    text = value if isinstance(value, str) else str(value)
    check_text(text, field, undecoded)
    return text


def check_text(text: str, field: str, undecoded: str = "the file's encoding") -> None:
    """A field's text as every reader's must be: within its limit (`check_length`), and all
    characters (no bytes the decoder of `undecoded` could not read, no lone surrogate, no
    NUL)."""
    check_length(text, field)
    if found := LONE_SURROGATE.search(text):
        if ord(found.group()) in _UNDECODED:
            hint = " (--encoding names it)" if undecoded == "the file's encoding" else ""
            raise FieldError(field, f"bytes that are not valid in {undecoded}{hint}")
        raise FieldError(
            field,
            f"a lone UTF-16 surrogate (\\u{ord(found.group()):04x}) at character "
            f"{found.start() + 1:,}, which is no character",
        )
    if "\x00" in text:
        raise FieldError(field, "contains a NUL byte")


# Before it, a date is a system's placeholder for a missing one (0001-01-01 is .NET's and
# SQL Server's least date, 1753-01-01 SQL Server's datetime's), not a transaction's: read as
# one, it was CLEAR NOT_YET_EFFECTIVE before every program.
EARLIEST_DATE = date(1900, 1, 1)
# From it on, a date is a placeholder for a missing or open-ended one (9999-12-31 is SQL
# Server's, Oracle's and SAP's greatest date; 2999-12-31 and 2099-12-31 are other systems'),
# or a year mistyped ("2201"): read as one, 9999-12-31 was CLEAR REVOKED for a revoked
# program. Nothing is scheduled that far ahead.
LATEST_DATE = date(2099, 12, 31)
_DATE_TEXT_MAX = 64  # longer, a field is no date in any form (written_dates.py)


# A date written year first with slashes or dots: only ISO's order writes the year first. A
# day or month first ("15/03/2021", "03.04.2021") stays an error: which comes first is the
# writer's convention, and a guess could date a row outside a program's force.
_YEAR_FIRST = re.compile(r"\d{4}([/.])\d{2}\1\d{2}")
# A JSON number in a date field is a Unix time (Stripe's `created`, in seconds; many APIs'
# in milliseconds) when it falls in this range of seconds (2000 to 2100): read as its UTC
# day, as an offset in an ISO date-time is read at the date written. Text of digits stays
# an ERROR: a column of numbers as text may be anything.
_EPOCH_SECONDS = range(946_684_800, 4_102_444_800)


def _epoch(value: Any) -> date | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    for seconds in (value, value / 1000):
        if _EPOCH_SECONDS.start <= seconds < _EPOCH_SECONDS.stop:
            return datetime.fromtimestamp(seconds, UTC).date()
    return None


def parse_date(value: Any) -> date | None:
    """A row's date, or None when it has none; a FieldError when it is no date, or one
    before `EARLIEST_DATE` or from `LATEST_DATE` on."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    elif (stamp := _epoch(value)) is not None:
        day = stamp
    else:
        text = _text(value, "date").strip()
        if not text:
            return None
        if _YEAR_FIRST.fullmatch(text):  # "2021/03/15", "2021.03.15": a year first is ISO's order
            text = f"{text[:4]}-{text[5:7]}-{text[8:]}"
        try:
            if len(text) == 10:
                day = date.fromisoformat(text)
            else:
                day = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            written = written_date(text) if len(text) <= _DATE_TEXT_MAX else None
            if written is None:
                hint = date_hint(text)
                raise FieldError("date", f"not a date (YYYY-MM-DD): {text[:40]!r}{hint}") from None
            day = written
    if day < EARLIEST_DATE:
        raise FieldError(
            "date",
            f"{day.isoformat()} is before {EARLIEST_DATE.year}: a placeholder for a "
            "missing date, not a transaction's",
        )
    if day >= LATEST_DATE:
        raise FieldError(
            "date",
            f"{day.isoformat()} is {LATEST_DATE.isoformat()} or later: a placeholder for a "
            "missing or open-ended date, or a mistyped year, not a transaction's",
        )
    return day


# A category's words apart by spaces or hyphens, as a person writes them ("App
# Distribution", "transit-peering"), are its id: an ERROR before, though no guess is made.
_SEPARATORS = re.compile(r"[\s-]+")


def category_id(written: str) -> str:
    """A category as written ("App Distribution", "transit-peering") as its id."""
    return _SEPARATORS.sub("_", written.strip().lower())


def parse_identifiers(value: Any) -> tuple[CounterpartyIdentifier, ...]:
    """`kind:value;kind:value`, or a list of such strings (JSON input), and the other ways
    people write them (identifier_cells.py)."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return identifiers_of([_text(v, "counterparty_identifiers") for v in value])
    return identifiers_of(_text(value, "counterparty_identifiers"))


# The columns that say who the counterparty is and what the dealing is: with the date's
# registry period, all a decision depends on besides the row's own id and extra columns.
COUNTERPARTY_COLUMNS = (
    "category",
    *INPUT_COLUMNS[INPUT_COLUMNS.index("counterparty_name") :],
    FURTHER_NAMES,
    UNREAD_NAMES,
)


class RowParser:
    """parse_row with a memory: rows of a file repeat their counterparty columns, so those
    are validated once per distinct combination; id, date and extra columns every time."""

    def __init__(self, limit: int = CACHE_ENTRIES) -> None:
        self._seen: dict[tuple[object, ...], Transaction | FieldError] = {}
        self._limit = limit

    def __call__(self, row: Mapping[str, Any]) -> Transaction:
        key = tuple(map(row.get, COUNTERPARTY_COLUMNS))
        # Only text is remembered: JSON and Parquet values of other types compare equal
        # across types (True == 1) without parsing alike, and lists are not hashable.
        if not all(v is None or type(v) is str for v in key):
            return parse_row(row)
        template = self._seen.get(key)
        if template is None:
            if sum(len(v) for v in key if isinstance(v, str)) > 4096:
                return parse_row(row)
            try:
                template = parse_row({**{c: row.get(c) for c in COUNTERPARTY_COLUMNS}, "id": "-"})
            except FieldError as exc:
                template = exc
            if len(self._seen) >= self._limit:
                self._seen.clear()
            self._seen[key] = template
        # Fields are checked in parse_row's order, so the same first error is reported.
        extra = _extras(row)
        tx_id = _text(row.get("id"), "id").strip()
        if not tx_id:
            raise FieldError("id", "missing")
        if isinstance(template, FieldError) and template.field == "us_nexus":
            raise template
        day = parse_date(row.get("date"))
        if isinstance(template, FieldError):
            raise template
        return Transaction(
            id=tx_id,
            date=day,
            category=template.category,
            counterparty_name=template.counterparty_name,
            counterparty_country=template.counterparty_country,
            identifiers=template.identifiers,
            us_nexus=template.us_nexus,
            text=template.text,
            extra=extra,
            parties=template.parties,
        )


def _cell(value: Any) -> str:
    """An extra column's value as the output carries it: a nested one (a JSON line's
    object, a Parquet list) as JSON, not as Python prints it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _extras(row: Mapping[str, Any]) -> dict[str, str]:
    """extra_columns, refusing an overlong one first: one pass over the row."""
    out: dict[str, str] = {}
    for key, value in row.items():
        if key in _INPUT or key is None:
            continue
        text = _cell(value)
        if len(text) > EXTRA_FIELD_LIMIT:
            raise FieldError(
                str(key), f"{len(text):,} characters, more than the {EXTRA_FIELD_LIMIT:,} accepted"
            )
        out[str(key)] = readable(text)
    return out


_INPUT = frozenset((*INPUT_COLUMNS, FURTHER_NAMES, UNREAD_NAMES))  # no extra columns


def _check_extra(row: Mapping[str, Any]) -> None:
    for key, value in row.items():
        if key not in _INPUT and isinstance(value, str) and len(value) > EXTRA_FIELD_LIMIT:
            raise FieldError(
                str(key), f"{len(value):,} characters, more than the {EXTRA_FIELD_LIMIT:,} accepted"
            )


def parse_row(row: Mapping[str, Any]) -> Transaction:
    """Validate the form of every known column; unknown columns are kept in `extra`."""
    _check_extra(row)
    tx_id = _text(row.get("id"), "id").strip()
    if not tx_id:
        raise FieldError("id", "missing")
    nexus_text = _text(row.get("us_nexus"), "us_nexus").strip().lower()
    if nexus_text not in _NEXUS:
        raise FieldError("us_nexus", f"expected true, false or unknown, got {nexus_text[:20]!r}")
    return Transaction(
        id=tx_id,
        date=parse_date(row.get("date")),
        category=category_id(_text(row.get("category"), "category")),
        counterparty_name=_name(row),
        counterparty_country=_text(row.get("counterparty_country"), "counterparty_country").strip(),
        identifiers=parse_identifiers(row.get("counterparty_identifiers")),
        us_nexus=_NEXUS[nexus_text],
        text=_text(row.get("text"), "text"),
        extra=extra_columns(row),
        parties=further_names(row.get(FURTHER_NAMES)),
    )


def _name(row: Mapping[str, Any]) -> str:
    if cells := row.get(UNREAD_NAMES):
        named = " and ".join(repr(c) for c in str(cells).split(_PARTIES))
        raise FieldError(
            "counterparty_name",
            f"empty, and a column not read holds a payee's or a payer's name ({named}), either"
            " of whom may be the counterparty: say which with --columns counterparty_name=COLUMN",
        )
    return _text(row.get("counterparty_name"), "counterparty_name").strip()


def further_names(value: Any) -> tuple[tuple[str, str], ...]:
    """The parties `FURTHER_NAMES` holds, each held to a counterparty's name's limits."""
    if not isinstance(value, str) or not value:
        return ()
    out = []
    for item in value.split(_PARTIES):
        column, _, name = item.partition(_PARTY)
        try:
            check_text(name, "counterparty_name")
        except FieldError as exc:
            raise FieldError(column, exc.message) from None
        out.append((column, name.strip()))
    return tuple(out)


def with_further_names(data: dict[str, Any], names: list[tuple[str, str]]) -> None:
    """Sets the row's `FURTHER_NAMES` to (column, name) pairs, or leaves it without."""
    if names:
        data[FURTHER_NAMES] = _PARTIES.join(f"{column}{_PARTY}{name}" for column, name in names)


def with_unread_names(data: dict[str, Any], cells: list[str]) -> None:
    """Marks a row whose name is in `cells`, columns not read (UNREAD_NAMES)."""
    if cells:
        data[UNREAD_NAMES] = _PARTIES.join(cells)


def extra_columns(row: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in row.items():
        if key in _INPUT or key is None:
            continue
        text = _cell(value)[:EXTRA_FIELD_LIMIT]
        out[str(key)] = readable(text)
    return out


def row_id(row: Mapping[str, Any]) -> str:
    """The row's id as text, even when the row is otherwise broken."""
    value = row.get("id")
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return readable(text).strip()


@dataclass
class RawRow:  # a record as its reader gives it, before it is parsed
    number: int  # 1-based data row number (the header is not counted)
    data: dict[str, Any] = field(default_factory=dict)
    error: FieldError | None = None
    where: str = ""  # in a workbook of several sheets: "sheet 'March', row 5"
