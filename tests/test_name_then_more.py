"""A company's name followed by more in the same field: an address, a branch, a city and
country code, a second party ("Kingsoft Corporation Limited, Kingsoft Tower, No. 33
Xiaoying West Road, Beijing").

A legal name is complete, so it is not looked for inside longer strings (only app, trade
and abbreviated names are), and a distinctive word right after a name found inside another
("Kingsoft Xiaoying...") reads as a different name: such a field was a CLEAR. The name up
to the legal form that ends it (`company_form_words`, `name_end_words`) is now also looked
up, at most `contained_score` (REVIEW, method `contained`); so is the field up to its
first comma or semicolon, for organisations' names, unless the words after the comma are
parts of listed persons' names ("ARELLANO FELIX, Enedina": a surname, then a given name).
A place right after a name found inside another says where, and does not run it on
("Bank Melli Iran Hamburg Branch"; test_places.py). The processor before a statement
descriptor's star ("ALIPAY*TAOBAO") is a name of its own too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.legal import name_before_more
from banscreen.match.references import split_references, starts_numbered
from banscreen.match.spans import locate
from banscreen.model import Transaction
from banscreen.registry import load_registry
from helpers.matching import (
    findable_latin_organisations,
    found,
    listed_data,
    match_everything,
    match_key,
    persons_screener,
    persons_screener_with,
)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Kingsoft Corporation Limited, Kingsoft Tower, No. 33 Xiaoying West Road, Beijing",
         "kingsoft-corp"),
        ("ZHEJIANG ANT SMALL AND MICRO FINANCIAL SERVICES GROUP CO LTD HANGZHOU CN",
         "ant-group"),
        ("WPS Software Pte. Ltd. 1 Raffles Place Singapore", "wps-software"),
    ],
)  # fmt: skip
def test_a_name_followed_by_its_address_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    hits = found(screener, query)
    assert hits.get(entity) == (screener.registry.matching.contained_score, "contained"), hits
    # The evidence says where in the field the name was found: at its start.
    evidence = next(m for m in screener.matcher.evidence_for(Transaction("t", date(2021, 3, 15),
                    "payment", query)) if m.entity_id == entity)  # fmt: skip
    assert evidence.span is not None and evidence.span[0] == 0


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ALIPAY*TAOBAO", "app-alipay"),
        ("ALIPAY * TMALL 8823", "app-alipay"),
        ("WECHATPAY*STARBUCKS", "app-wechat-pay"),
    ],
)
def test_the_processor_before_a_statement_descriptors_star_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was a CLEAR: the merchant after the star read as the processor's name running
    on into another one ("Alipay Taobao")."""
    hits = found(screener, query)
    assert hits.get(entity) == (screener.registry.matching.contained_score, "contained"), hits
    evidence = next(m for m in screener.matcher.evidence_for(Transaction("t", date(2021, 3, 15),
                    "payment", query)) if m.entity_id == entity)  # fmt: skip
    assert evidence.span is not None and evidence.span[0] == 0


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("PAYPAL *HALTI", "halti"),
        ("PAYPAL *Halti S.A.", "halti"),
        ("GOOGLE *ZTE", "zte"),
    ],
)
def test_the_merchant_after_a_statement_descriptors_star_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was a CLEAR: a listed firm's one word of a name after a processor's star is not
    looked for inside a longer string, and read as running the processor's name on."""
    hits = found(screener, query)
    assert hits.get(entity) == (screener.registry.matching.contained_score, "contained"), hits


def test_a_merchant_of_one_english_word_needs_a_legal_form(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "PAYPAL *CITY" is no more a firm named City than "Payment to city" is; "PAYPAL *CITY
    LTD" is."""
    listed = persons_screener_with(
        tmp_path_factory.mktemp("merchant"), listed_data({"org-city": ("company", "CITY")})
    )
    assert "org-city" not in found(listed, "PAYPAL *CITY")
    assert "org-city" in found(listed, "PAYPAL *CITY LTD")


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Acme Ltd, 1 Main Street", "acme ltd"),
        ("Acme Co Ltd Shenzhen Branch", "acme co ltd"),
        ("Acme Ço Shenzhen Branch", "acme ço"),  # a form with an accent typed in
        ("Acme Corporation Limited, Tower 2", "acme corporation limited"),
        ("Acme Holdings Ltd", None),  # nothing after it
        ("Acme Holdings Ltd.", None),
        ("Ltd Acme", None),  # nothing before it
        # rigour's table holds these as legal forms, but they do not end a name.
        ("Islamic State in Egypt", None),
        ("PAEK, Se Pong", None),
        ("Al-Bustan Charity Foundation", None),
    ],
)
def test_the_name_before_more_ends_at_a_company_form(
    screener: Screener, text: str, head: str | None
) -> None:
    names = screener.matcher.names
    assert name_before_more(names.normaliser.fold(text), names._name_ends) == head


def _ending_in_a_form(screener: Screener) -> list[tuple[str, str]]:
    ends = screener.matcher.names._name_ends
    out = []
    for entry in findable_latin_organisations(screener):
        words = entry.name.value.casefold().replace(".", " ").replace(",", " ").split()
        if len(words) >= 2 and words[-1] in ends:
            out.append((entry.name.value, entry.entity_id))
    return sorted(set(out))


MORE = st.one_of(
    st.integers(1, 999).map(lambda n: f", {n} Main Street"),
    st.sampled_from([" Shenzhen Branch", " Hangzhou CN", ", Hong Kong", " / Singapore",
                     "; c/o Example Bank", " 29/F Tower 2"]),
)  # fmt: skip


def test_a_span_runs_across_the_words_a_name_leaves_out(screener: Screener) -> None:
    """A name's tokens leave out stop words and legal forms ("and", "Co"): the span of a
    name found in a field runs across them, as the tokens it was found in do, never across
    another word."""
    normaliser = screener.matcher.normaliser
    text = "Zhejiang Ant Small and Micro Co Ltd, Hangzhou"
    assert locate(text, ("ant", "small", "micro"), normaliser) == (9, 28)
    assert locate(text, ("ant", "micro"), normaliser) is None  # "Small" is a word
    assert locate("Acme Blue Trading", ("acme", "trading"), normaliser) is None


def _organisations(screener: Screener) -> list[tuple[str, str]]:
    return sorted(
        {(e.name.value, e.entity_id) for e in findable_latin_organisations(screener)
         if len(e.tokens) >= 2}
    )  # fmt: skip


SEPARATED = st.one_of(
    st.integers(1, 999).map(lambda n: f", {n} Main Street"),
    st.sampled_from([", Hong Kong", "; c/o Example Bank", ", Holzbrücke 2, 20459 Hamburg",
                     "， 深圳市南山区"]),
)  # fmt: skip


def _processors(screener: Screener) -> list[tuple[str, str]]:
    return sorted({(e.name.value, e.entity_id) for e in findable_latin_organisations(screener)})


# What a card or wallet statement writes after the processor: a star, then the merchant.
DESCRIBED = st.tuples(
    st.sampled_from(["*", " *", " * "]),
    st.sampled_from(["TAOBAO", "TMALL 8823", "STARBUCKS SHANGHAI", "Quorvel Stores"]),
).map("".join)


# Another party after the name, apart by a semicolon, a bar, a slash or a line's end: a
# listed name of one word before it was a CLEAR (read as a surname before a comma is), and
# one of more words before a slash or a line's end too.
OTHER_PARTY = st.tuples(
    st.sampled_from(["; ", " | ", "|", " / ", "\n", "｜"]),
    st.sampled_from(["Qorvane Trading Ltd", "Zeltra Kessler", "Acme"]),
).map("".join)


PLACED = st.tuples(
    st.sampled_from([" Hamburg", " Dubai", " Kuala Lumpur", " New York", " Sao Paulo",
                     " Germany", " Texas", " Moscow"]),
    st.sampled_from(["", " Branch", " Office", " Zweigniederlassung", " GmbH"]),
).map("".join)  # fmt: skip


@pytest.mark.parametrize(
    ("names", "more"),
    [
        (_ending_in_a_form, MORE),
        # Without a legal form to end at ("BANK MELLI IRAN, Holzbrücke 2, 20459 Hamburg"),
        # a distinctive word after the name read as another name: 18 of the shipped
        # registry's 159 such fields (53 names, three endings) were a CLEAR.
        (_organisations, SEPARATED),
        # A place right after the name, no comma ("Bank Melli Iran Hamburg Branch"): the
        # place read as a name running on, and 16,173 of 34,012 such fields made from
        # OFAC's SDN organisations and four places were a CLEAR.
        (_organisations, PLACED),
        # A statement descriptor, processor*merchant ("ALIPAY*TAOBAO"): the merchant's name
        # ran the processor's on into another name, a CLEAR.
        (_processors, DESCRIBED),
        (_processors, OTHER_PARTY),
    ],
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_listed_name_with_more_after_it_is_never_a_clear(
    screener: Screener,
    names: Callable[[Screener], list[tuple[str, str]]],
    more: st.SearchStrategy[str],
    data: st.DataObject,
) -> None:
    name, entity = data.draw(st.sampled_from(names(screener)))
    query = name + data.draw(more)
    hits = found(screener, query)
    assert entity in hits, (query, hits)


FAMILY = """\
sources:
  test: "banscreen test fixture"
entities:
  - id: org-quintar-zorvex
    type: company
    country: MX
    source: test
    provenance: confirmed
    names:
      - {value: "Quintar Zorvex Holdings", kind: legal, source: test, provenance: confirmed}
"""


def test_before_a_persons_given_names_the_comma_ends_a_surname_not_a_firm(
    tmp_path: Path,
) -> None:
    """Lists write persons surname first ("ARELLANO FELIX, Enedina"); looked up alone, the
    surname met the firms named after the family (157 of 9,228 OFAC persons' names, with
    and without a city after them, against 29 without the rule)."""
    screener = persons_screener_with(tmp_path, FAMILY)
    assert "org-quintar-zorvex" in found(screener, "Quintar Zorvex Holdings, Hamburg")
    # "Jalaluddin" is a listed person's given name: a surname and a given name.
    assert "org-quintar-zorvex" not in found(screener, "QUINTAR ZORVEX, Jalaluddin")
    assert "org-quintar-zorvex" not in found(screener, "QUINTAR ZORVEX, Jalaluddin, Hamburg")
    assert "org-quintar-zorvex" not in found(screener, "QUINTAR ZORVEX, Jalaluddin school fees")
    # A legal form or an initial after the comma is not a given name.
    assert "org-quintar-zorvex" in found(screener, "Quintar Zorvex Holdings, S.A., Hamburg")


KANDAHAR = (
    FAMILY
    + """\
  - id: person-kandahar
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "NOORZAI, Kandahar Agha", kind: legal, source: test, provenance: confirmed}
"""
)


def test_a_place_after_the_comma_is_not_a_given_name(tmp_path: Path) -> None:
    """A listed person's name carries "Kandahar": the first word after a comma was read as
    a given name, and the field's head was not looked up (UN consolidated list: 880 of
    1,460 organisations' names with ", Kandahar, Afghanistan" or an address after them
    found their own party; 1,432 with a place that fills its part of the field)."""
    screener = persons_screener_with(tmp_path, KANDAHAR)
    assert "org-quintar-zorvex" in found(screener, "Quintar Zorvex Holdings, Kandahar, Afghanistan")
    assert "org-quintar-zorvex" in found(screener, "Quintar Zorvex Holdings, Kandahar")
    # A place with more given names after it, up to the next comma, is a person's names.
    assert "org-quintar-zorvex" not in found(screener, "QUINTAR ZORVEX, Kandahar Agha")


COINED = """\
sources:
  test: "banscreen test fixture"
entities:
  - id: org-belneftegas
    type: company
    country: BY
    source: test
    provenance: confirmed
    names:
      - {value: "BELNEFTEGAS", kind: legal, source: test, provenance: confirmed}
  - id: org-orion
    type: company
    country: RU
    source: test
    provenance: confirmed
    names:
      - {value: "ORION", kind: legal, source: test, provenance: confirmed}
  - id: person-zorvelkin
    type: person
    country: RU
    source: test
    provenance: confirmed
    names:
      - {value: "ZORVELKIN, Pavel", kind: legal, source: test, provenance: confirmed}
  - id: org-zorvelkin
    type: company
    country: RU
    source: test
    provenance: confirmed
    names:
      - {value: "ZORVELKIN", kind: legal, source: test, provenance: confirmed}
"""


@pytest.fixture(scope="module")
def coined(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("coined"), COINED)


@pytest.mark.parametrize(
    "query",
    ["Payment to Belneftegas for services", "Invoice from BELNEFTEGAS ref 4471",
     "Paid OAO Belneftegas via SWIFT"],
)  # fmt: skip
def test_a_made_up_word_that_is_a_listed_name_is_found_inside_a_longer_one(
    coined: Screener, query: str
) -> None:
    """A list's organisation named by one made-up word was never looked for inside longer
    strings (of 1,500 OFAC organisations' names found alone, 1,294 were found in "Payment
    to ... for services"; 1,413 are now), nor in a payment's text."""
    assert found(coined, query).get("org-belneftegas") == (
        coined.registry.matching.contained_score, "contained",
    )  # fmt: skip
    assert "org-belneftegas" in {h.entry.entity_id for h in coined.matcher.free_text.scan(query)}
    index = coined.matcher.names
    assert match_key(index.match(query)) == match_everything(index, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Payment to Orion Logistics for services", "org-orion"),  # an English word
        ("Payment to Pavel Zorvelkin for services", "org-zorvelkin"),  # a listed person's
    ],
)
def test_a_common_word_or_a_persons_name_is_not_found_inside_as_a_made_up_one(
    coined: Screener, query: str, entity: str
) -> None:
    assert entity not in found(coined, query)
    assert entity not in {h.entry.entity_id for h in coined.matcher.free_text.scan(query)}


def test_a_made_up_word_is_not_found_by_sound_inside_a_name_in_another_script(
    coined: Screener,
) -> None:
    """Found by sound, a made-up word is inside too many names in other scripts (OFAC's
    `AVTODOR GK` was in 75 Arabic persons' names)."""
    assert "org-belneftegas" not in found(coined, "محمد بلنفتغاز عبد الله")
    assert "org-belneftegas" in found(coined, "Payment to Belneftegas for services")


def test_a_word_english_uses_is_not_split_as_words_run_together(screener: Screener) -> None:
    """ "Progressive" was split into a listed "Progres" and a "sive"; a place's name is still
    split ("Shanghai": the pinyin "shang hai")."""
    split = screener.matcher.names.split_run_together
    assert split("progressive", {"progres", "sive"}) is None
    assert split("kingsoftcorporation") == ("kingsoft", "corporation")
    assert split("shanghai", {"shang", "hai"}) == ("shang", "hai")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_listed_name_after_another_party_is_never_a_clear(
    screener: Screener, data: st.DataObject
) -> None:
    """ "Qorvane Trading Ltd; CamScanner": a listed name of one word there was found only
    when made up enough to be looked for inside others."""
    name, entity = data.draw(st.sampled_from(_processors(screener)))
    other = data.draw(st.sampled_from(["Qorvane Trading Ltd", "Zeltra Kessler", "Acme"]))
    separator = data.draw(st.sampled_from(["; ", " | ", "|", " / ", "\n", "｜"]))
    query = other + separator + name
    assert entity in found(screener, query), query


@pytest.mark.parametrize(
    "query",
    ["Acme Ltd; Sergei Shoigu", "Acme Ltd | SHOIGU, Sergei", "Zorvex Ltd / Sergei Shoigu",
     "Zorvex Ltd\nShoigu"],
)  # fmt: skip
def test_a_listed_person_after_another_party(query: str) -> None:
    """ "Acme Ltd; Sergei Shoigu" was CLEAR: the words of the firm before him counted as
    parts of his name that the listed one lacks. The party after a separator is looked up
    as a person's name of its own too (one word only where a listed name holds it)."""
    assert "person-shoigu" in found(_persons(), query)


@lru_cache(maxsize=1)
def _persons() -> Screener:
    return persons_screener()


def test_a_comma_after_one_word_may_still_be_a_persons_name(screener: Screener) -> None:
    """ "SALIM, Ahmed" is a surname and a given name as often as a firm and more; "SALIM;
    Ahmed" and "SALIM | Ahmed" are two parties, the first named "SALIM"."""
    from banscreen.match.heads import field_head

    names = screener.matcher.names

    def head(text: str) -> tuple[str, ...] | None:
        form = field_head(text, names.normaliser, lambda w: False, names.config.references())
        return None if form is None else form.tokens

    assert head("Zorvane, Ahmed") is None
    assert (
        head("Zorvane; Ahmed") == head("Zorvane | Ahmed") == head("Zorvane\nAhmed") == ("zorvane",)
    )
    # A slash between words parts them too; not "A/S", "c/o", nor a person's name written
    # SURNAME/GIVEN NAMES, as payment and travel systems write one.
    assert head("Zorvane Trading/Ahmed") == ("zorvane", "trading")
    assert head("Zorvane Ltd/Ahmed") == head("Zorvane/Ahmed Ltd") == ("zorvane",)
    assert head("Zorvane/Ahmed") is None
    assert head("Zorvane A/S") is None
    assert head("Zorvane c/o Ahmed") == ("zorvane",)  # whom it is addressed to


# Words that part two parties in one field (`party_words`), either party first.
PARTED = st.sampled_from([" dba ", " DBA ", " d/b/a ", " t/a ", " aka ", ", formerly ",
                          " formerly known as ", ", a subsidiary of ", " trading as ",
                          " on behalf of ", " FOR AND ON BEHALF OF ",
                          ", Representative Office of ", " Attn ", " ATTN: ", " c/o ",
                          " C/O ", " care of ", " FBO ", " F/B/O ", " FFC ",
                          " for further credit to ", " in favour of "])  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_listed_name_parted_from_another_by_words_is_never_a_clear(
    screener: Screener, data: st.DataObject
) -> None:
    """ "Zeltra Ltd dba ZTE Corporation", "Acme Ltd, a subsidiary of ZTE Corporation" were
    CLEAR: a short acronym's name is not looked for inside a longer one, and each party of
    such a field is now looked up as a name of its own."""
    name, entity = data.draw(st.sampled_from(_processors(screener)))
    other = data.draw(st.sampled_from(["Qorvane Trading Ltd", "Zeltra Kessler", "Acme"]))
    parting = data.draw(PARTED)
    query = f"{name}{parting}{other}" if data.draw(st.booleans()) else f"{other}{parting}{name}"
    assert entity in found(screener, query), query


@pytest.mark.parametrize(
    "query",
    ["Acme Ltd Attn Sergei Shoigu", "Acme Ltd ATTN: SHOIGU SERGEI", "Acme Ltd FBO Sergei Shoigu",
     "Zeltra Bank FFC Sergei Shoigu", "Acme Ltd c/o Sergei Shoigu",
     "Acme Bank as custodian for Sergei Shoigu", "Sergei Shoigu as trustee",
     "Sergei Shoigu as Trustee of the Acme Family Trust", "Sergei Shoigu JTWROS",
     "/BNF/Sergei Shoigu", "UBO: Sergei Shoigu", "Director: Sergei Shoigu"],
)  # fmt: skip
def test_a_listed_person_a_wire_is_addressed_or_credited_to(query: str) -> None:
    """Each was CLEAR: the words after "Attn", "FBO" or "FFC", or "as trustee" after the
    name, were read as more of the payee's name; whom a wire is addressed or credited to,
    or who holds an account for another, is a party of its own. And a label before the
    name ("UBO:", SWIFT's codeword "/BNF/") is no part of it."""
    assert "person-shoigu" in found(_persons(), query)


@pytest.mark.parametrize(
    "query",
    ["Acme Ltd Attn: Accounts Payable", "FAO Schwarz", "Attention Systems Ltd"],
)
def test_addressing_words_alone_meet_no_party(query: str) -> None:
    assert not found(_persons(), query)


@pytest.mark.parametrize(
    "query",
    ["Zorvex/ZTE Corporation", "ZTE Corporation/Zorvex", "Zorvex Ltd (formerly ZTE Corporation)",
     "Zorvex t/a ZTE"],
)  # fmt: skip
def test_a_short_acronyms_name_beside_another_party(screener: Screener, query: str) -> None:
    """A slash between words of three letters or more parts two parties as one apart does;
    an acronym's name is found only as a party of its own."""
    assert "zte" in found(screener, query)


@pytest.mark.parametrize("query", ["Messrs. ZTE", "MESSRS ZTE Corporation", "Messrs ZTE"])
def test_messrs_addresses_a_firm_as_mr_a_person(screener: Screener, query: str) -> None:
    """ "Messrs. ZTE" was CLEAR where "Mr ZTE" and "M/S ZTE" are hits: the plural of Mr,
    with which British and South Asian payments address a firm, is a title too."""
    assert "zte" in found(screener, query)


# A list's numbering before the name, and a building, floor or room after it.
NUMBERED = st.one_of(
    st.tuples(st.sampled_from(["{}) ", "{}. ", "({}) ", "#{} "]), st.integers(1, 99)).map(
        lambda t: t[0].format(t[1]) + "{}"
    ),
    st.sampled_from(["a) {}", "(b) {}", "iv) {}", "1、{}", "一、{}", "1/{}"]),
    st.tuples(
        st.sampled_from(["Bldg", "Building", "Suite", "Floor", "Rm"]), st.integers(1, 2500)
    ).map(lambda t: f"{{}} {t[0]} {t[1]}"),
    st.sampled_from(["{} 5th Floor", "{} 21st Floor"]),
    # A field's label before a colon (`field_labels`).
    st.sampled_from(
        [
            "Beneficiary Name: {}",
            "Vendor: {}",
            "TO: {}",
            "Client:{}",
            "Account Holder : {}",
            "Beneficiario: {}",
            "Получатель: {}",
            "收款人：{}",
            "户名:{}",
        ]
    ),
    # The part of an organisation after its name (`office_phrases`).
    st.sampled_from(["{} Head Office", "{} (HEAD OFFICE)", "{} - Accounts Department", "{} HQ"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_numbered_or_addressed_name_scores_as_the_name(
    screener: Screener, data: st.DataObject
) -> None:
    """ "1) ZTE Corporation" and "Ant Group Bldg 3" were CLEAR: the numbering and the
    building were read as more of the name. Each is taken away as a reference is; so is a
    SWIFT field's line number ("1/TENCENT HOLDINGS LIMITED", the name line of MT 59F, was a
    REVIEW at 0.83 where the name alone is exact)."""
    name, entity = data.draw(st.sampled_from(_processors(screener)))
    query = data.draw(NUMBERED).format(name)
    assert found(screener, query).get(entity) == found(screener, name)[entity], query


@pytest.mark.parametrize(
    ("query", "at"),
    [("ZTE Corporation 12345", 0), ("Vendor: ZTE Corporation", 8), ("1) ZTE Corporation", 3),
     ("ZTE Corporation Head Office", 0), ("Name: ZTE Corporation ref 88231", 6),
     ("1/ZTE CORPORATION", 2)],
)  # fmt: skip
def test_a_name_with_more_taken_away_is_found_at_its_words(
    screener: Screener, query: str, at: int
) -> None:
    """A name scored with what rode along with it taken away (a reference, a label, a
    list's numbering, an office) says where the field holds it: the evidence's span had
    none, so a review page highlighted nothing."""
    evidence = next(m for m in screener.matcher.evidence_for(Transaction("t", date(2021, 3, 15),
                    "payment", query)) if m.entity_id == "zte")  # fmt: skip
    assert evidence.span is not None and evidence.span[0] == at
    assert query[evidence.span[0] : evidence.span[1]].startswith("ZTE")


@pytest.mark.parametrize(
    ("field", "label"),
    [("Beneficiario: ZTE", "Beneficiario"), ("Razón social: ZTE", "Razón social"),
     ("Получатель: ZTE", "Получатель"), ("Empfänger : ZTE", "Empfänger"),
     ("收款人：腾讯", "收款人"), ("戶名:騰訊", "戶名")],
)  # fmt: skip
def test_labels_in_other_languages_go(field: str, label: str) -> None:
    """As payments and invoices in other languages label a name, with a full-width colon
    too: `收款人：腾讯` was a REVIEW `contained` where `腾讯` alone is exact."""
    refs = load_registry().matching.references()
    split = split_references(field, *refs)
    assert split is not None and split[1] == [label]
    assert field.endswith(split[0])


def test_a_colon_that_ends_no_label_stays() -> None:
    """Only a field's label goes: words before a colon that are not all label words (a
    name's, "Acme: Trading"; a note's) and an exchange's name before its code stay; and
    only an office's words after a name."""
    refs = load_registry().matching.references()
    assert split_references("Beneficiary Name: Zeltra", *refs) == ("Zeltra", ["Beneficiary Name"])
    assert split_references("Zeltra: Trading", *refs) is None
    assert split_references("Note: Zeltra", *refs) is None
    assert split_references("Vendor:", *refs) is None
    # Nor an office's words that are the whole field, or a name's own last word.
    assert split_references("Head Office", *refs) is None
    assert split_references("Zeltra Office", *refs) is None
    assert split_references("Zeltra Head Office", *refs) == ("Zeltra", ["Head", "Office"])


@pytest.mark.parametrize("query", ["Zorvex Unit 7", "Office 39", "A. Smith", "No. 1 Zorvex"])
def test_what_is_not_numbering_stays(screener: Screener, query: str) -> None:
    """A unit's or an office's number may be a listed name ("Unit 61398"), a letter and a
    full stop an initial: none is taken away."""
    from banscreen.match.references import strip_references

    assert strip_references(query, *screener.registry.matching.references()) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_name_said_twice_is_never_a_clear(screener: Screener, data: st.DataObject) -> None:
    """ "ALIPAY ALIPAY" (a form's first and last name fields both holding a firm's name) was
    CLEAR: the second time read as another name the first runs on into."""
    name, entity = data.draw(st.sampled_from(_processors(screener)))
    second = data.draw(st.sampled_from([name, name.upper(), name.lower()]))
    assert entity in found(screener, f"{name} {second}"), name


def test_a_persons_name_written_surname_slash_given_names_is_one_name(
    tmp_path: Path,
) -> None:
    """ "SHOIGU/SERGEI MR" is how payment and travel systems write a person's name: not two
    parties, whose given name alone met another listed person of that given name."""
    more = listed_data({"person-aksyonov": ("person", "AKSYONOV, Sergei")})
    hits = found(persons_screener_with(tmp_path, more), "SHOIGU/SERGEI MR")
    assert set(hits) == {"person-shoigu"}, hits


ADDRESSED = st.sampled_from([" Attn: Accounts Payable", " ATTN AP Dept", " c/o Zeltra Bank",
                             " FAO Treasury", " Attention: Finance"])  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_listed_name_then_whom_it_is_addressed_to_is_never_a_clear(
    screener: Screener, one_word: Screener, data: st.DataObject
) -> None:
    """ "SHONA Attn: Accounts Payable": a name that is not looked for inside longer ones (a
    list's one word) ran on into the words after it, and was CLEAR; "Attn", "FAO" and
    "c/o" end the name as a separator does."""
    addressed = data.draw(ADDRESSED)
    assert "org-qorva" in found(one_word, "QORVA" + addressed), addressed
    name, entity = data.draw(st.sampled_from(_processors(screener)))
    assert entity in found(screener, name + addressed), name + addressed


@pytest.fixture(scope="module")
def one_word(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    listed = listed_data({"org-qorva": ("company", "QORVA")})
    return persons_screener_with(tmp_path_factory.mktemp("one-word"), listed)


@pytest.mark.parametrize(
    "query",
    ["ZORVEXA, S.A.; Qorvane Trading Ltd", "ZORVEXA, S.A. | Qorvane", "ZORVEXA, S.A.\nAcme"],
)
def test_a_listed_name_with_a_comma_first_of_two_parties(tmp_path: Path, query: str) -> None:
    """ "TROVER, S.A.; Zorvex": the field's head ended at the comma ("TROVER" alone, taken
    for a surname), and the first party was not looked up whole; it is now, as the
    others are."""
    listed = listed_data({"org-zorvexa": ("company", "ZORVEXA, S.A.")})
    assert "org-zorvexa" in found(persons_screener_with(tmp_path, listed), query)


@pytest.mark.parametrize(
    "query",
    ["QORVA, 10 Main Street, Shenzhen", "QORVA, 5 Rue Zeltra", "QORVA, No. 55 Hi-tech Road South",
     "QORVA, No 5 Keji Road", "QORVA, #12 Zeltra Avenue"],
)  # fmt: skip
def test_a_listed_word_before_a_comma_and_an_address(one_word: Screener, query: str) -> None:
    """One word before a comma is as often a surname as a firm's name, but a number after
    the comma starts an address, no given name: "SHONA, 10 Main Street" was CLEAR, and so
    was "ZTE, No. 55 Hi-tech Road South", the number after a word that introduces one
    (`reference_words`, `address_words`)."""
    assert "org-qorva" in found(one_word, query)


@pytest.mark.parametrize("query", ["QORVA, Number One", "QORVA, No Zeltra"])
def test_a_word_that_introduces_no_number_is_no_address(one_word: Screener, query: str) -> None:
    assert "org-qorva" not in found(one_word, query)


@pytest.mark.parametrize(
    "query",
    ["QORVA, Building 3, Hi-tech Park", "QORVA, Suite 5, Tower A", "QORVA, Bldg 2, Zone A",
     "Payment to QORVA, 55 Hi-tech Road", "Invoice from QORVA, Building 3, Hi-tech Park",
     "Wire to QORVA, Suite 5, Tower A ref 12345", "QORVA, P.O. Box 1234, Tehran",
     "Payment to QORVA, PO Box 77, Dubai"],
)  # fmt: skip
def test_a_listed_word_before_a_comma_and_a_building(one_word: Screener, query: str) -> None:
    """A building's, suite's or floor's number is taken away with its word before the heads
    are read, which left the word before the comma with no number after it: a surname's,
    so "ZTE, Building 3, Hi-tech Park" was CLEAR. The field as written says it is an
    address. And the payee of the name before the comma is read: "Payment to ZTE, 55
    Hi-tech Road" had only the whole field's payee, which runs on into the address."""
    assert "org-qorva" in found(one_word, query)


@pytest.mark.parametrize(
    "query", ["Payment to QORVA, Zeltran Abdul", "Invoice from QORVA, Zeltran for services"]
)
def test_a_payees_word_before_a_comma_and_no_address_is_a_surname(
    one_word: Screener, query: str
) -> None:
    """The payee of the name before the comma is read only when an address follows it:
    unlisted persons written surname first after a payment's words met an OFAC
    organisation 4 -> 22 times out of 1,244 when it was read before anything."""
    assert "org-qorva" not in found(one_word, query)


@pytest.mark.parametrize(
    ("text", "numbered"),
    [("P.O. Box 1234, Tehran", True), ("PO Box 12", True), ("No. 55 Hi-tech Road", True),
     ("Bldg 3", True), ("12 Main Street", True), ("J Smith 12", False), ("A 12", False),
     ("Box Hill", False), ("Abdullah", False), ("B C D E 5", False)],
)  # fmt: skip
def test_where_an_address_starts(text: str, numbered: bool) -> None:
    references = load_registry().matching.references()
    assert starts_numbered(text, references[0], references[4]) is numbered
