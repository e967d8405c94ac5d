"""The columns of a transactions file that hold the counterparty's registration or tax
number (data/input/number_columns.yaml): a vendor master's `Tax ID`, an AP export's `VAT
Registration No.`, a Chinese statement's `对方税号`, a Russian one's `ИНН получателя`.

Such a column was carried to the output and never screened. Each value that checks itself
(match/registration_numbers.py) is now added to the row's identifiers; any other could
match nothing, and stays as it was rather than making the row an ERROR."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import DataError
from ..match.registration_numbers import checked
from .header import fold

_FILE = "input/number_columns.yaml"
_IDENTIFIERS = "counterparty_identifiers"


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    data: Any = yaml.safe_load((resources.files("banscreen.data") / _FILE).read_text("utf-8"))
    if not isinstance(data, dict) or not data.get("source") or not data.get("names"):
        raise DataError(_FILE, None, "names", "needs `source` and `names`")
    return frozenset(_folded(str(name)) for name in data["names"])


def _folded(cell: str) -> str:
    return fold(cell).strip("_")  # "VAT Registration No." as "vat_registration_no"


def number_cells(names: Sequence[str]) -> list[str]:
    """The header's cells that hold the counterparty's registration or tax number."""
    table = _names()
    return [cell for cell in names if _folded(cell) in table]


def add_numbers(data: dict[str, Any], cells: Sequence[str]) -> None:
    """Adds the numbers `cells` hold that check themselves to the row's identifiers, as
    `registration_number:` items (a JSON row's list of items, a CSV row's cell)."""
    found = [
        f"registration_number:{value.strip()}"
        for cell in cells
        if isinstance(value := data.get(cell), str) and checked(value) is not None
    ]
    if not found:
        return
    given = data.get(_IDENTIFIERS)
    if isinstance(given, list):
        data[_IDENTIFIERS] = [*given, *found]
    elif given is None or isinstance(given, str):  # another type is an ERROR as it is
        data[_IDENTIFIERS] = ";".join([given, *found] if given and given.strip() else found)
