"""Names in Arabic letters against organisations' Latin names (`org_abjad_*`): a word that
writes only its long vowels meets an organisation's word by sound when the vowels it
writes stand where the Latin word has vowels, or the two are spelt alike, or their keys
are long; a person's name of three consonants (حسين, Hussein) no longer meets any firm
whose name has them (HASNA). And Urdu's own letters are read, not dropped. An acronym
(a Latin name with no vowel) is met by no word of an alphabet by sound (an abjad's are as
vowelless as a Latin word written from them)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.text import _URDU_LETTERS, romanise
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = listed_data(
    {
        "org-hasna": ("company", "HASNA"),
        "org-pioneer": ("company", "PIONEER"),
        "org-timber": ("company", "TIMBER CORPORATION"),
        "org-valor": ("company", "VALOR"),
        "org-davar": ("company", "DAVAR"),
        "org-hamas": ("organization", "HAMAS"),
        "org-ttp": ("organization", "TEHRIK-E TALIBAN PAKISTAN"),
        "org-tgg": ("organization", "TARIQ GIDAR GROUP"),
        "org-biddam": ("organization", "AL MOUAKAOUNE BIDDAM"),
        "org-melli": ("company", "BANK MELLI IRAN"),
        "org-glbc": ("company", "GLBC"),
        "org-prdf": ("company", "PRDF"),
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("abjad-orgs"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("حماس", "org-hamas"),
        ("تحریک طالبان پاکستان", "org-ttp"),  # "thryk" is spelt like Tehrik
        ("طارق گیدڑ گروپ", "org-tgg"),  # ڑ is an r
        ("الموقعون بالدم", "org-biddam"),
        ("بنك ملي ايران", "org-melli"),  # an alif carrying the i of Iran
    ],
)
def test_an_organisation_in_arabic_letters_is_found(
    listed: Screener, query: str, entity: str
) -> None:
    score, method = found(listed, query).get(entity, (0.0, ""))
    assert score >= review(listed)
    assert method == "transliterated"  # never a BLOCK on its own


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("حسين", "org-hasna"),  # Hussein: "hsyn", HSN, but its i is no vowel of HASNA's
        ("بينا", "org-pioneer"),  # "byna": PN, but PIONEER has no i there
        ("ديموف", "org-timber"),  # Dimov
        ("بيليا", "org-valor"),  # Biglia: PR, with a ya where VALOR has an a
        ("ديور", "org-davar"),  # Dior: its waw is a vowel, DAVAR's v is none
    ],
)
def test_a_persons_name_of_few_consonants_does_not_meet_a_firm(
    listed: Screener, query: str, entity: str
) -> None:
    assert entity not in found(listed, query)


def test_urdu_letters_are_read() -> None:
    assert romanise("گیدڑ") == ("gydr",)
    for letter, arabic in _URDU_LETTERS.items():
        # Each between two Arabic letters, inside a word of the script: read as the Arabic
        # letter it is a form of (rigour writes it "?", which was dropped).
        urdu = romanise(f"ب{chr(letter)}ب")
        assert urdu == romanise(f"ب{arabic}ب"), f"U+{letter:04X} read as {urdu}"


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("человек", "org-glbc"),  # Russian for "person": "chelovek", the consonants of GLBC
        ("против", "org-prdf"),  # "against"
        ("Человек и закон", "org-glbc"),
    ],
)
def test_an_acronym_is_not_met_by_a_word_of_another_script_by_sound(
    listed: Screener, query: str, entity: str
) -> None:
    """A Latin name with no vowel is said letter by letter; ordinary words in other scripts
    met such acronyms by their consonants' keys (0.90 each)."""
    assert entity not in found(listed, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Джи-Эл-Би-Си", "org-glbc"), ("ПРДФ", "org-prdf"), ("Пи-Ар-Ди-Эф", "org-prdf")],
)
def test_an_acronym_is_still_met_by_its_letters(listed: Screener, query: str, entity: str) -> None:
    assert found(listed, query).get(entity, (0.0, ""))[0] >= review(listed)
