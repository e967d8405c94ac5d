"""A transactions file's header as spreadsheets write it: column names in another case or
with spaces ("ID", "Counterparty Name"), Excel's `sep=;` line before the header. Read as the
input columns they name, rather than refused as a file with no `id` column. And a column
the header names twice (a file joined from two exports): an input column's copies must
agree, an extra column's are each carried. (The delimiter, and columns under other
exports' names, are columns.py's.)"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import FieldError
from .rows import INPUT_COLUMNS

DELIMITERS = (",", ";", "\t", "|")
_SEPARATORS = re.compile(r"[\s\-.]+")


def folded_cell(cell: str) -> str:
    """A header cell casefolded, its spaces, hyphens and dots as `_` ("Counterparty Name",
    "counterparty-name": counterparty_name)."""
    return _SEPARATORS.sub("_", cell.lstrip("\ufeff").strip().casefold())


def column_name(cell: str) -> str:
    """The input column a header cell names ("Counterparty Name", " ID ", "US-Nexus"), or
    the cell as written (stripped) when it names none: an extra column, carried as is."""
    cell = cell.strip()
    folded = folded_cell(cell)
    return folded if folded in INPUT_COLUMNS else cell


def canonical_header(cells: list[str]) -> list[str]:
    """Each cell as the input column it names; a column written exactly as the contract
    names it wins over one that only folds to it, which keeps its own name (an extra
    column, not a second `id`)."""
    stripped = [c.strip() for c in cells]
    taken = {c for c in stripped if c in INPUT_COLUMNS}
    out: list[str] = []
    for cell in stripped:
        name = column_name(cell)
        if name != cell and name in taken:
            name = cell
        taken.add(name)
        out.append(name)
    return out


# Excel's first line naming the delimiter ("sep=;"), written by exports meant to open in
# Excel whatever its locale: not a header, and the delimiter it names is the file's.
_SEPARATOR_LINE = re.compile(r"\ufeff?sep=(.)\r?\n?")


def separator_line(first_line: str) -> str | None:
    """The delimiter a `sep=` first line names, or None when the first line is no such
    line (then it is the header)."""
    found = _SEPARATOR_LINE.fullmatch(first_line)
    return found.group(1) if found else None


def repeated_columns(header: list[str]) -> dict[str, tuple[int, ...]]:
    """The input columns a header names more than once, with their positions: a file
    joined from two exports ("counterparty_name" in both), read by name, kept only the
    last one's value, and a listed payee in the first was never screened."""
    positions: dict[str, list[int]] = {}
    for i, name in enumerate(header):
        if name in INPUT_COLUMNS:
            positions.setdefault(name, []).append(i)
    return {name: tuple(at) for name, at in positions.items() if len(at) > 1}


def distinct_extras(header: list[str]) -> list[str]:
    """The header with each later copy of a repeated extra column named as pandas reads
    it ("memo", "memo.1"), and of a column with no name by its place ("column 10": a
    spreadsheet's export ends its header with commas): carried by name, the copies showed
    the last one's value."""
    seen = set(header)
    counts: dict[str, int] = {}
    out: list[str] = []
    for place, name in enumerate(header, start=1):
        n = counts.get(name, 0)
        counts[name] = n + 1
        if n and name not in INPUT_COLUMNS:
            stem, n = (f"column {place}", 0) if not name else (name, n)
            new = f"{stem}.{n}" if n else stem
            while new in seen:
                n += 1
                new = f"{stem}.{n}"
            name = new
            seen.add(name)
        out.append(name)
    return out


def merge_repeated(data: dict[str, Any], cells: Mapping[str, Sequence[Any]]) -> FieldError | None:
    """Sets each repeated input column of `data` to the one value its copies (`cells`)
    hold, blank copies aside; an error naming the column when they differ, since which
    of them is the counterparty (or its text, its date) no one can say."""
    for column, values in cells.items():
        written: list[Any] = []  # by equality: a JSON value may be a list
        for v in values:
            if v is not None and str(v).strip() and v not in written:
                written.append(v)
        if len(written) > 1:
            shown = ", ".join(repr(str(v)[:60]) for v in written[:3])
            return FieldError(
                column,
                f"given {len(values)} times (a column or key repeated) and this row's "
                f"copies differ ({shown}); screen one of them",
            )
        data[column] = written[0] if written else values[-1]
    return None


class RepeatedKeys(dict[str, Any]):
    """A JSON object that names a key twice, with every pair as written: json.loads keeps
    the last value alone, and a listed payee under the first would never be screened."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs

    def resolved(self) -> tuple[dict[str, Any], FieldError | None]:
        """The object as a CSV row with the same repeated columns reads (header.py)."""
        keys = distinct_extras([key for key, _ in self.pairs])
        data = dict(zip(keys, (v for _, v in self.pairs), strict=True))
        repeated = repeated_columns(keys)
        cells = {c: [self.pairs[i][1] for i in at] for c, at in repeated.items()}
        return data, merge_repeated(data, cells)


def keyed_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads' object_pairs_hook: a dict, or a RepeatedKeys when a key repeats."""
    data = dict(pairs)
    return data if len(data) == len(pairs) else RepeatedKeys(pairs)


def fold(cell: str) -> str:
    """A header cell as aliases are written: its full-width forms folded (NFKC), then as
    the contract's names are read (header.folded_cell), without the "*" an import
    template marks a required column with (Xero's "*ContactName")."""
    return folded_cell(unicodedata.normalize("NFKC", cell).lstrip("*"))
