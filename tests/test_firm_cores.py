"""A listed firm named in a payment's text without the generic words its name ends with
("Smart Media4U invoice" for "Smart Media4U Technology Pte. Ltd.") was CLEAR: text finds a
name's whole phrase. What is left of it is searched too, where it is a phrase holding a word
English does not use, as a shortened name: a REVIEW at most (firm_cores.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

from banscreen.engine import Screener
from banscreen.match.firm_cores import firm_core
from banscreen.model import Outcome
from helpers.matching import listed_data, persons_screener_with, text_hits

ENGLISH = [w for w in top_n_list("en", 2000) if w.isalpha() and len(w) > 3]


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data({
        "org-zeltravox": ("company", "Zeltravox Quorvel Technology Pte. Ltd."),
        "org-golden-star": ("company", "Golden Star Trading LLC"),
        "org-jamal-hassan": ("company", "Jamal Hassan General Trading LLC"),
        "org-morvane": ("company", "Morvane Logistics Ltd"),
    })  # fmt: skip
    return persons_screener_with(tmp_path_factory.mktemp("cores"), data)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_firm_said_without_its_generic_words_is_found(screener: Screener, data) -> None:
    before = data.draw(st.lists(st.sampled_from(ENGLISH), max_size=3))
    after = data.draw(st.lists(st.sampled_from(ENGLISH), max_size=3))
    text = " ".join([*before, "Zeltravox Quorvel", *after])
    assert text_hits(screener, text).get("org-zeltravox") == Outcome.REVIEW, text


@pytest.mark.parametrize("text", ["ZELTRAVOXQUORVEL invoice 12", "Paid to Zeltra Vox Quorvel"])
def test_what_is_left_is_found_run_together_too(screener: Screener, text: str) -> None:
    assert text_hits(screener, text).get("org-zeltravox") == Outcome.REVIEW


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Golden Star restaurant bill", "org-golden-star"),  # ordinary words only
        ("Paid to Jamal Hassan for repairs", "org-jamal-hassan"),  # persons' names' words
        ("Zeltravox invoice 12", "org-zeltravox"),  # one word of a list's name
        ("Morvane invoice 12", "org-morvane"),
    ],
)
def test_what_is_left_is_searched_only_when_distinctive(
    screener: Screener, text: str, entity: str
) -> None:
    assert entity not in text_hits(screener, text)


def test_the_whole_name_is_still_found_as_written(screener: Screener) -> None:
    hits = text_hits(screener, "Invoice from Golden Star Trading LLC, March")
    assert "org-golden-star" in hits


def test_persons_and_names_without_a_generic_ending_have_no_core(screener: Screener) -> None:
    names = screener.matcher.names
    cores = {
        e.name.value: firm_core(e, names.config, names.person_word)
        for e in names.entries
        if e.entity_id.startswith("org-") or e.person
    }
    assert cores["Zeltravox Quorvel Technology Pte. Ltd."] == ("zeltravox", "quorvel")
    assert all(core is None for name, core in cores.items() if not name.startswith("Zeltravox"))
