"""OFAC's legacy SDN CSV set: sdn.csv with its add.csv, alt.csv and sdn_comments.csv.

No header row; text in double quotes; `-0- ` marks an empty field. Give the path of sdn.csv
(or of the folder holding it); the other three files are read from beside it when present.
The Remarks column holds the aliases, identifiers and the rest as free text, so identifiers
are taken from it by their published labels ("SWIFT/BIC BKMTIRTH;").
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

from ..errors import ListError
from .countries import country_code
from .ofac_xml import LIST_CODE, SOURCE_NAME
from .records import ListContent, ListRecord, clean, unique

FORMAT = "ofac-csv"
_SDN_COLUMNS = 12
_PROGRAM = re.compile(r"\[([A-Z0-9-]+)\]")
# Labels in Remarks that carry identifiers banscreen matches on (and a few it only shows).
_REMARK_IDS = re.compile(
    r"\b(SWIFT/BIC|Website|Legal Entity Number|IMO|Vessel Registration Identification|"
    r"Digital Currency Address - [A-Z0-9]+|Passport|Registration Number|"
    r"Unified Social Credit Code \(USCC\)|RIF #|Tax ID No\.|National ID No\.|ISIN|"
    r"Equity Ticker)"
    r"\s+([^;]+?)(?:\s*\([^)]*\))?\s*(?:;|\.$|$)"
)


def _rows(path: Path, columns: int) -> list[list[str]]:
    """Raw cells: a long Remarks field is split mid-text, so spaces at its ends matter."""
    data = path.read_bytes()
    # OFAC publishes the set with a DOS end-of-file byte (0x1A, Ctrl-Z) after the last line.
    if data.rstrip().endswith(b"\x1a"):
        data = data[: data.rindex(b"\x1a")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ListError(f"{path.name} line {reader.line_num}: not CSV: {exc}") from None
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) < columns:
            raise ListError(
                f"{path.name} line {reader.line_num}: {len(row)} fields, expected {columns} "
                f"(record {row[0] if row else '?'}): truncated file?"
            )
        rows.append(row)
    return rows


def read_sdn_csv(path: Path) -> ListContent:
    base = path if path.is_dir() else path.parent
    sdn = path / "sdn.csv" if path.is_dir() else path
    if not sdn.is_file():
        raise ListError(f"{sdn}: no sdn.csv")
    rows = _rows(sdn, _SDN_COLUMNS)
    if not rows:
        raise ListError(f"{sdn}: no records")
    aliases: dict[str, list[str]] = defaultdict(list)
    addresses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    comments: dict[str, list[str]] = defaultdict(list)
    if (base / "alt.csv").is_file():
        for row in _rows(base / "alt.csv", 4):
            aliases[clean(row[0])].append(clean(row[3]))
    if (base / "add.csv").is_file():
        for row in _rows(base / "add.csv", 5):
            parts = [clean(p) for p in row[2:5]]
            addresses[clean(row[0])].append(
                (", ".join(p for p in parts if p), country_code(parts[2]))
            )
    if (base / "sdn_comments.csv").is_file():
        for row in _rows(base / "sdn_comments.csv", 2):
            comments[clean(row[0])].append(row[1])
    content = ListContent(format=FORMAT)
    for raw in rows:
        row = [clean(c) for c in raw]
        ent_num, name = row[0], row[1]
        if not ent_num.isdigit():
            raise ListError(f"{sdn.name}: record {ent_num!r}: ent_num is not a number")
        if not name:
            raise ListError(f"{sdn.name}: record {ent_num}: empty SDN_Name")
        # A long Remarks field continues, mid-word, in sdn_comments.csv.
        remarks = clean("".join([raw[11] if row[11] else "", *comments.get(ent_num, [])]))
        kind = row[2].lower() if row[2] else "entity"
        places = addresses.get(ent_num, [])
        countries = [c for _, c in places]
        if row[9]:
            countries.append(country_code(row[9]))  # a vessel's flag
        content.add(
            ListRecord(
                key=ent_num,
                list_code=LIST_CODE,
                type=kind if kind in ("individual", "vessel", "aircraft") else "entity",
                name=name,
                aliases=unique(a for a in aliases.get(ent_num, []) if a != name),
                programs=unique(_PROGRAM.findall(row[3])),
                countries=unique(countries),
                addresses=unique(a for a, _ in places),
                identifiers=tuple(
                    dict.fromkeys((label, value.strip()) for label, value in _ids(remarks))
                ),
                source_name=SOURCE_NAME,
                remarks=remarks,
            )
        )
    return content


def _ids(remarks: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _REMARK_IDS.finditer(remarks)]
