"""A transactions file's header as spreadsheets write it: the delimiter a European Excel
export uses (`;`, where the comma is the decimal mark), a tab-separated export, and column
names in another case or with spaces ("ID", "Counterparty Name"). Read as the input
columns they name, rather than refused as a file with no `id` column."""

from __future__ import annotations

import csv
import re

from .rows import INPUT_COLUMNS

DELIMITERS = (",", ";", "\t", "|")
_SEPARATORS = re.compile(r"[\s\-.]+")


def column_name(cell: str) -> str:
    """The input column a header cell names ("Counterparty Name", " ID ", "US-Nexus"), or
    the cell as written (stripped) when it names none: an extra column, carried as is."""
    cell = cell.strip()
    folded = _SEPARATORS.sub("_", cell.lstrip("\ufeff").strip().casefold())
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


def header_delimiter(first_line: str, tab_separated: bool = False) -> str:
    """The delimiter of a CSV file, from its header line: the comma, unless the comma's
    split names no `id` column and another delimiter's does, with more input columns (a
    tab first for a `.tsv` file)."""
    order = ("\t", ",", ";", "|") if tab_separated else DELIMITERS

    def named(delimiter: str) -> int:
        try:
            cells = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:
            return 0
        header = canonical_header(cells)
        return len(set(header) & set(INPUT_COLUMNS)) if "id" in header else 0

    best = max(order, key=named)  # the first of equals: the comma, or a tab for a .tsv
    return best if named(best) else order[0]
