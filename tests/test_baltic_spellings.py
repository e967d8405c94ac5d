"""Latvian and Lithuanian spellings of Russian names against the names as OFAC lists them
(spellings.py, `latin_readings`): both put their nominative endings on a foreign name
(Нарышкин Сергей: Latvian "Sergejs Nariškins", Lithuanian "Sergejus Naryškinas") and
write ш and ч with a háček. Each was CLEAR: every part was an ending apart from the
listed one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.spellings import LatinReadings
from banscreen.registry import load_registry
from helpers.matching import transliterated_hit

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "baltic_spellings_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.fixture(scope="module")
def readings(screener: Screener) -> LatinReadings:
    return LatinReadings(screener.registry.matching)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Sergejs Nariškins", "naryshkin"),  # Latvian
        ("Sergejs Nariskins", "naryshkin"),  # ... its marks folded, as a payment field is
        ("Nariškins Sergejs", "naryshkin"),
        ("Sergejus Naryškinas", "naryshkin"),  # Lithuanian
        ("Sergejus Naryskinas", "naryshkin"),
        ("Sergejs Zubkovs", "zubkov"),
        ("Sergejus Zubkovas", "zubkov"),
        ("Igoris Sečinas", "sechin"),
        ("Aleksejs Millers", "miller"),
    ],
)
def test_a_baltic_spelling_meets_the_listed_name(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


def test_the_endings_are_read_off_before_the_letters(readings: LatinReadings) -> None:
    """An ending's English letters are not spelt again ("ich", not "ikh" by Latvian's
    h → kh), and a stem keeps three letters at least."""
    assert "nikolay patrushev" in readings.readings("Nikolajs Patruševs")
    assert "roman abramovich" in readings.readings("Romanas Abramovičius")
    assert "yuriy kovalchuk" in readings.readings("Jurijus Kovalčiukas")
    assert "ivs ejs" not in " ".join(readings.readings("Ivs Ejs Kozlovs"))


@pytest.mark.parametrize(
    "name", ["Edward Williams", "Thomas Peters", "Marcus Brooks", "Sergei Shoigu"]
)
def test_a_name_without_their_markers_is_not_read_so(readings: LatinReadings, name: str) -> None:
    assert readings.readings(name) == ()


@settings(deadline=None)
@given(st.text(alphabet="abcdeijklmnorsuvyzčšžāēīūļņķģąęėįų ", max_size=40))
def test_reading_any_such_letters_never_raises(readings: LatinReadings, text: str) -> None:
    out = readings.readings(text)
    assert all(isinstance(r, str) and r == r.casefold() for r in out)
