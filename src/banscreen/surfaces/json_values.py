"""The values of a JSON input: one a line (JSON lines), or the items of one array.

An API's export or `json.dump` writes a file's transactions as one array, often over many
lines ("[\\n  {\\n    \\"id\\": \\"1\\", …"). Read as JSON lines, each of those lines was an
ERROR row: two transactions came out as sixteen errors and none screened. An array is read
item by item instead, whatever its layout, holding one item at a time in memory.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from ..errors import ArrayError
from .nested import nested_paths

_CHUNK = 1 << 16
# A first JSON line longer than this is not read whole to tell JSON lines from a document.
FIRST_LINE_BYTES = 1 << 20
HEADER_ROWS = 100  # the rows whose objects' paths are read as columns (`json_header`)
_SPACE = " \t\r\n"


def starts_array(first_line: str) -> bool:
    """Whether a file whose first non-blank line this is holds a JSON array."""
    return first_line.lstrip(_SPACE + "\ufeff").startswith("[")


def array_items(
    text: TextIO, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None
) -> Iterator[Any]:
    """Each item of the JSON array `text` holds, in order; ArrayError where it stops being
    one (the items before it are yielded first)."""
    decoder = json.JSONDecoder(object_pairs_hook=object_pairs_hook)
    buffer = text.read(_CHUNK).lstrip(_SPACE + "\ufeff")
    if not buffer.startswith("["):
        raise ArrayError("not a JSON array")
    pos, first = 1, True
    while True:
        buffer, pos = _skip(text, buffer, pos)
        if pos >= len(buffer):
            raise ArrayError("the array is cut off before its closing ']'")
        if buffer[pos] == "]":
            buffer, pos = _skip(text, buffer, pos + 1)
            if pos < len(buffer):  # rows after the array would be lost without a word
                raise ArrayError("more after the array's closing ']'")
            return
        if not first:
            if buffer[pos] != ",":
                raise ArrayError(f"expected ',' or ']' between items, got {buffer[pos]!r}")
            buffer, pos = _skip(text, buffer, pos + 1)
        first = False
        while True:
            try:
                item, end = decoder.raw_decode(buffer, pos)
                if end < len(buffer):
                    break
                problem: Exception | None = None  # a number may go on past the buffer
            except json.JSONDecodeError as exc:
                problem = exc
            # An item the buffer may hold only part of: read as much again and retry, so
            # that a long item costs a few tries rather than one a chunk.
            more = text.read(max(_CHUNK, len(buffer) - pos))
            if not more:
                if problem is not None:
                    raise ArrayError(f"not valid JSON: {problem}") from problem
                break
            buffer, pos = buffer[pos:] + more, 0
        yield item
        pos = end


def _skip(text: TextIO, buffer: str, pos: int) -> tuple[str, int]:
    """The buffer and position at its next character that is not white space, reading on
    as needed; the position is past the end at the end of the file."""
    while True:
        while pos < len(buffer) and buffer[pos] in _SPACE:
            pos += 1
        if pos < len(buffer):
            return buffer, pos
        more = text.read(_CHUNK)
        if not more:
            return buffer, pos
        buffer, pos = more, 0  # all before `pos` was white space


def json_values(
    text: TextIO, array: bool, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any]
) -> Iterator[tuple[Any, str | None]]:
    """(value, None) for each JSON line of `text` but blank ones, or each item of its
    array; (None, the problem) for a line that is not JSON, and once where an array stops
    being one (its items after that cannot be told apart)."""
    if array:
        try:
            for item in array_items(text, object_pairs_hook):
                yield item, None
        except ArrayError as exc:
            yield None, f"unreadable from here on: {exc}"
        return
    for line in text:
        if not line.strip():
            continue
        try:
            yield json.loads(line, object_pairs_hook=object_pairs_hook), None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield None, f"not valid JSON: {exc}"


def json_header(
    path: Path, encoding: str, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any]
) -> tuple[bool, Any, dict[str, tuple[str, ...]]]:
    """Whether a JSON input is one array; its first row (its first line's value, or its
    array's first item; None when none is JSON), whose keys are the file's columns; and the
    paths inside the objects of its first `HEADER_ROWS` rows (`nested_paths`), in the order
    first met: an export's rows nest their party in objects of their kinds (a card purchase
    its merchant, a transfer its creditor)."""
    with path.open(encoding=encoding, errors="surrogateescape") as fh:
        try:
            while (first := fh.readline(FIRST_LINE_BYTES)) and not first.strip():
                pass
            lines = [first, *(fh.readline(FIRST_LINE_BYTES) for _ in range(HEADER_ROWS - 1))]
        except UnicodeError:
            first, lines = "", []
    array = starts_array(first)
    values: list[Any] = []
    if array:
        with path.open(encoding=encoding, errors="surrogateescape") as fh:
            items = islice(array_items(fh, object_pairs_hook), HEADER_ROWS)
            with contextlib.suppress(ArrayError, ValueError, UnicodeError):  # items before it
                values.extend(items)
    else:
        for line in lines:
            try:
                values.append(json.loads(line, object_pairs_hook=object_pairs_hook))
            except ValueError:
                values.append(None)
    paths: dict[str, tuple[str, ...]] = {}
    for value in values:
        if isinstance(value, dict):
            paths.update((p, k) for p, k in nested_paths(value).items() if p not in paths)
    return array, values[0] if values else None, paths
