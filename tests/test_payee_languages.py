"""A payment's words in other languages than English around a payee's name: Portuguese,
Indonesian and other Latin-script languages' ("Pagamento para ...", "Pembayaran kepada
..."), and Korean, which writes "to" on the payee's name and the payment word after it
("세르게이 쇼이구에게 송금"), and Chinese, which glues them to the name ("汇款给谢尔盖·绍伊古").
Each such payment was CLEAR where the name alone is a REVIEW (`payment_words`,
`payee_lead_words`, `payee_trail_suffixes`, `payee_leads_written`)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.payees import payee_head
from helpers.matching import found, persons_screener, review


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener()


@pytest.mark.parametrize(
    "query",
    [
        "Pagamento para Sergei Shoigu",
        "Oplata dlya Sergeya Shoigu",  # Russian in Latin letters, the name in the genitive
        "Perevod Sergeyu Shoigu cherez bank",
        "Pembayaran kepada Sergei Shoigu",
        "Pago a Sergei Shoigu",
        "세르게이 쇼이구에게 송금",
        "세르게이 쇼이구한테 이체",
        "汇款给谢尔盖·绍伊古",  # Chinese glues the payment's words to the name
        "匯款給謝爾蓋·紹伊古",
    ],
)
def test_a_payees_name_in_another_languages_payment_is_a_review(
    screener: Screener, query: str
) -> None:
    assert found(screener, query)["person-shoigu"][0] >= review(screener)


def test_korean_to_is_taken_off_the_payees_last_word_only_before_a_payment_word(
    screener: Screener,
) -> None:
    form = screener.matcher.normaliser.form
    payment, lead, trail = frozenset({"송금"}), frozenset(), frozenset()
    head = payee_head(form("하산 나스랄라에게 송금"), payment, lead, trail, (), ("에게",))
    assert head == ("하산", "나스랄라")
    # Not without a payment word after it, nor when a letter alone would be left.
    assert payee_head(form("하산 나스랄라에게"), payment, lead, trail, (), ("에게",)) is None
    assert payee_head(form("하산 라에게 송금"), payment, lead, trail, (), ("에게",)) == (
        "하산",
        "라에게",
    )


@pytest.mark.parametrize(
    "query",
    ["Payment to Shoigu", "Оплата для Шойгу", "Перевод Шойгу через банк", "Shoigu salary"],
)
def test_a_rare_surname_alone_as_the_payee_is_a_review_as_it_is_bare(
    screener: Screener, query: str
) -> None:
    """`Shoigu` alone is a REVIEW (a surname so rare in the lists that alone it names its
    person); a payee of one word was scored by organisations' rules only, and `Payment to
    Shoigu` was CLEAR."""
    assert found(screener, "Shoigu")["person-shoigu"][0] >= review(screener)
    assert found(screener, query)["person-shoigu"][0] >= review(screener)


@pytest.mark.parametrize("name", ["Kim", "Park", "Castro", "Haqqani", "Moghaddam", "Ivanov"])
def test_one_word_as_the_payee_finds_no_more_than_it_finds_bare(
    screener: Screener, name: str
) -> None:
    """A one-word payee is scored as the bare word is, no more; a word English uses ("Kim",
    "Park") is no payee's name at all (`payee_form`)."""
    bare = set(found(screener, name))
    assert set(found(screener, f"Payment to {name}")) <= bare
    if name in ("Castro", "Haqqani", "Moghaddam"):  # rare in the lists: a REVIEW bare
        assert bare and set(found(screener, f"Payment to {name}")) == bare
