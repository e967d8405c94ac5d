"""The words that say what kind of body an organisation is (`Foundation`, `Institute`,
`Firm`, `Exchange`, `Shipping`: matching.yaml's `generic_words_latin`) are generic: a
listed organisation's name with another such word, or one more, is its name."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, persons_screener_with, review

LISTED = """
sources:
  test: "banscreen test fixture"
entities:
  - id: org-bustan
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "AL-BUSTAN CHARITY", kind: legal, source: test, provenance: confirmed}
  - id: org-hara
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "HARA COMPANY", kind: legal, source: test, provenance: confirmed}
  - id: org-qasiun
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "AL-QASIUN", kind: legal, source: test, provenance: confirmed}
  - id: org-knh
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "KNH SHIPPING PVT LTD", kind: legal, source: test, provenance: confirmed}
"""


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("orgs"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Al-Bustan Charity Foundation", "org-bustan"),  # 0.78 before
        ("Hara Institute", "org-hara"),  # 0.77
        ("Al-Qasiun Firm", "org-qasiun"),  # 0.71
        ("KNH Shipping Ltd.", "org-knh"),  # a short word and a generic one, whole: 0.75
    ],
)
def test_another_kind_word_is_the_same_organisation(
    listed: Screener, query: str, entity: str
) -> None:
    score = found(listed, query)[entity][0]
    assert review(listed) <= score < listed.registry.matching.thresholds.block


@pytest.mark.parametrize("query", ["Zagros Charity Foundation", "Omid Institute", "Al-Pars Firm"])
def test_the_distinctive_word_still_decides(listed: Screener, query: str) -> None:
    """The same kind words with another distinctive word are another organisation."""
    hits = found(listed, query)
    assert not {"org-bustan", "org-hara", "org-qasiun"} & set(hits), hits


def test_a_generic_overlap_that_is_not_the_whole_name_stays_capped(listed: Screener) -> None:
    """`KNH Shipping` is its whole name; `Shipping Ltd` shares only the generic word."""
    cap = listed.registry.matching.generic_only_max
    assert listed.matcher.compare("Global Shipping Ltd", "KNH SHIPPING PVT LTD")[0] <= cap
    assert listed.matcher.compare("KNH Trading", "KNH SHIPPING PVT LTD")[0] <= cap


@pytest.mark.parametrize(
    "query",
    [
        "ANT SMALL & MICRO FINANCIAL SERVICES",  # 0.75 before: common and generic words only
        "Ant Small and Micro Financial Services Co., Ltd.",
    ],
)
def test_a_name_of_generic_words_without_its_place_and_group_is_the_name(
    screener: Screener, query: str
) -> None:
    """Four words or more, each spelt as listed and in the listed order, are the name of
    common and generic words they give ("Zhejiang Ant Small and Micro Financial Services
    Group Co., Ltd."), though the place before it and `Group` are left out: the generic-only
    cap is for overlaps, not for a name given whole."""
    score, _ = found(screener, query)["ant-group"]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    "query",
    [
        "Micro Financial Services Group",  # the words of a name, but not its whole
        "Ant Micro Small Financial Services",  # its words out of order
    ],
)
def test_a_generic_overlap_in_part_or_out_of_order_stays_capped(
    screener: Screener, query: str
) -> None:
    assert "ant-group" not in found(screener, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("UC Web Singapore", "ucweb"), ("UC Web Technology", "ucweb"), ("V Mate app", "app-vmate")],
)
def test_a_listed_word_of_five_letters_written_apart_beside_another_word_is_joined(
    screener: Screener, query: str, entity: str
) -> None:
    """`UC Web Singapore` was a CLEAR while `UC Web` alone is a hit: words were joined into
    a listed word of six letters or more only (rewrites.py, `JOINED`)."""
    score, _ = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block
