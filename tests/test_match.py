"""Normalisation, identifiers and name scoring, with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from banscreen.engine import Screener
from banscreen.match import IdentifierError, normalise
from banscreen.match.identifiers import hosts_in_text, identifiers_in_text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tencent Holdings Limited", "TENCENT HLDGS LTD"),
        ("腾讯控股有限公司", "騰訊控股有限公司"),
        ("Tenpay Payment Technology Co., Ltd.", "ＴＥＮＰＡＹ ＰＡＹＭＥＮＴ ＴＥＣＨ ＣＯ ＬＴＤ"),
        ("WPS Software Pte. Ltd.", "wps software"),
        # As banks' fixed-width fields shorten them: each was CLEAR against its full name.
        ("Tencent Holdings Limited", "TENCENT HOLDGS LTD"),
        ("Tenpay Payment Technology Co., Ltd.", "TENPAY PYMT TECH CO LTD"),
        ("Ant Financial Services Group", "ANT FINL SVCS GRP"),
        ("Huawei Technologies Co., Ltd.", "HUAWEI TECHS CO LTD"),
        # A long generic word misspelt by one edit (respell.py): each was CLEAR.
        ("Fadjr Industries Group", "FADJR INDUTSRIES GROUP"),
        ("Joza Industrial Company", "JOZA INDSUTRIAL COMPANY"),
        ("Acme International Trading", "Acme Internatoinal Trading"),
        # A shorter generic word with two neighbouring letters swapped: each was CLEAR.
        ("Cruise Missile Industry Group", "CRUISE MISSILE IDNUSTRY GROUP"),
        ("National Calibration Centre", "NATIONAL CALIBRATION CNETRE"),
        ("Tikhomirov Research Institute", "Tikhomirov Research Intsitute"),
        ("Qorvane Shipping Lines", "Qorvane Shpiping Lines"),
    ],
)
def test_equivalent_spellings_normalise_alike(screener: Screener, a: str, b: str) -> None:
    n = screener.matcher.normaliser
    assert n.key(a) == n.key(b)


def test_a_swapped_generic_word_is_read_only_when_no_other_word(screener: Screener) -> None:
    """Two letters swapped make a generic word's typo of six letters or more, but not a
    word that is generic itself ("centre" is not "center"), nor one English uses."""
    n = screener.matcher.normaliser
    assert n.kinds.respell("acme centre") == "acme centre"
    assert n.key("Acme Shopping") != n.key("Acme Shipping")  # two letters apart, not swapped
    assert n.key("Acme Hodling") == n.key("Acme Holding")
    assert n.kinds.respell("acme gruop") == "acme gruop"  # five letters: one of too many


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_generic_word_swapped_reads_as_itself(
    screener: Screener, data: st.DataObject
) -> None:
    """Any generic word of six letters or more with two different neighbouring letters
    swapped is read as a generic word one edit from the typo (itself, or for a long word
    another as near: "communciations" may be "communication"), unless the swap spells a
    generic word too."""
    config = screener.registry.matching
    known = set(config.generic_words_latin)
    words = sorted(w for w in known if len(w) >= 6 and w.isalpha())
    word = data.draw(st.sampled_from(words))
    i = data.draw(st.integers(0, len(word) - 2))
    typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    respell = screener.matcher.normaliser.kinds.respell
    if typo == word or typo in known:
        assert respell(f"zeltra {typo}") == f"zeltra {typo}"
    else:
        first, read = respell(f"zeltra {typo}").split(" ", 1)
        assert first == "zeltra" and read in known and OSA.distance(read, typo) <= 1


def test_legal_form_is_kept_when_it_is_the_whole_name(screener: Screener) -> None:
    n = screener.matcher.normaliser
    assert n.tokens("Company Limited") == ("company", "limited")
    assert n.tokens("有限公司") == ("有", "限", "公", "司")


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("android", " com.Tencent.MM ", "com.tencent.mm"),
        ("appstore_id", "id414478124", "414478124"),
        ("domain", "https://Pay.Weixin.QQ.com:443/path?q=1", "pay.weixin.qq.com"),
        ("domain", "billing@ushareit.com", "ushareit.com"),
        (
            "purl",
            "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
            "maven/com.tencent.mm.opensdk/wechat-sdk-android",
        ),
        ("purl", "pkg:cocoapods/WechatOpenSDK@2.0.2", "cocoapods//wechatopensdk"),
    ],
)
def test_identifier_normal_forms(kind: str, value: str, expected: str) -> None:
    assert normalise(kind, value) == expected


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("android", "not a package"),
        ("appstore_id", "abc"),
        ("domain", "localhost"),
        ("purl", "maven/x"),
        ("lei", "123"),
    ],
)
def test_malformed_identifiers_are_errors(kind: str, value: str) -> None:
    with pytest.raises(IdentifierError):
        normalise(kind, value)


def test_domain_lookup_takes_the_most_specific_parent(screener: Screener) -> None:
    hits = screener.matcher.identifiers.lookup("domain", "api.pay.weixin.qq.com")
    assert {h.entity_id for h in hits} == {"app-wechat-pay"}
    hits = screener.matcher.identifiers.lookup("domain", "mail.qq.com")
    assert {h.entity_id for h in hits} == {"app-tencent-qq"}
    assert screener.matcher.identifiers.lookup("domain", "notqq.com") == []


def test_hosts_in_text() -> None:
    assert hosts_in_text("see https://pay.weixin.qq.com/x and ops@example.org") == [
        "pay.weixin.qq.com",
        "example.org",
    ]
    assert hosts_in_text("mail:ops@qq.com, http://user:pw@host.example.com/x") == [
        "qq.com",
        "host.example.com",
    ]


def test_a_long_run_of_letters_is_read_once() -> None:
    # A match once started at every position of a run, and read the rest of it each time:
    # 50,000 letters took half a minute, the 1 MB a row's text may hold, hours.
    assert hosts_in_text("a" * 50_000) == []
    assert hosts_in_text("a." * 25_000) == []
    assert hosts_in_text("a:" * 25_000 + " x.example.com") == ["x.example.com"]


def test_identifiers_in_text() -> None:
    text = (
        "Freight MV OCEAN STAR IMO 9187629 via BKMTIRTHXXX, LEI 485100GBI2SE0KIX8T70, to "
        "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; ref 1234567 see ops@alipay.com"
    )
    found = identifiers_in_text(text)
    assert ("imo", "9187629") in found and ("bic", "BKMTIRTHXXX") in found
    assert ("lei", "485100GBI2SE0KIX8T70") in found and ("domain", "alipay.com") in found
    assert ("crypto", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h") in found
    assert ("imo", "1234567") not in found  # seven digits alone are any number
    # A long word of letters only is no digital currency address; a lower-case one no BIC.
    assert not [
        v for k, v in identifiers_in_text("internationalisationsmechanisms") if k == "crypto"
    ]
    assert not [v for k, v in identifiers_in_text("transfer") if k == "bic"]


def test_compare_explains_alignment(screener: Screener) -> None:
    score, method, pairs = screener.matcher.compare(
        "Tencnet Holdings Ltd", "Tencent Holdings Limited"
    )
    assert 0.8 < score < 1.0
    assert method == "fuzzy"
    assert {(a, b) for a, b, _ in pairs} == {("tencnet", "tencent"), ("holdings", "holdings")}
    # the rare brand token carries more of the score than the common word
    shares = {a: share for a, _, share in pairs}
    assert shares["tencnet"] > 0 and abs(sum(shares.values()) - score) < 1e-9


@pytest.mark.parametrize(
    "name",
    [
        "VMware",
        "WPS Health Solutions",
        "ShareFile",
        "SharePoint",
        "Shareaholic",
        "Kingston Technology",
        "QQ Travel",
    ],
)
def test_traps_are_not_candidates(screener: Screener, name: str) -> None:
    assert screener.matcher.match_name(name) == ()


names = st.text(min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(names)
def test_normalisation_is_idempotent(screener: Screener, text: str) -> None:
    n = screener.matcher.normaliser
    key = n.key(text)
    assert n.key(key) == key


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_compare_is_symmetric_and_bounded(screener: Screener, a: str, b: str) -> None:
    ab = screener.matcher.compare(a, b)[0]
    ba = screener.matcher.compare(b, a)[0]
    assert ab == pytest.approx(ba)
    assert 0.0 <= ab <= 1.0


@settings(max_examples=200, deadline=None)
@given(names)
def test_a_name_matches_itself(screener: Screener, text: str) -> None:
    if screener.matcher.normaliser.tokens(text):
        assert screener.matcher.compare(text, text)[0] == 1.0


def best(screener: Screener, query: str) -> tuple[str, str, float] | None:
    found = screener.matcher.match_name(query)
    return (found[0].entry.entity_id, found[0].method, found[0].score) if found else None


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ZHIFUBAO HANGZHOU XINXI JISHU", "alipay-hangzhou"),
        ("Tengxun Konggu", "tencent-holdings"),
        ("Caifutong Zhifu Keji Youxian Gongsi", "tenpay"),
        ("Qiezi Kuaichuan", "app-shareit"),
    ],
)
def test_pinyin_matches_han_names_as_transliteration(
    screener: Screener, query: str, entity: str
) -> None:
    hit = best(screener, query)
    assert hit is not None and hit[0] == entity and hit[1] == "transliterated"
    # a transliteration never scores high enough to BLOCK on its own
    assert hit[2] < screener.registry.matching.thresholds.block


def test_homophones_in_han_are_not_matches(screener: Screener) -> None:
    # 腾迅 sounds like 腾讯 but is written differently: two Han names compare by characters.
    assert best(screener, "深圳市腾迅科技有限公司") is None


def test_syllable_order_matters(screener: Screener) -> None:
    # 京东 (jing dong) is not 动景 (dong jing).
    assert best(screener, "Guangzhou Jingdong Jisuanji Keji Youxian Gongsi") is None


def test_generic_only_overlap_is_not_a_hit(screener: Screener) -> None:
    for query in ("钱包", "Computer Systems Co., Ltd."):
        assert best(screener, query) is None, query
    # Ant's former name with another brand shares only place and generic words with Ant.
    hits = screener.matcher.match_name("Zhejiang Geely Small and Micro Financial Services Group")
    assert "ant-group" not in {h.entry.entity_id for h in hits}


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("支付宝 转账", "app-alipay"),  # "Alipay transfer"
        ("支付宝提现", "app-alipay"),  # "Alipay withdrawal"
        ("微信支付-商户", "app-wechat-pay"),  # "WeChat Pay - merchant"
        ("财付通 充值", "tenpay"),  # "Tenpay top-up"
    ],
)
def test_a_chinese_name_with_what_the_payment_is_is_a_hit(
    screener: Screener, query: str, entity: str
) -> None:
    """The Chinese words a payment says it is (transfer, payment, merchant, top-up) are
    generic, as their English words are: "支付宝 转账" was a CLEAR, its 转账 read as a name."""
    assert entity in {h.entry.entity_id for h in screener.matcher.match_name(query)}
    # ... and alone they name nothing
    assert best(screener, "转账 付款") is None


def test_containment_needs_a_descriptive_remainder(screener: Screener) -> None:
    hit = best(screener, "Tencent Technology (Shenzhen) Co., Ltd.")
    assert hit is not None and hit[0] == "tencent-holdings"
    # An acronym runs on into another firm's name: "QQ" is no brand that leads one.
    assert best(screener, "QQ Solar Kraftwerk GmbH") is None


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Tencent Mobility Limited", "tencent-holdings"),
        ("Tencent Zhixing Technology Co Ltd", "tencent-holdings"),
        ("Alipay Connect Ltd", "app-alipay"),
        ("WeChat Marketing Agency LLC", "app-wechat"),
        ("腾讯智行科技有限公司", "tencent-holdings"),  # Tencent Zhixing Technology
        ("深圳市腾讯天游科技有限公司", "tencent-holdings"),  # a place before the brand
    ],
)
def test_a_listed_brand_leading_a_firms_name_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    """Subsidiaries are named by their group's brand and more words; each of these was a
    CLEAR, the words after the brand read as another firm's name."""
    hit = best(screener, query)
    assert hit is not None and hit[0] == entity and hit[1] == "contained"


def test_conflicting_legal_forms_stay_below_block(screener: Screener) -> None:
    hit = best(screener, "Halti Oy")
    assert hit is not None and hit[2] < screener.registry.matching.thresholds.block
    exact = best(screener, "Halti SA")
    assert exact is not None and exact[1] == "exact"


def test_run_together_tokens_are_resegmented(screener: Screener) -> None:
    hit = best(screener, "KingsoftCorporation")
    assert hit is not None and hit[0] == "kingsoft-corp"
    assert hit[2] < screener.registry.matching.thresholds.block


def test_place_names_weigh_little(screener: Screener) -> None:
    score_city, _, _ = screener.matcher.compare(
        "Shenzhen Huaqiang Computer Systems", "Shenzhen Tencent Computer Systems"
    )
    score_brand, _, _ = screener.matcher.compare(
        "Shenzhen Tencent Computer Systems", "Tencent Computer Systems"
    )
    assert score_city < 0.6 < score_brand


def test_the_cached_pinyin_syllables_are_the_derived_ones() -> None:
    from banscreen.match.pinyin import _derive_syllables, pinyin_syllables

    assert pinyin_syllables() == _derive_syllables()
    assert {"zhong", "guo", "xin", "shen", "zhen"} <= pinyin_syllables()


_LETTERS = "abcdefghijklmnoprstuvz"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(_LETTERS, min_size=1, max_size=18), min_size=1, max_size=60),
    st.data(),
)
def test_near_tokens_are_exactly_those_within_the_floor(
    vocabulary: list[str], data: st.DataObject
) -> None:
    """The deletion-neighbourhood index finds what comparing with every token finds."""
    from rapidfuzz.distance import OSA

    from banscreen.match.near import NearIndex

    floor = 0.8
    # A small index compares tokens of a compatible length one by one; without that
    # (`compare_per_deletion=0`) it uses its deletion and trigram tables, as a large one does.
    indexes = (NearIndex(vocabulary, floor), NearIndex(vocabulary, floor, compare_per_deletion=0))
    # Queries: vocabulary tokens with up to three random edits, and unrelated strings.
    base = data.draw(st.sampled_from(vocabulary))
    query = list(base)
    for _ in range(data.draw(st.integers(0, 3))):
        op = data.draw(st.sampled_from(["ins", "del", "sub", "swap"]))
        at = data.draw(st.integers(0, max(0, len(query) - 1)))
        letter = data.draw(st.sampled_from(_LETTERS))
        if op == "ins":
            query.insert(at, letter)
        elif op == "del" and len(query) > 1:
            del query[at]
        elif op == "sub" and query:
            query[at] = letter
        elif op == "swap" and at + 1 < len(query):
            query[at], query[at + 1] = query[at + 1], query[at]
    for token in ("".join(query), data.draw(st.text(_LETTERS, min_size=1, max_size=18))):
        expected = sorted(
            (other, OSA.normalized_similarity(token, other))
            for other in set(vocabulary)
            if len(other) >= 4
            and len(token) >= 4
            and other != token
            and OSA.normalized_similarity(token, other) >= floor
        )
        for index in indexes:
            assert list(index.near(token)) == expected


def test_near_tokens_across_the_short_and_long_boundary() -> None:
    """Queries shorter or longer than registry tokens by as much as the floor allows, at
    every length from 4 to 20 (the index treats tokens above 11 letters differently)."""
    import random

    from rapidfuzz.distance import OSA

    from banscreen.match.near import NearIndex

    rng = random.Random(5)
    vocabulary = ["".join(rng.choice(_LETTERS) for _ in range(n)) for n in range(4, 21)]
    index = NearIndex(vocabulary, 0.8, compare_per_deletion=0)
    checked = 0
    for token in vocabulary:
        for k in range(1, 5):
            for query in (token[:-k], token + "x" * k, token[k:], "q" * k + token):
                expected = sorted(
                    (o, OSA.normalized_similarity(query, o))
                    for o in vocabulary
                    if len(query) >= 4 and o != query and OSA.normalized_similarity(query, o) >= 0.8
                )
                assert list(index.near(query)) == expected, query
                checked += bool(expected)
    assert checked > 40  # most of these are near their token


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("AlipayHK", "app-alipay"),
        ("WECHATPAYHK", "app-wechat-pay"),
        ("CamscannerUK", "app-camscanner"),
    ],
)
def test_a_name_run_together_with_a_place_code_is_a_hit(
    screener: Screener, query: str, entity: str
) -> None:
    """A wallet named for where it operates ("AlipayHK") was a CLEAR: "hk" was no word a
    run-together token could be split into."""
    hits = {h.entry.entity_id: h.score for h in screener.matcher.match_name(query)}
    review, block = (screener.registry.matching.thresholds.review,
                     screener.registry.matching.thresholds.block)  # fmt: skip
    assert review <= hits[entity] < block


@pytest.mark.parametrize(
    ("a", "b"),
    [("Zorvex Shopping", "Zorvex Shipping"), ("Zorvex Services", "Zorvex Servicex"),
     ("SmartMedia4UTechnology", "SmartMedia4U Technology")],
)  # fmt: skip
def test_a_short_or_glued_word_is_not_respelt(screener: Screener, a: str, b: str) -> None:
    """Only a whole word of eight letters or more one edit in ten from a generic word is
    read as it: a shorter one is one edit from too many others, and "utechnology" in
    "SmartMedia4UTechnology" is no word."""
    n = screener.matcher.normaliser
    assert n.key(a) != n.key(b)
