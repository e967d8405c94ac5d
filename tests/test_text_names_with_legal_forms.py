"""A listed organisation's name of one word in a payment's free text: found as a payee of
a payment's words ("Payment to QORVA"), but not with a legal form after it ("Invoice from
QORVA Corporation", "QORVA Ltd."), which says a firm of that name is meant, nor as a payee
before a comma and an address ("Payment to QORVA, Building 3, Hi-tech Park"), nor as the
value of a field's label ("Beneficiary: QORVA"): each was CLEAR. A common English word with a legal form after it, and a surname before a comma
and a given name, stay unmatched."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import listed_data, persons_screener_with


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data({
        "org-qorva": ("company", "QORVA"),
        "org-bridge": ("company", "BRIDGE"),
        "org-karim": ("company", "KARIM"),
    })  # fmt: skip
    return persons_screener_with(tmp_path_factory.mktemp("text-names"), data)


def _scanned(screener: Screener, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in screener.matcher.free_text.scan(text)}


@pytest.mark.parametrize(
    "text",
    ["Invoice from QORVA Corporation", "QORVA Ltd. invoice 5521", "Paid Qorva Co., Ltd. for parts",
     "services of QORVA S.A. de C.V.", "Payment to QORVA, Building 3, Hi-tech Park",
     "Transfer to Qorva, 55 Al Wahda Street, Dubai", "Payment to QORVA, P.O. Box 12",
     "Beneficiary: QORVA", "Ultimate beneficiary: Qorva", "Payee: QORVA; ref 5521"],
)  # fmt: skip
def test_a_listed_word_named_as_a_firm_in_text(listed: Screener, text: str) -> None:
    assert "org-qorva" in _scanned(listed, text)


@pytest.mark.parametrize(
    "text",
    ["Invoice from Bridge Ltd", "Bridge Corporation services", "Payment to KARIM, Abdullah",
     "Invoice from QORVA a sum of 5", "QORVA", "Qorva consulting notes",
     "Beneficiary: Bridge", "Note: QORVA", "Beneficiary: QORVA Zeltran Trading"],
)  # fmt: skip
def test_a_common_word_a_surname_or_a_bare_word_is_no_firm(listed: Screener, text: str) -> None:
    assert not _scanned(listed, text) & {"org-bridge", "org-karim", "org-qorva"}
