"""FollowTheMoney / OpenSanctions entity files: one JSON object per line.

Parsed and validated with the `followthemoney` library. Company, Organization, Person and
LegalEntity become records (targets and, with `target: false`, the parties a dataset only
mentions); Ownership and Directorship become relations, which is what the 50% rule walks;
Sanction entities add program names and listing dates to the party they sanction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ListError
from .records import ListContent, ListRecord, ListRelation, unique

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

FORMAT = "ftm"
_PARTIES = ("Person", "Company", "Organization", "LegalEntity", "PublicBody")
_TYPES = {"Person": "individual", "Vessel": "vessel", "Airplane": "aircraft"}
# FtM properties that carry identifiers, with the label banscreen records them under.
_ID_PROPS = {
    "leiCode": "Legal Entity Number",
    "swiftBic": "SWIFT/BIC",
    "website": "Website",
    "imoNumber": "IMO",
    "registrationNumber": "Registration Number",
    "taxNumber": "Tax ID No.",
    "innCode": "INN",
    "ogrnCode": "OGRN",
    "idNumber": "National ID No.",
    "passportNumber": "Passport",
    "vatCode": "VAT Number",
    "uscCode": "Unified Social Credit Code",
    "isinCode": "ISIN",
    "ticker": "Equity Ticker",
    "ricCode": "Equity Ticker",
}


def _first(proxy: EntityProxy, prop: str) -> str | None:
    values = proxy.get(prop, quiet=True)
    return values[0] if values else None


def _wrong_shape(data: dict[str, Any]) -> str | None:
    """What in an entity object followthemoney would not take as its format says, or
    None: a schema that is no name (`"schema": false` crashed the importer), properties
    that are no mapping, datasets that are no list of names."""
    if not isinstance(data.get("schema"), str):
        return f"'schema' must be a schema's name, not {json.dumps(data.get('schema'))[:40]}"
    if not isinstance(data.get("properties", {}), dict):
        return "'properties' must be an object of property lists"
    datasets = data.get("datasets")
    if datasets is not None and not (
        isinstance(datasets, list) and all(isinstance(d, str) for d in datasets)
    ):
        return "'datasets' must be a list of dataset names"
    return None


def read_ftm(path: Path) -> ListContent:
    # Imported here: followthemoney takes a third of a second to import, and only this
    # importer needs it.
    from followthemoney import model
    from followthemoney.exc import InvalidData

    content = ListContent(format=FORMAT)
    parties: dict[str, EntityProxy] = {}
    meta: dict[str, dict[str, Any]] = {}
    sanctions: dict[str, list[EntityProxy]] = defaultdict(list)
    links: list[EntityProxy] = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ListError(f"{path}: cannot read: {exc}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path.name} line {number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise ListError(f"{where}: not UTF-8: {exc}") from None
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ListError(f"{where}: not JSON (truncated file?): {exc}") from None
            if not isinstance(data, dict) or not data.get("id"):
                raise ListError(f"{where}: not an entity object with an id")
            wrong = _wrong_shape(data)
            if wrong:
                raise ListError(f"{where} (entity {str(data['id'])[:80]}): {wrong}")
            try:
                proxy = model.get_proxy(data, cleaned=False)
            except InvalidData as exc:
                raise ListError(f"{where} (entity {data.get('id')}): {exc}") from None
            schema = proxy.schema
            if schema.name == "Sanction":
                for entity_id in proxy.get("entity"):
                    sanctions[entity_id].append(proxy)
            elif schema.name in ("Ownership", "Directorship"):
                links.append(proxy)
            elif any(schema.is_a(name) for name in _PARTIES) or schema.name in _TYPES:
                if not proxy.get("name"):
                    raise ListError(f"{where} (entity {proxy.id}): no name")
                parties[str(proxy.id)] = proxy
                meta[str(proxy.id)] = data
    if not parties:
        raise ListError(f"{path}: no Person, Company, Organization or LegalEntity entities")
    for entity_id, proxy in parties.items():
        content.add(_record(proxy, meta[entity_id], sanctions.get(entity_id, [])))
    for link in links:
        relation = _relation(link)
        if relation is not None:
            content.relations.append(relation)
    return content


def _record(proxy: EntityProxy, data: dict[str, Any], sanctions: list[EntityProxy]) -> ListRecord:
    names = proxy.get("name")
    aliases = [*proxy.get("alias", quiet=True), *proxy.get("weakAlias", quiet=True)]
    aliases += proxy.get("previousName", quiet=True)
    datasets = [str(d) for d in data.get("datasets") or []]
    programs = [p for s in sanctions for p in s.get("program", quiet=True)]
    programs += [p for s in sanctions for p in s.get("programId", quiet=True)]
    listed = sorted(d for s in sanctions for d in s.get("listingDate", quiet=True))
    listed += sorted(d for s in sanctions for d in s.get("startDate", quiet=True))
    ended = sorted(d for s in sanctions for d in s.get("endDate", quiet=True))
    identifiers = [
        (label, value) for prop, label in _ID_PROPS.items() for value in proxy.get(prop, quiet=True)
    ]
    target = data.get("target")
    return ListRecord(
        key=str(proxy.id),
        list_code=datasets[0] if datasets else "ftm",
        type=_TYPES.get(proxy.schema.name, "entity"),
        name=names[0],
        aliases=unique(n for n in [*names[1:], *aliases] if n != names[0]),
        programs=unique(programs),
        countries=unique(c.upper() for c in proxy.countries if len(c) == 2),
        addresses=unique(proxy.get("address", quiet=True)),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_name=", ".join(datasets),
        citation="; ".join(unique(s for x in sanctions for s in x.get("sourceUrl", quiet=True))),
        listed=_day(listed[0]) if listed else None,
        delisted=_day(ended[-1]) if ended and len(ended) == len(sanctions) else None,
        remarks="; ".join(proxy.get("notes", quiet=True)),
        url="; ".join(proxy.get("sourceUrl", quiet=True)),
        target=bool(target) if target is not None else bool(sanctions or proxy.get("topics")),
    )


def _day(value: str) -> str | None:
    """FtM dates may be partial (2019 or 2019-05): only full dates bound a listing."""
    return value[:10] if len(value) >= 10 else None


def _relation(link: EntityProxy) -> ListRelation | None:
    if link.schema.name == "Ownership":
        source, target, kind = _first(link, "owner"), _first(link, "asset"), "owns"
    else:
        source, target, kind = (
            _first(link, "director"),
            _first(link, "organization"),
            "directorship",
        )
    if not source or not target:
        return None
    percentage: float | None = None
    raw = _first(link, "percentage")
    if raw:
        try:
            percentage = float(raw.strip().rstrip("%"))
        except ValueError:
            percentage = None  # unknown share: recorded, never counted toward 50%
    if percentage is not None and not 0 <= percentage <= 100:
        raise ListError(f"{link.schema.name} {link.id}: percentage {raw!r} outside 0–100")
    start, end = _first(link, "startDate"), _first(link, "endDate")
    return ListRelation(
        kind=kind,
        source=source,
        target=target,
        percentage=percentage,
        start=_day(start) if start else None,
        end=_day(end) if end else None,
        key=str(link.id),
    )
