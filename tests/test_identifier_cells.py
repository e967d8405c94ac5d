"""A counterparty_identifiers cell as people write one: items apart by commas, bars or
lines, values without their kind, lists as JSON or pandas write them. Each of these was an
ERROR row, so a listed app's package or domain was never screened."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.errors import FieldError
from banscreen.model import Outcome
from banscreen.registry import Registry, load_registry
from banscreen.surfaces.rows import parse_identifiers, parse_row

DOTTED = ("domain", "android", "ios_bundle")


def listed(registry: Registry, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    found = {(i.kind, i.value) for e in registry.entities.values() for i in e.identifiers}
    return sorted((k, v) for k, v in found if k in kinds and "*" not in v)


LISTED = listed(load_registry(), (*DOTTED, "appstore_id", "asn"))


def decide(screener: Screener, cell: str) -> str:
    row = {"id": "1", "date": "2021-03-15", "category": "app_distribution",
           "counterparty_name": "", "counterparty_identifiers": cell, "us_nexus": "true"}  # fmt: skip
    return screener.decide(parse_row(row)).outcome.name


def test_every_listed_dotted_identifier_written_without_its_kind_is_screened(
    screener: Screener, registry: Registry
) -> None:
    """Decided as with its kind (a program not in force on the date still clears both)."""
    found = listed(registry, DOTTED)
    assert len(found) > 50
    differ = [(k, v) for k, v in found if decide(screener, v) != decide(screener, f"{k}:{v}")]
    assert differ == []
    assert decide(screener, "pay.weixin.qq.com") == decide(screener, "com.tencent.mm") == "REVIEW"


def test_a_bare_value_is_read_as_each_kind_it_is_valid_as() -> None:
    kinds = {i.kind for i in parse_identifiers("com.tencent.mm")}
    assert kinds == set(DOTTED)
    # An underscore is neither a domain's nor an iOS bundle id's, and is an Android package's.
    assert {i.kind for i in parse_identifiers("cn.wps.moffice_eng")} == {"android"}
    assert [i.kind for i in parse_identifiers("id414478124")] == ["appstore_id"]


@pytest.mark.parametrize("cell", ["8.0.1", "356938035643809", "WeChat Pay", "[1, 2]", "[x"])
def test_a_value_whose_form_says_nothing_is_still_an_error(cell: str) -> None:
    with pytest.raises(FieldError, match="expected kind:value"):
        parse_identifiers(cell)


@settings(max_examples=200, deadline=None)
@given(
    chosen=st.lists(st.sampled_from(LISTED), min_size=2, max_size=4, unique=True),
    separator=st.sampled_from([";", ",", ", ", "|", " | ", "\n", ";\n"]),
    kinds=st.booleans(),
)
def test_items_apart_by_any_separator_are_each_read(
    chosen: list[tuple[str, str]], separator: str, kinds: bool
) -> None:
    # Without their kinds, the dotted ones (the others' values say nothing on their own).
    cell = separator.join(v if not kinds and k in DOTTED else f"{k}:{v}" for k, v in chosen)
    read = {(i.kind, i.value) for i in parse_identifiers(cell)}
    for kind, value in chosen:
        assert (kind, value) in read or (kind == "asn" and ("asn", value) in read), cell


def test_a_package_urls_checksums_stay_whole() -> None:
    cell = "pkg:maven/com.example/app@1.0?checksums=sha1:ad9503c3e994a4f,sha256:41bf9088b3a1e6c1"
    (identifier,) = parse_identifiers(cell)
    assert identifier.kind == "purl" and identifier.value == cell


@pytest.mark.parametrize(
    "cell",
    [
        "['domain:pay.weixin.qq.com', 'android:com.tencent.mm']",  # pandas' CSV of a list
        '["domain:pay.weixin.qq.com", "android:com.tencent.mm"]',  # JSON in a cell
    ],
)
def test_a_list_written_into_a_cell_is_read_as_its_items(cell: str, screener: Screener) -> None:
    read = {(i.kind, i.value) for i in parse_identifiers(cell)}
    assert read == {("domain", "pay.weixin.qq.com"), ("android", "com.tencent.mm")}
    assert decide(screener, cell) != Outcome.CLEAR.name


def test_a_store_link_in_its_own_scheme_is_one_item_of_a_list() -> None:
    """`itms-apps:` is a scheme with a hyphen: the list's pieces were checked with the
    hyphen read as a kind's word break, so the link swallowed the package after it."""
    cell = "itms-apps://itunes.apple.com/app/id414478124, android:com.tencent.mm"
    read = [(i.kind, i.value) for i in parse_identifiers(cell)]
    assert read == [
        ("url_scheme", "itms-apps://itunes.apple.com/app/id414478124"),
        ("android", "com.tencent.mm"),
    ]
