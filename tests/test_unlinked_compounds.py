"""Two words of a name in Arabic letters read joined without a linking particle
(compounds.py, `compound_unlinked_min_classes`): Pashto and Persian names write parts such
as -khel and -mal apart (شهيد خيل) that Latin renderings join (SHAHIDKHEL)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.registry import load_registry
from helpers.matching import review


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("سيد أحمد شهيد خيل", "SAID AHMED SHAHIDKHEL"),  # 0.67 before
        ("محمد سرور صدیق مل", "MOHAMMAD SARWAR SIDDIQMAL"),  # 0.78 before
        ("گل آغا احمد زی", "GUL AGHA AHMADZAI"),
    ],
)
def test_parts_an_abjad_writes_apart_meet_a_listed_one_word_form(
    screener: Screener, written: str, latin: str
) -> None:
    assert screener.matcher.compare(written, latin, schema="person")[0] >= review(screener)


def test_words_of_few_sound_classes_are_not_joined(screener: Screener) -> None:
    """Joined, "ma yshw" sounds M-S: two classes are in too many names to say two words
    are one."""
    names = screener.matcher.names
    form = names.normaliser.form("ما يشو")
    assert names.join_compounds(form, lambda key: ["mayshw", "maychou"]) is None


def test_latin_words_are_joined_only_by_a_link(screener: Screener) -> None:
    """Latin words apart are other names ("Shahid Khel" may be two); only the abjad's
    habit of writing a name's parts apart is read joined without a link."""
    names = screener.matcher.names
    latin = names.normaliser.form("Shahid Khel")
    assert names.join_compounds(latin, lambda key: ["shahidkhel"]) is None
    written = names.normaliser.form("شهيد خيل")
    joined = names.join_compounds(written, lambda key: ["shahidkhel"])
    assert joined is not None and joined.roman == ("shhydkhyl",)
