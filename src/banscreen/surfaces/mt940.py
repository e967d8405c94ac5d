"""SWIFT MT940 (and MT942) account statements as transactions: one per statement line
(`:61:`), read by the mt-940 library.

A statement line's information to the account owner (`:86:`) names the other party where
the bank structures it (the `?32`/`?33` subfields German banks write: `applicant_name`;
SWIFT's `/NAME/` code Dutch banks write), and is free text otherwise: the name, the
purpose and the whole field, its subfield markers taken out, are screened. Money in and
out alike: the other party is the counterparty. Such a file was read as a list of
domains, or refused.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import FieldError
from ..match.identifier_forms import BIC_SHAPE
from ..model import CounterpartyIdentifier, Nexus, Transaction
from .encodings import file_text
from .rows import check_text
from .scan import ScanItem, ScanOptions, error_item

# A statement: a transaction reference (`:20:`) and statement lines (`:61:`), at lines'
# starts, after a SWIFT envelope's blocks or not.
LOOKS_LIKE = re.compile(r"^:20:.*?^:61:", re.MULTILINE | re.DOTALL)
_SUBFIELD = re.compile(r"\?\d\d")  # the structured `:86:`'s markers ("?20", "?32")
# SWIFT's own structured `:86:` (Dutch banks and others): the ordering party's or the
# beneficiary's name after `/NAME/`, up to the next code ("/ORDP//NAME/Acme BV/ADDR/...").
_CODED_NAME = re.compile(r"/NAME/(.+?)(?=/[A-Z]{3,4}/|/\s*$|$)", re.DOTALL)
_NO_REFERENCE = frozenset({"", "NONREF", "NOTPROVIDED"})
_BIC = re.compile(f"^{BIC_SHAPE}$")
_OBJECT = re.compile(r"\s*<[\w.]+ object at 0x[0-9a-f]+>")  # a library object in an error


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _day(value: Any) -> date | None:
    """The library's Date (a `date`), or None."""
    return date(value.year, value.month, value.day) if value is not None else None


def _transaction(data: dict[str, Any], number: int, options: ScanOptions) -> Transaction:
    references = [_text(data.get(k)) for k in
                  ("end_to_end_reference", "bank_reference", "customer_reference")]  # fmt: skip
    own = next((r for r in references if r.upper() not in _NO_REFERENCE), "")
    statement = _text(data.get("transaction_reference")) or "statement"
    raw = str(data.get("transaction_details") or "")
    coded = _CODED_NAME.search(raw)
    name = _text(data.get("applicant_name")) or (_text(coded.group(1)) if coded else "")
    details = _SUBFIELD.sub(" ", raw)
    texts = [_text(data.get("purpose")), _text(data.get("additional_purpose")), _text(details)]
    bic = _text(data.get("applicant_bin")).upper()
    for field, value in (("counterparty_name", name), ("text", " ".join(texts))):
        check_text(value, field)
    return Transaction(
        id=own or f"{statement}/{number}",
        date=_day(data.get("entry_date") or data.get("date")) or options.as_of,
        category=options.category or "payment",
        counterparty_name=name,
        identifiers=(CounterpartyIdentifier("bic", bic),) if _BIC.match(bic) else (),
        us_nexus=options.us_nexus or (Nexus.TRUE if bic[4:6] == "US" else Nexus.UNKNOWN),
        text=" ".join(dict.fromkeys(t for t in texts if t)),
        location=f"{statement}/{own or number}",
    )


def read_mt940(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """One ScanItem per statement line; a statement the library cannot read is one ERROR."""
    import mt940  # only statements need it
    from mt940.options import Options

    # `?31` is the other party's account, not the start of its name (`?32`, `?33`); a
    # byte-order mark before the first tag is no part of it.
    statement = mt940.models.Transactions(options=Options(applicant_iban=True, strip_bom=True))
    quiet = logging.getLogger("mt940")  # it logs each field it cannot match, at length
    level, quiet.level = quiet.level, logging.CRITICAL
    try:
        statement.parse(file_text(path))
    except Exception as exc:  # the library raises several types on text it cannot read
        why = _OBJECT.sub("", str(exc.args[0] if exc.args else exc))
        yield error_item("statement", "", "document", f"not a readable MT940 statement: {why}")
        return
    finally:
        quiet.setLevel(level)
    for number, line in enumerate(statement, start=1):
        data = {**statement.data, **line.data}
        try:
            tx = _transaction(data, number, options)
            yield ScanItem(tx.location, tx.id, tx)
        except FieldError as exc:
            location = f"{_text(data.get('transaction_reference'))}/{number}"
            yield ScanItem(location, location, error=exc)
