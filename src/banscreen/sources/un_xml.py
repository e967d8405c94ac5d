"""The UN Security Council Consolidated List in its published XML (CONSOLIDATED_LIST).

Individuals and entities, each with its committee's list (UN_LIST_TYPE: Al-Qaida, DPRK,
Taliban…), reference number and listing date. A name is its parts in order (FIRST_NAME
… FOURTH_NAME); the name in original script (Arabic, Cyrillic, Korean…) is kept as an
alias so it matches as published. Aliases of quality "Good" (and plain a.k.a./f.k.a.) are
matched; "Low" quality ones — the UN's own word for aliases too vague to identify anyone
("Abu Ahmad") — are shown in the remarks, never matched, as OFAC treats its weak a.k.a.s.
Dates of birth and identity documents are kept as published identifiers for the analyst.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..errors import ListError
from .countries import country_code
from .records import ListContent, ListRecord, clean, unique

FORMAT = "un-xml"
LIST_CODE = "UN"
SOURCE_NAME = "United Nations Security Council Consolidated List"
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _text(element: etree._Element, name: str) -> str:
    child = element.find(name)
    return clean(child.text) if child is not None else ""


def _all(element: etree._Element, path: str) -> Iterator[str]:
    for child in element.iterfind(path):
        text = clean(child.text)
        if text:
            yield text


def read_un(path: Path) -> ListContent:
    """Every individual and entity; ListError names the entry that is wrong."""
    content = ListContent(format=FORMAT)
    last = "the start of the file"
    saw_root = False
    try:
        context = etree.iterparse(
            str(path),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
        )
        for event, element in context:
            tag = str(element.tag)
            if event == "start":
                if tag == "CONSOLIDATED_LIST":
                    saw_root = True
                    generated = element.get("dateGenerated", "")
                    content.published = generated[:10] or None
                continue
            if tag in ("INDIVIDUAL", "ENTITY"):
                content.add(_record(element, tag == "INDIVIDUAL"))
                last = f"{tag} DATAID={_text(element, 'DATAID')}"
                element.clear(keep_tail=True)
    except etree.XMLSyntaxError as exc:
        raise ListError(f"{path}: malformed or truncated XML after {last}: {exc}") from None
    if not saw_root:
        raise ListError(f"{path}: not a UN consolidated list (no CONSOLIDATED_LIST element)")
    if not content.records:
        raise ListError(f"{path}: no INDIVIDUAL or ENTITY entries")
    return content


def _record(element: etree._Element, person: bool) -> ListRecord:
    key = _text(element, "DATAID")
    if not key:
        raise ListError("an entry without a DATAID")
    name = " ".join(p for p in (_text(element, n) for n in _NAME_PARTS) if p)
    if not name:
        raise ListError(f"DATAID={key}: no name")
    prefix = "INDIVIDUAL" if person else "ENTITY"
    aliases: list[str] = list(_all(element, "NAME_ORIGINAL_SCRIPT"))
    weak: list[str] = []
    for alias in element.iterfind(f"{prefix}_ALIAS"):
        text = _text(alias, "ALIAS_NAME")
        if text:
            (weak if _text(alias, "QUALITY").lower() == "low" else aliases).append(text)
    countries: list[str] = []
    addresses: list[str] = []
    for address in element.iterfind(f"{prefix}_ADDRESS"):
        parts = [_text(address, n) for n in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")]
        if any(parts):
            addresses.append(", ".join(p for p in parts if p))
        if code := country_code(_text(address, "COUNTRY")):
            countries.append(code)
    countries += [c for c in map(country_code, _all(element, "NATIONALITY/VALUE")) if c]
    identifiers: list[tuple[str, str]] = []
    for birth in element.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        found = _text(birth, "DATE") or _text(birth, "YEAR")
        if not found and _text(birth, "FROM_YEAR"):
            found = f"{_text(birth, 'FROM_YEAR')}–{_text(birth, 'TO_YEAR')}"
        if found:
            kind = _text(birth, "TYPE_OF_DATE").lower()
            identifiers.append(("Date of birth" + (f" ({kind})" if kind else ""), found))
    for document in element.iterfind("INDIVIDUAL_DOCUMENT"):
        number = _text(document, "NUMBER")
        if number:
            identifiers.append((_text(document, "TYPE_OF_DOCUMENT") or "Document", number))
    remarks = _text(element, "COMMENTS1")
    if weak:
        remarks = "; ".join(p for p in (remarks, "low-quality a.k.a.: " + "; ".join(weak)) if p)
    return ListRecord(
        key=key,
        list_code=LIST_CODE,
        type="individual" if person else "entity",
        name=name,
        aliases=unique(a for a in aliases if a != name),
        programs=unique([_text(element, "UN_LIST_TYPE")]),
        countries=unique(countries),
        addresses=unique(addresses),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_name=SOURCE_NAME,
        citation=_text(element, "REFERENCE_NUMBER"),
        listed=_text(element, "LISTED_ON")[:10] or None,
        remarks=remarks,
    )
