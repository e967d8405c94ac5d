"""Titles and honorifics in other scripts (written_titles.py, `person_titles_written`):
taken off a name as a form of it for persons' names, leading the name in any script,
following it in Korean, Chinese and Japanese, and glued to it in Chinese and Japanese. Each
name below was below REVIEW against the listed person with its title, the Latin title
("President Xi Jinping") a word weighed down already."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.match.written_titles import WrittenTitles
from helpers.matching import listed_data, persons_screener_with, refused_setting, review

LISTED = listed_data(
    {
        "titled-ali": ("person", "Ali Khamenei"),
        "titled-kim": ("person", "KIM Jong Un"),
        "titled-xi": ("person", "Xi Jinping"),
        "titled-hassan": ("person", "Hassan Nasrallah"),
    }
)


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("titles"), LISTED)


@pytest.fixture(scope="module")
def titles(screener: Screener) -> WrittenTitles:
    return WrittenTitles(screener.registry.matching, screener.matcher.normaliser)


@pytest.mark.parametrize(
    ("query", "untitled"),
    [
        ("Президент Владимир Путин", "владимир путин"),
        ("Г-н Путин", "путин"),  # a surname alone is left, and scored as one
        ("Г-н Иван Петров", "иван петров"),
        ("آية الله علي خامنئي", "علي خامنئي"),
        ("د. أيمن الظواهري", "أيمن الظواهري"),
        ("김정은 위원장", "김정은"),  # after the name
        ("김정은 국무위원장", "김정은"),
        ("김정은님", "김정은"),  # an honorific glued on
        ("김정은 위원장님", "김정은"),  # a title and an honorific
        ("金正恩委员长", "金正恩"),  # glued after it
        ("国家主席习近平", "习近平"),  # glued before it
        ("習近平主席", "习近平"),  # traditional characters fold to simplified
        ("习主席", None),  # a name of one character left is none
        ("プーチン大統領", "プーチン"),
        ("Владимир Путин", None),
        ("Президент", None),  # nothing but a title
        ("أحمد السيد", None),  # a title after a name in Arabic is a name's part
    ],
)
def test_a_title_is_taken_off(titles: WrittenTitles, query: str, untitled: str | None) -> None:
    assert titles.untitled(query) == untitled


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("آية الله علي خامنئي", "titled-ali"),  # 0.75
        ("金正恩委员长", "titled-kim"),  # 0.0
        ("김정은 위원장", "titled-kim"),  # 0.0
        ("习近平主席", "titled-xi"),
        ("国家主席习近平", "titled-xi"),
        ("السيد حسن نصرالله", "titled-hassan"),
    ],
)
def test_a_person_with_a_title_in_another_script_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    found = {m.entry.entity_id: m.score for m in screener.matcher.match_name(query)}
    assert review(screener) <= found.get(entity, 0.0) < screener.registry.matching.thresholds.block


def test_another_person_with_the_title_is_not(screener: Screener) -> None:
    found = {m.entry.entity_id for m in screener.matcher.match_name("김정일 위원장")}
    assert "titled-kim" not in found


def test_a_latin_title_is_refused_in_the_table(tmp_path: Path) -> None:
    refused_setting(tmp_path, "person_titles_written", ["president"], "person_titles_written")
