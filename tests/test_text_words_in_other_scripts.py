"""A one-word app's or brand's name found by sound in a text's words of another script was
met by the language's own frequent words: "अलावा" ("alava", Hindi's "besides") sounded like
a listed app, "ホテル" (hotel) like a listed brand, in 2-3% of texts of frequent Hindi,
Bengali and Japanese words. Such a name must now be met by the window's words other than
those its language uses once in a million words or more (wordfreq's lists), unless the
words read as it are spelt nearly as it is (sounded_text.py, `_said_by_rarer_words`).

And a brand's name written as one word of such text that sounds only near it ("Оплата
Хуавей") was CLEAR, where the same word as the payee is a hit: inside a window of words
only a word that sounds like a name counts. A word that is not frequent is now also read
alone, as a payee's name is (`_words_alone`)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.common_words import zipf_in


def entities_in(screener: Screener, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in screener.matcher.free_text.scan(text)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("अलावा गिरफ्तारी महंत हमे पुस्तकालय थर्मल बहती पांचवीं", "app-alipay"),
        ("शारदा देशभर उड़ान कृषि ख़तरे केंद्र सप्ताहांत जोगी", "app-shareit"),
        ("सीजन आइये हिटलर किस तनिक सहज कहानियां एसपी", "hytera"),
        ("テンポ アパート ふく シマ ヘ こう とたん キリ", "tenpay"),
        ("ロフト すぎ パートナー ホテル いお まろ か ジェイ", "hytera"),
        ("আসায় ওমর খেজুর অনুভুতি প্যান্ট আলমের খাদ্যের লাফ", "hytera"),
        ("печат участва изкуства времената стоп печат дка унищожи", "app-wechat"),
    ],
)
def test_frequent_words_do_not_sound_like_a_name(
    screener: Screener, text: str, entity: str
) -> None:
    assert entity in screener.registry.entities  # a name that is listed
    assert entity not in entities_in(screener, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("अलीपे से भुगतान", "app-alipay"),
        ("আলিপে দিয়ে পেমেন্ট", "app-alipay"),
        ("アリペイで支払い", "app-alipay"),
        ("テンペイ 支払い", "tenpay"),
        ("シェアイット ダウンロード", "app-shareit"),
        ("Оплата Тенсент", "tencent-holdings"),
        ("Платёж Алипэй", "app-alipay"),
        ("टेनसेंट को भुगतान", "tencent-holdings"),
        ("Πληρωμή στην Τενσέντ", "tencent-holdings"),
        # frequent words of their languages' news, spelt as the name is
        ("அலிபாபா நிறுவனம்", "alibaba-group"),
        ("알리바바 결제", "alibaba-group"),
        ("अलीबाबा को भुगतान", "alibaba-group"),
    ],
)
def test_an_app_named_in_another_script_is_still_found(
    screener: Screener, text: str, entity: str
) -> None:
    assert entity in entities_in(screener, text), text


def test_a_firm_named_by_a_frequent_word_is_not_also_a_wallet(screener: Screener) -> None:
    # "अलीबाबा" is the group's name, read "alibaba": it only sounded near the wallet's
    found = entities_in(screener, "अलीबाबा को भुगतान")
    assert "alibaba-group" in found
    assert "app-alipay" not in found


def test_the_rule_reads_the_languages_lists() -> None:
    assert zipf_in("अलावा", ["hi"]) >= 5
    assert zipf_in("ホテル", ["ja"]) >= 4  # kana, read from the list, not by MeCab
    assert zipf_in("अलीपे", ["hi"]) == 0
    assert zipf_in("anything", []) == 0


@pytest.mark.parametrize(
    "text",
    ["Оплата Хуавей", "Закупка оборудования Хуавэй", "화웨이 결제", "हुआवेई भुगतान",
     "Πληρωμή Χουαγουέι"],
)  # fmt: skip
def test_a_brand_written_as_one_word_of_text_is_found(screener: Screener, text: str) -> None:
    assert "huawei" in entities_in(screener, text)


def test_a_brand_cyrillic_writes_as_said_is_found(screener: Screener) -> None:
    # "вижн" for vision, as Russian writes the English word (loanwords.sion_reading)
    assert "hikvision" in entities_in(screener, "Оплата Хиквижн")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Оплата каспарс дамьянович", "kaspersky-lab"),  # a Latvian given name
        ("Оплата сибилье видман", "app-vidmate"),
        ("バラコフ カスパレク", "kaspersky-lab"),
    ],
)
def test_a_rarer_word_spelt_otherwise_is_not_a_brand(
    screener: Screener, text: str, entity: str
) -> None:
    assert entity in screener.registry.entities
    assert entity not in entities_in(screener, text)
