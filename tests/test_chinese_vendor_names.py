"""A covered vendor named in Chinese by its own Chinese name: 卡巴斯基实验室 (Kaspersky Lab)
was CLEAR NO_MATCH as the payee and in text, where Лаборатория Касперского is a hit."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, review


@pytest.mark.parametrize("query", ["卡巴斯基实验室", "卡巴斯基"])
def test_the_vendors_chinese_name_is_found(screener: Screener, query: str) -> None:
    hits = found(screener, query)
    assert hits.get("kaspersky-lab", (0.0, ""))[0] >= review(screener), hits


def test_the_vendors_chinese_name_is_found_in_text(screener: Screener) -> None:
    hits = {h.entry.entity_id for h in screener.matcher.free_text.scan("续费卡巴斯基杀毒软件")}
    assert "kaspersky-lab" in hits
