"""Russian firms' names in Cyrillic against lists' Latin names. A word in Cyrillic met a
listed organisation's by a sound key of four classes however it was spelt (`Проект`,
"proekt", project, met THE INTERNATIONAL BRIGADE), and by one of three at half its
spelling (`если`, "esli", if, met ISIL): of wordfreq's 1,500 most frequent Russian words as
a firm's name (`ООО «…»`), 304 met an OFAC organisation, four times as many as the same
names in Latin letters. Lists write a Russian firm's name letter by letter from its Cyrillic
one, so a Cyrillic word must be spelt like the Latin one (`cyrillic_org_spelling_floor`).
And a number sounds like nothing: `Технологии` (technologies) met `TEKHNOLOGIYA 5, OOO`,
and every Russian firm with the word in its name with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = {
    "brigade": ("organization", "THE INTERNATIONAL BRIGADE"),
    "isil": ("organization", "ISIL"),
    "tekh5": ("company", "TEKHNOLOGIYA 5, OOO"),
    "vektor": ("company", "VEKTOR-M OOO"),
}


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    folder: Path = tmp_path_factory.mktemp("cyrillic")
    return persons_screener_with(folder, listed_data(LISTED))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ООО «Проект»", "brigade"),
        ("Если", "isil"),
        ("ООО «Альфа Технологии»", "tekh5"),
        ("Информационные Технологии", "tekh5"),
    ],
)
def test_an_ordinary_russian_word_meets_no_listed_name_it_only_sounds_like(
    listed: Screener, query: str, entity: str
) -> None:
    assert entity not in found(listed, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Технология 5", "tekh5"), ("ООО «Технология 5»", "tekh5"), ("Вектор-М", "vektor")],
)
def test_a_listed_russian_name_in_cyrillic_is_still_found(
    listed: Screener, query: str, entity: str
) -> None:
    assert found(listed, query).get(entity, (0.0, ""))[0] >= review(listed)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Алипэй", "app-alipay"), ("Тенсент", "tencent-holdings"), ("Хуавэй", "huawei"),
     ("Касперский", "kaspersky-lab"), ("ВиМейт", "app-vmate"), ("Вичат Пэй", "app-wechat-pay")],
)  # fmt: skip
def test_brands_written_in_cyrillic_as_they_sound_are_still_found(
    screener: Screener, query: str, entity: str
) -> None:
    assert found(screener, query).get(entity, (0.0, ""))[0] >= review(screener), query
