"""Which input column a value inside a JSON row's objects is read as, by its dotted path
("merchant.name", UK Open Banking's "CreditorAccount.Name").

A file's columns are read from its first rows (json_values.json_header); a row whose only
name is in an object none of them has was an ERROR, and a file of card purchases and
transfers past its hundredth row was a file of such ERRORs. Such a name is now read as its
path's column, row by row."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from .columns import NAME, aliases
from .header import column_name, fold
from .nested import nested_values
from .rows import INPUT_COLUMNS, with_further_names, with_unread_names


def read_by_path(path: str, chosen: Mapping[str, str]) -> str | None:
    """The input column a dotted path inside a JSON row's objects ("merchant.name") is read
    as: one the contract names, an alias's, or one --columns names; None for none."""
    folded = fold(path)
    if column_name(path) in INPUT_COLUMNS:
        return column_name(path)
    if (alias := aliases().by_name.get(folded)) is not None:
        return alias.column
    return next((c for c, cell in chosen.items() if cell and fold(cell) == folded), None)


def read_paths(
    paths: Mapping[str, tuple[str, ...]], chosen: Mapping[str, str]
) -> tuple[dict[str, tuple[str, ...]], set[str]]:
    """Of the paths inside a row's objects, those read as columns (`read_by_path`), and the
    objects an alias names that one of them reads as that alias's column: such an object is
    read by the path, no longer as the column itself."""
    read = {p: (k, c) for p, k in paths.items() if (c := read_by_path(p, chosen))}
    objects = {k[0] for k, c in read.values() if read_by_path(k[0], {}) == c}
    return {p: k for p, (k, _) in read.items()}, objects


def read_late_name(row: dict[str, Any], paths: Collection[str], chosen: Mapping[str, str]) -> None:
    """Reads the name of a JSON row that has none but in objects its file's first rows have
    not (`paths` are theirs): the first such path's value as the counterparty's name, the
    others' as further names; where they name both a payee and a payer, the row is an
    ERROR naming them (rows.UNREAD_NAMES), as a file's own objects would be."""
    if row.get(NAME):
        return
    found = [
        (path, value)
        for path, value in nested_values(row).items()
        if value not in (None, "") and path not in paths and read_by_path(path, chosen) == NAME
    ]
    if not found:
        return
    table = aliases().by_name
    sides = {alias.side for path, _ in found if (alias := table.get(fold(path)))} - {None}
    if len(sides) > 1:
        with_unread_names(row, [path for path, _ in found])
        return
    row[NAME] = found[0][1]
    read = str(found[0][1]).strip().casefold()
    further = [(p, v) for p, v in found[1:] if isinstance(v, str) and v.strip().casefold() != read]
    if further:
        with_further_names(row, further)
