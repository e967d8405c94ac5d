"""Streaming readers for transaction files (CSV, JSON lines, Parquet).

Every reader yields one item per input row, in order: either the row as a mapping, or a
FieldError explaining why the row could not be read. Nothing is skipped except blank JSON
lines, so the writer can always emit exactly one output row per input row.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import FieldError, InputError
from ..tunables import MAX_EXTRA_COLUMNS, SAMPLE_BYTES
from .encodings import (
    CANDIDATE_ENCODINGS,
    decodes,
    foreign_field,
    holds_foreign_rows,
    plausible,
    utf16_without_mark,
)
from .header import canonical_header, header_delimiter
from .rows import INPUT_COLUMNS

csv.field_size_limit(sys.maxsize)

FORMATS = ("csv", "jsonl", "parquet")


@dataclass
class RawRow:
    number: int  # 1-based data row number (the header is not counted)
    data: dict[str, Any] = field(default_factory=dict)
    error: FieldError | None = None


class _CountingReader(io.RawIOBase):
    """Counts bytes as they are read, so a progress bar can follow a streaming parse."""

    def __init__(self, raw: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._raw = raw
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if n:
            self._on_read(n)
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


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
    return "csv"


MAX_CONSECUTIVE_FAILURES = 100
# A first JSON line longer than this is not read whole to tell JSON lines from a document.
_FIRST_LINE_BYTES = 1 << 20


def detect_encoding(sample: bytes) -> str:
    """The encoding of a text file from its bytes (see `encoding_sample` for which).

    A byte-order mark decides, and so do the zero bytes of UTF-16 written without one.
    Lines that are all valid UTF-8 are UTF-8. When some are not:
    if other lines hold UTF-8 text beyond ASCII, the file is UTF-8 and the few that are not
    are stray rows (from a Latin-1 system, say), each an ERROR row naming it, not a reason to
    misread the Chinese names of every other row. Otherwise the lines that are not UTF-8 are
    the evidence, however few: of the encodings our users' files come in (GB18030, Big5,
    Shift-JIS, EUC-KR, Windows-1252, Latin-1) that decode the whole sample cleanly, the one
    that reads those lines as the most frequent characters of its script wins.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if utf16 := utf16_without_mark(sample):
        return utf16
    lines = sample.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut in the middle of a character
    readable = [decodes(line, "utf-8") for line in lines]
    bad = [line for line, ok in zip(lines, readable, strict=True) if not ok]
    if not bad:
        return "utf-8"
    utf8_text = any(ok and not line.isascii() for line, ok in zip(lines, readable, strict=True))
    if utf8_text and len(bad) <= max(1, len(lines) // 100):
        return "utf-8"
    whole = b"\n".join(lines)
    evidence = b"\n".join(bad)
    fitting = [e for e in CANDIDATE_ENCODINGS[1:] if decodes(whole, e)]
    if not fitting:
        return "utf-8"
    # A few bytes decode cleanly in several encodings; the right one reads them as the
    # characters people write most. A handful of characters can fit two equally well; then
    # the order of CANDIDATE_ENCODINGS decides (Chinese files first), and --encoding is
    # there for the rest.
    return max(fitting, key=lambda e: plausible(evidence.decode(e), e))


def encoding_sample(path: Path) -> bytes:
    """The bytes to detect a file's encoding from: its first SAMPLE_BYTES, or, when those are
    all ASCII, the first block further on that is not (reading stops there): one Chinese
    row deep in an English file decides as much as one at the top."""
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
        if not sample.isascii():
            return sample
        head = sample[: sample.find(b"\n") + 1]  # the header, for the BOM-free line split
        while block := fh.read(SAMPLE_BYTES):
            if not block.isascii():
                first = _NON_ASCII.search(block)
                assert first is not None
                start = block.rfind(b"\n", 0, first.start()) + 1
                return head + block[start:] + fh.read(SAMPLE_BYTES // 4)
        return sample


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _check_start(path: Path, sample: bytes, encoding: str) -> None:
    """Refuse an --encoding the file cannot even start in (UTF-16 without its byte-order
    mark, say): bytes it cannot read inside a row are that row's ERROR, but a file that is
    not in the encoding at all has no rows to report on."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="surrogateescape")
    try:
        decoder.decode(sample[:4096], final=False)
    except UnicodeError as exc:
        raise InputError(f"--encoding {encoding}: {path} is not {encoding} text ({exc})") from None


class TransactionFile:
    """An input file opened for streaming; `header` is known once the reader is created."""

    def __init__(self, path: Path, fmt: str | None = None, encoding: str | None = None) -> None:
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
        if self.format == "parquet":
            import pyarrow.parquet as pq

            try:
                self._parquet = pq.ParquetFile(path)
            except Exception as exc:  # pyarrow raises several unrelated types
                raise InputError(f"{path}: not a readable Parquet file: {exc}") from exc
            self.header = list(self._parquet.schema_arrow.names)
            self.total_rows = self._parquet.metadata.num_rows
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
                _check_start(path, sample, encoding)
                self.encoding = encoding
            elif sample:
                self.encoding = detect_encoding(sample)
            if self.format == "csv":
                self.delimiter = self._delimiter()
            else:  # JSON lines: in the same encodings (UTF-16 with its mark, say)
                self._check_json_lines()

    def _delimiter(self) -> str:
        """The CSV file's delimiter, from its header line (header.py)."""
        with self.path.open(encoding=self.encoding, errors="surrogateescape", newline="") as fh:
            try:
                first = fh.readline(_FIRST_LINE_BYTES)
            except UnicodeError:  # not in its encoding from the start: the reader says so
                return ","
        return header_delimiter(first, tab_separated=self.path.suffix.lower() == ".tsv")

    def _check_header(self, header: list[str]) -> None:
        if "id" not in header:
            from .detect import scan_hint  # the surface readers: only on this error

            shown = ", ".join(repr(c[:40]) for c in header[:4]) + ", ..." * (len(header) > 4)
            raise InputError(
                f"{self.path}: no 'id' column in the header (read as {len(header)} "
                f"column{'s' if len(header) != 1 else ''}: {shown}); "
                f"expected columns {', '.join(INPUT_COLUMNS)}{scan_hint(self.path)}"
            )

    def _check_json_lines(self) -> None:
        """The first line's keys as the columns; a JSON document `scan` reads (a CycloneDX
        SBOM, a package-lock.json) is refused with a pointer to it, rather than screened
        line by line into one ERROR a line."""
        with self.path.open(encoding=self.encoding, errors="surrogateescape") as fh:
            try:
                while (first := fh.readline(_FIRST_LINE_BYTES)) and not first.strip():
                    pass
            except UnicodeError:
                first = ""
        try:
            value = json.loads(first)
        except ValueError:
            value = None
        if isinstance(value, dict):
            # Its keys are the file's columns, as a CSV header's are: extra ones are carried
            # to the output (a later line's own extra keys are not).
            self.header = [str(key) for key in value]
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

    @staticmethod
    def _kept_columns(header: list[str]) -> list[int] | None:
        """Positions carried into the output when the header is too wide, else None (all)."""
        if len(header) <= len(INPUT_COLUMNS) + MAX_EXTRA_COLUMNS:
            return None
        extra = [i for i, c in enumerate(header) if c not in INPUT_COLUMNS][:MAX_EXTRA_COLUMNS]
        known = [i for i, c in enumerate(header) if c in INPUT_COLUMNS]
        return sorted(known + extra)

    def rows(self, on_bytes: Callable[[int], None] | None = None) -> Generator[RawRow, None, None]:
        if self.format == "parquet":
            yield from self._parquet_rows()
            return
        raw: BinaryIO = self.path.open("rb")
        stream: BinaryIO = raw
        if on_bytes is not None:
            stream = io.BufferedReader(_CountingReader(raw, on_bytes))
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
                    first = next(csv.reader(fh, delimiter=self.delimiter), None)
            except (csv.Error, UnicodeDecodeError) as exc:
                raise InputError(f"{self.path}: unreadable header: {exc}") from exc
            if not first:
                raise InputError(f"{self.path}: empty file (no header row)")
            self.header = canonical_header(first)
            self._check_header(self.header)
        return self.header or []

    def _csv_rows(self, text: io.TextIOWrapper) -> Iterator[RawRow]:
        reader = csv.reader(text, delimiter=self.delimiter)
        failures = 0
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path}: unreadable header: {exc}") from exc
        if not header:
            raise InputError(f"{self.path}: empty file (no header row)")
        header = canonical_header(header)
        self._check_header(header)
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
            if not values:
                yield RawRow(number, error=FieldError("row", "blank line"))
                continue
            data = (
                dict(zip(header, values, strict=False))
                if kept is None
                else {header[i]: values[i] for i in kept if i < len(values)}
            )
            if len(values) != len(header):
                yield RawRow(
                    number,
                    data,
                    FieldError("row", f"has {len(values)} fields but the header has {len(header)}"),
                )
                continue
            yield RawRow(number, data, foreign_field(data, self.encoding) if foreign else None)

    def _jsonl_rows(self, text: io.TextIOWrapper) -> Iterator[RawRow]:
        foreign = holds_foreign_rows(self.encoding)
        number = 0
        for line in text:
            if not line.strip():
                continue
            number += 1
            try:
                value = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield RawRow(number, error=FieldError("row", f"not valid JSON: {exc}"))
                continue
            if not isinstance(value, dict):
                yield RawRow(number, error=FieldError("row", "a JSON line must be an object"))
                continue
            yield RawRow(number, value, foreign_field(value, self.encoding) if foreign else None)

    def _parquet_rows(self) -> Iterator[RawRow]:
        number = 0
        for batch in self._parquet.iter_batches(batch_size=8192):
            for data in batch.to_pylist():
                number += 1
                yield RawRow(number, data)
