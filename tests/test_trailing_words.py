"""What a payee field says after a name is not more of the name: "CamScanner license
INV-7781", "Alipay refund" were CLEAR where the name alone is a hit, for the distinctive
word after it (read as another name running on). An ordinary English word after a name
that holds a word English does not use says what the row is for (inside.Inside._says_what).
A person's name, which is not searched inside longer ones by its first words, loses what a
payment to a person is for ("salary", payees.payee_head) and a date written with a month
("15 March 2021", references.split_references)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

from banscreen.engine import Screener
from banscreen.match.common_words import zipf
from banscreen.match.index import NameIndex
from banscreen.match.inside import Inside
from banscreen.match.references import split_references
from helpers.matching import found, listed_data, persons_screener, persons_screener_with

# Ordinary English words, as a payee field types them after a name.
ENGLISH = [w for w in top_n_list("en", 2000) if w.isalpha() and len(w) > 3]
REFERENCE = st.from_regex(r"(INV|REF|ORDER)[ -]?[0-9]{3,8}", fullmatch=True)


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data({
        "org-zeltravox": ("company", "ZELTRAVOX"),
        "org-korvane-trading": ("company", "KORVANE QUINTEX TRADING LLC"),
        "org-golden-star": ("company", "GOLDEN STAR"),
        "org-morvane-consulting": ("company", "MORVANE CONSULTING"),
    })  # fmt: skip
    return persons_screener_with(tmp_path_factory.mktemp("trailing"), data)


def apps(screener: Screener) -> Iterator[tuple[str, str]]:
    """(entity id, name) of the shipped apps' names of one made-up word long enough to be
    looked for inside others ("CamScanner"; not "QQ")."""
    for entry in screener.matcher.names.entries:
        name = entry.name.value
        if (
            entry.entity_id.startswith("app-")
            and name.isascii()
            and len(entry.tokens) == 1
            and len(name) >= 6
            and entry.entity_id in found(screener, name)
        ):
            yield entry.entity_id, name


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_an_english_word_after_a_listed_name_keeps_the_hit(screener: Screener, data) -> None:
    entity, name = data.draw(st.sampled_from(sorted(apps(screener))))
    words = data.draw(st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=3))
    reference = data.draw(st.one_of(st.just(""), REFERENCE))
    query = " ".join([name, *words, reference]).strip()
    assert entity in found(screener, query), query


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Zeltravox license", "org-zeltravox"),
        ("ZELTRAVOX annual maintenance INV-2231", "org-zeltravox"),
        ("Zeltravox license for Morvane Corp", "org-zeltravox"),  # another party after "for"
        ("Korvane Quintex Trading subscription renewal", "org-korvane-trading"),
        ("Morvane Consulting donation", "org-morvane-consulting"),  # an organisation's word
        ("ZELTRAVOX LLC annual maintenance", "org-zeltravox"),  # a legal form, not at the end
    ],
)
def test_what_the_row_is_for_after_the_name(screener: Screener, query: str, entity: str) -> None:
    assert found(screener, query).get(entity) == (0.8, "contained")


ADDRESSED = ["Attn: Accounts Payable", "ATTN Morvane Kessler", "Attention: Treasury",
             "FAO Vokari Dept", "FBO Morvane Quintex"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_whom_a_row_is_addressed_to_after_a_listed_name_keeps_the_hit(
    screener: Screener, data
) -> None:
    """ "Alipay Attn: Accounts Payable" was CLEAR: "attn" is no English word, and read as
    another name running on. It brings in another party after the name, as "via" does
    (`payee_trail_words`), whoever that is."""
    entity, name = data.draw(st.sampled_from(sorted(apps(screener))))
    query = f"{name} {data.draw(st.sampled_from(ADDRESSED))}"
    assert entity in found(screener, query), query


@pytest.mark.parametrize(
    "query",
    ["Zeltravox-owned Morvane Ltd", "Zeltravox backed Morvane", "ZELTRAVOX CONTROLLED QUORVEL LLC",
     "Zeltravox-affiliated Morvane Trading"],
)  # fmt: skip
def test_a_party_the_listed_name_owns_or_backs(screener: Screener, query: str) -> None:
    """ "Tencent-owned Acme Games" was CLEAR: a subsidiary, which the programs reach, named
    by its owner's name before it. The word after the name makes the party after it the
    name's (`payee_trail_words`), even before a legal form that ends the field."""
    assert found(screener, query).get("org-zeltravox") == (0.8, "contained")


@pytest.mark.parametrize("query", ["Zeltravox Attn: Accounts Payable", "ZELTRAVOX FAO Treasury"])
def test_an_addressee_after_a_listed_name(screener: Screener, query: str) -> None:
    assert found(screener, query).get("org-zeltravox") == (0.8, "contained")


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Golden Star Restaurant Supplies", "org-golden-star"),  # a name of ordinary words
        ("Morvane Zeltravox Solar GmbH", "org-zeltravox"),  # another name leads it
        ("Morvane Zeltravox Quorvel", "org-zeltravox"),
    ],
)
def test_another_name_still_runs_on(screener: Screener, query: str, entity: str) -> None:
    assert entity not in found(screener, query)


@pytest.mark.parametrize(
    "query",
    [
        "Zeltravox Morvane",  # a made-up word after the brand
        "Zeltravox license Morvane",  # ... after an ordinary word
        "Zeltravox Solar GmbH",  # the brand's arm: a legal form ends the longer name
        "ZELTRAVOX QUORVEL MOBILITY LIMITED",
        "Zeltravox Asset Management Ltd",
    ],
)
def test_a_made_up_brand_leading_a_longer_name_is_a_review(screener: Screener, query: str) -> None:
    """A firm named by a listed made-up brand and more words is the brand's arm far more
    often than another firm: "Tencent Mobility Limited" (a subsidiary) was CLEAR, its
    `Mobility Limited` read as another company's name (inside.Inside._brand_leads)."""
    assert found(screener, query).get("org-zeltravox") == (0.8, "contained")


def test_without_the_rule_the_names_are_missed(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Words that are not payment words (payees.payee_head takes those off the end).
    queries = ["Zeltravox maintenance", "Korvane Quintex Trading annual maintenance"]
    assert all(found(screener, q) for q in queries)
    monkeypatch.setattr(Inside, "_says_what", lambda self, needle, haystack, after: False)
    monkeypatch.setattr(Inside, "_brand_leads", lambda self, needle, haystack, at: False)
    forget = (NameIndex._hits.cache_clear, screener.matcher.match_name.cache_clear)
    for clear in forget:  # hits are remembered per form and per query
        clear()
    try:
        assert not any(found(screener, q) for q in queries)
    finally:
        for clear in forget:
            clear()


def test_the_shipped_apps_are_tried(screener: Screener) -> None:
    # The property above would hold vacuously without apps of one made-up word.
    assert len(list(apps(screener))) >= 4


def test_words_rarer_than_the_floor_are_not_ordinary(screener: Screener) -> None:
    config = screener.registry.matching
    assert zipf("license") >= config.trailing_word_min_zipf > zipf("morvane")


# ---- persons: what a payment to a person is for, and dates written with a month


@pytest.fixture(scope="module")
def persons() -> Screener:
    return persons_screener()


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Sergei Shoigu salary", "person-shoigu"),
        ("Sergei Shoigu salary March", "person-shoigu"),
        ("SHOIGU SERGEI rent payment", "person-shoigu"),
        ("Sergei Shoigu for consulting services", "person-shoigu"),
        ("Raul Castro pension", "person-castro"),
        ("Hamid Reza Moghaddam royalties", "person-moghaddam"),
    ],
)
def test_what_a_payment_to_a_person_is_for(persons: Screener, query: str, entity: str) -> None:
    """A person's name is not searched inside longer ones by its first words alone: the
    words after it that say what the payment is for are taken off (payees.payee_head)."""
    assert entity in found(persons, query)


@pytest.mark.parametrize(
    "query",
    ["Ivan Petrov salary", "Maria Lopez pension March", "Kim Jong Young salary",
     "Park Sung Ho consulting fee", "Kim Jong Young for consulting", "Sergei Shoigu March"],
)  # fmt: skip
def test_what_for_words_take_no_other_person_to_a_hit(persons: Screener, query: str) -> None:
    """Unlisted persons, a different person sharing most parts, and a month alone (no
    payment word taken: "March" is no payment) give no hit they would not give bare."""
    bare = query.split(" for ")[0]
    if bare == query:
        bare = query.rsplit(" ", 2 if query.endswith("consulting fee") else 1)[0]
    assert set(found(persons, query)) <= set(found(persons, bare)), query
    if query != "Sergei Shoigu March":
        assert not found(persons, query), query


MONTH = st.sampled_from(["March", "MAR", "Mar", "January", "JAN", "Dec", "September", "May"])
DAY = st.integers(1, 28).map(str)
YEAR = st.integers(1990, 2030).map(str)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Sergei Shoigu", "Acme Trading", "Zeltravox"]),
    st.sampled_from(["{d} {m} {y}", "{m} {y}", "{m}-{y}", "{d} {m}", "{m} {d} {y}", "{y} {m} {d}"]),
    MONTH,
    DAY,
    YEAR,
)
def test_a_date_written_with_a_month_rides_along(
    name: str, shape: str, month: str, day: str, year: str
) -> None:
    text = f"{name} {shape.format(d=day, m=month, y=year)}"
    named = month.casefold() == "may" and shape in ("{m} {y}", "{m}-{y}", "{d} {m}")
    left = split_references(text, ["ref"], ["usd"])
    if named:  # "Theresa May 2019": a month that is a name too, beside one number only
        assert left is None or month in left[0].split(), (text, left)
    else:
        assert left is not None and left[0] == name, (text, left)


def test_a_person_with_a_date_after_the_name(persons: Screener) -> None:
    for query in ("Sergei Shoigu 15 March 2021", "Sergei Shoigu Mar-2021",
                  "Sergei Shoigu salary March 2021"):  # fmt: skip
        assert "person-shoigu" in found(persons, query), query
