"""A listed name as a bank statement or a card network writes the payee: between the rail,
the card and a payment's words. `CARD 4421 QQ WALLET TOPUP` and `CARD ALIPAY TOPUP` were
CLEAR where `QQ WALLET TOPUP` and `PURCHASE ALIPAY TOPUP` were REVIEWs: an ordinary English
word before a made-up brand ("CARD") was read as the start of another firm's name, and a
payment's word after a name that English does not use ("TOPUP") as its end. A payment's
words (`payment_words`: the card, the rails, what a platform pays or charges)
and references before a made-up brand, and after any name, now say how the row was paid
(inside.py, `_paying`, `_says_how`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review

SHAPES = (
    "CARD 4421 {} TOPUP",
    "CARD {} TOPUP",
    "POS 4421 {} TOPUP",
    "ACH DEBIT {} AUTOPAY",
    "DEBIT CARD {} PAYOUT",
    "{} TOPUP",
)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("name", "entity"),
    [("ALIPAY", "app-alipay"), ("QQ WALLET", "app-qq-wallet"), ("CamScanner", "app-camscanner")],
)
def test_a_listed_name_in_a_statement_descriptor_is_found(
    screener: Screener, shape: str, name: str, entity: str
) -> None:
    hits = found(screener, shape.format(name))
    assert entity in hits, hits
    assert hits[entity][0] >= review(screener)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data(
        {
            "org-brand": ("organization", "Quorvel Wallet"),
            "org-words": ("organization", "Golden Star"),
        }
    )
    return persons_screener_with(Path(tmp_path_factory.mktemp("descriptors")), data)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Zeltra Quorvel Wallet Vokari", "org-brand"),  # made-up words around it
        ("Golden Quorvel Wallet Vokari", "org-brand"),  # firms' names start with such words
        ("Royal Golden Star Vokari Zeltra", "org-words"),  # ordinary words' name runs on
    ],
)
def test_another_firms_name_holding_a_listed_one_is_no_hit(
    listed: Screener, query: str, entity: str
) -> None:
    assert entity not in found(listed, query)


@pytest.mark.parametrize(
    "query",
    ["CARD Quorvel Wallet TOPUP", "Debit card Quorvel Wallet", "VISA 4421 Quorvel Wallet Vokari"],
)
def test_a_payments_words_before_a_made_up_brand_say_how_it_was_paid(
    listed: Screener, query: str
) -> None:
    assert "org-brand" in found(listed, query)


@pytest.mark.parametrize(
    "query", ["CARD 4421 ZTE ROUTER", "VISA PURCHASE ZTE MODEM", "Purchase of ZTE routers"]
)
def test_a_short_brand_after_a_payments_words_is_found(screener: Screener, query: str) -> None:
    """A short brand leads a payee only with nothing distinctive before it: a card's or a
    payment's words now say how it was paid; and the plural of an ordinary English word
    after it ("routers", which the frequency list does not keep) says what it was for."""
    assert "zte" in found(screener, query)


@pytest.mark.parametrize("query", ["Zeltra ZTE Logistics", "ZTE Quorvels Vokari"])
def test_a_short_brand_among_another_names_words_is_still_chance(
    screener: Screener, query: str
) -> None:
    assert "zte" not in found(screener, query)
