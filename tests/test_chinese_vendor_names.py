"""A covered vendor named in Chinese by its own Chinese name: 卡巴斯基实验室 (Kaspersky Lab)
was CLEAR NO_MATCH as the payee and in text, where Лаборатория Касперского is a hit; 大华股份,
Dahua's short name on its exchange, was a REVIEW at 0.80 only as a reading of its name."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found


@pytest.mark.parametrize(
    ("query", "entity"),
    [("卡巴斯基实验室", "kaspersky-lab"), ("卡巴斯基", "kaspersky-lab"), ("大华股份", "dahua")],
)
def test_the_vendors_chinese_name_is_found(screener: Screener, query: str, entity: str) -> None:
    assert found(screener, query).get(entity) == (1.0, "exact")


def test_the_vendors_chinese_name_is_found_in_text(screener: Screener) -> None:
    hits = {h.entry.entity_id for h in screener.matcher.free_text.scan("续费卡巴斯基杀毒软件")}
    assert "kaspersky-lab" in hits
