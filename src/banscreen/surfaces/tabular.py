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

import charset_normalizer

from ..errors import FieldError, InputError
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


SAMPLE_BYTES = 1 << 20
MAX_CONSECUTIVE_FAILURES = 100
# Unknown columns carried into the output; a wider header keeps the first ones and says so.
MAX_EXTRA_COLUMNS = 1000


def detect_encoding(sample: bytes) -> str:
    """The encoding of a text file from its first bytes.

    A byte-order mark decides. Otherwise UTF-8 wins when all but a few lines decode as UTF-8:
    a stray row from a Latin-1 system must become an ERROR row naming the row, not a reason
    to misread the Chinese names of every other row. Otherwise charset-normalizer decides
    among the encodings our users' files come in
    (GB18030, Big5, Shift-JIS, EUC-KR, Windows-1252, Latin-1).
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    lines = sample.split(b"\n")
    if len(sample) == SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut in the middle of a character
    bad = sum(1 for line in lines if not _is_utf8(line))
    if bad <= max(1, len(lines) // 100):
        return "utf-8"
    matches = charset_normalizer.from_bytes(sample, cp_isolation=list(CANDIDATE_ENCODINGS))
    for match in matches:
        # Shift-JIS reads Chinese bytes as kanji too; Japanese names nearly always have kana.
        if match.encoding in ("shift_jis", "cp932") and not _KANA.search(str(match)):
            continue
        return str(match.encoding)
    return "utf-8"


CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "latin_1")
_KANA = re.compile("[\u3040-\u30ff]")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class TransactionFile:
    """An input file opened for streaming; `header` is known once the reader is created."""

    def __init__(self, path: Path, fmt: str | None = None, encoding: str | None = None) -> None:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        self.path = path
        self.format = detect_format(path, fmt)
        self.size = path.stat().st_size
        self.header: list[str] | None = None
        self.total_rows: int | None = None
        self.encoding = "utf-8"
        if self.format == "parquet":
            import pyarrow.parquet as pq

            try:
                self._parquet = pq.ParquetFile(path)
            except Exception as exc:  # pyarrow raises several unrelated types
                raise InputError(f"{path}: not a readable Parquet file: {exc}") from exc
            self.header = list(self._parquet.schema_arrow.names)
            self.total_rows = self._parquet.metadata.num_rows
            self._check_header(self.header)
        elif self.format == "csv":
            with path.open("rb") as fh:
                sample = fh.read(SAMPLE_BYTES)
            if not sample:
                raise InputError(f"{path}: empty file (no header row)")
            if encoding is not None:
                try:
                    codecs.lookup(encoding)
                except LookupError:
                    raise InputError(f"--encoding: unknown encoding {encoding!r}") from None
                self.encoding = encoding
            else:
                self.encoding = detect_encoding(sample)

    def _check_header(self, header: list[str]) -> None:
        if "id" not in header:
            raise InputError(
                f"{self.path}: no 'id' column in the header; "
                f"expected columns {', '.join(INPUT_COLUMNS)}"
            )

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
                    first = next(csv.reader(fh), None)
            except (csv.Error, UnicodeDecodeError) as exc:
                raise InputError(f"{self.path}: unreadable header: {exc}") from exc
            if not first:
                raise InputError(f"{self.path}: empty file (no header row)")
            self.header = [h.strip() for h in first]
            self._check_header(self.header)
        return self.header or []

    def _csv_rows(self, text: io.TextIOWrapper) -> Iterator[RawRow]:
        reader = csv.reader(text)
        failures = 0
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path}: unreadable header: {exc}") from exc
        if not header:
            raise InputError(f"{self.path}: empty file (no header row)")
        header = [h.strip() for h in header]
        self._check_header(header)
        self.header = header
        kept = self._kept_columns(header)
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
            yield RawRow(number, data)

    def _jsonl_rows(self, text: io.TextIOWrapper) -> Iterator[RawRow]:
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
            yield RawRow(number, value)

    def _parquet_rows(self) -> Iterator[RawRow]:
        number = 0
        for batch in self._parquet.iter_batches(batch_size=8192):
            for data in batch.to_pylist():
                number += 1
                yield RawRow(number, data)
