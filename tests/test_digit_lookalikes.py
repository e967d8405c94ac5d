"""Digits written inside a name's words for the letters they look like (digit_lookalikes.py):
"T3nc3nt H0ldings", "A1ipay", "WeCh4t Pay" each matched nothing (and "T3nc3nt", two
digits, was even taken away as a reference number). Now a REVIEW, never a BLOCK."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.digit_lookalikes import digit_readings
from banscreen.model import Outcome, Policy, Transaction

LOOKS = {"o": "0", "l": "1", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}


def decided(screener: Screener, name: str) -> tuple[Outcome, str | None]:
    row = Transaction("t", date(2021, 3, 15), "payment", name)
    decision = screener.decide(row, ScreenOptions(policy=Policy.ANTICIPATE))
    return decision.outcome, decision.entity_id


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("T3nc3nt H0ldings", "tencent-holdings"),
        ("T3nc3nt H0ldings INV 12345", "tencent-holdings"),
        ("A1ipay", "app-alipay"),
        ("WeCh4t Pay", "app-wechat-pay"),
        ("Camsc4nner", "app-camscanner"),
        ("WeCh@t Pay", "app-wechat-pay"),  # signs too
        ("Cam$canner", "app-camscanner"),
    ],
)
def test_a_name_with_digits_for_letters_is_a_review(
    screener: Screener, name: str, entity: str
) -> None:
    assert decided(screener, name) == (Outcome.REVIEW, entity)


@pytest.mark.parametrize(
    "name",
    [
        "Office365 Licence",
        "4Paradigm Ltd",
        "3rd Floor Services",
        "B2B Trading 2021",
        "@acmepay Ltd",
        "Fee $20 Acme",
        "Acme|Beta Trading",
    ],
)
def test_digits_at_a_words_edge_are_left_as_they_are(screener: Screener, name: str) -> None:
    assert digit_readings(name) == []
    assert decided(screener, name)[0] is Outcome.CLEAR


def test_a_one_is_read_as_both_letters() -> None:
    assert set(digit_readings("A1ipay T1kTok")) == {
        "Alipay TlkTok", "Alipay TikTok", "Aiipay TlkTok", "Aiipay TikTok",
    }  # fmt: skip
    assert digit_readings("A11pay") == ["Allpay", "Alipay", "Ailpay", "Aiipay"]
    assert len(digit_readings("W1x1y1z1q")) == 2  # beyond three 1s, one letter each


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_listed_app_name_with_letters_written_as_digits_is_found(
    screener: Screener, data: st.DataObject
) -> None:
    name = data.draw(
        st.sampled_from(["Alipay", "CamScanner", "Tencent Holdings", "WeChat Pay", "SHAREit"])
    )
    inner = [
        i
        for i in range(1, len(name) - 1)
        if name[i].lower() in LOOKS and name[i - 1].isalpha() and name[i + 1].isalpha()
    ]
    chosen = data.draw(st.sets(st.sampled_from(inner), min_size=1, max_size=2))
    written = "".join(LOOKS[c.lower()] if i in chosen else c for i, c in enumerate(name))
    outcome, entity = decided(screener, written)
    # At least a REVIEW: a BLOCK when the rest is a listed name ("Tencent H01dings": the
    # second word, two digits, goes as a reference, and "Tencent" is listed).
    assert outcome in (Outcome.REVIEW, Outcome.BLOCK) and entity is not None, written


@pytest.mark.parametrize(
    ("text", "entity"),
    [("Paid via A1ipay", "app-alipay"), ("T3nc3nt H0ldings dividend", "tencent-holdings")],
)
def test_digits_for_letters_in_a_payments_text(screener: Screener, text: str, entity: str) -> None:
    row = Transaction("t", date(2021, 3, 15), "payment", "Acme LLC", text=text)
    decision = screener.decide(row, ScreenOptions(policy=Policy.ANTICIPATE))
    assert decision.outcome is Outcome.REVIEW and decision.entity_id == entity


def test_an_invoice_code_in_text_is_no_name(screener: Screener) -> None:
    row = Transaction("t", date(2021, 3, 15), "payment", "Acme LLC", text="Invoice A1B2C3 X7Y8")
    assert screener.decide(row).outcome is Outcome.CLEAR
