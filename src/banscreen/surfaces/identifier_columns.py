"""The columns of a transactions file that hold an identifier of the counterparty or of
what the row deals in (data/input/identifier_columns.yaml): a vendor master's `Tax ID`, an
AP export's `VAT Registration No.`, a Chinese statement's `对方税号`, a Russian one's
`ИНН получателя`, a trade blotter's `ISIN` and `Ticker`.

Such a column was carried to the output and never screened. Each value that is a valid
identifier of its kind (a registration number that checks itself) is now added to the
row's identifiers; any other could match nothing, and stays as it was rather than making
the row an ERROR."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import DataError, IdentifierError
from ..match.identifier_forms import normalise
from ..match.registration_numbers import checked
from ..model import IDENTIFIER_KINDS
from .header import fold

_FILE = "input/identifier_columns.yaml"
_IDENTIFIERS = "counterparty_identifiers"


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """{folded header cell: identifier kind}."""
    data: Any = yaml.safe_load((resources.files("banscreen.data") / _FILE).read_text("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise DataError(_FILE, None, "columns", "needs a mapping of identifier kinds")
    out: dict[str, str] = {}
    for kind, group in data["columns"].items():
        if kind not in IDENTIFIER_KINDS:
            raise DataError(_FILE, None, str(kind), "is no identifier kind")
        if not isinstance(group, dict) or not group.get("source") or not group.get("names"):
            raise DataError(_FILE, None, kind, "needs `source` and `names`")
        for name in group["names"]:
            if (key := _folded(str(name))) in out:
                raise DataError(_FILE, None, kind, f"{name!r} given twice")
            out[key] = kind
    return out


def _folded(cell: str) -> str:
    return fold(cell).strip("_")  # "VAT Registration No." as "vat_registration_no"


def identifier_cells(names: Sequence[str]) -> dict[str, str]:
    """{header cell: the identifier kind it holds} of the header's identifier columns."""
    table = _names()
    return {cell: table[key] for cell in names if (key := _folded(cell)) in table}


def _valid(kind: str, value: str) -> bool:
    if kind == "registration_number":
        return checked(value) is not None
    try:
        normalise(kind, value)
    except IdentifierError:
        return False
    return True


def add_identifiers(data: dict[str, Any], cells: Mapping[str, str]) -> None:
    """Adds the valid identifiers `cells` hold to the row's identifiers, as `kind:value`
    items (a JSON row's list of items, a CSV row's cell)."""
    found = [
        f"{kind}:{value.strip()}"
        for cell, kind in cells.items()
        if isinstance(value := data.get(cell), str) and value.strip() and _valid(kind, value)
    ]
    if not found:
        return
    given = data.get(_IDENTIFIERS)
    if isinstance(given, list):
        data[_IDENTIFIERS] = [*given, *found]
    elif given is None or isinstance(given, str):  # another type is an ERROR as it is
        data[_IDENTIFIERS] = ";".join([given, *found] if given and given.strip() else found)
