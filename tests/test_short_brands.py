"""A listed brand of one short word ("QVX", weighed as an acronym is) leading a payee, with
what the row is for after it ("QVX router MF286", "QVX Telecom Equipment"), was CLEAR: a
word of three letters weighs as little as an acronym, so the payee's distinctive words were
all unmatched, and it was never looked for inside longer names or in text
(`free_text_min_latin_chars` was 4). Now it is, where it leads the payee and the words after
it say what the row is for (inside.Inside._short_brand_at)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

from banscreen.engine import Screener
from banscreen.match.common_words import zipf
from helpers.matching import found, persons_screener_with, text_hits

ENGLISH = [
    w for w in top_n_list("en", 2000) if w.isalpha() and len(w) > 3 and zipf(w) >= 3.0
]  # fmt: skip
REFERENCE = st.from_regex(r"(INV|REF|ORDER)[ -]?[0-9]{3,8}", fullmatch=True)

DATA = """sources:
  test: "banscreen test fixture"
entities:
  - id: org-qvx
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "QVX Corporation", kind: legal, source: test, provenance: confirmed}
      - {value: "QVX", kind: trade, source: test, provenance: confirmed}
  - id: org-kvt
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "KVT", kind: legal, source: test, provenance: confirmed}
"""


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("short"), DATA)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_short_brand_leading_what_the_row_is_for_is_found(screener: Screener, data) -> None:
    words = data.draw(st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=3))
    reference = data.draw(st.one_of(st.just(""), REFERENCE))
    query = " ".join(["QVX", *words, reference]).strip()
    assert "org-qvx" in found(screener, query), query


@pytest.mark.parametrize(
    "query",
    [
        "Zeltravox QVX Logistics",  # after another name's word: chance
        "QVX Router Systems LLC",  # a company's name, ended by its legal form
        "QVX Zeltravox Morvane",  # words English does not use go on into another name
    ],
)
def test_a_short_brand_inside_another_name_is_not_found(screener: Screener, query: str) -> None:
    assert "org-qvx" not in found(screener, query)


def test_a_short_name_of_a_list_is_not_looked_for_inside_others(screener: Screener) -> None:
    """One word of a list's names (a legal name, as every imported name is) is found whole
    only: an acronym of three letters is a word of many payees' names."""
    assert "org-kvt" not in found(screener, "KVT router MF286")
    assert "org-kvt" in found(screener, "KVT")


def test_a_short_brand_is_found_in_text(screener: Screener) -> None:
    hits = text_hits(screener, "Purchase of QVX routers, order 4471")
    assert "org-qvx" in hits
    assert "org-kvt" not in text_hits(screener, "Purchase of KVT routers, order 4471")
