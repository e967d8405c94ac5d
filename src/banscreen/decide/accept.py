"""Accepted false positives: a human cleared this counterparty against this entity.

The key includes a fingerprint of the entity's registry record, so an acceptance lapses by
itself when the entity's names or identifiers change (DESIGN.md step 7: "until the list
entry changes").
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..match.normalize import Normaliser
from ..model import Entity

ACCEPT_COLUMNS = ("counterparty", "entity_id", "list_version")


def entity_fingerprint(entity: Entity) -> str:
    """Short hash of what identifies an entity: its names and identifiers."""
    parts = sorted(f"n:{n.kind}:{n.value}" for n in entity.names)
    parts += sorted(f"i:{i.kind}:{i.value}" for i in entity.identifiers)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class AcceptEntry:
    counterparty: str  # normalised key of the counterparty name
    entity_id: str
    list_version: str


class AcceptList:
    def __init__(self, entries: Iterable[AcceptEntry] = ()) -> None:
        self._keys = {(e.counterparty, e.entity_id, e.list_version) for e in entries}

    def __len__(self) -> int:
        return len(self._keys)

    def accepts(self, counterparty_key: str, entity_id: str, list_version: str) -> bool:
        return (counterparty_key, entity_id, list_version) in self._keys

    @classmethod
    def from_csv(
        cls,
        path: Path,
        normaliser: Normaliser,
        current_version: Callable[[str], str] | None = None,
    ) -> tuple[AcceptList, list[str]]:
        """Read `counterparty, entity_id, list_version[, reason]`; names are normalised.

        Returns the list and, for each row that cannot apply, `file:line: why` — a row with
        an unquoted comma or a field missing, a name that normalises to nothing, and (given
        `current_version`, which is "" for an unknown entity) an entity the registry does
        not hold or a list version that is no longer the entity's: the entry changed since
        it was cleared. Such rows are left out; an analyst must know their clearance was
        not applied."""
        key = normaliser.key
        entries: list[AcceptEntry] = []
        problems: list[str] = []
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                reader = csv.DictReader(fh)
                fields = reader.fieldnames or []
                missing = [c for c in ACCEPT_COLUMNS if c not in fields]
                if missing:
                    raise InputError(f"{path}: accept list lacks columns {missing}")
                for row in reader:
                    where = f"{path}:{reader.line_num}"
                    why = _unusable(row, len(fields), key, current_version)
                    if why:
                        problems.append(f"{where}: {why}")
                        continue
                    entry = AcceptEntry(key(row["counterparty"]), row["entity_id"].strip(),
                                        row["list_version"].strip())  # fmt: skip
                    entries.append(entry)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read accept list: {exc}") from exc
        return cls(entries), problems


def _unusable(
    row: dict[str | Any, Any],
    width: int,
    key: Callable[[str], str],
    current_version: Callable[[str], str] | None,
) -> str:
    """Why an accept-list row cannot apply, or ""."""
    if None in row:
        return f"{width + len(row[None])} fields, expected {width} (an unquoted comma?)"
    empty = [c for c in ACCEPT_COLUMNS if not (row.get(c) or "").strip()]
    if empty:
        return f"no {', '.join(empty)}"
    if not key(row["counterparty"]):
        return f"counterparty {row['counterparty']!r} has no name to match"
    if current_version is None:
        return ""
    entity, version = row["entity_id"].strip(), row["list_version"].strip()
    now = current_version(entity)
    if not now:
        return f"unknown entity {entity!r}"
    if now != version:
        return (
            f"list_version {version} is not {entity}'s current version {now}: the entry "
            "changed since it was cleared; review it and clear it again"
        )
    return ""
