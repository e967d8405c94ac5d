"""Accepted false positives: a human cleared what matched against this entity.

What matched is the field that matched and its normalised value: the counterparty's name,
a phrase found in free text, an identifier. The key includes a fingerprint of the entity's
registry record, so an acceptance lapses by itself when the entity's names or identifiers
change (DESIGN.md step 7: "until the list entry changes"). An entry may be scoped to one
client (API key), transaction category or program, and may expire: outside its scope, or
after it expires, it does not apply.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..match.normalize import Normaliser
from ..model import COUNTERPARTY, IDENTIFIER_KINDS, Entity, MatchEvidence

ACCEPT_COLUMNS = ("counterparty", "entity_id", "list_version")
# Fields whose matched value is an identifier (kept as typed, lower-cased), not a name.
_LITERAL_FIELDS = frozenset({"counterparty_identifiers"})


def _literal(field: str, value: str) -> bool:
    """Whether what matched is an identifier, kept as typed: in the counterparty's
    identifiers, or written `kind:value` as every identifier's evidence is (a payment
    agent's, whose field is its role: `intermediary_agent_1`, "bic:...")."""
    return field in _LITERAL_FIELDS or value.partition(":")[0].strip().lower() in IDENTIFIER_KINDS


def entity_fingerprint(entity: Entity) -> str:
    """Short hash of what identifies an entity: its names and identifiers."""
    parts = sorted(f"n:{n.kind}:{n.value}" for n in entity.names)
    parts += sorted(f"i:{i.kind}:{i.value}" for i in entity.identifiers)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def accept_value(evidence: MatchEvidence, key: Callable[[str], str]) -> str:
    """What an acceptance of this evidence is keyed on: the normalised name or phrase that
    matched, or the identifier or host as typed (lower-cased)."""
    literal = evidence.method == "identifier" or evidence.matched.startswith("domain:")
    return evidence.query.strip().lower() if literal else key(evidence.query)


@dataclass(frozen=True)
class Scope:
    """Where an acceptance is asked for: the transaction's client, category and program."""

    client: str = ""
    category: str = ""
    program: str = ""


@dataclass(frozen=True)
class AcceptEntry:
    counterparty: str  # normalised key of what matched (see `accept_value`)
    entity_id: str
    list_version: str
    field: str = COUNTERPARTY
    client: str = ""  # "" = every client; else the API key ("key:ID") it was cleared for
    category: str = ""  # "" = every transaction category
    program: str = ""  # "" = every program
    expires: datetime | None = None
    id: int | None = None

    def covers(self, scope: Scope) -> bool:
        return all(
            mine in ("", theirs)
            for mine, theirs in (
                (self.client, scope.client),
                (self.category, scope.category),
                (self.program, scope.program),
            )
        )


class AcceptList:
    def __init__(self, entries: Iterable[AcceptEntry] = (), now: datetime | None = None) -> None:
        """The entries that apply; those expired at `now` (default: never) are left out."""
        self._entries: dict[tuple[str, str, str, str], list[AcceptEntry]] = {}
        self.next_expiry: datetime | None = None
        for e in entries:
            if e.expires is not None:
                if now is not None and e.expires <= now:
                    continue
                if self.next_expiry is None or e.expires < self.next_expiry:
                    self.next_expiry = e.expires
            found = self._entries.setdefault((e.field, e.counterparty, e.entity_id,
                                              e.list_version), [])  # fmt: skip
            found.append(e)

    def __len__(self) -> int:
        return sum(len(found) for found in self._entries.values())

    def accepts(
        self,
        value: str,
        entity_id: str,
        list_version: str,
        field: str = COUNTERPARTY,
        scope: Scope = Scope(),
    ) -> AcceptEntry | None:
        """The entry that clears `value` (matched on `field`) against the entity, or None."""
        for entry in self._entries.get((field, value, entity_id, list_version), ()):
            if entry.covers(scope):
                return entry
        return None

    @classmethod
    def from_csv(
        cls,
        path: Path,
        normaliser: Normaliser,
        current_version: Callable[[str], str] | None = None,
    ) -> tuple[AcceptList, list[str]]:
        """Read `counterparty, entity_id, list_version[, reason]` and the optional scope
        columns `field` (what matched: counterparty_name, text, counterparty_identifiers),
        `category`, `program` and `expires` (an ISO date); names are normalised.

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
                    entries.append(_entry(row, key))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read accept list: {exc}") from exc
        return cls(entries, now=datetime.now(UTC)), problems


def _entry(row: dict[str | Any, Any], key: Callable[[str], str]) -> AcceptEntry:
    field = (row.get("field") or "").strip() or COUNTERPARTY
    value = str(row["counterparty"])
    expires = expiry((row.get("expires") or "").strip())
    return AcceptEntry(
        value.strip().lower() if _literal(field, value) else key(value),
        row["entity_id"].strip(),
        row["list_version"].strip(),
        field=field,
        category=(row.get("category") or "").strip(),
        program=(row.get("program") or "").strip(),
        expires=expires,
    )


def expiry(text: str) -> datetime | None:
    """An `expires` cell as the moment the entry stops applying: a date is the last day it
    applies (it ends at the next midnight, UTC); a time without a zone is UTC. ValueError
    for anything else."""
    if not text:
        return None
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text) + timedelta(days=1), time(), UTC)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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
    text = (row.get("expires") or "").strip()
    try:
        ends = expiry(text)
    except ValueError:
        return f"expires {text!r} is not an ISO date"
    if ends is not None and ends <= datetime.now(UTC):
        return f"expired on {text}"
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
