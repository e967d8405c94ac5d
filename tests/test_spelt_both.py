"""Two spellings of one organisation word that the lists both use (`org_spelt_both_*`):
`Hezbollah` meets `HIZBALLAH` although another listed name spells `HEZBOLLAH`, while two
English words (`Properly`, `Proper`), two made words of a short key (`Quitor`, `Kator`) and
two made-up brands of a long one (`Pexoloste`, `Vexolost`) stay apart."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = listed_data(
    {
        "org-hizballah": ("company", "HIZBALLAH"),
        "org-kataib": ("company", "KATAIB HEZBOLLAH"),
        "org-proper": ("company", "PROPER TRADING"),
        "org-properly": ("company", "PROPERLY HOLDINGS"),
        "org-kator": ("company", "KATOR"),
        "org-pexoloste": ("company", "PEXOLOSTE HOLDINGS"),
        "org-vexolost": ("company", "VEXOLOST INDUSTRIES"),
        "org-quitor": ("company", "QUITOR"),
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("spelt-both"), LISTED)


@pytest.mark.parametrize("query", ["Hezbollah", "Hizbollah", "HEZBOLLAH"])
def test_one_word_written_two_ways_by_the_lists_meets_both(listed: Screener, query: str) -> None:
    score, _ = found(listed, query).get("org-hizballah", (0.0, ""))
    assert score >= review(listed)
    # Sound alone never makes a BLOCK.
    assert score < listed.registry.matching.thresholds.block


def test_two_english_words_that_sound_alike_stay_apart(listed: Screener) -> None:
    # Spelt 0.75 alike, keys of four classes: one transliterated word's two spellings
    # would pair so, two English words do not.
    assert "org-proper" not in found(listed, "Properly Trading")
    assert "org-properly" not in found(listed, "Proper Holdings")


def test_made_words_of_a_short_key_stay_apart(listed: Screener) -> None:
    assert "org-kator" not in found(listed, "Quitor")
    assert "org-quitor" not in found(listed, "Kator")


def test_two_made_up_brands_that_sound_alike_stay_apart(listed: Screener) -> None:
    # Keys of six classes, spelt 0.78 alike, but neither is a word English writes.
    assert "org-vexolost" not in found(listed, "Pexoloste")
    assert "org-pexoloste" not in found(listed, "Vexolost")
