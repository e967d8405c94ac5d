"""The trade.gov Consolidated Screening List, as CSV (one header row) or JSON (`results`).

Every record keeps its source list (`source`, e.g. `Entity List (EL) - Bureau of Industry
and Security`, reduced to the code EL for program mapping) and its Federal Register
citation. In the CSV, several values share one field separated by `; `; in the JSON they are
arrays (addresses and ids as objects).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ListError
from .countries import country_code
from .records import ListContent, ListRecord, clean, list_code, unique

CSV_FORMAT = "csl-csv"
JSON_FORMAT = "csl-json"
CSV_COLUMNS = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
)  # fmt: skip
_REQUIRED = ("_id", "source", "name")
_SUCCESSOR = re.compile(
    r"[;,]?\s*and any successors?,? sub-units?,? or subsidiar(?:y|ies)\b.*$", re.I
)
_TYPES = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [clean(str(v)) for v in value if clean(str(v))]
    return [clean(part) for part in str(value).split(";") if clean(part)]


def _name(value: str) -> str:
    return clean(_SUCCESSOR.sub("", value))


def _iso_date(value: Any, field: str, where: str) -> str | None:
    text = clean(str(value)) if value is not None else ""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ListError(f"{where}: {field}: not a date (YYYY-MM-DD): {text!r}") from None


def _record(raw: Mapping[str, Any], where: str, csv_form: bool) -> ListRecord:
    for column in _REQUIRED:
        if not clean(str(raw.get(column) or "")):
            raise ListError(f"{where}: {column}: missing")
    source = clean(str(raw["source"]))
    name = _name(clean(str(raw["name"])))
    if not name:
        raise ListError(f"{where}: name: only a successor clause, no name")
    aliases = [_name(a) for a in _split(raw.get("alt_names"))]
    if csv_form:
        address_parts = [[clean(p) for p in a.split(",")] for a in _split(raw.get("addresses"))]
        addresses = [", ".join(p for p in parts if p) for parts in address_parts]
        countries = [country_code(parts[-1]) for parts in address_parts if parts]
        ids = []
        for item in _split(raw.get("ids")):
            kind, _, rest = item.partition(",")
            number = rest.split(",")[0].strip() if rest else ""
            if number:
                ids.append((kind.strip(), number))
    else:
        addresses, countries = [], []
        for address in raw.get("addresses") or []:
            if not isinstance(address, Mapping):
                raise ListError(f"{where}: addresses: expected objects, got {address!r}")
            parts = [clean(str(address.get(k) or "")) for k in ("address", "city", "state")]
            parts += [clean(str(address.get(k) or "")) for k in ("postal_code", "country")]
            addresses.append(", ".join(p for p in parts if p))
            countries.append(country_code(clean(str(address.get("country") or ""))))
        ids = []
        for ident in raw.get("ids") or []:
            if not isinstance(ident, Mapping):
                raise ListError(f"{where}: ids: expected objects, got {ident!r}")
            number = clean(str(ident.get("number") or ""))
            if number:
                ids.append((clean(str(ident.get("type") or "")), number))
    countries += [country_code(c) for c in _split(raw.get("nationalities"))]
    countries += [country_code(c) for c in _split(raw.get("citizenships"))]
    kind = _TYPES.get(clean(str(raw.get("type") or "")).lower(), "entity")
    return ListRecord(
        key=clean(str(raw["_id"])),
        list_code=list_code(source),
        type=kind,
        name=name,
        aliases=unique(a for a in aliases if a and a != name),
        programs=tuple(_split(raw.get("programs"))),
        countries=unique(countries),
        addresses=unique(addresses),
        identifiers=tuple(dict.fromkeys(ids)),
        source_name=source,
        citation=clean(str(raw.get("federal_register_notice") or "")),
        listed=_iso_date(raw.get("start_date"), "start_date", where),
        delisted=_iso_date(raw.get("end_date"), "end_date", where),
        remarks=clean(str(raw.get("remarks") or "")),
        url=clean(str(raw.get("source_list_url") or "")),
    )


def _collect(
    rows: Iterable[tuple[str, Mapping[str, Any]]], fmt: str, csv_form: bool
) -> ListContent:
    content = ListContent(format=fmt)
    seen: set[str] = set()
    for where, raw in rows:
        record = _record(raw, where, csv_form)
        if record.key in seen:
            raise ListError(f"{where}: _id: duplicate record id {record.key!r}")
        seen.add(record.key)
        content.add(record)
    if not content.records:
        raise ListError("no records: an empty list is never a new version")
    return content


def read_csl_csv(path: Path) -> ListContent:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListError(f"{path}: not UTF-8: {exc}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise ListError(f"{path}: header row is not CSV: {exc}") from None
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise ListError(f"{path}: not a Consolidated Screening List CSV (missing {missing})")

    def rows() -> Iterable[tuple[str, Mapping[str, Any]]]:
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ListError(f"{path.name} line {reader.line_num}: not CSV: {exc}") from None
            number += 1
            if None in row or any(v is None for v in row.values()):
                raise ListError(
                    f"{path.name} line {number} (record {row.get('_id') or '?'}): "
                    f"{len(header)} columns expected: truncated or ragged row"
                )
            yield f"{path.name} line {number} (record {row.get('_id') or '?'})", row

    return _collect(rows(), CSV_FORMAT, csv_form=True)


def read_csl_json(path: Path) -> ListContent:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ListError(f"{path}: not JSON (truncated download?): {exc}") from None
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise ListError(f"{path}: no `results` array: not a Consolidated Screening List JSON")

    def rows() -> Iterable[tuple[str, Mapping[str, Any]]]:
        for index, item in enumerate(results):
            if not isinstance(item, Mapping):
                raise ListError(f"{path.name} results[{index}]: not an object")
            yield f"{path.name} results[{index}] (record {item.get('_id') or '?'})", item

    return _collect(rows(), JSON_FORMAT, csv_form=False)
