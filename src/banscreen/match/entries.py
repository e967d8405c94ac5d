"""What the name index holds per listed name, and what a match of a query returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Name
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

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.form.tokens

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
