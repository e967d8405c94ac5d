"""Hungarian spellings of Russian names against the names as OFAC lists them (spellings.py,
`latin_readings`): Hungarian writes ш "s", с "sz", ч "cs", a soft д and н "gy" and "ny"
(Сечин Игорь "Igor Szecsin", Якунин Владимир "Vlagyimir Jakunyin", Патрушев Николай
"Nyikolaj Patrusev"). Each was CLEAR: Polish reads "sz" as "sh", and no group read "cs"."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.match.spellings import LatinReadings
from banscreen.registry import load_registry
from helpers.matching import transliterated_hit

PERSONS = (
    Path(__file__).resolve().parent / "fixtures" / "names" / "hungarian_spellings_persons.yaml"
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Igor Szecsin", "sechin"),
        ("Vlagyimir Jakunyin", "yakunin"),
        ("Nyikolaj Patrusev", "patrushev"),
        ("PATRUSEV, Nyikolaj Platonovics", "patrushev"),
    ],
)
def test_a_hungarian_spelling_meets_the_listed_name(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


def test_hungarian_and_polish_read_sz_each_their_way(screener: Screener) -> None:
    readings = LatinReadings(screener.registry.matching).readings("Szergej Csemezov")
    assert "sergey chemezov" in readings  # Hungarian
    assert readings.count("sergey chemezov") == 1
    assert LatinReadings(screener.registry.matching).readings("Szojgu")  # Polish: "shoygu"


@pytest.mark.parametrize("name", ["Tony Kenny", "Peggy Sue", "Anthony Dunn", "Igor Secin"])
def test_a_name_without_its_markers_is_not_read_so(screener: Screener, name: str) -> None:
    readings = LatinReadings(screener.registry.matching).readings(name)
    assert not any("sh" in r for r in readings)
