"""Turn one list version into registry entities, relations and programs.

Every fact carries the list version as its source, so a decision names the version it used.
A listed party that is also a shipped entity (the same normalised legal or trade name, and
no conflicting country) is linked to it with a `same_as` relation: one decision then shows
every program that reaches the counterparty, whichever record matched.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..match.fanout import map_names
from ..model import (
    Coverage,
    Entity,
    Fact,
    Identifier,
    Listing,
    ListPresence,
    Name,
    Outcome,
    Program,
    ProgramCategory,
    Provenance,
    Relation,
)
from ..registry import ImportedData
from ..registry.loader import script_of
from ..registry.packed import PackedEntities
from .records import ListContent, ListRecord

if TYPE_CHECKING:
    from .history import ListHistory
    from .programs import ListProgramSchema, ListProgramsSchema

# Published identifier labels → the transaction identifier kind they can be matched as.
_ID_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(website|url)$", re.I), "domain"),
    (re.compile(r"^swift/?bic|^bic$|^swift", re.I), "bic"),
    (re.compile(r"^(legal entity number|lei)$", re.I), "lei"),
    (re.compile(r"^(imo|vessel registration identification)", re.I), "imo"),
    (re.compile(r"^digital currency address", re.I), "crypto"),
    (
        re.compile(
            r"^(registration (number|id)|business registration|public registration|"
            r"company number|tax (id|number)|v\.?a\.?t\.? number|unified social credit code|"
            r"inn|ogrn|national tax no|rif)\b",
            re.I,
        ),
        "registration_number",
    ),
    (re.compile(r"^isin$", re.I), "isin"),
    (re.compile(r"^(equity ticker|ticker|stock code)$", re.I), "stock_code"),
)
_TYPES = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "entity": "company"}
_OFFICIAL_FORMATS = ("ofac-xml", "ofac-legacy-xml", "ofac-csv", "csl-csv", "csl-json")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def entity_id(list_name: str, key: str) -> str:
    base = f"{list_name}-{slug(key)}"
    if slug(key) != key.lower():  # keys that slug alike must not collide
        base += "-" + hashlib.sha256(key.encode()).hexdigest()[:6]
    return base


@dataclass(frozen=True)
class VersionInfo:
    """What the registry needs to know about the list version it is built from."""

    id: str
    list_name: str
    format: str
    description: str  # source, retrieval time and hash, shown wherever the fact is cited


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _identifiers(record: ListRecord, fact: Fact) -> tuple[Identifier, ...]:
    from ..errors import IdentifierError
    from ..match.identifiers import normalise

    found: list[Identifier] = []
    for label, value in record.identifiers:
        for pattern, kind in _ID_KINDS:
            if pattern.search(label):
                try:
                    normalise(kind, value)
                except IdentifierError:
                    break  # published, but not in a form a transaction can carry
                found.append(Identifier(kind=kind, value=value, fact=fact, note=label))
                break
    return tuple(found)


def _entity(record: ListRecord, ident: str, fact: Fact) -> Entity:
    names = [
        Name(record.name, "legal", script_of(record.name), fact),
        *(Name(alias, "legal", script_of(alias), fact) for alias in record.aliases),
    ]
    return Entity(
        id=ident,
        type=_TYPES.get(record.type, "company"),
        names=tuple(names),
        identifiers=_identifiers(record, fact),
        fact=fact,
        country=record.countries[0].lower() if record.countries else None,
        note=f"{record.source_name or record.list_code} record {record.key}",
    )


def imported_data(
    info: VersionInfo,
    content: ListContent,
    shipped: Mapping[str, Entity],
    key: Callable[[str], str],
    config: ListProgramsSchema | None = None,
    history: ListHistory | None = None,
    described: dict[str, str] | None = None,
) -> ImportedData:
    """Entities, `same_as` links, ownership relations and programs of one list version.

    With `history` (the list through time, whose newest version is `info`), `content` is
    every party any version named; each fact cites the newest version that named it
    (`described` describes every version), and each target carries its `ListPresence`."""
    if config is None:
        from .programs import load_list_programs  # its schemas: only when lists are built

        config = load_list_programs()
    provenance = Provenance.CONFIRMED if info.format in _OFFICIAL_FORMATS else Provenance.SECONDARY
    fact = Fact(info.id, provenance)
    link_fact = Fact(info.id, Provenance.SECONDARY)
    by_code = {code: p for p in config.programs for code in p.lists}
    facts: dict[str, Fact] = {}

    def fact_of(record_key: str) -> Fact:
        if history is None:
            return fact
        source = history.record_version.get(record_key, info.id)
        return facts.setdefault(source, Fact(source, provenance))

    entities: dict[str, Entity] = {}
    ids: dict[str, str] = {}
    for record in content.records:
        ident = entity_id(info.list_name, record.key)
        ids[record.key] = ident
        entities[ident] = _entity(record, ident, fact_of(record.key))

    # Shipped companies by normalised name, for same_as links.
    shipped_keys: dict[str, list[Entity]] = {}
    for entity in shipped.values():
        if entity.type in ("company", "organization"):
            for name in entity.names:
                if name.kind in ("legal", "trade") and (k := key(name.value)):
                    shipped_keys.setdefault(k, []).append(entity)
    # Every listed entity's names normalised once, on every core for a large list.
    values = list(
        dict.fromkeys(
            value
            for record in content.records
            if record.type == "entity"
            for value in (record.name, *record.aliases)
        )
    )
    keys = dict(zip(values, map_names(values, key), strict=True))
    relations: list[Relation] = []
    for record in content.records:
        if record.type != "entity":
            continue
        linked: set[str] = set()
        for value in (record.name, *record.aliases):
            for other in shipped_keys.get(keys[value], ()):
                countries = {c.lower() for c in record.countries}
                country = (other.country or "").lower()
                if other.id in linked or (country and countries and country not in countries):
                    continue
                linked.add(other.id)
                relations.append(
                    Relation(
                        "same_as", ids[record.key], other.id, link_fact, note=f"same name: {value}"
                    )
                )
    for link in content.relations:
        if link.source in ids and link.target in ids:
            relations.append(
                Relation(
                    kind=link.kind,
                    source_id=ids[link.source],
                    target_id=ids[link.target],
                    fact=fact_of(link.source),
                    percentage=link.percentage,
                    start=_day(link.start),
                    end=_day(link.end),
                )
            )

    targets: dict[str, list[str]] = {}
    listings: dict[str, dict[str, Listing]] = {}
    presence: dict[str, dict[str, ListPresence]] = {}
    programs: dict[str, Program] = {}
    for record in content.records:
        if not record.target:
            continue
        spec = by_code.get(record.list_code)
        program_id = spec.id if spec else f"{config.unmapped.id_prefix}-{slug(record.list_code)}"
        if program_id not in programs:
            programs[program_id] = _program(program_id, record, spec, config, info, fact)
        ident = ids[record.key]
        targets.setdefault(program_id, []).append(ident)
        if history is not None:
            presence.setdefault(program_id, {})[ident] = ListPresence(
                tuple(history.periods.get(record.key, ())), history.timeline, fact_of(record.key)
            )
        elif record.listed or record.delisted:
            listings.setdefault(program_id, {})[ident] = Listing(
                _day(record.listed), _day(record.delisted), fact
            )
    for program_id, program in list(programs.items()):
        programs[program_id] = replace(
            program,
            target_entities=tuple(targets.get(program_id, ())),
            listings=listings.get(program_id, {}),
            presence=presence.get(program_id, {}),
        )
    return ImportedData(
        version=info.id if history is None else _history_version(info.id, history.timeline),
        entities=PackedEntities(entities),
        relations=tuple(relations),
        programs=programs,
        sources=described or {info.id: info.description},
    )


def _program(
    program_id: str,
    record: ListRecord,
    spec: ListProgramSchema | None,
    config: ListProgramsSchema,
    info: VersionInfo,
    fact: Fact,
) -> Program:
    if spec is not None:
        name, citation, section = spec.name, spec.citation, spec.section
        outcome, reason, categories = spec.outcome, spec.reason, tuple(spec.categories)
        aggregate, source = spec.aggregate_ownership, spec.source
        follow = spec.follow_control
        jurisdiction = spec.jurisdiction
    else:
        label = record.source_name or record.list_code
        name, citation, section = f"Imported list: {label}", label, "listed party"
        outcome, reason, categories = config.unmapped.outcome, config.unmapped.reason, ("*",)
        aggregate, source = None, config.unmapped.source
        follow = False
        jurisdiction = "us_nexus"
    return Program(
        id=program_id,
        name=name,
        citation=citation,
        section=section,
        jurisdiction=jurisdiction,
        identification_required=False,
        identification_by=None,
        target_apps=(),
        target_entities=(),
        coverage=Coverage(
            developers=False,
            controllers=False,
            subsidiaries=follow,
            aggregate_ownership=aggregate,
        ),
        categories=(ProgramCategory("listed", "dealings with listed parties", categories),),
        events=(),
        fact=Fact(source, Provenance.CONFIRMED),
        sources={source: config.sources[source], info.id: info.description},
        enforcement_outcome=Outcome[outcome],
        enforcement_reason=reason,
        kind="list",
    )


def _history_version(newest: str, timeline: tuple[tuple[date, str], ...]) -> str:
    """A history's identity: its newest version, and a digest of every version and date in
    it. ImportedData (and so every loaded registry) is equal by this alone, so two homes
    whose newest versions share an id (the same file imported in the same second) but whose
    earlier versions differ must not look alike."""
    digest = hashlib.sha256("|".join(f"{day}:{v}" for day, v in timeline).encode())
    return f"{newest}@{len(timeline)}-{digest.hexdigest()[:12]}"
