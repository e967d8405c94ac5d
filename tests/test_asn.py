"""A network's autonomous system number (`asn`) is an identifier: a transit, peering or
hosting contract names the network by it ("Peering agreement AS45090"). `asn:45090` was an
ERROR (no such kind) and `AS45090` as the payee CLEAR NO_MATCH, though the number is a
listed company's network."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.errors import IdentifierError
from banscreen.match.identifiers import identifiers_in_text, normalise
from helpers.cli import screened_rows

LISTED = "tencent-computer-systems"  # holds AS45090 in the shipped data


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("AS45090", "45090"),
        ("as45090", "45090"),
        ("ASN 45090", "45090"),
        ("AS-45090", "45090"),
        ("45090", "45090"),
        ("AS0.45090", "45090"),  # asdot (RFC 5396): 0 × 65,536 + 45,090
        ("AS2.1234", "132306"),
        ("AS4294967295", "4294967295"),
    ],
)
def test_an_as_number_is_read_in_its_written_forms(value: str, number: str) -> None:
    assert normalise("asn", value) == number


@pytest.mark.parametrize("value", ["0", "AS0", "AS4294967296", "AS1.70000", "ASX", "AS 45 090"])
def test_what_is_no_as_number_is_an_identifier_error(value: str) -> None:
    with pytest.raises(IdentifierError):
        normalise("asn", value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Peering agreement AS45090.", ["AS45090"]),
        ("Transit via AS 45090, port 2", ["AS 45090"]),
        ("ASN: 132203 transit", ["ASN: 132203"]),
        ("as 2020 ends, AS-396986", ["AS-396986"]),
        ("GAS45090 CLASS 1234 AS0 AS99999999999 AS2.1234", []),
    ],
)
def test_an_as_number_in_text_is_read_where_it_is_one(text: str, found: list[str]) -> None:
    assert [v for k, v in identifiers_in_text(text) if k == "asn"] == found


@given(st.text(max_size=200))
def test_reading_as_numbers_in_any_text_never_raises(text: str) -> None:
    for kind, value in identifiers_in_text(text):
        if kind == "asn":
            assert 0 < int(normalise(kind, value)) < 2**32


def test_a_listed_network_is_screened_by_its_number(tmp_path: Path) -> None:
    by_id = screened_rows(
        tmp_path,
        [
            "1,2025-06-01,transit_peering,Acme Networks,CN,asn:45090,true,",
            "2,2025-06-01,transit_peering,AS45090,CN,,true,",
            "3,2025-06-01,transit_peering,Acme Networks,CN,,true,Peering agreement AS45090",
            "4,2025-06-01,transit_peering,Acme Networks,CN,as_number:AS0.45090,true,",
            "5,2025-06-01,transit_peering,Acme Networks,US,asn:15169,true,",
            "6,2025-06-01,transit_peering,Acme Networks,US,asn:0,true,",
            "7,2025-06-01,transit_peering,Acme Networks,CN,AS45090,true,",  # no kind written
        ],
    )
    for i in ("1", "2", "4", "7"):  # the identifiers column's weight
        assert by_id[i]["entity_id"] == LISTED and by_id[i]["method"] == "identifier", by_id[i]
        assert by_id[i]["outcome"] != "CLEAR", by_id[i]
    assert by_id["3"]["entity_id"] == LISTED and by_id["3"]["method"] == "free-text"
    assert by_id["3"]["outcome"] == "REVIEW"
    assert by_id["5"]["outcome"] == "CLEAR" and by_id["5"]["reasons"] == "NO_MATCH"
    assert by_id["6"]["outcome"] == "ERROR" and "AS number" in by_id["6"]["error"]
