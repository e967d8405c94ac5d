"""Letters written with dots, as a word of their own ("U.S.A.", "I.C.I.C.", "M.E.N.A."),
are read as one word, and so is a place's code in letters apart by spaces ("U S A"). Read
letter by letter they held legal forms that were dropped from inside them: "u.s.a." lost
"s.a.", so "China Mobile International (U.S.A.) Inc" was CLEAR against the listed "China
Mobile International (USA) Inc."; OFAC's "I.C.I.C. LTD." normalised to "i" and "M.E.N.A.
SUGAR COMPANY" lost "n.a.". A run that is one legal form as a whole ("S.A.S.", "L.L.C.")
is still a legal form (legal.py, `initials_joined`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.normalize import Normaliser
from banscreen.model import Transaction
from banscreen.registry import Registry
from helpers.matching import found, listed_data, persons_screener_with, review, shared_normaliser


@pytest.mark.parametrize(
    "query",
    [
        "CHINA MOBILE INTERNATIONAL (U.S.A.) INC",
        "China Mobile International U.S.A. Inc.",
        "China Mobile International (U. S. A.), Inc.",
        "China Mobile International U.S.A",
        "China Mobile International U S A Inc",  # the code's letters apart by spaces
    ],
)
def test_a_country_in_dotted_letters_is_the_listed_country(screener: Screener, query: str) -> None:
    hits = found(screener, query)
    assert hits.get("china-mobile-international-usa", (0.0, ""))[0] >= review(screener), hits
    decision = screener.decide(
        Transaction("t", date(2025, 1, 15), "vendor", query), ScreenOptions()
    )
    assert decision.outcome.name != "CLEAR", decision


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data(
        {
            "org-zsa": ("organization", "Z.S.A. Holdings"),  # holds "s.a."
            "org-qna": ("organization", "Q.N.A. Trading Company"),  # holds "n.a."
            "org-tag": ("organization", "T.A.G. LTD."),  # holds "a.g."
        }
    )
    return persons_screener_with(Path(tmp_path_factory.mktemp("dotted")), data)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ZSA Holdings", "org-zsa"),
        ("Z.S.A Holdings", "org-zsa"),
        ("ZSA HOLDINGS LTD", "org-zsa"),
        ("QNA Trading Co", "org-qna"),
        ("Q.N.A. Trading", "org-qna"),
        ("TAG Limited", "org-tag"),
        ("T.A.G Ltd", "org-tag"),
    ],
)
def test_a_listed_name_in_dotted_letters_is_the_name_written_together(
    listed: Screener, query: str, entity: str
) -> None:
    """The same name, not a near one: it was found only as a person's name is, letter by
    letter, at 0.95."""
    hits = found(listed, query)
    assert hits.get(entity) == (1.0, "exact"), hits


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme U.S.A. Inc", "Acme USA Inc"),
        ("Acme (B.V.I.) Ltd", "Acme BVI Ltd"),
        ("I.C.I.C. Ltd", "ICIC Ltd"),
        ("Acme K.S.A.", "Acme KSA"),
        ("Acme U S A Inc", "Acme USA Inc"),
    ],
)
def test_dotted_letters_are_the_word_they_spell(registry: Registry, a: str, b: str) -> None:
    """Tokens and legal forms alike: "U S A Inc" was a joint-stock company by "s a"."""
    normaliser = Normaliser(registry.matching)
    assert normaliser.form(a).tokens == normaliser.form(b).tokens
    assert normaliser.form(a).legal_forms == normaliser.form(b).legal_forms


def test_initials_apart_by_dots_and_spaces_stay_letters(registry: Registry) -> None:
    """A person's initials are written so ("A. R. M. Vokari"): read as one word, they
    weighed as one, and OFAC persons' initials lost score against their names."""
    normaliser = Normaliser(registry.matching)
    assert normaliser.form("A. R. M. Vokari").tokens[:3] == ("a", "r", "m")


@pytest.mark.parametrize("form", ["S.A.S.", "L.L.C.", "S.p.A.", "G.m.b.H.", "S.A. de C.V."])
def test_a_legal_form_in_dotted_letters_is_still_dropped(registry: Registry, form: str) -> None:
    normaliser = Normaliser(registry.matching)
    assert normaliser.form(f"Acme Vokari {form}").tokens == ("acme", "vokari")


@pytest.mark.parametrize(
    "form",
    ["S.P.R. de R.L.", "SPR de RL", "S.P.R. de R.L. de C.V.", "SPR DE RL DE CV", "S.P.R. de R.I."],
)
def test_a_mexican_rural_production_company_is_a_legal_form(registry: Registry, form: str) -> None:
    """ "S.P.R." reads as one word now: its forms are legal forms (`legal_forms_latin`)."""
    normaliser = Normaliser(registry.matching)
    assert normaliser.form(f"Agricola Vokari, {form}").tokens == ("agricola", "vokari")


_PIECE = st.one_of(
    st.sampled_from(["acme", "vokari", "ltd", "de", "inc", "s.a.", "u.s.a.", "b.v.", "&", "u s a"]),
    st.lists(st.sampled_from("abcsuvkl"), min_size=1, max_size=5).map(".".join),
    st.lists(st.sampled_from("abcsuvkl"), min_size=2, max_size=4).map(". ".join),
)


@given(st.lists(_PIECE, min_size=1, max_size=6))
def test_reading_dotted_letters_is_stable(pieces: list[str]) -> None:
    """Normalising a normalised name gives it back: joined letters hold no dot."""
    normaliser = shared_normaliser()
    tokens = normaliser.form(" ".join(pieces)).tokens
    assert normaliser.form(" ".join(tokens)).tokens == tokens
