"""An Excel workbook (.xlsx, .xlsm) as a transactions file: the form a compliance team's
exports most often take. It was refused whole ("save the sheet as CSV").

The first worksheet is read, streaming (openpyxl's read-only mode, so a sheet of a million
rows is not held in memory): its first row is the header, as a CSV file's is, and each
later row a transaction. Cells are read as CSV cells would be written: a date as
YYYY-MM-DD, a number without a spurious ".0", TRUE/FALSE as `true`/`false`. A row with no
value in any cell is formatting, not a row (Excel keeps such rows in a sheet's range). The
other worksheets that hold values are named (`other_sheets`), so that what was not read is
said rather than lost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
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


class Workbook:
    """The first worksheet of a workbook, as a header and rows of cell texts."""

    def __init__(self, path: Path) -> None:
        try:
            import openpyxl  # only workbooks need it

            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # a damaged zip, XML, or no workbook at all: several types
            raise InputError(f"{path}: not a readable Excel workbook: {exc}") from exc
        if not self._book.worksheets:
            raise InputError(f"{path}: a workbook without a worksheet")
        self.path = path
        self.sheet = self._book.worksheets[0]

    @property
    def other_sheets(self) -> list[str]:
        """The titles of the other worksheets that hold any value: not read."""
        return [
            ws.title
            for ws in self._book.worksheets[1:]
            if any(v is not None for row in ws.iter_rows(values_only=True) for v in row)
        ]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(the sheet's row number, its cell texts) of the header, then of every row with a
        value; trailing empty cells dropped."""
        try:
            for number, values in enumerate(self.sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    yield number, cells
        except Exception as exc:  # a sheet's XML cut short: the rows so far stand
            raise InputError(f"{self.path}: the worksheet cannot be read on: {exc}") from exc
        finally:
            self._book.close()
