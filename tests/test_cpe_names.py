"""A product's CPE name (`cpe`) is an identifier: vulnerability scanners, asset
inventories and SBOMs name devices and software by it ("cpe:2.3:h:<vendor>:<product>:…"),
often with nothing else that names the maker. A CycloneDX component or an SPDX package
known only by its CPE was CLEAR (the field was not read), and a CPE in the identifiers
column was an ERROR (no such kind)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.errors import IdentifierError
from banscreen.match.cpe_names import CpeName, read_cpe
from banscreen.match.identifiers import normalise
from banscreen.model import Decision
from banscreen.surfaces.rows import parse_identifiers
from helpers.cli import screened_rows
from helpers.scans import scanned_sbom


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("cpe:2.3:h:acme:cam-1:-:*:*:*:*:*:*:*", CpeName("h", "acme", "cam-1")),
        (
            "CPE:2.3:A:Acme_Labs:Office_Suite:11.2:*:*:*:*:*:*:*",
            CpeName("a", "acme_labs", "office_suite"),
        ),
        (
            "2.3:o:acme:firmware:1.0:*:*:*:*:*:*:*",
            CpeName("o", "acme", "firmware"),
        ),  # kind's "cpe:"
        ("cpe:2.3:h:acme:*", CpeName("h", "acme", "*")),  # short, as NVD's match strings
        ("cpe:2.3:h:acme", CpeName("h", "acme", "*")),
        ("cpe:2.3:h:acme:*:*:*:*:*:*:*:*:*", CpeName("h", "acme", "*")),  # one ANY too many
        ("cpe:2.3:a:acme:end\\:point:1:*:*:*:*:*:*:*", CpeName("a", "acme", "end:point")),
        ("cpe:/o:acme:hg8245h_firmware:v3r017", CpeName("o", "acme", "hg8245h_firmware")),  # 2.2
        ("cpe:/a:acme:qq%21mail:1.0", CpeName("a", "acme", "qq!mail")),
        # A character the binding quotes, left bare as inventories write it ("\\+" in NVD's).
        (
            "cpe:2.3:a:notepad-plus-plus:notepad++:8.1:*:*:*:*:*:*:*",
            CpeName("a", "notepad-plus-plus", "notepad++"),
        ),
    ],
)
def test_a_cpe_name_is_read_written_in_either_binding(value: str, name: CpeName) -> None:
    assert read_cpe(value) == name


def test_a_cpe_is_compared_on_its_vendor() -> None:
    assert normalise("cpe", "cpe:2.3:h:Acme:cam-1:-:*:*:*:*:*:*:*") == "acme"
    assert normalise("cpe", "cpe:/o:acme:firmware") == "acme"
    assert normalise("cpe", "cpe:2.3:a:*:*:*:*:*:*:*:*:*:*") == "*"  # no vendor: none listed
    assert read_cpe("cpe:2.3:a:acme_labs:x:*:*:*:*:*:*:*:*").vendor_words == "acme labs"


@pytest.mark.parametrize(
    "value", ["garbage", "cpe:2.3:a:two words:x", "cpe:2.3:q:acme:x", "cpe:2.3:bad", ""]
)
def test_what_is_no_cpe_name_is_an_identifier_error(value: str) -> None:
    with pytest.raises(IdentifierError):
        normalise("cpe", value or " ")


@given(st.text(max_size=120))
def test_reading_any_text_as_a_cpe_raises_only_identifier_errors(text: str) -> None:
    for value in (text, f"cpe:2.3:{text}", f"cpe:/{text}"):
        try:
            name = read_cpe(value)
        except IdentifierError:
            continue
        assert name.part in ("a", "o", "h", "*", "-", "")


@pytest.mark.parametrize(
    "cell",
    [
        "cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*",
        "cpe23:cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*",  # SPDX's own kind names
        "cpe23Type:cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*",
        "cpe:/h:hikvision:ds-2cd2032-i",
    ],
)
def test_a_cpe_in_the_identifiers_column_is_of_kind_cpe(cell: str) -> None:
    (ident,) = parse_identifiers(cell)
    assert ident.kind == "cpe"
    assert normalise(ident.kind, ident.value) == "hikvision"


def test_a_listed_vendors_device_is_screened_by_its_cpe(tmp_path: Path) -> None:
    rows = [
        "1,2025-01-15,vendor,Acme Distribution,US,cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*,true,",
        "2,2025-01-15,vendor,Acme Distribution,US,cpe:/o:huawei:hg8245h_firmware:v3r017,true,",
        "3,2025-01-15,vendor,Acme Distribution,US,cpe:2.3:h:zte:*,true,",
        "4,2025-01-15,vendor,Acme Distribution,US,cpe:2.3:a:apache:log4j:2.14:*:*:*:*:*:*:*,true,",
        "5,2025-01-15,vendor,Acme Distribution,US,cpe:2.3:a:two words:x,true,",
        "6,2025-01-15,vendor,Acme Distribution,US,cpe:2.3:a:*:*:*:*:*:*:*:*:*:*,true,",
    ]
    by_id = screened_rows(tmp_path, rows)
    for i, entity in (("1", "hikvision"), ("2", "huawei"), ("3", "zte")):
        assert by_id[i]["entity_id"] == entity, by_id[i]
        assert by_id[i]["outcome"] == "REVIEW" and "FCC_COVERED_LIST" in by_id[i]["reasons"]
    for i in ("4", "6"):
        assert by_id[i]["outcome"] == "CLEAR" and by_id[i]["reasons"] == "NO_MATCH", by_id[i]
    assert by_id["5"]["outcome"] == "ERROR" and "CPE" in by_id["5"]["error"]


def _scan(screener: Screener, path: Path) -> dict[str, Decision]:
    return scanned_sbom(screener, path, date(2025, 1, 15))


def test_an_sbom_component_known_by_its_cpe_alone_is_screened(
    screener: Screener, tmp_path: Path
) -> None:
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "components": [
            {"type": "device", "name": "DS-2CD2032-I", "bom-ref": "cam",
             "cpe": "cpe:2.3:h:hikvision:ds-2cd2032-i:-:*:*:*:*:*:*:*"},
            {"type": "firmware", "name": "ONT firmware", "bom-ref": "ont",
             "cpe": "cpe:/o:huawei:hg8245h_firmware:v3r017"},
            {"type": "library", "name": "requests", "bom-ref": "req",
             "purl": "pkg:pypi/requests@2.31.0",
             "cpe": "cpe:2.3:a:python:requests:2.31.0:*:*:*:*:*:*:*"},
        ],
    }  # fmt: skip
    path = tmp_path / "bom.cdx.json"
    path.write_text(json.dumps(bom), encoding="utf-8")
    found = _scan(screener, path)
    assert found["cam"].entity_id == "hikvision" and found["cam"].outcome.name == "REVIEW"
    assert found["ont"].entity_id == "huawei" and found["ont"].outcome.name == "REVIEW"
    assert found["pkg:pypi/requests@2.31.0"].outcome.name == "CLEAR"


SPDX2 = {
    "spdxVersion": "SPDX-2.3",
    "dataLicense": "CC0-1.0",
    "SPDXID": "SPDXRef-DOCUMENT",
    "name": "site",
    "documentNamespace": "https://example.com/spdx/site-1",
    "creationInfo": {"created": "2025-01-15T00:00:00Z", "creators": ["Tool: hand"]},
    "packages": [
        {"SPDXID": "SPDXRef-nvr", "name": "NVR", "downloadLocation": "NOASSERTION",
         "externalRefs": [{"referenceCategory": "SECURITY", "referenceType": "cpe23Type",
                           "referenceLocator": "cpe:2.3:h:hikvision:ds-7608ni:-:*:*:*:*:*:*:*"}]},
    ],
}  # fmt: skip
SPDX3 = {
    "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
    "@graph": [
        {"type": "SpdxDocument", "spdxId": "urn:doc", "rootElement": ["urn:ont"]},
        {"type": "software_Package", "spdxId": "urn:ont", "name": "ONT firmware",
         "externalIdentifier": [{"type": "ExternalIdentifier",
                                 "externalIdentifierType": "cpe23",
                                 "identifier": "cpe:2.3:o:huawei:hg8245h_firmware:*"}]},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "document", "entity"),
    [("site.spdx.json", SPDX2, "hikvision"), ("site.spdx3.json", SPDX3, "huawei")],
)
def test_an_spdx_package_s_cpe_is_screened(
    screener: Screener, tmp_path: Path, name: str, document: dict[str, object], entity: str
) -> None:
    """SPDX 2's cpe23Type external reference, SPDX 3's cpe23 external identifier."""
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    (decision,) = _scan(screener, path).values()
    assert decision.entity_id == entity and decision.outcome.name == "REVIEW"


def test_an_app_inventory_s_cpe_column_is_screened(tmp_path: Path) -> None:
    path = tmp_path / "software.csv"
    path.write_text(
        "Computer Name,Software Name,Publisher,Version,CPE\n"
        "WS-01,NVR Client,,3.0,cpe:/a:hikvision:ivms-4200:3.0\n"
        "WS-01,Notepad++,Notepad++ Team,8.1,cpe:2.3:a:notepad-plus-plus:notepad++:8.1:*:*:*:*:*:*:*\n"
        "WS-02,,,,cpe:2.3:h:zte:*\n"
        "WS-02,Thing,,1,cpe:2.3:bad\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["scan", "apps", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in csv.DictReader(out.read_text("utf-8").splitlines())}
    assert rows["WS-01:NVR Client"]["entity_id"] == "hikvision"
    assert rows["WS-01:Notepad++"]["outcome"] == "CLEAR"
    assert rows["WS-02:cpe:2.3:h:zte:*"]["entity_id"] == "zte"
    assert rows["WS-02:Thing"]["outcome"] == "ERROR" and "CPE" in rows["WS-02:Thing"]["error"]
