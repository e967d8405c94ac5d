"""Where every fact comes from, and how sure we are of it: the base of the domain model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

Day = date  # for annotations inside classes that have a field named `date`


class Provenance(StrEnum):
    """How well a fact is sourced. Unconfirmed facts may raise a REVIEW but never a BLOCK."""

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True)
class Fact:
    """Where a fact comes from: a key into the pack's source table, and how sure we are."""

    source: str
    provenance: Provenance
