"""A store's or terminal's number glued to a name, as card networks write it
("WECHATPAY8812", "ALIPAY8812 HANGZHOU CN", "8812ALIPAY"): the whole word was taken for a reference code
and the row was CLEAR. The number is set apart (references.unglued_numbers) and the name
read as the same name with a space would be, at most `compact_score` (REVIEW)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.references import unglued_numbers
from banscreen.model import Outcome, Policy, Transaction


def row(name: str, text: str = "") -> Transaction:
    return Transaction("t", date(2021, 3, 15), "payment", name, text=text)


@pytest.mark.parametrize(
    ("name", "text", "entity"),
    [
        ("WECHATPAY8812", "", "app-wechat-pay"),
        ("8812ALIPAY", "", "app-alipay"),
        ("ALIPAY8812 HANGZHOU CN", "", "app-alipay"),
        ("Global Merchant Ltd", "Paid via ALIPAY8812", "app-alipay"),
        ("Global Merchant Ltd", "POS WECHATPAY0042", "app-wechat-pay"),  # run together too
    ],
)
def test_a_name_with_a_number_glued_on_is_a_review(
    screener: Screener, name: str, text: str, entity: str
) -> None:
    decision = screener.decide(row(name, text), ScreenOptions(policy=Policy.STRICT))
    assert (decision.outcome, decision.entity_id) == (Outcome.REVIEW, entity)
    assert decision.score is not None and decision.score <= 0.9


@pytest.mark.parametrize(
    ("name", "text"), [("ACME TRADING INV88231", ""), ("Acme Ltd", "ORD12345 shipped")]
)
def test_a_reference_code_alone_is_still_nothing(screener: Screener, name: str, text: str) -> None:
    assert screener.decide(row(name, text), ScreenOptions()).outcome is Outcome.CLEAR


@pytest.mark.parametrize(
    ("text", "spaced"),
    [("ALIPAY8812", "ALIPAY 8812"), ("POS ACME1234 NY", "POS ACME 1234 NY"),
     ("支付宝8812", "支付宝 8812"), ("8812ACMEPAY", "8812 ACMEPAY"), ("AB1234", None),
     ("ACME12", None), ("12ACME", None), ("ACME1234X", None), ("1234ACME5678", None),
     ("T3nc3nt", None)],
)  # fmt: skip
def test_only_a_number_at_a_words_end_is_set_apart(text: str, spaced: str | None) -> None:
    assert unglued_numbers(text) == spaced


@given(st.text(max_size=80))
def test_setting_numbers_apart_only_adds_spaces(text: str) -> None:
    spaced = unglued_numbers(text)
    assert spaced is None or (spaced != text and spaced.replace(" ", "") == text.replace(" ", ""))
