"""A foreign name written in Chinese characters, Hangul, katakana, Cyrillic, Arabic or Hebrew,
weighed against a Latin name by a model of how each script writes names' sounds
(spelling_model.py, data/spellings/<script>.json): the names below were CLEAR when only the rules' one reading
was looked up (克伦普尔 read "klunpr" for Crumpler; 로이스 로리 "loiseu loli" for Lois Lowry;
сибери "siberi" for Seabury), and the false hits below reached REVIEW because a reading
sounded like them (格萊尼斯, Grannis, met PALENCIA; 틸렛, Tillett, met TRACY; カリフォード,
Culliford, met KROFT; кулль, Kull, met KELLER)."""

from __future__ import annotations

import dataclasses
import json
import math
from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.errors import DataError
from banscreen.match.pinyin import read_han
from banscreen.match.spelling_model import (
    Heard,
    SpellingModel,
    arabic_units,
    cyrillic_units,
    each_its_own,
    hebrew_units,
    kana_units,
)
from banscreen.registry import load_registry
from banscreen.registry.loader import shipped_data_dir
from banscreen.registry.spelling_tables import load_spelling_table
from helpers.matching import refused_setting

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "spelling_models_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.fixture(scope="module")
def model(screener: Screener) -> SpellingModel:
    table = load_spelling_table("han")
    return SpellingModel(table.units, table.letters, screener.registry.matching.spelling_model_skip)


def hits(screener: Screener, query: str) -> dict[str, float]:
    return {m.entry.entity_id: m.score for m in screener.matcher.match_name(query)}


@pytest.mark.parametrize(
    ("query", "entity"),
    [("克伦普尔", "one-crumpler"), ("威尔莫特", "one-willmott"), ("伍斯特", "one-wooster"),
     ("利斯特", "one-lyster"), ("布雷特·拉施", "two-lasch"),
     ("틸렛", "one-tillett"), ("ホートン", "one-hoghton"), ("モーズビー", "one-moresby"),
     ("вуленд", "one-wooland"), ("раджио", "one-raggio"), ("шолле", "one-chollet"),
     ("сибери", "one-seabury"), ("روجيري", "one-ruggeri"), ("تومويوكي", "one-tomoyuki"),
     ("דריוס", "one-darius"), ("פולקר", "one-volker"), ("גאורגיו", "one-gheorghiu"),
     ("דוד", "one-david")],
)  # fmt: skip
def test_a_foreign_name_in_another_script_meets_the_name_it_stands_for(
    screener: Screener, query: str, entity: str
) -> None:
    found = hits(screener, query)
    thresholds = screener.registry.matching.thresholds
    assert entity in found, found
    assert thresholds.review <= found[entity] < thresholds.block


@pytest.mark.parametrize(
    ("query", "entity"),
    [("格萊尼斯", "one-palencia"), ("巴拉什", "one-braathen"), ("埃利亚斯", "one-elise"),
     ("达尔曼", "one-durkan"), ("틸렛", "one-tracy"), ("비코", "one-warwick"),
     ("カリフォード", "one-kroft"), ("タルヴィ", "one-turiaf"), ("софьян", "one-sevyan"),
     ("кулль", "one-keller"), ("юргенсон", "one-henson"), ("муни", "one-minune"),
     ("джовиано", "one-davison"), ("саво", "one-sayf"), ("هوندو", "one-hande"),
     ("فليمون", "one-fishman"), ("קונפינו", "one-kanafani"), ("דריוס", "one-traven"),
     ("פיקטון", "one-fountain")],
)  # fmt: skip
def test_a_short_reading_that_only_sounds_like_a_name_does_not_meet_it(
    screener: Screener, query: str, entity: str
) -> None:
    assert entity not in hits(screener, query)


@pytest.mark.parametrize(("query", "entity"), [("羅賓", "one-robin"), ("譚雅", "one-tanja")])
def test_a_foreign_name_that_starts_as_a_chinese_one_meets_the_name_it_stands_for(
    screener: Screener, query: str, entity: str
) -> None:
    """罗 and 谭 are Chinese surnames, but 罗宾 and 谭雅 are Robin and Tanja: spelt too, by a
    higher floor than a name that cannot be Chinese."""
    assert entity in hits(screener, query)


def test_a_chinese_name_counts_on_a_foreign_one_only_by_the_higher_floor(
    screener: Screener, model: SpellingModel
) -> None:
    """李违 (Li Wei) supports Liviu by more than a foreign name's floor but less than a Chinese
    name's own: no hit, though an unread foreign word of that support would have one."""
    config = screener.registry.matching
    support = model.support(read_han("李违"), "liviu")
    assert config.han_spelling_support <= support < config.han_own_spelling_support
    assert "one-liviu" not in hits(screener, "李違")


def test_a_name_of_two_words_meets_a_listed_one_only_through_a_word_it_supports(
    screener: Screener,
) -> None:
    """존 베이너 (John Boehner) sounds enough like GOPSTEIN, Ben Zion to be scored above REVIEW,
    but neither of its words supports any of that name's; 조지아 콜먼 is Georgia Colman, and
    ولی جان's two words are the one WALIJAN writes."""
    assert "two-gopstein" not in hits(screener, "존 베이너")
    assert "two-colman" in hits(screener, "조지아 콜먼")
    assert "one-walijan" in hits(screener, "ولی جان")


def test_a_gate_of_more_words_asks_one_word_or_two_run_together(model: SpellingModel) -> None:
    brett, lasch = tuple(read_han("布雷特")), tuple(read_han("拉施"))
    gate = Heard((brett, lasch), model, 8.0, some=True)
    assert gate.admits(("brett", "someone"))
    # Neither word alone supports the two run together; both together do.
    assert max(model.support(brett, "brettlasch"), model.support(lasch, "brettlasch")) < 8.0
    assert gate.admits(("brettlasch",))
    assert not gate.admits(("palencia", "kroft"))


def test_support_weighs_the_name_the_characters_write_above_others(model: SpellingModel) -> None:
    syllables = read_han("威尔莫特")
    floor = load_registry().matching.han_spelling_support
    assert model.support(syllables, "willmott") >= floor
    assert model.support(syllables, "palencia") < 0 < model.support(syllables, "wilmot")
    assert model.support(syllables, "") == -math.inf


def test_the_likeliest_spellings_come_best_first_and_as_many_as_asked(
    model: SpellingModel,
) -> None:
    spelt = model.likeliest([read_han("罗宾")], 8)
    assert spelt[0] == "robin"
    assert len(spelt) == len(set(spelt)) <= 8
    two = model.likeliest([read_han("布雷特"), read_han("拉施")], 4)
    assert len(two) == 4 and all(len(s.split()) == 2 for s in two)
    assert model.likeliest([["notasyllable"]], 8) == []


def test_heard_pairs_each_word_with_a_word_of_its_own(model: SpellingModel) -> None:
    brett, lasch = tuple(read_han("布雷特")), tuple(read_han("拉施"))
    heard = Heard((brett, lasch), model, 8.0)
    assert heard.admits(("lasch", "brett"))
    assert heard.admits(("brett", "lasch", "junior"))
    assert not heard.admits(("brett", "brett"))
    assert not heard.admits(("brett",))
    one = Heard((brett,), model, 8.0)
    assert one.admits(("brett",)) and not one.admits(("brett", "lasch"))
    assert Heard((brett,), model, 8.0, alone=False).admits(("brett", "lasch"))


@given(
    st.lists(st.sampled_from(["si", "te", "luo", "er", "ke", "a", "zzz"]), max_size=6),
    st.text(max_size=30),
)
def test_support_of_any_syllables_and_letters_is_a_number_or_minus_infinity(
    syllables: list[str], latin: str
) -> None:
    table = load_spelling_table("han")
    model = SpellingModel(table.units, table.letters, load_registry().matching.spelling_model_skip)
    value = model.support(syllables, latin.casefold())
    assert value == -math.inf or math.isfinite(value)


@pytest.mark.parametrize(
    ("table", "script"),
    [({"units": {"luo": {"robert": 0.5}}}, "han"), ({"units": {"Luo": {"ro": 0.5}}}, "han"),
     ({"units": {"luo": {"ro": 1.5}}}, "han"), ({"letters": {"ab": {"c": 0.5}}}, "han"),
     ({"units": {"ro": {"ro": 0.5}}}, "hangul"), ({"units": {"ro": {"ro": 0.5}}}, "kana"),
     ({"letters": {"로": {"a": 0.5}}}, "hangul"), ({"source": ""}, "kana"),
     ({"units": [1, 2]}, "han"), ({"units": {"ь": {"": 0.5}}}, "cyrillic"),
     ({"units": {"Л": {"l": 0.5}}}, "cyrillic"), ({"units": {"л": {"l1": 0.5}}}, "cyrillic"),
     ({"units": {"a": {"a": 0.5}}}, "arabic"), ({"units": {"ב": {"b": 0.5}}}, "arabic"),
     ({"units": {"ب": {"b": 0.5}}}, "hebrew"), ({"units": {"בב": {"b": 0.5}}}, "hebrew")],
)  # fmt: skip
def test_a_bad_spelling_table_is_refused_when_read(
    tmp_path: Path, table: dict[str, object], script: str
) -> None:
    shipped = json.loads((shipped_data_dir() / "spellings" / f"{script}.json").read_text("utf-8"))
    path = tmp_path / f"{script}.json"
    path.write_text(json.dumps({**shipped, **table}), "utf-8")
    with pytest.raises(DataError, match=str(path)):
        load_spelling_table(script, path)
    path.write_text("{not json", "utf-8")
    with pytest.raises(DataError, match="cannot read"):
        load_spelling_table(script, path)


def test_the_shipped_tables_say_where_they_were_learned() -> None:
    for script in ("han", "hangul", "kana", "cyrillic", "arabic", "hebrew"):
        table = load_spelling_table(script)
        assert "NETransliteration" in table.source and table.units and table.letters


@pytest.mark.parametrize(
    ("key", "value"),
    [("spelling_model_skip", 0), ("spelling_model_count", 0), ("spelling_model_reach", 0)],
)
def test_a_bad_spelling_setting_is_refused_at_load(tmp_path: Path, key: str, value: object) -> None:
    refused_setting(tmp_path, key, value)


def test_a_korean_persons_own_name_and_a_brand_in_hangul_are_not_held_to_the_model() -> None:
    """The model knows foreign names' syllables, not Korean ones: a word that starts with a
    Korean surname is compared as before, and so is any name against an organisation's."""
    shipped = Screener(load_registry())
    assert shipped.matcher.compare("유인촌", "Yu In-chon", schema="person")[0] >= 0.8
    hits = {m.entry.entity_id: m.score for m in shipped.matcher.match_name("위챗")}
    assert hits and max(hits.values()) >= shipped.registry.matching.thresholds.review


def test_compare_spells_a_foreign_name_with_the_other_names_words(screener: Screener) -> None:
    """`compare` has no registry word for Lowry or Gosset: the other name's words are
    looked up instead (`SpellingModel.known_spellings`)."""
    review = screener.registry.matching.thresholds.review
    assert screener.matcher.compare("로이스 로리", "Lois Lowry", schema="person")[0] >= review
    assert screener.matcher.compare("조지아 콜먼", "Georgia Coleman", schema="person")[0] >= review
    assert screener.matcher.compare("戈塞", "Gosset", schema="person")[0] >= review
    assert screener.matcher.compare("戈塞", "Palencia", schema="person")[0] < review


def test_katakana_is_cut_into_morae() -> None:
    assert kana_units("シェンケンバーグ") == ("シェ", "ン", "ケ", "ン", "バー", "グ")
    assert kana_units("ハリウッド") == ("ハ", "リ", "ウ", "ッ", "ド")
    assert kana_units("ロフチェフ") == ("ロ", "フ", "チェ", "フ")
    assert kana_units("ロフchef") == ()


@given(st.text(max_size=20))
def test_morae_are_the_word_cut_or_nothing(word: str) -> None:
    units = kana_units(word)
    assert units == () or "".join(units) == word


def test_a_gate_leaves_a_name_in_its_own_script_alone(screener: Screener) -> None:
    """The gate on one Hangul or katakana word weighs Latin names only: a name written in
    its own script still meets itself (hypothesis found `ァ` meeting `ァ` at 0)."""
    for name in ("ァ", "틸렛", "カリフォード"):
        assert screener.matcher.compare(name, name)[0] == 1.0


def test_a_cyrillic_word_is_cut_into_letters_with_their_signs() -> None:
    assert cyrillic_units("ольга") == ("о", "ль", "г", "а")
    assert cyrillic_units("объект") == ("о", "бъ", "е", "к", "т")
    assert cyrillic_units("ьа") == () and cyrillic_units("мак1") == ()


@given(st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), max_size=12))
def test_cyrillic_units_are_the_word_cut_or_nothing(word: str) -> None:
    units = cyrillic_units(word)
    assert units == () or "".join(units) == word


def test_arabic_and_hebrew_words_are_cut_into_letters() -> None:
    """Vowel points are left out; Persian's letters are read as the Arabic letters Arabic
    writes their sounds with; a geresh (as the normaliser marks it) stays with its letter."""
    assert arabic_units("مُحَمَّد") == ("م", "ح", "م", "د")
    assert arabic_units("کریمی") == arabic_units("كريمي") == ("ك", "ر", "ي", "م", "ي")
    assert arabic_units("پژمان")[0] == "ب" and arabic_units("عبد1") == ()
    assert hebrew_units("שָׁלוֹם") == ("ש", "ל", "ו", "ם")
    assert hebrew_units("ג\u059cורג\u059c") == ("ג\u059c", "ו", "ר", "ג\u059c")
    assert hebrew_units("\u059cג") == () and hebrew_units("שלום!") == ()


@given(st.text(alphabet=st.characters(min_codepoint=0x590, max_codepoint=0x6FF), max_size=12))
def test_abjad_units_are_letters_of_the_word_or_nothing(word: str) -> None:
    for cut in (arabic_units, hebrew_units):
        units = cut(word)
        assert all(units) and len(units) <= len(word)


def shipped_model(script: str) -> SpellingModel:
    table = load_spelling_table(script)
    return SpellingModel(table.units, table.letters, load_registry().matching.spelling_model_skip)


def test_a_letter_russian_does_not_write_costs_no_letter() -> None:
    """й of -ий writes nothing in Dmitry and Yuri: the table says so (a run of no letters),
    and the support of the name counts that way."""
    model, yuri = shipped_model("cyrillic"), cyrillic_units("юрий")
    assert "" in model.spellings["й"]
    floor = load_registry().matching.cyrillic_spelling_support
    assert model.support(yuri, "yuri") >= floor
    assert model.support(yuri, "yuri") > model.support(yuri, "yura")


def test_a_reading_that_spells_a_listed_name_is_not_held_back_by_the_gate(
    screener: Screener,
) -> None:
    """цзяцзя is a Chinese name in Russian letters, which the model (of Russian's own and
    European names) supports as "jiajia" by less than the gate asks; the reading of
    palladius.py spells it exactly, and a hit that exact is no sound-alike."""
    gate = screener.registry.matching.cyrillic_sound_support
    assert shipped_model("cyrillic").support(cyrillic_units("цзяцзя"), "jiajia") < gate
    assert screener.matcher.compare("цзяцзя", "JIAJIA", schema="person")[0] >= 0.9


@given(st.lists(st.sets(st.integers(0, 5)), max_size=6))
def test_each_word_gets_a_listed_word_of_its_own_exactly_when_some_order_gives_one(
    supported: list[set[int]],
) -> None:
    """The matching agrees with trying every order of the listed words (as Heard once did,
    720 orders for a name of six words)."""
    tried = any(
        all(j in s for j, s in zip(order, supported, strict=True))
        for order in permutations(range(6), len(supported))
    )
    assert each_its_own([sorted(s) for s in supported]) == tried


def test_the_cheapest_spellings_are_those_every_pair_would_give() -> None:
    """`_ranked` walks out from the cheapest pair instead of making every pair: the same
    spellings in the same order (ties by spelling) as sorting all of them."""
    model = shipped_model("cyrillic")
    for word in ("мактир", "эрнфрид", "липинский", "томокити", "ян"):
        beam: list[tuple[float, str]] = [(0.0, "")]
        for unit in cyrillic_units(word):
            runs = sorted(model.spellings[unit].items(), key=lambda kv: -kv[1])[:24]
            grown = [(c - math.log(p), s + r) for c, s in beam for r, p in runs]
            beam = sorted(grown)[:200]
        assert list(model._ranked(cyrillic_units(word), 200)) == [b for b in beam if b[1]]


@pytest.mark.parametrize(
    ("query", "entity"),
    [("вилладжо", "one-villaggio"), ("жолье", "one-jolliet"), ("кокемпо", "one-cocquempot"),
     ("מקלרוי", "one-mcilroy")],
)  # fmt: skip
def test_a_listed_word_far_down_the_spellings_is_found_by_sound(query: str, entity: str) -> None:
    """The listed "villaggio" is вилладжо's 221st likeliest spelling, beyond the 200 looked
    for, and sounds like none of the 8 likeliest; it sounds like one further down
    (`spelling_model_sounded`)."""
    registry = load_registry([PERSONS])
    narrow = dataclasses.replace(
        registry, matching=dataclasses.replace(registry.matching, spelling_model_sounded=8)
    )
    assert entity in hits(Screener(registry), query)
    assert entity not in hits(Screener(narrow), query)
