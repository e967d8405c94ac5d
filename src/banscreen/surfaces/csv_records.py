"""CSV records that know the lines they were read from, so that a quoted field left open
does not swallow the rows after it.

A field that opens a quote and never closes it ("paid in full) runs, by CSV's rules, over
every line until the next quote or the end of the file: the rows on those lines vanish into
one field of one record, and a file of four rows screened as one. A record read over lines
of which one, alone, is a whole row (as many fields as the header) is taken for such an
open quote: its first line is an ERROR row, and the lines after it are read again as rows
of their own. A quoted field that really holds line breaks ("Invoice 5\nthank you") has no
such line and is read as it was.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import chain


class Records:
    """csv.reader over `text`, remembering each record's physical lines."""

    def __init__(self, text: Iterable[str], delimiter: str) -> None:
        self.delimiter = delimiter
        self._lines: Iterator[str] = iter(text)
        self._taken: list[str] = []
        self._reader = self._new_reader()

    def _new_reader(self) -> Iterator[list[str]]:
        return csv.reader(self._recorded(self._lines), delimiter=self.delimiter)

    def _recorded(self, lines: Iterator[str]) -> Iterator[str]:
        for line in lines:
            self._taken.append(line)
            yield line

    def __iter__(self) -> Records:
        return self

    def __next__(self) -> list[str]:
        self._taken = []
        return next(self._reader)

    def unclosed(self, width: int) -> list[str] | None:
        """The fields of the last record's first line when that record ran over a line that
        is a row of `width` fields on its own (an open quote swallowed it); else None."""
        if len(self._taken) < 2 or not any(
            len(self._fields(line)) == width for line in self._taken[1:]
        ):
            return None
        return self._fields(self._taken[0])

    def reread_after_first(self) -> None:
        """Read the last record's lines after its first again, as records of their own."""
        rest = self._taken[1:]
        self._lines = chain(rest, self._lines)
        self._reader = self._new_reader()

    def _fields(self, line: str) -> list[str]:
        return next(csv.reader([line], delimiter=self.delimiter), [])
