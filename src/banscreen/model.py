"""The domain model: plain, immutable dataclasses shared by every layer.

Wire formats (YAML packs, CSV rows, API bodies) are validated at the edges and turned into
these types; nothing inside the engine sees a dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from .facts import Day, Fact, Provenance
from .identifier_kinds import BARE_IDENTIFIERS as BARE_IDENTIFIERS
from .identifier_kinds import IDENTIFIER_ALIASES as IDENTIFIER_ALIASES
from .identifier_kinds import IDENTIFIER_KINDS as IDENTIFIER_KINDS
from .listings import (
    DELISTED,
    DELISTED_SINCE,
    LISTED,
    LISTED_AFTER_DATE,
    NOT_LISTED_ON_DATE,
    NOT_YET_LISTED,
    Listing,
    ListPeriod,
    ListPresence,
    ListStanding,
)

__all__ = [
    "DELISTED",
    "DELISTED_SINCE",
    "LISTED",
    "LISTED_AFTER_DATE",
    "NOT_LISTED_ON_DATE",
    "NOT_YET_LISTED",
    "Day",
    "Fact",
    "ListPeriod",
    "ListPresence",
    "ListStanding",
    "Listing",
    "Provenance",
]


class Outcome(IntEnum):
    """Decision outcomes, ordered so that max() gives the DESIGN.md precedence."""

    CLEAR = 0
    REVIEW = 1
    BLOCK = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name


class Policy(StrEnum):
    """How to treat programs that need an agency identification that never came."""

    STRICT = "strict"
    ANTICIPATE = "anticipate"


class Nexus(StrEnum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


TRANSACTION_CATEGORIES: tuple[str, ...] = (
    "payment",
    "app_distribution",
    "app_update",
    "hosting",
    "cdn",
    "transit_peering",
    "code_use",
    "vendor",
    "employment",
    "other",
)

# The kinds of an entity's names (`Name.kind`).
NAME_KINDS: tuple[str, ...] = ("legal", "trade", "former", "app", "abbreviation", "local-language")


@dataclass(frozen=True)
class Name:
    value: str
    kind: str  # legal | trade | former | app | abbreviation | local-language
    script: str  # latin | han | mixed | other
    fact: Fact
    free_text: bool = True
    # A short name package names write as a word of their own for this party only
    # ("<name>-botpy"): looked for among a software component's words however short.
    package_word: bool = False


@dataclass(frozen=True)
class Identifier:
    kind: str
    value: str
    fact: Fact
    max_outcome: Outcome = Outcome.BLOCK
    reason: str | None = None  # extra reason code reported with any hit on this identifier
    note: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    type: str  # company | app | person | organization
    names: tuple[Name, ...]
    identifiers: tuple[Identifier, ...]
    fact: Fact
    country: str | None = None
    roles: tuple[str, ...] = ()
    note: str | None = None

    @property
    def display_name(self) -> str:
        return self.names[0].value


@dataclass(frozen=True)
class Relation:
    """A dated edge of the entity graph. `start` is inclusive, `end` exclusive."""

    kind: str  # develops | publishes | controls | owns | subsidiary_of | formerly_owned
    source_id: str
    target_id: str
    fact: Fact
    percentage: float | None = None
    start: date | None = None
    end: date | None = None
    note: str | None = None

    def active_on(self, day: date) -> bool:
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day >= self.end)


@dataclass(frozen=True)
class LifecycleEvent:
    type: str  # signed | published | effective | identification | enjoined | injunction_lifted
    #            | non_enforcement | rescinded | revoked
    date: Day
    fact: Fact
    until: Day | None = None  # end (exclusive) of a non-enforcement period
    categories: tuple[str, ...] = ()  # program category ids; empty = every category
    citation: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ProgramCategory:
    id: str
    label: str
    transaction_categories: tuple[str, ...]  # "*" = every transaction category

    def covers(self, transaction_category: str) -> bool:
        return "*" in self.transaction_categories or (
            transaction_category in self.transaction_categories
        )


@dataclass(frozen=True)
class Coverage:
    """Who a program reaches, starting from its named targets."""

    developers: bool = True
    controllers: bool = True
    subsidiaries: bool = True
    control_threshold: float = 50.0  # an `owns` edge above this percentage is control
    # OFAC's 50% rule: a party owned this much or more, directly or indirectly and in
    # aggregate, by targets (or by parties blocked by this rule) is reached too. None = off.
    aggregate_ownership: float | None = None


@dataclass(frozen=True)
class Program:
    id: str
    name: str
    citation: str
    section: str
    jurisdiction: str  # us_nexus | none
    identification_required: bool
    identification_by: str | None
    target_apps: tuple[str, ...]
    target_entities: tuple[str, ...]
    coverage: Coverage
    categories: tuple[ProgramCategory, ...]
    events: tuple[LifecycleEvent, ...]
    fact: Fact
    sources: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    note: str | None = None
    listings: dict[str, Listing] = field(default_factory=dict, hash=False, compare=False)
    # Imported lists screened through time: when each target was on its list.
    presence: dict[str, ListPresence] = field(default_factory=dict, hash=False, compare=False)
    enforcement_outcome: Outcome = Outcome.BLOCK  # outcome while in force and identified
    enforcement_reason: str = "IN_FORCE"
    # "order": an executive order or rule, in force from its effective event;
    # "list": a restricted-party list, in force unless an event says otherwise, each target
    # from its own listing date.
    kind: str = "order"
    _target_set: frozenset[str] = field(
        init=False, default=frozenset(), hash=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_target_set", frozenset((*self.target_apps, *self.target_entities))
        )

    def is_target(self, entity_id: str) -> bool:
        return entity_id in self._target_set

    def category_for(self, transaction_category: str) -> ProgramCategory | None:
        for category in self.categories:
            if category.covers(transaction_category):
                return category
        return None


@dataclass(frozen=True)
class CounterpartyIdentifier:
    kind: str
    value: str
    # The party it identifies when that is not the counterparty: a payment's agents
    # ("intermediary_agent_1"), the field its evidence names.
    role: str = ""


# The party role of a software component's name (SBOMs, lockfiles): screened by the names
# of makers of software it carries, not as a counterparty.
COMPONENT = "component"
COUNTERPARTY = "counterparty_name"  # the field a transaction names its counterparty in
# A match that is not strong enough to BLOCK on its own (a reason code of decide/reasons.py,
# here because the matcher caps a transliterated mention in free text by it).
FUZZY_MATCH = "FUZZY_MATCH"
# An app's package name or bundle id written under a listed domain (match/matcher.py).
PUBLISHER_NAMESPACE = "PUBLISHER_NAMESPACE"
# An app's package name or bundle id that extends a listed one's or is extended by it
# ("com.example.app.lite"; match/identifiers.py).
RELATED_APP_ID = "RELATED_APP_ID"


@dataclass(frozen=True)
class Transaction:
    """One thing a user asks about. Fields are already validated; see surfaces for parsing."""

    id: str
    date: date | None
    category: str
    counterparty_name: str = ""
    counterparty_country: str = ""
    identifiers: tuple[CounterpartyIdentifier, ...] = ()
    us_nexus: Nexus = Nexus.UNKNOWN
    text: str = ""
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # Further parties screened by name, as (role, name): a payment's debtor, ultimate
    # debtor and ultimate creditor beside the creditor in `counterparty_name`; a software
    # component's name (role COMPONENT).
    parties: tuple[tuple[str, str], ...] = ()
    location: str = ""  # where the record came from in its surface (message id, path, line)


@dataclass(frozen=True)
class MatchEvidence:
    """How a transaction field reached a registry entity."""

    entity_id: str
    method: str  # identifier | exact | fuzzy | transliterated | free-text
    score: float
    field: str  # which transaction field matched
    query: str  # the value from the transaction
    matched: str  # the registry name or identifier it matched
    fact: Fact  # provenance of the matched name or identifier
    tokens: tuple[tuple[str, str, float], ...] = ()  # (query token, name token, contribution)
    max_outcome: Outcome = Outcome.BLOCK
    extra_reason: str | None = None
    # Where the matched name was found inside a longer query (method `contained`): the
    # character offsets [start, end) in `query`.
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class PathStep:
    """One edge walked from the matched entity towards a program target."""

    source_id: str
    relation: str
    target_id: str
    forward: bool  # True when walked in the direction the relation is recorded
    fact: Fact


@dataclass(frozen=True)
class ProgramHit:
    program_id: str
    citation: str
    section: str
    category: str | None  # the program category that covers the transaction, if any
    status: str  # lifecycle status on the transaction date
    outcome: Outcome
    reasons: tuple[str, ...]
    evidence: MatchEvidence
    path: tuple[PathStep, ...]
    path_text: str
    # An imported list judged through time: the party's standing and the versions consulted.
    list_standing: ListStanding | None = None


@dataclass(frozen=True)
class Decision:
    transaction_id: str
    outcome: Outcome
    reasons: tuple[str, ...]
    hits: tuple[ProgramHit, ...] = ()
    matches: tuple[MatchEvidence, ...] = ()  # every match, including ones no program reaches
    entity_id: str = ""
    entity_name: str = ""
    score: float | None = None
    method: str = ""
    path: str = ""
    error: str = ""
    policy: str = Policy.STRICT.value
    as_of: date | None = None
    data_version: str = ""
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # Facts about where the record sits that are not a decision (a dependency cycle).
    notes: tuple[str, ...] = ()

    @property
    def programs(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for hit in self.hits:
            seen.setdefault(hit.program_id, None)
        return tuple(seen)
