"""The one shape every imported list takes, whatever format it was published in.

Readers turn OFAC XML/CSV, the Consolidated Screening List and FollowTheMoney data into
`ListRecord`s (one per listed party) and `ListRelation`s (ownership and control between
them). A list version stores exactly these, so diffs, fingerprints and the registry are
format-independent.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import ListError
from ..match.text import LONE_SURROGATE, unfolded_past
from ..tunables import NAME_LIMIT

PARTY_TYPES = ("entity", "individual", "vessel", "aircraft")

_CODE_IN_NAME = re.compile(r"\(([A-Z][A-Z0-9-]*)\)")


def list_code(source_name: str) -> str:
    """`Entity List (EL) - Bureau of Industry and Security` → `EL`; a bare code stays as is."""
    found = _CODE_IN_NAME.search(source_name)
    if found:
        return found.group(1)
    return source_name.strip().upper()


@dataclass(frozen=True)
class ListRecord:
    """One listed party, as its publisher lists it."""

    key: str  # unique within the list version and stable across versions
    list_code: str  # SDN, EL, MEU, … or a FollowTheMoney dataset name
    type: str  # one of PARTY_TYPES
    name: str
    aliases: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()  # sanctions program tags, e.g. SDGT, CMIC-EO13959
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2, upper case
    addresses: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()  # (type as published, value)
    source_name: str = ""  # the list's full published name
    citation: str = ""  # e.g. a Federal Register notice
    listed: str | None = None  # ISO date the party was added, when the list says
    delisted: str | None = None
    remarks: str = ""
    url: str = ""
    # False for parties a list only mentions (the owner or subsidiary of a listed party in
    # FollowTheMoney data): they match, and reach a program only through the ownership graph.
    target: bool = True

    def fingerprint(self) -> str:
        """Hash of every published field: a changed fingerprint is a changed entry."""
        return _digest(_values(self))

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in _values(self).items() if v not in ((), "", None, True)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ListRecord:
        values = dict(data)
        for name in ("aliases", "programs", "countries", "addresses"):
            values[name] = tuple(values.get(name, ()))
        values["identifiers"] = tuple(tuple(pair) for pair in values.get("identifiers", ()))
        return cls(**values)


@dataclass(frozen=True)
class ListRelation:
    """Ownership or control between two listed (or list-mentioned) parties."""

    kind: str  # owns | controls | subsidiary_of | directorship
    source: str  # record key of the owner / controller / subsidiary
    target: str  # record key of the asset / controlled party / parent
    percentage: float | None = None
    start: str | None = None
    end: str | None = None
    key: str = ""  # the publisher's id of the relation, when it has one

    def identity(self) -> str:
        return self.key or f"{self.kind}:{self.source}->{self.target}"

    def fingerprint(self) -> str:
        return _digest(_values(self))

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in _values(self).items() if v not in ("", None)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ListRelation:
        return cls(**data)


@dataclass
class ListContent:
    """What one file of a list holds, after parsing and validation."""

    format: str
    records: list[ListRecord] = field(default_factory=list)
    relations: list[ListRelation] = field(default_factory=list)
    published: str | None = None  # the publisher's own issue date, when given
    name: str | None = None  # the list the file is, when its content says (else the format's)

    def add(self, record: ListRecord) -> None:
        """A record, once its names are no longer than a counterparty's may be (`NAME_LIMIT`,
        also as read with compatibility characters unfolded): a longer one is no name, and
        indexing it would cost minutes."""
        for name in (record.name, *record.aliases):
            if len(name) > NAME_LIMIT or unfolded_past(name, NAME_LIMIT):
                raise ListError(
                    f"{self.format} record {record.key}: a name of {len(name):,} characters,"
                    f" longer than the {NAME_LIMIT:,} a name may have"
                )
        for name, value in _values(record).items():
            if any(LONE_SURROGATE.search(text) for text in _texts(value)):
                key = record.key.encode("utf-8", "backslashreplace").decode()
                raise ListError(
                    f"{self.format} record {key}: its {name} holds a lone UTF-16 surrogate"
                    " (a JSON escape such as \\ud800), which is no character"
                )
        self.records.append(record)

    def by_key(self) -> dict[str, ListRecord]:
        return {r.key: r for r in self.records}


def _values(record: Any) -> dict[str, Any]:
    """A record's fields by name. Its values are strings, numbers and tuples of them, so
    `dataclasses.asdict`'s deep copy (a fifth of importing a large list) is not needed."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _texts(value: Any) -> Iterable[str]:
    """The strings of a record's value (a string, or a tuple of strings and tuples)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)


def _digest(data: dict[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def clean(value: str | None) -> str:
    """Publisher text without the padding and null markers some formats use."""
    if value is None:
        return ""
    text = " ".join(value.split())
    return "" if text in ("-0-", "-0- ") else text


def unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return tuple(seen)
