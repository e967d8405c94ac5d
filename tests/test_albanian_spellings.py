"""Albanian persons' names as Serbian and Macedonian write them. OFAC lists Kosovo's and North
Macedonia's Albanians in Albanian spelling (`SELIMI, Rexhep`, `MORINA, Xhavit`, `XHAFERI,
Shefit`), where Serbian writes Реџеп, Redžep, and with its marks folded, as the lists fold
them, Redzep: `Redzep Selimi` scored 0.70 against `Rexhep Selimi`, CLEAR, and so did
`Реџеп Селими`. A name holding Albanian's `xh` is also read as English spells it (`j`) and as
Serbian does with its marks folded (`dz`, and `sh`, `zh` as `s`, `z`); a hit so is a
transliteration (`latin_readings` in data/matching.yaml)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.spellings import LatinReadings
from helpers.matching import found, listed_data, persons_screener_with, review, transliterated_hit

LISTED = listed_data(
    {
        "person-selimi": ("person", "SELIMI, Rexhep"),
        "person-morina": ("person", "MORINA, Xhavit"),
        "person-xhaferi": ("person", "XHAFERI, Shefit"),
        "person-karadzic": ("person", "KARADZIC, Radovan"),
    }
)


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("albanian"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Redzep Selimi", "person-selimi"),  # Serbian, marks folded
        ("Redžep Selimi", "person-selimi"),  # Serbian Latin
        ("Реџеп Селими", "person-selimi"),  # Serbian Cyrillic
        ("SELIMI Redzep", "person-selimi"),
        ("Dzavit Morina", "person-morina"),
        ("Џавит Морина", "person-morina"),
        ("Javit Morina", "person-morina"),  # English spelling of xh
        ("Sefit Dzaferi", "person-xhaferi"),  # Serbian š and dž, marks folded
        ("Šefit Džaferi", "person-xhaferi"),
        ("Шефит Џафери", "person-xhaferi"),
    ],
)
def test_an_albanian_name_in_serbian_spelling_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Redzep Salihi", "person-selimi"),  # another surname
        ("Dzavit Halili", "person-morina"),
        ("Sefit Dzemaili", "person-xhaferi"),
    ],
)
def test_another_person_of_the_same_given_name_is_no_hit(
    screener: Screener, query: str, entity: str
) -> None:
    hits = found(screener, query)
    assert entity not in hits or hits[entity][0] < review(screener) - 0.05


def test_a_name_without_the_albanian_letters_is_not_read_so(screener: Screener) -> None:
    """`sh` is read `s` only in a name that holds `xh`: `Shefit Hasani` is not `Sefit`."""
    readings = LatinReadings(screener.registry.matching).readings
    assert not any("sefit" in r for r in readings("Shefit Hasani"))
    assert any("sefit dzaferi" in r for r in readings("Shefit Xhaferi"))
    assert any("jaferi" in r for r in readings("Shefit Xhaferi"))


def test_a_serbian_name_listed_with_its_marks_folded_is_found_as_before(
    screener: Screener,
) -> None:
    hits = found(screener, "Radovan Karadžić")
    assert hits["person-karadzic"][0] >= review(screener)
