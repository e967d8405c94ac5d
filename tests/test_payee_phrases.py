"""A listed organisation named by a payment's words ("Payment to HAMAS", "Transfer to PKK
via Western Union", "HAMAS donation"): its name alone is a hit, so the payment is one too,
at REVIEW (`contained_score`), never more; a payment to an ordinary word or a person stays
as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, refused_setting, review

LISTED = listed_data(
    {
        "org-hamas": ("organization", "HAMAS"),
        "org-pkk": ("organization", "PKK"),
        "org-saderat": ("company", "BANK SADERAT IRAN"),
        "org-city": ("company", "CITY"),
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("payees"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Payment to HAMAS", "org-hamas"),
        ("Donation to Hamas", "org-hamas"),
        ("Support for HAMAS", "org-hamas"),
        ("HAMAS donation", "org-hamas"),
        ("Wire transfer to HAMAS for relief", "org-hamas"),
        ("Payment to PKK", "org-pkk"),
        ("Transfer to PKK via Western Union", "org-pkk"),
        ("PKK payment", "org-pkk"),
        ("Payment to the PKK", "org-pkk"),
        ("Beneficiary PKK", "org-pkk"),
        # a trail word right after payment words brings in the party they name
        ("Paid by PKK", "org-pkk"),
        ("Purchase from HAMAS", "org-hamas"),
        ("Invoice from PKK", "org-pkk"),
        ("BANK SADERAT IRAN donation", "org-saderat"),
        # the party an invoice or a ledger names
        ("Supplier PKK", "org-pkk"),
        ("Vendor HAMAS", "org-hamas"),
        ("Suppliers BANK SADERAT IRAN", "org-saderat"),
        # phrases that address a wire to the name after them (`payee_lead_phrases`)
        ("In favour of PKK", "org-pkk"),
        ("in favor of Hamas", "org-hamas"),
        ("Care of PKK", "org-pkk"),
        ("For further credit to HAMAS", "org-hamas"),
        ("For the benefit of BANK SADERAT IRAN", "org-saderat"),
        ("For account of PKK", "org-pkk"),
        ("In the name of HAMAS", "org-hamas"),
        # what a platform pays out or charges
        ("HAMAS payout", "org-hamas"),
        ("PKK disbursement", "org-pkk"),
        ("HAMAS chargeback", "org-hamas"),
        # a bank statement's rails and codes around the party
        ("ACH HAMAS PPD", "org-hamas"),
        ("POS PKK 1234", "org-pkk"),
        ("SEPA HAMAS", "org-hamas"),
        # Polish, Czech, Swedish, Romanian and Vietnamese payment words
        ("Płatność dla PKK", "org-pkk"),
        ("Przelew do HAMAS", "org-hamas"),
        ("Platba pro PKK", "org-pkk"),
        ("Betalning till HAMAS", "org-hamas"),
        ("Plată către PKK", "org-pkk"),
        ("Thanh toán cho PKK", "org-pkk"),
        ("Chuyển tiền cho HAMAS", "org-hamas"),
        # an English word that a legal form follows is a firm's name
        ("Payment to City Ltd", "org-city"),
        ("Refund from CITY LLC", "org-city"),
        ("Invoice City Inc. #4411", "org-city"),
        ("Zahlung an City GmbH", "org-city"),
    ],
)
def test_a_listed_payee_in_a_payments_words_is_a_review(
    listed: Screener, query: str, entity: str
) -> None:
    hits = found(listed, query)
    assert entity in hits, query
    score, _ = hits[entity]
    assert review(listed) <= score < listed.registry.matching.thresholds.block


@pytest.mark.parametrize(
    "query", ["Beneficiary: PKK", "Beneficiary Name: PKK", "PAYEE:PKK", "Favour: PKK", "Attn: PKK"]
)
def test_a_fields_label_before_a_colon_leaves_the_name(listed: Screener, query: str) -> None:
    """A label is no payment's words: the field's value is the name, scored as it alone
    is (`field_labels`), where "Beneficiary PKK" is a payee's phrase, at most a REVIEW."""
    assert found(listed, query)["org-pkk"] == found(listed, "PKK")["org-pkk"]


@pytest.mark.parametrize("query", ["Payment to HAMAS", "Transfer to PKK via Western Union"])
def test_a_payee_found_so_is_reported_as_found_inside(listed: Screener, query: str) -> None:
    hits = found(listed, query)
    assert [method for score, method in hits.values()] == ["contained"]
    assert max(score for score, _ in hits.values()) == listed.registry.matching.contained_score


@pytest.mark.parametrize(
    "query",
    [
        "Payment to city",  # an English word: no payee named so
        "Payment for services",
        "Payment to Hamasco Trading",  # another firm's name holds more
        "Transfer to savings",
        "In favour of city",
        "Supplier city",
        "Care of Hamasco Trading",
    ],
)
def test_a_payment_to_no_listed_payee_stays_clear(listed: Screener, query: str) -> None:
    assert not found(listed, query), query


def test_a_payee_of_a_listed_persons_name_is_left_to_persons_rules(listed: Screener) -> None:
    """The payee head is read for organisations only: a listed person's one word of a name
    is no more found after a payment's words than before."""
    hits = found(listed, "Payment to Shoigu")
    assert not any(entity.startswith("org-") for entity in hits)


@pytest.mark.parametrize("phrase", ["In favour of", "Care Of", "", "  "])
def test_payee_lead_phrases_that_are_no_lower_case_words_are_refused(
    tmp_path: Path, phrase: str
) -> None:
    refused_setting(tmp_path, "payee_lead_phrases", ["care of", phrase], "payee_lead_phrases")


@pytest.mark.parametrize("key", ["payment_words", "payee_lead_words", "payee_trail_words"])
@pytest.mark.parametrize("word", ["Payment", "wire transfer", "paid!"])
def test_payee_words_that_are_no_token_are_refused(tmp_path: Path, key: str, word: str) -> None:
    refused_setting(tmp_path, key, ["payment", word], "payee words")


def _in_text(screener: Screener, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in screener.matcher.free_text.scan(text)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Donation to HAMAS", "org-hamas"),
        ("Invoice 123 paid to the PKK for services", "org-pkk"),
        ("Monthly support for Hamas via bank transfer", "org-hamas"),
    ],
)
def test_a_listed_payee_in_a_payments_text_is_found(
    listed: Screener, text: str, entity: str
) -> None:
    assert entity in _in_text(listed, text)


@pytest.mark.parametrize(
    "text",
    [
        "Notes on HAMAS history",  # no payment's words before it
        "Payment to city council",  # an English word
        "Payment to Hamasco Trading",  # another name
        "Payment to Hamas Logistics for services",  # a name of more words: another firm
        "PKK",  # a word of text alone is not a payee
    ],
)
def test_a_listed_word_in_text_without_a_payment_is_not_a_payee(
    listed: Screener, text: str
) -> None:
    assert not _in_text(listed, text) & {"org-hamas", "org-pkk", "org-city"}


@pytest.mark.parametrize(
    ("query", "alone"),
    [("تحويل إلى حسن نصرالله", "حسن نصرالله"), ("پرداخت به قاسم سلیمانی", "قاسم سلیمانی"),
     ("حواله به قاسم سلیمانی بابت خدمات", "قاسم سلیمانی"),
     ("תשלום עבור חסן נסראללה", "חסן נסראללה"),
     ("העברה לחסן נסראללה", "חסן נסראללה")],  # the lead written on the name
)  # fmt: skip
def test_a_payment_s_words_in_another_script_leave_the_payee_s_name(
    tmp_path: Path, query: str, alone: str
) -> None:
    """The payee rule read Latin words only: the Arabic, Persian and Hebrew payment's words
    counted as parts the listed name lacks, and each was CLEAR where the name alone is a
    REVIEW."""
    screener = persons_screener_with(
        tmp_path,
        listed_data({"person-nasrallah": ("person", "NASRALLAH, Hasan"),
                     "person-soleimani": ("person", "SOLEIMANI, Qasem")}),
    )  # fmt: skip
    expected = set(found(screener, alone)) & {"person-nasrallah", "person-soleimani"}
    assert expected  # the name alone is a hit
    hits = found(screener, query)
    assert expected <= set(hits), hits
    assert all(hits[e][0] >= review(screener) for e in expected)


def test_a_lead_written_on_a_name_is_taken_off_only_a_word_it_leaves_long_enough() -> None:
    """Hebrew writes "to" as ל on the name ("העברה לחסן"); a name that begins so ("לוי",
    Levi) would lose its first letter, and "וי כהן" met an unrelated listed person."""
    from banscreen.match.normalize import Normaliser
    from banscreen.match.payees import payee_head
    from banscreen.registry import load_registry

    normaliser = Normaliser(load_registry().matching)

    def head(*tokens: str) -> tuple[str, ...] | None:
        form = normaliser.form(" ".join(tokens))
        return payee_head(form, {"העברה"}, {"אל"}, set(), ("ל",))

    assert head("העברה", "לחסן", "נסראללה") == ("חסן", "נסראללה")
    assert head("העברה", "לוי", "כהן") == ("לוי", "כהן")  # "וי" is too short for a name
    assert head("העברה", "אל", "לאה", "כהן") == ("לאה", "כהן")  # a lead word apart
