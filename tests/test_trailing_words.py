"""What a payee field says after a name is not more of the name: "CamScanner license
INV-7781", "Alipay refund" were CLEAR where the name alone is a hit, for the distinctive
word after it (read as another name running on). An ordinary English word after a name
that holds a word English does not use says what the row is for (inside.Inside._says_what)."""

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
from helpers.matching import found, listed_data, persons_screener_with

# Ordinary English words, as a payee field types them after a name.
ENGLISH = [w for w in top_n_list("en", 2000) if w.isalpha() and len(w) > 3]
REFERENCE = st.from_regex(r"(INV|REF|ORDER)[ -]?[0-9]{3,8}", fullmatch=True)


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data({
        "org-zeltravox": ("company", "ZELTRAVOX"),
        "org-korvane-trading": ("company", "KORVANE QUINTEX TRADING LLC"),
        "org-golden-star": ("company", "GOLDEN STAR"),
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
    ],
)
def test_what_the_row_is_for_after_the_name(screener: Screener, query: str, entity: str) -> None:
    assert found(screener, query).get(entity) == (0.8, "contained")


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Zeltravox Morvane", "org-zeltravox"),  # a made-up word: another name goes on
        ("Zeltravox license Morvane", "org-zeltravox"),  # ... after an ordinary word
        ("Golden Star Restaurant Supplies", "org-golden-star"),  # a name of ordinary words
    ],
)
def test_another_name_still_runs_on(screener: Screener, query: str, entity: str) -> None:
    assert entity not in found(screener, query)


def test_without_the_rule_the_names_are_missed(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ["Zeltravox license", "Korvane Quintex Trading subscription renewal"]
    assert all(found(screener, q) for q in queries)
    monkeypatch.setattr(Inside, "_says_what", lambda self, name, haystack, after: False)
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
