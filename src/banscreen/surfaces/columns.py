"""Which of a file's columns is each input column: named as the contract names it, under
another export's name (data/input/columns.yaml: `Payee`, `Verwendungszweck`, `交易对方`), or
as the user says (`--columns counterparty_name=Payee`).

A file whose payee column had another name was screened without names: each row with a
text was decided on the text alone, and a listed payee came back CLEAR. Now the column is
read under its name, and a file that still names no counterparty but has a column that may
hold one is refused with a pointer to `--columns`, never screened without its names."""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import DataError, InputError
from .header import DELIMITERS, canonical_header, distinct_extras, fold
from .identifier_columns import add_identifiers, identifier_cells
from .rows import INPUT_COLUMNS, with_further_names, with_unread_names
from .written_dates import reorder_date

_FILE = "input/columns.yaml"
_WORDS = re.compile(r"[\W_]+")
NAME = "counterparty_name"
FILE_REMEDY = (
    f"say which column holds it with --columns {NAME}=COLUMN (or --columns {NAME}= to "
    "screen the file without names)"
)
JOINED = "text"  # the column every alias of which is read, joined


@dataclass(frozen=True)
class Alias:
    column: str
    rank: int  # its place in the file: the first the header holds wins
    side: str | None  # paid or paying, for the counterparty's name


@dataclass(frozen=True)
class Aliases:
    by_name: Mapping[str, Alias]
    hint_words: frozenset[str]
    hint_parts: tuple[str, ...]

    def hints_name(self, cell: str) -> bool:
        """Whether a header cell says it may hold a party's name."""
        folded = fold(cell)
        return bool(self.hint_words & set(_WORDS.split(folded))) or any(
            part in folded for part in self.hint_parts
        )


@lru_cache(maxsize=1)
def aliases() -> Aliases:
    text = (resources.files("banscreen.data") / _FILE).read_text("utf-8")
    data: Any = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise DataError(_FILE, None, "columns", "needs a mapping of input columns")
    by_name: dict[str, Alias] = {}
    rank = 0
    for column, groups in data["columns"].items():
        if column not in INPUT_COLUMNS:
            raise DataError(_FILE, None, str(column), "is no input column")
        for group in groups or ():
            if not isinstance(group, dict) or not group.get("source") or not group.get("names"):
                raise DataError(_FILE, None, column, "each group needs `source` and `names`")
            side = group.get("side")
            if side not in (None, "paid", "paying") or (side and column != NAME):
                raise DataError(_FILE, None, column, f"side {side!r}: paid or paying, of {NAME}")
            for name in group["names"]:
                key = fold(str(name))
                if key in by_name or key in INPUT_COLUMNS:
                    raise DataError(_FILE, None, column, f"alias {name!r} given twice")
                by_name[key] = Alias(column, rank, side)
                rank += 1
    hints = data.get("name_hints") or {}
    if not hints.get("source"):
        raise DataError(_FILE, None, "name_hints", "needs `source`, `words` and `parts`")
    words = frozenset(fold(str(w)) for w in hints.get("words") or ())
    return Aliases(by_name, words, tuple(fold(str(p)) for p in hints.get("parts") or ()))


def parse_columns(given: Sequence[str]) -> dict[str, str]:
    """`--columns` values ("counterparty_name=Payee", several apart by commas or given
    again) as {input column: header cell}; an empty cell names no column on purpose."""
    chosen: dict[str, str] = {}
    for value in given:
        for pair in value.split(","):
            if not pair.strip():
                continue
            column, sep, cell = pair.partition("=")
            column = column.strip()
            if not sep or column not in INPUT_COLUMNS:
                raise InputError(
                    f"--columns {pair.strip()!r}: expected INPUT_COLUMN=HEADER, where "
                    f"INPUT_COLUMN is one of {', '.join(INPUT_COLUMNS)}"
                )
            if column in chosen:
                raise InputError(f"--columns names {column} twice")
            chosen[column] = cell.strip()
    return chosen


@dataclass
class ColumnMap:
    """A file's header read as input columns: `names` by position, as the contract spells
    those it names ("Counterparty Name" read as counterparty_name); the input columns read
    from a column under another name (`copies`: {input column: that column}, which is
    carried to the output as an extra column too); and the further columns whose text is
    added to the row's `text`."""

    names: list[str]
    copies: dict[str, str] = field(default_factory=dict)
    joined: list[str] = field(default_factory=list)
    nameless: bool = False  # --columns counterparty_name=: no column holds names, on purpose
    remedy: str = FILE_REMEDY  # what the user can do about a refusal
    keys: dict[str, str] = field(default_factory=dict)  # cells renamed, for rows read by key
    date_order: str | None = None  # dmy or mdy: how the file writes dates in digits
    # Further columns aliasing an input column (of the same side), read in turn where the
    # one read is empty: a JSON export's card purchases name their merchant and its
    # transfers their creditor, each in an object of its own.
    fallbacks: dict[str, list[str]] = field(default_factory=dict)
    # A payee's and a payer's columns beside a neutral one, not read: ERROR where it is empty.
    unread_sides: list[str] = field(default_factory=list)
    # A payee's and a payer's objects, each row's counterparty where the row has one only
    # (Open Banking's CreditorAccount on a debit, DebtorAccount on a credit): {cell: side}.
    row_sides: dict[str, str] = field(default_factory=dict)
    identified: dict[str, str] = field(default_factory=dict)  # identifier_columns: `Tax ID`

    def finish(self, data: dict[str, Any], by_key: bool) -> dict[str, Any]:
        """A row as the input columns: its keys renamed (a JSON row, read by key), the
        columns under other names filled in, a date in the file's order as ISO writes it."""
        if by_key and self.keys:
            data = {self.keys.get(k, k): v for k, v in data.items()}
        if self.copies or self.identified:
            self.fill(data)
        if self.date_order:
            reorder_date(data, self.date_order)
        return data

    def check_names(self, where: str) -> None:
        """Refuses a file with no counterparty_name column, by any name, and a column that
        may hold the counterparty's name: screened, it would be screened without names."""
        if self.nameless or NAME in self.columns:
            return
        hinted = [c for c in self.names if c not in INPUT_COLUMNS and aliases().hints_name(c)]
        if hinted:
            raise InputError(
                f"{where}: no {NAME} column, and {hinted[0]!r} may hold the counterparty's "
                f"name: {self.remedy}"
            )

    @property
    def read_cells(self) -> set[str]:
        """The cells read as input columns under other names."""
        return {
            *self.copies.values(),
            *self.joined,
            *(c for f in self.fallbacks.values() for c in f),
        }

    @property
    def columns(self) -> set[str]:
        """The input columns the file gives, by any name."""
        return (set(self.names) | set(self.copies)) & set(INPUT_COLUMNS)

    def fill(self, data: dict[str, Any]) -> None:
        """Sets the row's input columns given under other names, and adds the joined
        columns' values to its text, a line each."""
        for column, cell in self.copies.items():
            value = data.get(cell)
            for other in self.fallbacks.get(column, ()) if value in (None, "") else ():
                if (value := data.get(other)) not in (None, ""):
                    break
            data[column] = value
            if column == NAME and column in self.fallbacks:
                with_further_names(data, _further(data, [cell, *self.fallbacks[column]], value))
            if column == NAME and value in (None, "") and self.unread_sides:
                with_unread_names(data, [c for c in self.unread_sides if data.get(c)])
            if column == NAME and self.row_sides:
                self._one_side(data, [cell, *self.fallbacks.get(column, ())])
        add_identifiers(data, self.identified)
        if self.joined:
            parts = [data.get(JOINED), *(data.get(c) for c in self.joined)]
            written = [p if isinstance(p, str) else str(p) for p in parts if p not in (None, "")]
            data[JOINED] = "\n".join(written)

    def _one_side(self, data: dict[str, Any], cells: list[str]) -> None:
        """Marks a row whose payee's and payer's objects are both filled, and no neutral
        column, an ERROR: either may be the counterparty."""
        filled = [c for c in cells if data.get(c) not in (None, "")]
        sided = [c for c in filled if c in self.row_sides]
        if len(sided) == len(filled) and len({self.row_sides[c] for c in sided}) > 1:
            with_unread_names(data, sided)


def _further(data: Mapping[str, Any], cells: list[str], read: Any) -> list[tuple[str, str]]:
    """(column, name) of the further names the row's name `cells` hold: each text but the
    one read, once (an ERP's Vendor Name beside its Vendor, which holds a number)."""
    seen = {read.strip().casefold()} if isinstance(read, str) else set()
    out = []
    for cell in cells:
        value = data.get(cell)
        if isinstance(value, str) and (folded := value.strip().casefold()) not in seen | {""}:
            seen.add(folded)
            out.append((cell, value))
    return out


def read_header(
    cells: Sequence[str],
    chosen: Mapping[str, str],
    where: str,
    by_alias: bool = True,
    remedy: str = FILE_REMEDY,
    date_order: str | None = None,
    objects: Collection[str] = (),
    nested: Collection[str] = (),
) -> ColumnMap:
    """The input column each header cell is read as: one the contract names (in any case
    and spacing: header.canonical_header), `chosen` (--columns), then (`by_alias`: a file
    of transactions, not of decisions) the aliases of the columns neither names, but for
    `objects` (a JSON row's objects, read by the paths inside them, the `nested` cells).
    Its rows are then read (`ColumnMap.finish`) with their dates in `date_order`."""
    names = distinct_extras(canonical_header(list(cells)))
    for column in (c for c, cell in chosen.items() if not cell and c in names):
        # `--columns category=`: the file's own column of that name is not read as it (a
        # bank's spending categories, "Bills", under "Category"), only carried out.
        own = names.index(column)
        raw = str(cells[own]).strip()
        names[own] = raw if raw != column and raw not in names else f"{raw} (not read)"
    keys = {c: n for c, n in zip(cells, names, strict=True) if c != n}
    if not by_alias:
        return ColumnMap(names, nameless=True, keys=keys, date_order=date_order)
    copies: dict[str, str] = {}
    for column, cell in chosen.items():
        if not cell:
            continue
        at = _position(names, cell)
        if at is None:
            shown = ", ".join(repr(c[:40]) for c in names[:12])
            raise InputError(f"{where}: --columns {column}={cell}: no such column ({shown})")
        if column in names and names[at] != column:
            raise InputError(
                f"{where}: --columns {column}={cell}: the file has a {column} column too"
            )
        if names[at] != column:
            copies[column] = names[at]
    joined: list[str] = []
    fallbacks: dict[str, list[str]] = {}
    found = _aliased(names, set(chosen), where, remedy, objects, set(nested))
    for column, positions in found.positions.items():
        copies[column] = names[positions[0]]
        if column == JOINED:
            joined = [names[p] for p in positions[1:]]
        elif len(positions) > 1:
            fallbacks[column] = [names[p] for p in positions[1:]]
    read = ColumnMap(names, copies, joined, NAME in chosen, remedy, keys, date_order, fallbacks)
    read_as = set(copies.values())
    ids = {c: k for c, k in identifier_cells(names).items() if c not in read_as}
    return replace(read, unread_sides=found.unread, row_sides=found.row_sides, identified=ids)


def named_columns(cells: Sequence[str]) -> set[str]:
    """The input columns a header names, as the contract spells them or by an alias."""
    table = aliases().by_name
    out = set()
    for cell in canonical_header(list(cells)):
        alias = table.get(fold(cell)) if cell not in INPUT_COLUMNS else None
        out.add(cell if alias is None else alias.column)
    return out & set(INPUT_COLUMNS)


def header_delimiter(first_line: str, tab_separated: bool = False) -> str:
    """The delimiter of a CSV file, from its header line: the comma, unless the comma's
    split names no `id` column and another delimiter's does, with more input columns (a
    tab first for a `.tsv` file)."""
    return _delimited(first_line, tab_separated)[0]


def _delimited(line: str, tab_separated: bool) -> tuple[str, int]:
    """The line's delimiter (`header_delimiter`), and how many input columns its cells name
    with it, `id` among them (0 when it names no `id`)."""
    order = ("\t", ",", ";", "|") if tab_separated else DELIMITERS

    def named(delimiter: str) -> int:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            return 0
        found = named_columns(cells)
        return len(found) if "id" in found else 0

    best = max(order, key=named)  # the first of equals: the comma, or a tab for a .tsv
    count = named(best)
    return (best if count else order[0]), count


# A header below lines that are no header (a bank statement's or a payment app's bill's
# account, period and totals): found when it names `id` and this many input columns in all.
PREAMBLE_HEADER_COLUMNS = 3
PREAMBLE_LINES = 40  # lines (or a worksheet's rows) looked through for such a header


def header_row(rows: Sequence[Sequence[str]]) -> int:
    """`header_line` of a worksheet's first rows: the index of the header among them."""
    named = [named_columns([str(c) for c in cells]) for cells in rows]
    if not named or "id" in named[0]:
        return 0
    found = (i for i, n in enumerate(named) if "id" in n and len(n) >= PREAMBLE_HEADER_COLUMNS)
    return next(found, 0)


def header_line(lines: Sequence[str], tab_separated: bool = False) -> tuple[int, str]:
    """(how many lines come before the header, the delimiter): the first line, when it
    names an `id` column or no line does; else the first of `lines` that names `id` and
    `PREAMBLE_HEADER_COLUMNS` input columns in all, the lines above it a preamble (an
    export's title, account and period), which holds no transaction."""
    delimiter, count = _delimited(lines[0], tab_separated) if lines else (",", 0)
    if count:
        return 0, delimiter
    for at, line in enumerate(lines[1:], start=1):
        found, count = _delimited(line, tab_separated)
        if count >= PREAMBLE_HEADER_COLUMNS:
            return at, found
    return 0, delimiter


def _position(names: list[str], cell: str) -> int | None:
    if cell in names:
        return names.index(cell)
    folded = [fold(n) for n in names]
    return folded.index(fold(cell)) if fold(cell) in folded else None


@dataclass
class _Aliased:
    positions: dict[str, list[int]]  # ColumnMap.copies and .fallbacks, by position
    unread: list[str]  # ColumnMap.unread_sides
    row_sides: dict[str, str]  # ColumnMap.row_sides


def _aliased(
    names: list[str],
    chosen: set[str],
    where: str,
    remedy: str,
    objects: Collection[str] = (),
    nested: Collection[str] = (),
) -> _Aliased:
    """{input column: positions of the cells that alias it, first the one read, then
    those read in turn where it is empty}, for the columns neither the header nor
    --columns names; and the counterparty's name's aliases of a side not read, or read
    side by side (`nested`: a row's objects, one of which a row has)."""
    table = aliases().by_name
    found: dict[str, list[tuple[int, int, str | None]]] = {}
    for position, cell in enumerate(names):
        alias = table.get(fold(cell)) if cell not in INPUT_COLUMNS and cell not in objects else None
        if alias is None or alias.column in names or alias.column in chosen:
            continue
        found.setdefault(alias.column, []).append((alias.rank, position, alias.side))
    out = _Aliased({}, [], {})
    for column, hits in found.items():
        hits.sort()
        sides = {side for _, _, side in hits} - {None}
        first = hits[0][2]
        by_row = len(sides) > 1 and all(names[p] in nested for _, p, side in hits if side)
        if column == NAME and first is not None and len(sides) > 1 and not by_row:
            shown = " and ".join(repr(names[p]) for _, p, side in hits if side)
            raise InputError(
                f"{where}: no {NAME} column, and {shown} name a payee and a payer, either "
                f"of whom may be the counterparty: {remedy}"
            )
        # Of the others, in turn where it is empty: those of the first's side and of none;
        # after a neutral first (`Counterparty`), those of the one side named (`Payee`);
        # of both where each is an object a row has or not.
        read = {first, None} | (sides if by_row or (first is None and len(sides) == 1) else set())
        out.positions[column] = [p for _, p, s in hits if column == JOINED or s in read]
        if column == NAME:
            out.unread = [names[p] for _, p, side in hits if side not in read]
            out.row_sides = {names[p]: side for _, p, side in hits if side and by_row}
    return out
