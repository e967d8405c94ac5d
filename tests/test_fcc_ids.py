"""A device's FCC ID (`fcc_id`) is an identifier: it begins with the grantee code of the
company the FCC authorised the device for ("QISCLT-L29" is one of the FCC Covered List's
vendors' handsets). A retailer's or an importer's catalogue names devices by it; it was an
ERROR (no such kind) in the identifiers column and nothing in text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.errors import IdentifierError
from banscreen.match.identifiers import identifiers_in_text, normalise
from banscreen.surfaces.rows import parse_identifiers
from helpers.cli import screened_rows


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("QISCLT-L29", "QIS"),
        ("qisclt-l29", "QIS"),
        ("QIS", "QIS"),
        ("FCC ID: QISCLT-L29", "QIS"),
        ("2ADTD-5604SD", "2ADTD"),  # a code granted from 2013: five characters, "2" first
        ("2ADTD5604SD", "2ADTD"),
        ("2ADTD", "2ADTD"),
    ],
)
def test_an_fcc_id_is_compared_on_its_grantee_code(value: str, code: str) -> None:
    assert normalise("fcc_id", value) == code


@pytest.mark.parametrize("value", ["2AD", "Q7", "QI-S123", "QIS CLT L29 EXTRA LONG PRODUCT"])
def test_what_is_no_fcc_id_is_an_identifier_error(value: str) -> None:
    with pytest.raises(IdentifierError):
        normalise("fcc_id", value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Handsets, FCC ID: QISCLT-L29, qty 20", ["QISCLT-L29"]),
        ("NVR (fcc id 2ADTD-5604SD)", ["2ADTD-5604SD"]),
        ("FCCID SRQ-MF96U hotspot", ["SRQ-MF96U"]),
        ("FCC ID 2AD; FCC rules part 15; QISCLT-L29 alone", []),
    ],
)
def test_an_fcc_id_in_text_is_read_after_its_label(text: str, found: list[str]) -> None:
    assert [v for k, v in identifiers_in_text(text) if k == "fcc_id"] == found


@given(st.text(max_size=200).map(lambda t: "FCC ID " + t))
def test_reading_fcc_ids_in_any_text_never_raises(text: str) -> None:
    for kind, value in identifiers_in_text(text):
        if kind == "fcc_id":
            assert len(normalise(kind, value)) in (3, 5)


def test_a_covered_vendors_device_is_screened_by_its_fcc_id(tmp_path: Path) -> None:
    rows = [
        "1,2025-01-15,vendor,Acme Distribution,US,fcc_id:QISCLT-L29,true,",
        "2,2025-01-15,vendor,Acme Distribution,US,,true,Handsets FCC ID: QISCLT-L29 x20",
        "3,2025-01-15,vendor,Acme Distribution,US,fccid:2ADTD-5604SD,true,",
        "4,2025-01-15,vendor,Acme Distribution,US,fcc_id:BCGA2342,true,",
        "5,2025-01-15,vendor,Acme Distribution,US,fcc_id:2AD,true,",
        "6,2025-01-15,vendor,Acme Distribution,US,FCC ID: QISCLT-L29,true,",  # its label
    ]
    by_id = screened_rows(tmp_path, rows)
    for i, entity, method in (("1", "huawei", "identifier"), ("2", "huawei", "free-text"),
                              ("3", "hikvision", "identifier"), ("6", "huawei", "identifier")):  # fmt: skip
        assert by_id[i]["entity_id"] == entity and by_id[i]["method"] == method, by_id[i]
        assert by_id[i]["outcome"] == "REVIEW" and "FCC_COVERED_LIST" in by_id[i]["reasons"]
    assert by_id["4"]["outcome"] == "CLEAR" and by_id["4"]["reasons"] == "NO_MATCH"
    assert by_id["5"]["outcome"] == "ERROR" and "FCC ID" in by_id["5"]["error"]


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("FCC ID: QISCLT-L29", "fcc_id"),
        ("e-mail:support@example.com", "domain"),  # an alias with its hyphen, as before
        ("E Mail:support@example.com", "domain"),
        ("App Store ID:333206289", "appstore_id"),
        ("Bundle ID:com.example.app", "ios_bundle"),
        ("itms-apps://itunes.apple.com/app/id333206289", "url_scheme"),  # a scheme's hyphen
        ("AS45090", "asn"),
    ],
)
def test_an_identifier_kind_written_apart_is_its_kind(cell: str, kind: str) -> None:
    (ident,) = parse_identifiers(cell)
    assert ident.kind == kind
