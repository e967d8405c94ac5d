"""Two spellings of one organisation word that the lists both use (`org_spelt_both_*`):
`Hezbollah` meets `HIZBALLAH` although another listed name spells `HEZBOLLAH`, while two
English words (`Properly`, `Proper`), two made words of a short key (`Quitor`, `Kator`) and
two made-up brands of a long one (`Pexoloste`, `Vexolost`) stay apart."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import persons_screener_with, review

SOURCE = "source: test\n    provenance: confirmed"
NAME = "kind: legal, source: test, provenance: confirmed"


def _entity(key: str, *names: str) -> str:
    listed = "\n".join(f'      - {{value: "{n}", {NAME}}}' for n in names)
    return f"  - id: {key}\n    type: company\n    {SOURCE}\n    names:\n{listed}\n"


LISTED = (
    'sources:\n  test: "banscreen test fixture"\nentities:\n'
    + _entity("org-hizballah", "HIZBALLAH")
    + _entity("org-kataib", "KATAIB HEZBOLLAH")
    + _entity("org-proper", "PROPER TRADING")
    + _entity("org-properly", "PROPERLY HOLDINGS")
    + _entity("org-kator", "KATOR")
    + _entity("org-pexoloste", "PEXOLOSTE HOLDINGS")
    + _entity("org-vexolost", "VEXOLOST INDUSTRIES")
    + _entity("org-quitor", "QUITOR")
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("spelt-both"), LISTED)


def _scores(screener: Screener, query: str) -> dict[str, float]:
    return {m.entry.entity_id: m.score for m in screener.matcher.match_name(query)}


@pytest.mark.parametrize("query", ["Hezbollah", "Hizbollah", "HEZBOLLAH"])
def test_one_word_written_two_ways_by_the_lists_meets_both(listed: Screener, query: str) -> None:
    found = _scores(listed, query)
    assert found.get("org-hizballah", 0.0) >= review(listed)
    # Sound alone never makes a BLOCK.
    assert found["org-hizballah"] < listed.registry.matching.thresholds.block


def test_two_english_words_that_sound_alike_stay_apart(listed: Screener) -> None:
    # Spelt 0.75 alike, keys of four classes: one transliterated word's two spellings
    # would pair so, two English words do not.
    assert "org-proper" not in _scores(listed, "Properly Trading")
    assert "org-properly" not in _scores(listed, "Proper Holdings")


def test_made_words_of_a_short_key_stay_apart(listed: Screener) -> None:
    assert "org-kator" not in _scores(listed, "Quitor")
    assert "org-quitor" not in _scores(listed, "Kator")


def test_two_made_up_brands_that_sound_alike_stay_apart(listed: Screener) -> None:
    # Keys of six classes, spelt 0.78 alike, but neither is a word English writes.
    assert "org-vexolost" not in _scores(listed, "Pexoloste")
    assert "org-pexoloste" not in _scores(listed, "Vexolost")
