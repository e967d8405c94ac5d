"""What users' own files call an identifier's kind and write for us_nexus: an app
inventory's `bundle_id:` or a vendor file's `url:` and `email:` were an ERROR naming the kind
("unknown identifier kind"), and a bank export's `Y`/`N` or a spreadsheet's `1`/`0` an
ERROR naming us_nexus, where the contract's own words screen the row."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.errors import FieldError
from banscreen.model import CounterpartyIdentifier, Nexus, Outcome, Policy
from banscreen.registry import load_registry
from banscreen.surfaces.rows import parse_identifiers, parse_row

ROW = {"id": "1", "date": "2021-03-15", "category": "payment", "counterparty_name": "Acme",
       "counterparty_country": "US", "counterparty_identifiers": "", "us_nexus": "true",
       "text": ""}  # fmt: skip


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("url:https://pay.weixin.qq.com/index.php", "domain"),
        ("Website:www.alipay.com", "domain"),
        ("email:billing@intsig.net", "domain"),
        ("bundle_id:com.tencent.xin", "ios_bundle"),
        ("bundle:com.tencent.xin", "ios_bundle"),
        ("appstore:414478124", "appstore_id"),
        ("APP_STORE_ID:414478124", "appstore_id"),
        ("package_name:com.tencent.mm", "android"),
        ("domain:qq.com", "domain"),
    ],
)
def test_other_names_of_a_kind_are_read_as_it(written: str, kind: str) -> None:
    (identifier,) = parse_identifiers(written)
    assert identifier == CounterpartyIdentifier(kind, written.partition(":")[2])


def test_a_kind_named_otherwise_finds_what_the_kind_finds(screener: Screener) -> None:
    options = ScreenOptions(policy=Policy.ANTICIPATE)
    outcomes = {}
    for written in ("url:https://pay.weixin.qq.com/wiki", "email:support@camscanner.com",
                    "bundle_id:com.tencent.xin", "appstore:414478124"):  # fmt: skip
        tx = parse_row({**ROW, "counterparty_identifiers": written})
        decision = screener.decide(tx, options)
        outcomes[written] = (decision.outcome, decision.method)
    assert all(o == (Outcome.BLOCK, "identifier") for o in outcomes.values()), outcomes


@pytest.mark.parametrize(
    ("written", "kind", "value"),
    [
        ("ios:414478124", "appstore_id", "414478124"),
        ("ios:id414478124", "appstore_id", "id414478124"),
        ("https://apps.apple.com/us/app/wechat/id414478124", "domain",
         "https://apps.apple.com/us/app/wechat/id414478124"),
        ("pkg:npm/alipay-sdk@3.0.0", "purl", "pkg:npm/alipay-sdk@3.0.0"),
        ("package:com.tencent.mm", "android", "com.tencent.mm"),
        ("support@alipay.com", "domain", "support@alipay.com"),  # an address alone
    ],
)  # fmt: skip
def test_an_identifier_is_read_as_the_kind_its_value_is(
    written: str, kind: str, value: str
) -> None:
    (identifier,) = parse_identifiers(written)
    assert identifier == CounterpartyIdentifier(kind, value)


@pytest.mark.parametrize(
    "written",
    [
        "android:com.tencent.mm:push",  # a process of the app
        "android:com.tencent.mm/.ui.LauncherUI",  # a component of it
        "android:com.tencent.mm@8.0.1",
        "android:com.tencent.mm 8.0.1",
        "ios:414478124",
        "https://play.google.com/store/apps/details?id=com.tencent.mm&hl=en",
        "https://apps.apple.com/us/app/wechat/id414478124",
        "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
        "url:market://details?id=com.tencent.mm",  # the stores' own links: CLEAR before
        "url:itms-apps://itunes.apple.com/app/id414478124",
        "deep_link:market://details?id=com.tencent.mm&referrer=x",
        "support@weixin.qq.com",
        # an Android intent, whose ";"s split the list of identifiers: an ERROR before
        "url:intent://details?id=com.tencent.mm#Intent;scheme=market;package=com.android.vending;end",
        "intent://send/#Intent;scheme=weixin;package=com.tencent.mm;end",
        "market://details?id=com.tencent.mm",  # a store's link without a kind: an ERROR before
        "itms-apps://itunes.apple.com/app/id414478124",
    ],
)
def test_an_app_written_as_inventories_write_it_is_its_app(
    screener: Screener, written: str
) -> None:
    """Each was an ERROR (no package name, no bundle id, an unknown kind) where the app's
    own id is a hit."""
    tx = parse_row({**ROW, "category": "app_distribution", "counterparty_identifiers": written})
    decision = screener.decide(tx, ScreenOptions(policy=Policy.ANTICIPATE))
    assert decision.outcome is Outcome.BLOCK, (written, decision.error)
    assert decision.method == "identifier"


def test_an_android_value_with_no_package_before_it_is_still_an_error(screener: Screener) -> None:
    decision = screener.decide(parse_row({**ROW, "counterparty_identifiers": "android::push"}))
    assert decision.outcome is Outcome.ERROR and "Android package" in decision.error


def test_another_apps_scheme_link_names_no_listed_app(screener: Screener) -> None:
    written = "url:market://details?id=com.example.notes"
    decision = screener.decide(parse_row({**ROW, "counterparty_identifiers": written}))
    assert decision.outcome is Outcome.CLEAR


def test_an_unknown_kind_is_still_an_error(screener: Screener) -> None:
    decision = screener.decide(parse_row({**ROW, "counterparty_identifiers": "phone:+1 555"}))
    assert decision.outcome is Outcome.ERROR and "phone" in decision.error


@pytest.mark.parametrize(
    ("written", "nexus"),
    [("Y", Nexus.TRUE), ("n", Nexus.FALSE), ("1", Nexus.TRUE), ("0", Nexus.FALSE),
     ("yes", Nexus.TRUE), ("FALSE", Nexus.FALSE), ("", Nexus.UNKNOWN), (" unknown ", Nexus.UNKNOWN)],
)  # fmt: skip
def test_us_nexus_is_read_as_spreadsheets_and_exports_write_it(written: str, nexus: Nexus) -> None:
    assert parse_row({**ROW, "us_nexus": written}).us_nexus is nexus


@pytest.mark.parametrize("written", ["2", "maybe", "t", "-1", "nope"])
def test_other_nexus_values_are_an_error_naming_the_field(written: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_row({**ROW, "us_nexus": written})
    assert caught.value.field == "us_nexus"


def test_a_one_for_nexus_screens_as_true_and_a_zero_as_false(screener: Screener) -> None:
    listed = {**ROW, "counterparty_name": "Tencent Holdings Limited"}
    options = ScreenOptions(policy=Policy.ANTICIPATE)
    assert screener.decide(parse_row({**listed, "us_nexus": "1"}), options).outcome is Outcome.BLOCK
    without = screener.decide(parse_row({**listed, "us_nexus": "0"}), options)
    assert without.outcome is Outcome.CLEAR and any("NO_US_NEXUS" in r for r in without.reasons)


@pytest.mark.parametrize("written", ["2021/03/15", "2021.03.15", "2021-03-15"])
def test_a_date_written_year_first_with_slashes_or_dots_is_read(written: str) -> None:
    """A bank export's "2021/03/15" was an ERROR naming the date: only ISO's order writes
    the year first, so the separator is all that differs."""
    assert parse_row({**ROW, "date": written}).date == date(2021, 3, 15)


@pytest.mark.parametrize(
    "written",
    ["2021-3-15", "2021/3/15", "2021.3.15", "2021-03-15 9:03:00", "2021-03-15 UTC",
     "2021年3月15日", "2021年03月15日 09:03", "2021년 3월 15일", "15 March 2021", "Mar 15, 2021",
     "15-Mar-2021", "Monday, March 15, 2021", "１５ March ２０２１"],
)  # fmt: skip
def test_a_date_whose_writing_says_which_number_is_the_day_is_read(written: str) -> None:
    """The year first without its zeros or with a time of its own, the Chinese, Japanese and
    Korean markers, an English month's name: each was an ERROR row (written_dates.py)."""
    assert parse_row({**ROW, "date": written}).date == date(2021, 3, 15)


@pytest.mark.parametrize("written", ["15/03/2021", "15.03.2021", "03.04.2021", "2021/03-15",
                                     "2021/02/30", "March 2021", "15 March", "2021-3-15 to 2021-4-1",
                                     "2021年13月1日", "Dec 32, 2021", "15 Mar 21"])  # fmt: skip
def test_a_date_written_day_or_month_first_is_still_an_error(written: str) -> None:
    """Which of day and month comes first is the writer's convention: a guess could date a
    row outside a program's force, so it is an ERROR naming the field."""
    with pytest.raises(FieldError) as caught:
        parse_row({**ROW, "date": written})
    assert caught.value.field == "date"


@pytest.mark.parametrize(
    ("written", "day"),
    [("令和3年3月15日", date(2021, 3, 15)), ("令和 3 年 3 月 15 日", date(2021, 3, 15)),
     ("R3.3.15", date(2021, 3, 15)), ("r03/03/15", date(2021, 3, 15)),
     ("令和元年5月1日", date(2019, 5, 1)), ("平成31年4月30日", date(2019, 4, 30)),
     ("H31.04.30", date(2019, 4, 30)), ("昭和64年1月7日", date(1989, 1, 7)),
     ("民國110年3月15日", date(2021, 3, 15)), ("民国110年3月15日 10:00", date(2021, 3, 15)),
     ("110/03/15", date(2021, 3, 15)), ("110.3.15", date(2021, 3, 15)),
     ("110-03-15 10:00:00", date(2021, 3, 15)), ("民國110/03/15", date(2021, 3, 15)),
     ("平成32年1月1日", date(2020, 1, 1)), ("H32.3.31", date(2020, 3, 31)),
     ("昭和64年1月8日", date(1989, 1, 8))],
)  # fmt: skip
def test_a_japanese_era_or_taiwans_year_is_read(written: str, day: date) -> None:
    """A Japanese form's 令和3年 and a Taiwanese statement's 民國110年 or 110/03/15 were
    ERROR rows; so was 平成32年, which forms printed before the era changed write for 2020."""
    assert parse_row({**ROW, "date": written}).date == day


@pytest.mark.parametrize(
    "written",
    ["15 mars 2021", "15. März 2021", "15 de marzo de 2021", "15 marzo 2021", "15 марта 2021 г.",
     "15 marca 2021 r.", "15 maart 2021", "15 Mart 2021", "15 березня 2021", "15 MARS 2021",
     "15. Mrz 2021", "15 Mrz. 2021"],
)  # fmt: skip
def test_a_european_months_name_is_read(written: str) -> None:
    """A French, German, Spanish, Italian, Russian, Polish, Dutch, Turkish or Ukrainian
    month by name says which number is the day, as an English one does."""
    assert parse_row({**ROW, "date": written}).date == date(2021, 3, 15)


@pytest.mark.parametrize("written", ["15 foo 2021", "31 février 2021", "15 mars", "mars 2021"])
def test_a_months_name_without_a_day_that_is_one_is_an_error(written: str) -> None:
    with pytest.raises(FieldError):
        parse_row({**ROW, "date": written})


@pytest.mark.parametrize(
    "written", ["令和元年4月30日", "平成1年1月7日", "R3.13.1", "099/03/15", "99/03/15", "210/3/15"]
)
def test_a_day_before_its_era_or_of_no_calendar_is_an_error(written: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_row({**ROW, "date": written})
    assert caught.value.field == "date"


@pytest.mark.parametrize(
    ("written", "named"), [("44270", "2021-03-15"), ("44270.75", "2021-03-15")]
)
def test_a_spreadsheets_day_number_is_an_error_naming_its_day(written: str, named: str) -> None:
    """Not read (a number in a date column may be anything), but the ERROR says the day."""
    with pytest.raises(FieldError, match=f"day number \\({named}\\)"):
        parse_row({**ROW, "date": written})


def test_a_links_own_semicolons_stay_in_it_and_the_next_identifier_is_read() -> None:
    tx = parse_row({**ROW, "counterparty_identifiers":
                    "https://x.example/a;jsessionid=1;domain:y.example;support@z.example"})  # fmt: skip
    assert [(i.kind, i.value) for i in tx.identifiers] == [
        ("domain", "https://x.example/a;jsessionid=1"),
        ("domain", "y.example"),
        ("domain", "support@z.example"),  # read as its host when looked up
    ]


def test_a_semicolon_too_many_after_a_link_is_not_read_into_it() -> None:
    tx = parse_row(
        {**ROW, "counterparty_identifiers": "url:https://alipay.com; ;domain:x.example;"}
    )
    assert [i.value for i in tx.identifiers] == ["https://alipay.com", "x.example"]


def test_a_word_without_a_kind_after_no_link_is_still_an_error() -> None:
    with pytest.raises(FieldError, match="expected kind:value"):
        parse_row({**ROW, "counterparty_identifiers": "domain:x.example;bogus"})


_DATE_WORDS = ["March", "Mar", "15", "2021", ",", " ", "-", "/", "年", "月", "日", "9:03", "UTC",
               "+0800", "99999", "0", "Sept", "T", ".", "２０２１", "년", "월"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=8).map("".join) | st.text(max_size=40))
def test_any_date_text_is_a_date_or_a_field_error(written: str) -> None:
    try:
        day = parse_row({**ROW, "date": written}).date
    except FieldError as exc:
        assert exc.field == "date"
    else:
        assert day is None or 1900 <= day.year < 2100


@given(st.from_regex(r"(令和|平成|昭和|大正|明治|民國|[MTSHR])(元|[0-9]{1,3})[年./-][0-9]{1,2}[月./-][0-9]{1,2}日?",
                     fullmatch=True))  # fmt: skip
def test_any_era_date_reads_or_is_no_date(text: str) -> None:
    from banscreen.surfaces.written_dates import written_date

    read = written_date(text)
    assert read is None or 1868 <= read.year <= 1911 + 999  # 民國 counts from 1912
