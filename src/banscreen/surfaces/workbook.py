"""An Excel workbook (.xlsx, .xlsm) as a transactions file: the form a compliance team's
exports most often take. It was refused whole ("save the sheet as CSV").

Every worksheet of transactions is read, streaming (openpyxl's read-only mode, so a sheet
of a million rows is not held in memory): its header row, as a CSV file's, then each later
row a transaction. A workbook of a sheet a month was read for its first month alone, the
others' rows lost but for a warning; one whose first sheet is a cover or a summary was
refused. Sheets of transactions must share one header (else the workbook is refused, each
to be screened on its own); a sheet with no header of transactions is named
(`other_sheets`), so that what was not read is said rather than lost. Cells are read as CSV
cells would be written: a date as YYYY-MM-DD, a number without a spurious ".0",
TRUE/FALSE as `true`/`false`. A row with no value in any cell is formatting, not a row
(Excel keeps such rows in a sheet's range)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import InputError

SUFFIXES = (".xlsx", ".xlsm")


def cell_text(value: Any) -> str:
    """A cell's value as a CSV cell holding it would read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Sheet:
    """A worksheet of transactions: its place, title, and header's row (the sheet's own
    numbering) and cells."""

    index: int
    title: str
    header_row: int
    header: list[str]
    rows: int  # its rows below the header, as the sheet's range counts them


@dataclass(frozen=True)
class Layout:
    sheets: list[Sheet]  # read in turn, under the first one's header
    others: list[str]  # the titles of the sheets with values but no header of transactions


def layout(
    path: Path,
    preamble: int,
    header_at: Callable[[Sequence[Sequence[str]]], int],
    is_header: Callable[[list[str]], bool],
) -> Layout:
    """The workbook's sheets of transactions: each whose header (`header_at` of its first
    `preamble` rows) `is_header`, or the first sheet when none is (its header is then
    refused as a CSV file's would be). InputError for sheets of transactions under two
    headers."""
    book = Workbook(path)
    found: list[Sheet] = []
    others: list[str] = []
    try:
        for index, sheet in enumerate(book.sheets):
            first = list(islice(book.rows(index, close=False), preamble))
            if not first:
                continue
            at, header = first[header_at([cells for _, cells in first])]
            if index and not is_header(header):  # the first is refused for its header
                others.append(sheet.title)
                continue
            found.append(Sheet(index, sheet.title, at, header, max(0, (sheet.max_row or 1) - at)))
    finally:
        book.close()
    read = [s for s in found if is_header(s.header)] or found[:1]
    others += [s.title for s in found if s not in read]
    if not read:
        raise InputError(f"{path}: the first worksheet is empty (no header row)")
    differ = [s for s in read if _cells(s.header) != _cells(read[0].header)]
    if differ:
        raise InputError(
            f"{path}: the worksheets {read[0].title!r} and {differ[0].title!r} hold transactions "
            "under different headers: save each as a file of its own and screen it"
        )
    return Layout(read, others)


def _cells(header: list[str]) -> list[str]:
    """A header's cells as two sheets' are compared: "ID" is "id"."""
    return [" ".join(c.split()).casefold() for c in header]


class Workbook:
    """A workbook's worksheets, as rows of cell texts."""

    def __init__(self, path: Path) -> None:
        try:
            import openpyxl  # only workbooks need it

            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # a damaged zip, XML, or no workbook at all: several types
            raise InputError(f"{path}: not a readable Excel workbook: {exc}") from exc
        if not self._book.worksheets:
            raise InputError(f"{path}: a workbook without a worksheet")
        self.path = path
        self.sheets = self._book.worksheets

    def close(self) -> None:
        self._book.close()

    def rows(self, index: int = 0, close: bool = True) -> Iterator[tuple[int, list[str]]]:
        """(the sheet's row number, its cell texts) of the header, then of every row with a
        value, of the `index`th worksheet; trailing empty cells dropped."""
        try:
            rows = self.sheets[index].iter_rows(values_only=True)
            for number, values in enumerate(rows, start=1):
                cells = [cell_text(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    yield number, cells
        except Exception as exc:  # a sheet's XML cut short: the rows so far stand
            raise InputError(f"{self.path}: the worksheet cannot be read on: {exc}") from exc
        finally:
            if close:
                self._book.close()


def sheet_rows(path: Path, sheet: Sheet) -> Iterator[tuple[int, list[str], str | None]]:
    """(the row's number below the header, its cells, None) of every row under a sheet's
    header; (0, [], the problem) where the sheet cannot be read on."""
    rows = Workbook(path).rows(sheet.index)
    try:
        for at, cells in rows:
            if at > sheet.header_row:
                yield at - sheet.header_row, cells, None
    except InputError as exc:
        yield 0, [], str(exc)
