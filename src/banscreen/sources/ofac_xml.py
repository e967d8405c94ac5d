"""OFAC's SDN list in XML: the advanced format (SDN_ADVANCED.XML) and the legacy SDN.XML.

Both are read with lxml's iterparse, with entities, DTDs and the network off, and each party
is freed once read: the advanced file is about 100 MB. The advanced format keeps most data
in attributes that point into lookup tables (`ReferenceValueSets`), locations and identity
documents that come before the parties, and sanctions entries (programs, listing dates) that
come after them; parties are completed once the whole file has been read. Elements are found
by local name, because OFAC has changed the namespace between publications.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import ListError
from .countries import country_code
from .records import ListContent, ListRecord, ListRelation, clean, unique
from .relation_types import load_relation_types

ADVANCED = "ofac-xml"
LIST_CODE = "SDN"
SOURCE_NAME = "Specially Designated Nationals (SDN) - Treasury Department"

# Identity document and feature types that banscreen can match on, by their published label.
_REFERENCE_TABLES = {
    "AliasType",
    "Country",
    "PartySubType",
    "PartyType",
    "FeatureType",
    "IDRegDocType",
    "SanctionsType",
    "List",
    "DetailType",
    "RelationType",
}
_ADVANCED_TAGS = (
    "DateOfIssue",
    *_REFERENCE_TABLES,
    "Location",
    "IDRegDocument",
    "DistinctParty",
    "ProfileRelationship",
    "SanctionsEntry",
)


def _local(tag: Any) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def _iterparse(path: Path, tags: tuple[str, ...]) -> Iterator[tuple[str, etree._Element]]:
    context = etree.iterparse(
        str(path),
        events=("end",),
        tag=[f"{{*}}{name}" for name in tags],
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    for _, element in context:
        yield _local(element.tag), element


def _release(element: etree._Element) -> None:
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    yield from element.iter(f"{{*}}{name}")


def _first_text(element: etree._Element, name: str) -> str:
    for child in _children(element, name):
        return clean(child.text)
    return ""


def _date(element: etree._Element) -> str | None:
    parts = [_first_text(element, n) for n in ("Year", "Month", "Day")]
    if not all(p.isdigit() for p in parts):
        return None
    year, month, day = (int(p) for p in parts)
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class _Party:
    fixed_ref: str
    subtype: str
    profile_id: str = ""
    names: list[str] = field(default_factory=list)
    identity_ids: list[str] = field(default_factory=list)
    features: list[tuple[str, str]] = field(default_factory=list)  # (feature type, value)
    location_ids: list[str] = field(default_factory=list)
    remarks: str = ""


def read_advanced(path: Path) -> ListContent:
    """Every party of an SDN_ADVANCED.XML file; ListError names the party that is wrong."""
    refs: dict[str, dict[str, str]] = defaultdict(dict)
    iso2: dict[str, str] = {}
    locations: dict[str, tuple[str, str]] = {}  # id → (country code, address text)
    documents: dict[str, list[tuple[str, str]]] = defaultdict(list)  # identity id → (type, no.)
    parties: dict[str, _Party] = {}
    links: list[tuple[str, str, str, str, bool]] = []  # (id, from, to, type label, former)
    entries: dict[str, dict[str, Any]] = defaultdict(lambda: {"programs": [], "dates": []})
    content = ListContent(format=ADVANCED)
    last = "the start of the file"
    saw_root = False
    try:
        for name, element in _iterparse(path, _ADVANCED_TAGS):
            saw_root = True
            if name == "DateOfIssue":
                content.published = _date(element)
            elif name in _REFERENCE_TABLES:
                refs[name][element.get("ID", "")] = clean(element.text)
                if name == "PartySubType":  # "Unknown" subtypes: the party type decides
                    refs["PartySubTypeParent"][element.get("ID", "")] = element.get(
                        "PartyTypeID", ""
                    )
                if name == "Country" and element.get("ISO2"):
                    iso2[element.get("ID", "")] = str(element.get("ISO2")).upper()
            elif name == "Location":
                locations[element.get("ID", "")] = _location(element, refs, iso2)
                _release(element)
            elif name == "IDRegDocument":
                doc_type = refs["IDRegDocType"].get(element.get("IDRegDocTypeID", ""), "")
                number = _first_text(element, "IDRegistrationNo")
                if number:
                    documents[element.get("IdentityID", "")].append((doc_type, number))
                _release(element)
            elif name == "DistinctParty":
                party = _party(element, refs)
                parties[party.fixed_ref] = party
                last = f"DistinctParty FixedRef={party.fixed_ref}"
                _release(element)
            elif name == "ProfileRelationship":
                label = refs["RelationType"].get(element.get("RelationTypeID", ""), "")
                links.append(
                    (
                        element.get("ID", ""),
                        element.get("FromProfileID", ""),
                        element.get("ToProfileID", ""),
                        label,
                        element.get("Former", "false") == "true",
                    )
                )
                _release(element)
            elif name == "SanctionsEntry":
                _entry(element, refs, entries)
                _release(element)
    except etree.XMLSyntaxError as exc:
        raise ListError(f"{path}: malformed or truncated XML after {last}: {exc}") from None
    if not saw_root:
        raise ListError(f"{path}: no OFAC advanced XML elements (Sanctions/DistinctParties)")
    for ref, party in parties.items():
        entry = entries.get(party.profile_id) or entries.get(ref)
        content.add(_record(party, entry, documents, locations))
    content.relations.extend(_relations(links, parties))
    return content


def _relations(
    links: list[tuple[str, str, str, str, bool]], parties: dict[str, _Party]
) -> Iterator[ListRelation]:
    """Published relationships between parties of the file, as relations.yaml maps them;
    a former one is kept as `former_<kind>`, which reaches nothing."""
    types = load_relation_types()
    by_profile = {p.profile_id or ref: ref for ref, p in parties.items()}
    for ident, source, target, label, former in links:
        if source not in by_profile or target not in by_profile:
            continue
        kind, reverse = types.kind_of(label)
        if reverse:
            source, target = target, source
        yield ListRelation(
            kind=f"former_{kind}" if former else kind,
            source=by_profile[source],
            target=by_profile[target],
            key=f"ProfileRelationship:{ident}" if ident else "",
        )


def _location(
    element: etree._Element, refs: dict[str, dict[str, str]], iso2: dict[str, str]
) -> tuple[str, str]:
    country = ""
    for child in _children(element, "LocationCountry"):
        country = iso2.get(child.get("CountryID", ""), "") or country_code(
            refs["Country"].get(child.get("CountryID", ""), "")
        )
    parts = [clean(v.text) for v in _children(element, "Value")]
    return country, ", ".join(p for p in parts if p)


def _party(element: etree._Element, refs: dict[str, dict[str, str]]) -> _Party:
    fixed_ref = element.get("FixedRef", "")
    if not fixed_ref:
        raise ListError("DistinctParty without a FixedRef")
    profile = next(_children(element, "Profile"), None)
    if profile is None:
        raise ListError(f"DistinctParty FixedRef={fixed_ref}: no Profile")
    subtype_id = profile.get("PartySubTypeID", "")
    subtype = refs["PartySubType"].get(subtype_id, "")
    parent = refs["PartyType"].get(refs["PartySubTypeParent"].get(subtype_id, ""), "")
    if not subtype or subtype.lower() == "unknown":
        subtype = parent
    party = _Party(fixed_ref=fixed_ref, subtype=subtype, profile_id=profile.get("ID", ""))
    for identity in _children(profile, "Identity"):
        party.identity_ids.append(identity.get("ID", ""))
        for alias in _children(identity, "Alias"):
            for documented in _children(alias, "DocumentedName"):
                parts = [clean(v.text) for v in _children(documented, "NamePartValue")]
                text = " ".join(p for p in parts if p)
                if not text:
                    continue
                if alias.get("Primary") == "true" and not party.names:
                    party.names.insert(0, text)
                else:
                    party.names.append(text)
    for feature in _children(profile, "Feature"):
        feature_type = refs["FeatureType"].get(feature.get("FeatureTypeID", ""), "")
        for version in _children(feature, "FeatureVersion"):
            for loc in _children(version, "VersionLocation"):
                party.location_ids.append(loc.get("LocationID", ""))
            for detail in _children(version, "VersionDetail"):
                value = clean(detail.text)
                if value:
                    party.features.append((feature_type, value))
    comment = next(_children(element, "Comment"), None)
    party.remarks = clean(comment.text) if comment is not None else ""
    if not party.names:
        raise ListError(f"DistinctParty FixedRef={fixed_ref}: no name (Alias/DocumentedName)")
    return party


def _entry(
    element: etree._Element, refs: dict[str, dict[str, str]], entries: dict[str, dict[str, Any]]
) -> None:
    profile_id = element.get("ProfileID", "")
    entry = entries[profile_id]
    for event in _children(element, "EntryEvent"):
        day = _date(event)
        if day:
            entry["dates"].append(day)
    for measure in _children(element, "SanctionsMeasure"):
        kind = refs["SanctionsType"].get(measure.get("SanctionsTypeID", ""), "")
        comment = next(_children(measure, "Comment"), None)
        text = clean(comment.text) if comment is not None else ""
        if text and kind.lower() == "program":
            entry["programs"].append(text)


def _party_type(subtype: str) -> str:
    lowered = subtype.lower()
    if "individual" in lowered:
        return "individual"
    if "vessel" in lowered:
        return "vessel"
    if "aircraft" in lowered:
        return "aircraft"
    return "entity"


def _record(
    party: _Party,
    entry: dict[str, Any] | None,
    documents: dict[str, list[tuple[str, str]]],
    locations: dict[str, tuple[str, str]],
) -> ListRecord:
    idents: list[tuple[str, str]] = []
    for identity in party.identity_ids:
        idents.extend(documents.get(identity, ()))
    idents.extend(party.features)
    places = [locations[i] for i in party.location_ids if i in locations]
    dates = sorted(entry["dates"]) if entry else []
    return ListRecord(
        key=party.fixed_ref,
        list_code=LIST_CODE,
        type=_party_type(party.subtype),
        name=party.names[0],
        aliases=unique(n for n in party.names[1:] if n != party.names[0]),
        programs=unique(entry["programs"]) if entry else (),
        countries=unique(c for c, _ in places),
        addresses=unique(a for _, a in places),
        identifiers=tuple(dict.fromkeys(idents)),
        source_name=SOURCE_NAME,
        listed=dates[0] if dates else None,
        remarks=party.remarks,
        # A party with no sanctions entry is in the file only as another's relation.
        target=entry is not None,
    )


# ------------------------------------------------------------------ legacy SDN.XML

LEGACY = "ofac-legacy-xml"


def read_legacy(path: Path) -> ListContent:
    """Every sdnEntry of a legacy SDN.XML file."""
    content = ListContent(format=LEGACY)
    last = "the start of the file"
    saw_root = False
    try:
        for name, element in _iterparse(path, ("Publish_Date", "sdnEntry")):
            saw_root = True
            if name == "Publish_Date":
                content.published = _us_date(clean(element.text))
                continue
            record = _legacy_record(element)
            content.add(record)
            last = f"sdnEntry uid={record.key}"
            _release(element)
    except etree.XMLSyntaxError as exc:
        raise ListError(f"{path}: malformed or truncated XML after {last}: {exc}") from None
    if not saw_root:
        raise ListError(f"{path}: no sdnEntry elements: not a legacy SDN.XML file")
    return content


def _us_date(text: str) -> str | None:
    parts = text.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        month, day, year = (int(p) for p in parts)
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _direct(element: etree._Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return clean(child.text)
    return ""


def _person_name(element: etree._Element) -> str:
    return " ".join(p for p in (_direct(element, "firstName"), _direct(element, "lastName")) if p)


def _legacy_record(element: etree._Element) -> ListRecord:
    uid = _direct(element, "uid")
    if not uid:
        raise ListError("sdnEntry without a uid")
    name = _person_name(element)
    if not name:
        raise ListError(f"sdnEntry uid={uid}: no lastName")
    aliases = [_person_name(aka) for aka in _children(element, "aka")]
    idents = [
        (_direct(i, "idType"), _direct(i, "idNumber"))
        for i in _children(element, "id")
        if _direct(i, "idNumber")
    ]
    addresses: list[str] = []
    countries: list[str] = []
    for address in _children(element, "address"):
        parts = [
            _direct(address, n)
            for n in ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode")
        ]
        country = _direct(address, "country")
        addresses.append(", ".join(p for p in [*parts, country] if p))
        countries.append(country_code(country))
    for vessel in _children(element, "vesselInfo"):
        flag = _direct(vessel, "vesselFlag")
        if flag:
            countries.append(country_code(flag))
    return ListRecord(
        key=uid,
        list_code=LIST_CODE,
        type=_party_type(_direct(element, "sdnType")),
        name=name,
        aliases=unique(a for a in aliases if a != name),
        programs=unique(clean(p.text) for p in _children(element, "program")),
        countries=unique(countries),
        addresses=unique(addresses),
        identifiers=tuple(dict.fromkeys(idents)),
        source_name=SOURCE_NAME,
        remarks=_direct(element, "remarks"),
    )
