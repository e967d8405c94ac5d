"""A folder of dated list files, in the order they were published: a history to backfill.

Each item of the folder (a list file, or a folder holding one OFAC CSV set) is dated by
the date in its name (`sdn-2024-01-05.xml`, `20240105/`), else by the issue date the file
itself carries; an item with neither is imported last, dated by its import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import ListError
from .formats import detect_format, read_list

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


@dataclass(frozen=True)
class DatedItem:
    path: Path
    published: str | None  # ISO date, or None when neither its name nor its content dates it
    from_name: bool  # the date came from the name (and is given to the import)


def is_history(folder: Path) -> bool:
    """A folder that is not itself one list (an OFAC CSV set) holds a history."""
    if not folder.is_dir():
        return False
    try:
        detect_format(folder)
    except ListError:
        return True
    return False


def date_in_name(name: str) -> str | None:
    for match in _DATE_IN_NAME.finditer(name):
        try:
            return date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            continue
    return None


def dated_items(folder: Path) -> list[DatedItem]:
    """The folder's list files and CSV-set folders, oldest first."""
    items: list[DatedItem] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or (path.is_dir() and is_history(path)):
            continue
        named = date_in_name(path.name)
        if named is not None:
            items.append(DatedItem(path, named, True))
            continue
        try:
            published = read_list(path).published
        except ListError:
            published = None  # the import says what is wrong with it
        items.append(DatedItem(path, published, False))
    return sorted(items, key=lambda i: (i.published is None, i.published or "", i.path.name))
