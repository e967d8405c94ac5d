"""A brand's name written apart in another script (joined_brands.py): Arabic, Hebrew,
Cyrillic, Greek, Hangul and katakana write a brand's syllables as words of their own
(وي تشات, WeChat; קאם סקנר, CamScanner), and such a name is also read as one word, for
brands' names of one word only."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match import joined_brands
from banscreen.registry import load_registry
from helpers.matching import found, refused_setting, review, transliterated_hit

BRANDS = Path(__file__).resolve().parent / "fixtures" / "names" / "apart_brands.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([BRANDS]))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("وي تشات", "app-wechat"),  # Arabic
        ("ووي تشات", "app-wechat"),
        ("علي باي", "app-alipay"),
        ("ألي باي", "app-alipay"),
        ("עלי פיי", "app-alipay"),  # Hebrew
        ("קאם סקנר", "app-camscanner"),
        ("קאם סקאנר", "app-camscanner"),
        ("שר איט", "app-shareit"),
        ("Ви Чат", "app-wechat"),  # Cyrillic (also read as a Korean name)
        ("Али Пэй", "app-alipay"),
        ("Шэр Ит", "app-shareit"),
        ("Αλί Πέι", "app-alipay"),  # Greek
        ("위 챗", "app-wechat"),  # Hangul
        ("알리 페이", "app-alipay"),
        ("ウィー チャット", "app-wechat"),  # katakana
        ("シェア イット", "app-shareit"),
        ("تيفو باي", "brand-tivopay"),  # an invented brand
    ],
)
def test_a_brand_written_apart_finds_its_name(screener: Screener, query: str, entity: str) -> None:
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize("query", ["وي تشات", "קאם סקנר", "위 챗"])
def test_without_the_joined_reading_they_were_clear(
    screener: Screener, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the reading adds: each of these found nothing before it."""
    monkeypatch.setattr("banscreen.match.rewrites.joined_brand", lambda *args: [])
    monkeypatch.setattr("banscreen.match.script_readings.joined_brand", lambda *args: [])
    screener.matcher.names._variants_of.cache_clear()
    screener.matcher.names._hits.cache_clear()
    try:
        assert not found(Screener(load_registry([BRANDS])), query)
    finally:
        screener.matcher.names._variants_of.cache_clear()


def test_compare_reads_it_too_by_organisations_rules(screener: Screener) -> None:
    compare = screener.matcher.compare
    score, method, _ = compare("وي تشات", "WeChat", schema="organization")
    assert score >= review(screener) and method == "transliterated"
    assert compare("WeChat", "وي تشات", schema="organization")[0] == score
    # Two words and one, neither an organisation's by its words: persons' rules, by which
    # two words are not one.
    assert compare("وي تشات", "WeChat")[0] < review(screener)


def test_only_names_of_two_words_in_another_script_are_joined(screener: Screener) -> None:
    config, normaliser = screener.registry.matching, screener.matcher.normaliser
    for name in ("We Chat", "微信 支付", "وي", "وي تشات باي", "Ли Мин Хо"):
        assert joined_brand_of(name, screener) == [], name
    (variant,) = joined_brands.joined_brand(normaliser.form("وي تشات"), normaliser, config)
    assert variant.form.tokens == ("ويتشات",)
    assert variant.organisations and variant.whole
    assert variant.kinds == frozenset(config.joined_brand_name_kinds)
    assert variant.cap == config.transliteration_max


def joined_brand_of(name: str, screener: Screener) -> list[object]:
    normaliser = screener.matcher.normaliser
    form = normaliser.form(name)
    return list(joined_brands.joined_brand(form, normaliser, screener.registry.matching))


# Letters of the scripts a brand is written apart in; two words of them, as a person's name
# or two words of a sentence would be.
_LETTERS = {
    "Arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "Hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "Cyrillic": "абвгдежзийклмнопрстуфхцчшщыэюя",
    "Hangul": "가나다라마바사아자차카타파하위챗알리페이캠스캐너",
    "Kana": "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン",
}
two_words = st.sampled_from(sorted(_LETTERS)).flatmap(
    lambda script: st.tuples(
        st.text(_LETTERS[script], min_size=1, max_size=6),
        st.text(_LETTERS[script], min_size=1, max_size=6),
    )
)


@settings(max_examples=150, deadline=None)
@given(words=two_words)
def test_a_hit_through_the_joined_reading_is_on_a_brands_name_of_one_word(
    screener: Screener, words: tuple[str, str]
) -> None:
    """Whatever two words in another script: a hit that only the joined reading gives is on
    an app's or trade name of one word, at most a transliteration's score."""
    query = " ".join(words)
    names = screener.matcher.names
    config = screener.registry.matching
    kinds = frozenset(config.joined_brand_name_kinds)
    for variant in (v for v in names.variants(query) if v.kinds):
        for i, _raw, _method, alignment, _ in names._hits(variant.form):
            entry = names.entries[i]
            if variant.admits(entry.person, entry.tokens, entry.name.kind) and variant.fits(
                alignment, entry.tokens
            ):
                assert entry.name.kind in kinds and not entry.person
                assert len(entry.tokens) == 1
    for hit in names.match(query):
        if hit.entry.name.kind in kinds and len(hit.entry.tokens) == 1:
            continue
        # Anything else it finds, it finds without the joined reading.
        assert any(
            hit.entry.entity_id in {names.entries[i].entity_id for i, *_ in names._hits(v.form)}
            for v in names.variants(query)
            if not v.kinds
        )


def test_a_legal_name_is_not_met_through_it(screener: Screener) -> None:
    """The reading counts on brands' names only: a list's legal names are not reached by
    two words run together (though other rules may find them)."""
    names = screener.matcher.names
    (variant,) = joined_brand_of("لوما كارد", screener)
    legal = [
        names.entries[i]
        for i, *_ in names._hits(variant.form)
        if names.entries[i].name.kind == "legal"
    ]
    assert legal, "the joined form does meet the legal name"
    assert not any(variant.admits(e.person, e.tokens, e.name.kind) for e in legal)


def test_kinds_are_checked_at_load(tmp_path: Path) -> None:
    refused_setting(tmp_path, "joined_brand_name_kinds", ["brand"])
    refused_setting(tmp_path, "contained_name_kinds", ["trade", "nickname"])


@pytest.mark.parametrize(
    ("text", "entity"),
    [("paid via Ali Pay", "app-alipay"), ("sent via Share It", "app-shareit"),
     ("scanned through Cam Scanner", "app-camscanner"), ("paid by Ali Pay ref 7781", "app-alipay")],
)  # fmt: skip
def test_an_app_s_one_word_name_split_after_a_routing_word_is_found_in_text(
    text: str, entity: str
) -> None:
    """ "paid via Ali Pay" was CLEAR: text words are joined into a listed one-word name only
    after "via", "through", "by" and the like, and only into an app's name."""
    shipped = Screener(load_registry())
    hits = {h.entry.entity_id: h for h in shipped.matcher.free_text.scan(text)}
    assert entity in hits and hits[entity].joined


@pytest.mark.parametrize(
    "text", ["ten cent coins", "share it with friends", "Ali pay rent", "Mohammed Ali pay slip",
             "payment via ten cent", "by Ali Payments Ltd"],
)  # fmt: skip
def test_ordinary_words_that_spell_a_name_together_are_not_joined(text: str) -> None:
    shipped = Screener(load_registry())
    assert shipped.matcher.free_text.scan(text) == []
