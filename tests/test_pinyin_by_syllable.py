"""A Chinese name in pinyin written a syllable at a time, with a word of another language
beside it: `Teng Xun Holdings` and `Zhi Fu Bao Holdings` were CLEAR where `Tengxun Holdings`
and `Teng Xun` are hits. A query whose words are already syllables reads the same by sound,
and was never looked up among the syllables of names written in characters (index.py,
`_candidates`); its legal form written so (`You Xian Gong Si`) was read as four words of the
name (matching.yaml, `legal_forms`)."""

from __future__ import annotations

import pytest
from pypinyin import lazy_pinyin

from banscreen.engine import Screener
from helpers.matching import found, review


def _by_syllable(han: str) -> str:
    return " ".join(s.capitalize() for s in lazy_pinyin(han) if s.isalpha())


def _chinese_firms(screener: Screener) -> list[tuple[str, str]]:
    entries = screener.matcher.names.entries
    return sorted({(e.entity_id, e.name.value) for e in entries if e.form.han and not e.person})


@pytest.mark.parametrize("after", ["", " Holdings", " Technology Ltd"])
def test_every_listed_chinese_name_by_syllable_is_found(screener: Screener, after: str) -> None:
    firms = _chinese_firms(screener)
    assert len(firms) > 20  # the shipped packs' names in characters
    missed = []
    for entity, han in firms:
        query = _by_syllable(han) + after
        score = found(screener, query).get(entity, (0.0,))[0]
        if score < review(screener):
            missed.append((query, entity, score))
    assert not missed, missed


@pytest.mark.parametrize(
    "written",
    ["Gu Fen You Xian Gong Si", "You Xian Ze Ren Gong Si", "Ji Tuan You Xian Gong Si",
     "You Xian Gong Si"],
)  # fmt: skip
def test_a_legal_form_by_syllable_is_a_legal_form(screener: Screener, written: str) -> None:
    """Alone it names no firm; after a name, the name is still found (a group's name
    loses its "Ji Tuan" with the form, as `Jituan Youxian Gongsi` does: REVIEW, not BLOCK)."""
    assert not found(screener, written)
    missed = []
    for entity, han in _chinese_firms(screener):
        query = f"{_by_syllable(han)} {written}"
        if found(screener, query).get(entity, (0.0,))[0] < review(screener):
            missed.append(query)
    assert not missed, missed
