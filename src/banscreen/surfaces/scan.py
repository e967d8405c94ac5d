"""What every surface reader yields, and the options they share.

A reader turns one input file into ScanItems, one per record (a payment, an installed
app, a dependency, a hostname): either a Transaction to screen, or the FieldError that
stopped the record from becoming one. A reader never drops a record and never raises for
one bad record; only an input that cannot be read at all raises InputError.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import FieldError
from ..model import Nexus, Transaction


@dataclass(frozen=True)
class ScanItem:
    location: str  # where the record is: message and transaction id, dependency path, line
    record_id: str
    transaction: Transaction | None = None
    error: FieldError | None = None
    notes: tuple[str, ...] = ()  # facts about the record's place, not a decision


@dataclass(frozen=True)
class ScanOptions:
    as_of: date  # the date of records that carry none (an SBOM, an app inventory)
    us_nexus: Nexus | None = None  # None: the reader decides (payments: from the parties)
    category: str | None = None  # override the reader's transaction category


def error_item(location: str, record_id: str, field: str, message: str) -> ScanItem:
    return ScanItem(location, record_id, error=FieldError(field, message))
