"""Load program packs, entity packs and matching tables; validate them across files.

A broken pack raises DataError naming the file, the line and the field. Checks that span
files (a relation naming an entity defined elsewhere, a program targeting an unknown app)
run after every file is read, and still point at the line that is wrong.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataError
from ..model import (
    Coverage,
    Entity,
    Fact,
    Identifier,
    LifecycleEvent,
    Listing,
    Name,
    Outcome,
    Program,
    ProgramCategory,
    Provenance,
    Relation,
)
from .cache import cached
from .matching import MatchingConfig

# The YAML reader and the pydantic schemas are imported only to read packs that are not
# cached yet (inside the functions below): a run from the cache needs neither.
if TYPE_CHECKING:
    from . import schema
    from .yamlfile import YamlDocument


def script_of(text: str) -> str:
    """Which script a name is written in: decides how it is tokenised and romanised."""
    han = any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
    latin = any(ch.isascii() and ch.isalpha() for ch in text)
    if han and latin:
        return "mixed"
    if han:
        return "han"
    return "latin" if latin else "other"


def _fact(
    doc: YamlDocument, item: Any, loc: tuple[int | str, ...], sources: dict[str, str]
) -> Fact:
    if item.source not in sources:
        raise doc.error(
            (*loc, "source"),
            f"unknown source {item.source!r}; declare it under `sources:` in this file",
        )
    return Fact(source=item.source, provenance=Provenance(item.provenance))


@dataclass
class _Collected:
    entities: dict[str, tuple[Entity, YamlDocument, tuple[int | str, ...]]] = field(
        default_factory=dict
    )
    relations: list[tuple[Relation, YamlDocument, tuple[int | str, ...]]] = field(
        default_factory=list
    )
    programs: dict[str, tuple[Program, YamlDocument]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def _read_entity_pack(doc: YamlDocument, out: _Collected) -> None:
    from . import schema

    pack = doc.validated(schema.EntityPackSchema)
    for i, ent in enumerate(pack.entities):
        loc: tuple[int | str, ...] = ("entities", i)
        if ent.id in out.entities:
            _, other, _ = out.entities[ent.id]
            raise doc.error((*loc, "id"), f"duplicate entity id {ent.id!r} (also in {other.path})")
        names = tuple(
            Name(
                value=n.value,
                kind=n.kind,
                script=script_of(n.value),
                fact=_fact(doc, n, (*loc, "names", j), pack.sources),
                free_text=n.free_text,
                package_word=n.package_word,
            )
            for j, n in enumerate(ent.names)
        )
        identifiers = tuple(
            Identifier(
                kind=x.kind,
                value=x.value,
                fact=_fact(doc, x, (*loc, "identifiers", j), pack.sources),
                max_outcome=Outcome[x.max_outcome],
                reason=x.reason,
                note=x.note,
            )
            for j, x in enumerate(ent.identifiers)
        )
        entity = Entity(
            id=ent.id,
            type=ent.type,
            names=names,
            identifiers=identifiers,
            fact=_fact(doc, ent, loc, pack.sources),
            country=ent.country,
            roles=tuple(ent.roles),
            note=ent.note,
        )
        out.entities[ent.id] = (entity, doc, loc)
    for i, rel in enumerate(pack.relations):
        loc = ("relations", i)
        relation = Relation(
            kind=rel.kind,
            source_id=rel.from_,
            target_id=rel.to,
            fact=_fact(doc, rel, loc, pack.sources),
            percentage=rel.percentage,
            start=rel.start,
            end=rel.end,
            note=rel.note,
        )
        out.relations.append((relation, doc, loc))
    out.sources.update(pack.sources)


def _read_program_pack(doc: YamlDocument, out: _Collected) -> None:
    from . import schema

    pack = doc.validated(schema.ProgramPackSchema)
    if pack.id in out.programs:
        raise doc.error(("id",), f"duplicate program id {pack.id!r}")
    category_ids = {c.id for c in pack.categories}
    events = []
    for i, ev in enumerate(pack.events):
        for cat in ev.categories:
            if cat not in category_ids:
                raise doc.error(
                    ("events", i, "categories"),
                    f"unknown program category {cat!r}; this program has {sorted(category_ids)}",
                )
        events.append(
            LifecycleEvent(
                type=ev.type,
                date=ev.date,
                fact=_fact(doc, ev, ("events", i), pack.sources),
                until=ev.until,
                categories=tuple(ev.categories),
                citation=ev.citation,
                note=ev.note,
            )
        )
    program = Program(
        id=pack.id,
        name=pack.name,
        citation=pack.citation,
        section=pack.section,
        jurisdiction=pack.jurisdiction,
        identification_required=pack.identification.required,
        identification_by=pack.identification.by,
        target_apps=tuple(_target_id(t) for t in pack.targets.apps),
        target_entities=tuple(_target_id(t) for t in pack.targets.entities),
        coverage=Coverage(
            developers=pack.coverage.developers,
            controllers=pack.coverage.controllers,
            subsidiaries=pack.coverage.subsidiaries,
            control_threshold=pack.coverage.control_threshold,
        ),
        categories=tuple(
            ProgramCategory(c.id, c.label, tuple(c.transaction_categories)) for c in pack.categories
        ),
        events=tuple(sorted(events, key=lambda e: e.date)),
        fact=_fact(doc, pack, (), pack.sources),
        sources=dict(pack.sources),
        note=pack.note,
        listings=_listings(doc, pack),
        enforcement_outcome=Outcome[pack.enforcement.outcome],
        enforcement_reason=pack.enforcement.reason,
    )
    out.programs[pack.id] = (program, doc)


def _target_id(target: str | schema.DatedTargetSchema) -> str:
    return target if isinstance(target, str) else target.id


def _listings(doc: YamlDocument, pack: schema.ProgramPackSchema) -> dict[str, Listing]:
    listings: dict[str, Listing] = {}
    for kind in ("apps", "entities"):
        for i, target in enumerate(getattr(pack.targets, kind)):
            if isinstance(target, str):
                continue
            if target.added and target.removed and target.removed <= target.added:
                raise doc.error(("targets", kind, i, "removed"), "removed must be after added")
            fact = _fact(doc, target, ("targets", kind, i), pack.sources)
            listings[target.id] = Listing(target.added, target.removed, fact)
    return listings


def _read_file(path: Path, out: _Collected) -> None:
    from .yamlfile import YamlDocument

    doc = YamlDocument(path)
    if not isinstance(doc.data, dict):
        raise doc.error((), "expected a mapping (an entity pack or a program pack)")
    if "events" in doc.data or "targets" in doc.data:
        _read_program_pack(doc, out)
    else:
        _read_entity_pack(doc, out)


def _check_references(out: _Collected) -> None:
    entities = out.entities
    for relation, doc, loc in out.relations:
        for end, key in ((relation.source_id, "from"), (relation.target_id, "to")):
            if end not in entities:
                raise doc.error((*loc, key), f"unknown entity {end!r}")
        if relation.kind in ("develops", "publishes"):
            target = entities[relation.target_id][0]
            if target.type != "app":
                raise doc.error((*loc, "to"), f"{relation.kind} must point at an app entity")
    for program, doc in out.programs.values():
        for i, app in enumerate(program.target_apps):
            if app not in entities:
                raise doc.error(("targets", "apps", i), f"unknown app entity {app!r}")
            if entities[app][0].type != "app":
                raise doc.error(("targets", "apps", i), f"{app!r} is not an app entity")
        for i, ent in enumerate(program.target_entities):
            if ent not in entities:
                raise doc.error(("targets", "entities", i), f"unknown entity {ent!r}")
        if not program.target_apps and not program.target_entities:
            raise doc.error(("targets",), "a program needs at least one target app or entity")


def pack_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.yaml") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise DataError(str(path), None, "file", "no such file or directory")
    return files


def shipped_data_dir() -> Path:
    return Path(str(resources.files("banscreen") / "data"))


def load_matching_config(path: Path | None = None) -> MatchingConfig:
    target = path or shipped_data_dir() / "matching.yaml"

    def build() -> MatchingConfig:
        from .yamlfile import YamlDocument

        config = YamlDocument(target).validated(MatchingConfig)
        config.key()  # written now, so the cached copy holds it: every start asks for it
        return config

    return cached("matching", [target], build)


@dataclass(frozen=True)
class LoadedData:
    entities: Mapping[str, Entity]
    relations: tuple[Relation, ...]
    programs: dict[str, Program]
    sources: dict[str, str]
    files: tuple[str, ...]
    version: str


def load_packs(extra: Sequence[Path] = ()) -> LoadedData:
    """Read the shipped packs, then the user's extra files, and validate them together."""
    base = shipped_data_dir()
    files = pack_files([base / "programs", base / "entities", *extra])
    return cached("packs", files, lambda: _load_files(files))


def _load_files(files: list[Path]) -> LoadedData:
    out = _Collected()
    digest = hashlib.sha256()
    for path in files:
        _read_file(path, out)
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    _check_references(out)
    return LoadedData(
        entities={k: v[0] for k, v in out.entities.items()},
        relations=tuple(r for r, _, _ in out.relations),
        programs={k: v[0] for k, v in out.programs.items()},
        sources=out.sources,
        files=tuple(str(p) for p in files),
        version=digest.hexdigest()[:12],
    )
