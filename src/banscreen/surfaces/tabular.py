"""Streaming readers for transaction files (CSV, JSON lines, Parquet).

Every reader yields one item per input row, in order: either the row as a mapping, or a
FieldError explaining why the row could not be read. Nothing is skipped except blank JSON
lines, so the writer can always emit exactly one output row per input row.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Callable, Collection, Generator, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from ..errors import FieldError, InputError
from ..tunables import MAX_EXTRA_COLUMNS
from .columns import (
    PREAMBLE_LINES,
    ColumnMap,
    header_line,
    header_row,
    named_columns,
    read_header,
)
from .counting import CountingReader
from .csv_records import Records
from .encodings import (
    check_start,
    detect_encoding,
    encoding_sample,
    foreign_field,
    holds_foreign_rows,
)
from .header import RepeatedKeys, keyed_object, merge_repeated, repeated_columns, separator_line
from .json_values import FIRST_LINE_BYTES, json_header, json_values
from .nested import at_path, schema_paths
from .object_columns import read_late_name, read_paths
from .rows import INPUT_COLUMNS, RawRow
from .workbook import SUFFIXES as WORKBOOK_SUFFIXES
from .workbook import Sheet, layout, sheet_rows

csv.field_size_limit(sys.maxsize)

FORMATS = ("csv", "jsonl", "parquet", "xlsx")


def detect_format(path: Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise InputError(f"unknown input format {explicit!r}; expected one of {FORMATS}")
        return explicit
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in WORKBOOK_SUFFIXES:
        return "xlsx"
    return "csv"


MAX_CONSECUTIVE_FAILURES = 100


class TransactionFile:
    """An input file opened for streaming; `header` is known once the reader is created."""

    def __init__(
        self,
        path: Path,
        fmt: str | None = None,
        encoding: str | None = None,
        columns: Mapping[str, str] | None = None,
        aliases: bool = True,
        date_order: str | None = None,
    ) -> None:
        if path.is_dir():
            raise InputError(f"{path}: a folder, not a transactions file")
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        self.path = path
        self.format = detect_format(path, fmt)
        self.size = path.stat().st_size
        self.header: list[str] | None = None
        self.total_rows: int | None = None
        self.encoding = "utf-8"
        self.delimiter = ","
        self.skipped_lines = 0  # lines before the header: Excel's "sep=;", an export's preamble
        self._array = False  # a JSON input that is one array of rows, not JSON lines
        self._paths: dict[str, tuple[str, ...]] = {}  # objects' values read as columns
        self.other_sheets: list[str] = []  # a workbook's worksheets not read
        self._sheets: list[Sheet] = []  # a workbook's worksheets of transactions
        self._chosen = dict(columns or {})  # --columns: {input column: header cell}
        self._aliases = aliases  # columns under other exports' names (not a decisions file)
        self._date_order = date_order  # dmy or mdy: how the file writes its dates in digits
        self._columns = ColumnMap([], date_order=date_order)
        if self.format == "parquet":
            import pyarrow.parquet as pq

            try:
                self._parquet = pq.ParquetFile(path)
            except Exception as exc:  # pyarrow raises several unrelated types
                raise InputError(f"{path}: not a readable Parquet file: {exc}") from exc
            schema = self._parquet.schema_arrow  # a struct column is read by its fields' paths
            self._paths, objects = read_paths(schema_paths(schema) if aliases else {}, self._chosen)
            self.header = self._read_header([*schema.names, *self._paths], objects)
            # Rows read by position are keyed as the header reads: the paths too.
            self._paths = dict(zip(self.header[len(schema) :], self._paths.values(), strict=True))
            self.total_rows = self._parquet.metadata.num_rows
            self._check_header(self.header)
        elif self.format == "xlsx":
            found = layout(path, PREAMBLE_LINES, header_row, self._transactions_header)
            self._sheets, self.other_sheets = found.sheets, found.others
            self.total_rows = sum(sheet.rows for sheet in found.sheets)
            self.skipped_lines = found.sheets[0].header_row - 1
            self.header = self._read_header(found.sheets[0].header)
            self._check_header(self.header)
        else:
            sample = encoding_sample(path)
            if not sample and self.format == "csv":
                raise InputError(f"{path}: empty file (no header row)")
            if encoding is not None:
                try:
                    codecs.lookup(encoding)
                except LookupError:
                    raise InputError(f"--encoding: unknown encoding {encoding!r}") from None
                check_start(path, sample, encoding)
                self.encoding = encoding
            elif sample:
                self.encoding = detect_encoding(sample)
            if self.format == "csv":
                self.delimiter = self._delimiter()
            else:  # JSON lines: in the same encodings (UTF-16 with its mark, say)
                self._check_json_lines()

    def _delimiter(self) -> str:
        """The CSV file's delimiter and the lines before its header (columns.header_line)."""
        with self.path.open(encoding=self.encoding, errors="surrogateescape", newline="") as fh:
            try:
                lines = [fh.readline(FIRST_LINE_BYTES)]
                if (named := separator_line(lines[0])) is not None:
                    self.skipped_lines = 1
                    return named
                lines += [fh.readline(FIRST_LINE_BYTES) for _ in range(PREAMBLE_LINES)]
            except UnicodeError:  # not in its encoding from the start: the reader says so
                return ","
        self.skipped_lines, delimiter = header_line(lines, self.path.suffix.lower() == ".tsv")
        return delimiter

    def _read_header(self, cells: list[str], objects: Collection[str] = ()) -> list[str]:
        """The header as input columns (columns.py); rows read by key are renamed alike."""
        self._columns = read_header(cells, self._chosen, str(self.path), self._aliases,
                                    date_order=self._date_order, objects=objects,
                                    nested=self._paths)  # fmt: skip
        return self._columns.names

    def _transactions_header(self, cells: list[str]) -> bool:
        """Whether a worksheet's header is one of transactions: it names an `id` column."""
        chosen = self._chosen.get("id")
        return "id" in named_columns(cells) or bool(chosen and chosen in cells)

    def _check_header(self, header: list[str]) -> None:
        if "id" not in header and "id" not in self._columns.copies:
            from .detect import scan_hint  # the surface readers: only on this error

            shown = ", ".join(repr(c[:40]) for c in header[:4]) + ", ..." * (len(header) > 4)
            raise InputError(
                f"{self.path}: no 'id' column in the header (read as {len(header)} "
                f"column{'s' if len(header) != 1 else ''}: {shown}); "
                f"expected columns {', '.join(INPUT_COLUMNS)}{scan_hint(self.path)}"
            )
        self._columns.check_names(str(self.path))

    def _check_json_lines(self) -> None:
        """The first line's keys as the columns; a JSON document `scan` reads (a CycloneDX
        SBOM, a package-lock.json) is refused with a pointer to it, rather than screened
        line by line into one ERROR a line."""
        self._array, value, paths = json_header(self.path, self.encoding, keyed_object)
        if isinstance(value, dict):
            # Its keys are the file's columns, as a CSV header's are (extra ones carried out).
            if isinstance(value, RepeatedKeys):
                value = value.resolved()[0]
            # A party an API's export nests ("merchant": {"name": …}) is read by its path, and
            # its object, if an alias names it, is no longer read as that column.
            self._paths, objects = read_paths(paths if self._aliases else {}, self._chosen)
            self.header = self._read_header([*map(str, value), *self._paths], objects)
            self._columns.check_names(str(self.path))
            return
        from .detect import scan_hint

        hint = scan_hint(self.path)
        if hint:
            raise InputError(f"{self.path}: not JSON lines of transactions{hint}")

    @property
    def extra_columns(self) -> list[str]:
        extra = [c for c in (self.header or []) if c not in INPUT_COLUMNS]
        return extra[:MAX_EXTRA_COLUMNS]

    @property
    def dropped_columns(self) -> int:
        extra = [c for c in (self.header or []) if c not in INPUT_COLUMNS]
        return max(0, len(extra) - MAX_EXTRA_COLUMNS)

    def _kept_columns(self, header: list[str]) -> list[int] | None:
        """Positions read when the header is too wide (the input columns, by any name, and
        the extra columns carried into the output), else None (all)."""
        if len(header) <= len(INPUT_COLUMNS) + MAX_EXTRA_COLUMNS:
            return None
        extra = [i for i, c in enumerate(header) if c not in INPUT_COLUMNS][:MAX_EXTRA_COLUMNS]
        read = {*INPUT_COLUMNS, *self._columns.read_cells}
        known = [i for i, c in enumerate(header) if c in read]
        return sorted(set(known + extra))

    def rows(self, on_bytes: Callable[[int], None] | None = None) -> Generator[RawRow, None, None]:
        for row in self._rows(on_bytes):
            for path, keys in self._paths.items():  # values in a row's objects, as columns
                row.data[path] = at_path(row.data, keys)
            # A JSON row is read by key: renamed as its header was (the rest by position).
            row.data = self._columns.finish(row.data, self.format == "jsonl")
            if self.format == "jsonl" and row.error is None and self._aliases:
                read_late_name(row.data, self._paths, self._chosen)
            yield row

    def _rows(self, on_bytes: Callable[[int], None] | None) -> Generator[RawRow, None, None]:
        if self.format == "parquet":
            yield from self._parquet_rows()
            return
        if self.format == "xlsx":
            yield from self._xlsx_rows()
            return
        raw: BinaryIO = self.path.open("rb")
        stream: BinaryIO = raw
        if on_bytes is not None:
            stream = io.BufferedReader(CountingReader(raw, on_bytes))
        # Undecodable bytes survive as escapes, so the row they are in becomes an ERROR row.
        text = io.TextIOWrapper(
            stream, encoding=self.encoding, errors="surrogateescape", newline=""
        )
        try:
            if self.format == "csv":
                yield from self._csv_rows(text)
            else:
                yield from self._jsonl_rows(text)
        finally:
            text.close()

    def open_header(self) -> list[str]:
        """Read just the header (CSV) so writers know the extra columns before any row."""
        if self.format == "csv" and self.header is None:
            try:
                with self.path.open(
                    encoding=self.encoding, errors="surrogateescape", newline=""
                ) as fh:
                    for _ in range(self.skipped_lines):
                        fh.readline()
                    first = next(csv.reader(fh, delimiter=self.delimiter), None)
            except (csv.Error, UnicodeDecodeError) as exc:
                raise InputError(f"{self.path}: unreadable header: {exc}") from exc
            if not first:
                raise InputError(f"{self.path}: empty file (no header row)")
            self.header = self._read_header(first)
            self._check_header(self.header)
        return self.header or []

    def _csv_rows(self, text: io.TextIOWrapper) -> Iterator[RawRow]:
        failures = 0
        try:
            for _ in range(self.skipped_lines):
                text.readline()
            reader = Records(text, self.delimiter)
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path}: unreadable header: {exc}") from exc
        if not header:
            raise InputError(f"{self.path}: empty file (no header row)")
        header = self._read_header(header)
        self._check_header(header)
        repeated = repeated_columns(header)
        self.header = header
        kept = self._kept_columns(header)
        foreign = holds_foreign_rows(self.encoding)  # rows in UTF-8 among legacy ones
        number = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                number += 1
                failures += 1
                if failures > MAX_CONSECUTIVE_FAILURES:
                    # The reader is not moving on: report the rest of the file as one record.
                    message = f"unreadable from here on ({exc})"
                    yield RawRow(number, error=FieldError("row", message))
                    return
                yield RawRow(number, error=FieldError("row", f"unreadable CSV record: {exc}"))
                continue
            failures = 0
            number += 1
            if (first := reader.unclosed(len(header))) is not None:  # csv_records.py
                reader.reread_after_first()
                message = "a quoted field is not closed; the lines after it are read as rows"
                yield RawRow(
                    number, dict(zip(header, first, strict=False)), FieldError("row", message)
                )
                continue
            if not values:
                yield RawRow(number, error=FieldError("row", "blank line"))
                continue
            yield self._record(number, header, values, kept, repeated, foreign)

    def _record(
        self,
        number: int,
        header: list[str],
        values: list[str],
        kept: list[int] | None,
        repeated: dict[str, tuple[int, ...]],
        foreign: bool = False,
    ) -> RawRow:
        """A CSV record or a worksheet's row as a row: its fields by the header's names."""
        data = (
            dict(zip(header, values, strict=False))
            if kept is None
            else {header[i]: values[i] for i in kept if i < len(values)}
        )
        if repeated:
            cells = {c: [values[i] for i in at if i < len(values)] for c, at in repeated.items()}
            if (clash := merge_repeated(data, cells)) is not None:
                return RawRow(number, data, clash)
        if len(values) != len(header):
            message = f"has {len(values)} fields but the header has {len(header)}"
            return RawRow(number, data, FieldError("row", message))
        return RawRow(number, data, foreign_field(data, self.encoding) if foreign else None)

    def _xlsx_rows(self) -> Iterator[RawRow]:
        header = self.header or []
        kept, repeated = self._kept_columns(header), repeated_columns(header)
        number = 0
        for sheet in self._sheets:  # a later sheet's rows numbered on from the last's
            before = number
            for at, values, problem in sheet_rows(self.path, sheet):
                if problem is not None:  # the rows so far stand
                    why = f"unreadable from here on ({problem})"
                    yield RawRow(number + 1, error=FieldError("row", why))
                    return
                # Numbered as the sheet shows it, less the header's row: "row 4" is the
                # sheet's row 5 (as a CSV file's row 4 is its line 5), empty rows between.
                number = before + at
                if len(values) < len(header):  # a worksheet's row ends at its last value
                    values += [""] * (len(header) - len(values))
                row = self._record(number, header, values, kept, repeated)
                if len(self._sheets) > 1:  # which sheet, and its row as the sheet shows it
                    row.where = f"sheet {sheet.title!r}, row {sheet.header_row + at}"
                yield row

    def _jsonl_rows(self, text: io.TextIOWrapper) -> Iterator[RawRow]:
        foreign = holds_foreign_rows(self.encoding)
        values = json_values(text, self._array, keyed_object)
        for number, (value, problem) in enumerate(values, start=1):
            if problem is not None:
                yield RawRow(number, error=FieldError("row", problem))
                continue
            if not isinstance(value, dict):
                yield RawRow(number, error=FieldError("row", "a JSON row must be an object"))
                continue
            if isinstance(value, RepeatedKeys):
                value, clash = value.resolved()
                if clash is not None:
                    yield RawRow(number, value, clash)
                    continue
            yield RawRow(number, value, foreign_field(value, self.encoding) if foreign else None)

    def _parquet_rows(self) -> Iterator[RawRow]:
        number = 0
        width = len(self._parquet.schema_arrow)  # the paths in its structs after them
        names = (self.header or [])[:width]  # a repeated extra column's copies renamed
        repeated = repeated_columns(names)
        for batch in self._parquet.iter_batches(batch_size=8192):
            if len(set(batch.schema.names)) == len(names) and not self._columns.keys:
                for data in batch.to_pylist():
                    number += 1
                    yield RawRow(number, data)
                continue
            # A name given to two columns, or a column renamed: read by position, as CSV is.
            for values in zip(*(column.to_pylist() for column in batch.columns), strict=True):
                number += 1
                data = dict(zip(names, values, strict=True))
                cells = {c: [values[i] for i in at] for c, at in repeated.items()}
                yield RawRow(number, data, merge_repeated(data, cells))
