"""Accepted false positives: a human cleared this counterparty against this entity.

The key includes a fingerprint of the entity's registry record, so an acceptance lapses by
itself when the entity's names or identifiers change (DESIGN.md step 7: "until the list
entry changes").
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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
    def from_csv(cls, path: Path, normaliser: Normaliser) -> AcceptList:
        """Read `counterparty, entity_id, list_version[, reason]`; names are normalised."""
        key = normaliser.key
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in ACCEPT_COLUMNS if c not in (reader.fieldnames or [])]
                if missing:
                    raise InputError(f"{path}: accept list lacks columns {missing}")
                return cls(
                    AcceptEntry(key(row["counterparty"]), row["entity_id"], row["list_version"])
                    for row in reader
                )
        except OSError as exc:
            raise InputError(f"{path}: cannot read accept list: {exc}") from exc
