"""German spellings of Russian names against the names as OFAC lists them (spellings.py,
`latin_readings`): German writes ж and ш both "sch" (Schukow, Zhukov; Prigoschin,
Prigozhin), в "w" (Solowjow, Solovyev) and х "ch" (Chodorkowski, Khodorkovsky). With no
other German marker in the name, it was not read in English spelling, and against a listed
name with a patronymic each part spelt a little apart fell below REVIEW."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.registry import load_registry
from helpers.matching import transliterated_hit

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "german_spellings_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Jewgeni Prigoschin", "prigozhin"),
        ("Alexander Schukow", "zhukov"),
        ("Michail Chodorkowski", "khodorkovsky"),
        ("Wladimir Solowjow", "solovyev"),
        ("Konstantin Malofejew", "malofeyev"),
    ],
)
def test_a_german_spelling_meets_the_listed_name(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


def test_the_new_markers_read_german_spellings_only(screener: Screener) -> None:
    readings = screener.matcher.names._latin_readings
    assert readings.readings("Alexander Schukow") == ("alexander shukov",)
    assert readings.readings("Wladimir Solowjow") == ("vladimir solovyov",)
    assert readings.readings("Michail Chodorkowski") == ("michail chodorkovski",)
    assert readings.readings("John Wick") == ()
    assert readings.readings("Sergei Shoigu") == ()
