"""What the name index holds per listed name, how the stored index keeps it, and what a
match of a query returns."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, overload

from ..model import Entity, Name
from ..tunables import CACHE_ENTRIES
from .forms import NameForm
from .prepared import Prepared
from .similarity import Alignment

# Names of these entity types are scored by the rules of persons' names.
PERSON_TYPES = frozenset({"person"})


@dataclass(frozen=True)
class NameEntry:
    entity_id: str
    name: Name
    form: NameForm
    prepared: Prepared
    person: bool = False
    # A listed person's name in another language's Latin spelling, read in English spelling
    # (spellings.py: "Vladimir Poutine" as "Vladimir Putin"), or an organisation's with its
    # hyphens and dots dropped (listed_forms.py): a hit on it is capped as a transliteration
    # is, never a BLOCK (a person's reported as one, as the same reading of a query is).
    read: bool = False

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.form.tokens

    def found_inside(self, kinds: frozenset[str], coined: Container[str] = ()) -> bool:
        """Whether this name may be found whole inside a longer query ("Payment to Acme
        Trading for invoice 12", "Payment to Sergei Shoigu"): an app, trade or abbreviated
        name (`kinds`) always may; any other name of two words or more too (a list's names
        are all legal names; scoring.py's containment rules for organisations' and persons'
        names); not one word of a list ("Hadi", "Slava": a word of many persons' and
        payees' names), unless an organisation's word among the `coined` ("Belneftegas")."""
        tokens = self.form.tokens
        return (
            self.name.kind in kinds
            or len(tokens) > 1
            or (not self.person and len(tokens) == 1 and tokens[0] in coined)
        )

    @property
    def key(self) -> str:
        return self.form.key

    @property
    def compact(self) -> str:
        return self.form.compact


@dataclass(frozen=True)
class NameMatch:
    entry: NameEntry
    score: float
    method: str  # exact | fuzzy | contained | transliterated
    alignment: Alignment
    found: tuple[str, ...] = ()  # the registry name's tokens found inside the query


# NameForm and Prepared fields in the order a stored entry record holds them.
_FORM = tuple(f.name for f in fields(NameForm) if f.name != "person_reading")
_PREPARED = tuple(f.name for f in fields(Prepared) if f.name != "form")


def entry_record(entry: NameEntry, position: int) -> list[object]:
    """A name entry as plain values for the stored index: its name by entity and position
    (the name itself is the registry's), then its form and weights."""
    form = [getattr(entry.form, f) for f in _FORM]
    form[_FORM.index("legal_forms")] = sorted(entry.form.legal_forms)
    prepared = [getattr(entry.prepared, f) for f in _PREPARED]
    return [entry.entity_id, position, entry.person, form, prepared, entry.read]


class StoredEntries(Sequence[NameEntry]):
    """The stored index's entry records made back into entries, on first use."""

    def __init__(self, records: Sequence[Any], entities: Mapping[str, Entity]) -> None:
        self._records = records
        self._entities = entities
        self._made: dict[int, NameEntry] = {}

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, i: int) -> NameEntry: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[NameEntry]: ...
    def __getitem__(self, i: int | slice) -> NameEntry | Sequence[NameEntry]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        found = self._made.get(i)
        if found is None:
            entity_id, position, person, form_values, prepared_values, read = self._records[i]
            values = dict(zip(_FORM, form_values, strict=True))
            values["legal_forms"] = frozenset(values["legal_forms"])
            form = NameForm(**values)
            prepared = Prepared(form, **dict(zip(_PREPARED, prepared_values, strict=True)))
            name = self._entities[entity_id].names[position]
            if len(self._made) >= CACHE_ENTRIES:
                self._made.clear()
            found = self._made[i] = NameEntry(entity_id, name, form, prepared, person, read)
        return found
