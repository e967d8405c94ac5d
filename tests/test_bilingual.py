"""A counterparty named in Chinese characters and in Latin letters in one field, as Chinese
and Hong Kong invoices write it. Read whole, each half was only found inside the other's
company: REVIEW `contained` 0.80, where either half alone is the entity's exact name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.bilingual import halves
from helpers.matching import found


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("TENCENT HOLDINGS LIMITED 腾讯控股有限公司", ("腾讯控股有限公司", "TENCENT HOLDINGS LIMITED")),
        ("腾讯控股有限公司 (Tencent Holdings Limited)", ("腾讯控股有限公司", "Tencent Holdings Limited")),
        ("腾讯控股有限公司（Tencent Holdings Limited）", ("腾讯控股有限公司", "Tencent Holdings Limited")),
        ("Payment to 腾讯 for services", None),  # Chinese inside a Latin string
        ("腾讯 Tencent 腾讯", None),  # two runs of Chinese
        ("腾讯控股有限公司", None),
        ("Tencent Holdings", None),
        ("腾讯 12345", None),  # no Latin letters
    ],
)  # fmt: skip
def test_halves(name: str, split: tuple[str, str] | None) -> None:
    assert halves(name) == split


@given(st.text(max_size=40))
def test_halves_of_any_text_are_parts_of_it(text: str) -> None:
    split = halves(text)
    if split is not None:
        assert all(half and half in text for half in split)


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("TENCENT HOLDINGS LIMITED 腾讯控股有限公司", "tencent-holdings"),
        ("腾讯控股有限公司（Tencent Holdings Limited）", "tencent-holdings"),
        ("Huawei Technologies Co. Ltd. 华为技术有限公司", "huawei"),
    ],
)
def test_both_halves_naming_one_entity_name_it_as_the_weaker_does(
    screener: Screener, name: str, entity: str
) -> None:
    han, latin = halves(name) or ("", "")
    weaker = min(found(screener, han)[entity][0], found(screener, latin)[entity][0])
    assert found(screener, name)[entity][0] == weaker == 1.0


def test_halves_naming_two_entities_are_read_whole(screener: Screener) -> None:
    """In "Acme Trading 腾讯控股有限公司" the Latin half names nobody listed, so the whole
    is what it was, the Chinese company found inside a longer name."""
    score, method = found(screener, "Acme Trading 腾讯控股有限公司")["tencent-holdings"]
    assert (score, method) == (screener.registry.matching.contained_score, "contained")
