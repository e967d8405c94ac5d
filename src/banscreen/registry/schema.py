"""Wire schemas of the YAML packs. Validation happens here; the engine sees model.py types."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model import IDENTIFIER_KINDS, NAME_KINDS, TRANSACTION_CATEGORIES

ProvenanceLiteral = Literal["confirmed", "secondary", "unconfirmed"]
SLUG = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"
REASON = r"^[A-Z][A-Z0-9_]*$"

ENTITY_TYPES = ("company", "app", "person", "organization")
RELATION_KINDS = ("develops", "publishes", "controls", "owns", "subsidiary_of", "formerly_owned")
EVENT_TYPES = (
    "signed",
    "published",
    "effective",
    "identification",
    "enjoined",
    "injunction_lifted",
    "non_enforcement",
    "rescinded",
    "revoked",
)

Day = date  # for annotations inside classes that have a field named `date`


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Strict):
    source: str
    provenance: ProvenanceLiteral


class NameSchema(_Sourced):
    value: str = Field(min_length=1)
    kind: Literal[NAME_KINDS]  # type: ignore[valid-type]
    free_text: bool = True
    package_word: bool = False


class IdentifierSchema(_Sourced):
    kind: Literal[IDENTIFIER_KINDS]  # type: ignore[valid-type]
    value: str = Field(min_length=1)
    max_outcome: Literal["REVIEW", "BLOCK"] = "BLOCK"
    reason: str | None = Field(default=None, pattern=REASON)
    note: str | None = None


class EntitySchema(_Sourced):
    id: str = Field(pattern=SLUG)
    type: Literal[ENTITY_TYPES]  # type: ignore[valid-type]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    names: list[NameSchema] = Field(min_length=1)
    identifiers: list[IdentifierSchema] = []
    roles: list[str] = []
    note: str | None = None


class RelationSchema(_Sourced):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    kind: Literal[RELATION_KINDS]  # type: ignore[valid-type]
    from_: str = Field(alias="from", pattern=SLUG)
    to: str = Field(pattern=SLUG)
    percentage: float | None = Field(default=None, ge=0, le=100)
    start: date | None = None
    end: date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> RelationSchema:
        if self.start and self.end and self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class EntityPackSchema(_Strict):
    sources: dict[str, str] = Field(min_length=1)
    entities: list[EntitySchema] = []
    relations: list[RelationSchema] = []


class EventSchema(_Sourced):
    type: Literal[EVENT_TYPES]  # type: ignore[valid-type]
    date: Day
    until: Day | None = None
    categories: list[str] = []
    citation: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _until_rules(self) -> EventSchema:
        if self.type == "non_enforcement" and self.until is None:
            raise ValueError("a non_enforcement event needs `until` (the end of the period)")
        if self.until is not None and self.until <= self.date:
            raise ValueError("until must be after date")
        return self


class CategorySchema(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str
    transaction_categories: list[str] = Field(min_length=1)

    @field_validator("transaction_categories")
    @classmethod
    def _known(cls, values: list[str]) -> list[str]:
        for value in values:
            if value != "*" and value not in TRANSACTION_CATEGORIES:
                raise ValueError(
                    f"unknown transaction category {value!r}; "
                    f"known: {', '.join(TRANSACTION_CATEGORIES)} or '*'"
                )
        return values


class IdentificationSchema(_Strict):
    required: bool
    by: str | None = None
    section: str | None = None


class DatedTargetSchema(_Sourced):
    """A target with the dates it is on the list."""

    id: str = Field(pattern=SLUG)
    added: Day | None = None
    removed: Day | None = None
    note: str | None = None


class TargetsSchema(_Strict):
    apps: list[str | DatedTargetSchema] = []
    entities: list[str | DatedTargetSchema] = []


class EnforcementSchema(_Strict):
    """What the program gives while in force (and identified): a ban BLOCKs; a list that
    restricts no transaction by itself (DoD 1260H) asks for REVIEW with its own reason."""

    outcome: Literal["BLOCK", "REVIEW"] = "BLOCK"
    reason: str = Field(default="IN_FORCE", pattern=REASON)


class CoverageSchema(_Strict):
    developers: bool = True
    controllers: bool = True
    subsidiaries: bool = True
    control_threshold: float = Field(default=50.0, ge=0, le=100)


class ProgramPackSchema(_Sourced):
    id: str = Field(pattern=SLUG)
    name: str
    citation: str
    section: str
    jurisdiction: Literal["us_nexus", "none"]
    note: str | None = None
    sources: dict[str, str] = Field(min_length=1)
    identification: IdentificationSchema
    targets: TargetsSchema
    coverage: CoverageSchema = CoverageSchema()
    enforcement: EnforcementSchema = EnforcementSchema()
    categories: list[CategorySchema] = Field(min_length=1)
    events: list[EventSchema] = Field(min_length=1)
