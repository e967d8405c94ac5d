"""An app named by its own URL scheme: a payment's text holding a deep link into a payment
app ("alipays://platformapi/startapp?appId=…") or the content of a payment QR code
("wxp://f2f0…") was CLEAR, its host ("platformapi") being no domain and the scheme no word of
a name; and the same link given as a `url:` identifier was an ERROR ("not a valid domain
name"). A scheme is now an identifier kind of its own (`url_scheme`), listed in the data."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.errors import IdentifierError
from banscreen.match.identifiers import identifiers_in_text, link_kind, normalise
from banscreen.model import Nexus, Outcome, Transaction
from banscreen.surfaces.rows import parse_identifiers


def _listed_schemes(screener: Screener) -> list[tuple[str, str]]:
    """(entity, scheme) of every URL scheme the shipped data lists."""
    return [
        (entity.id, ident.value)
        for entity in screener.registry.entities.values()
        for ident in entity.identifiers
        if ident.kind == "url_scheme"
    ]


def test_the_data_lists_schemes_of_payment_apps(screener: Screener) -> None:
    listed = _listed_schemes(screener)
    assert len(listed) >= 5
    payment_apps = {
        e.id for e in screener.registry.entities.values() if "payment_method" in e.roles
    }
    assert {entity for entity, _ in listed} & payment_apps


@pytest.mark.parametrize(
    "template",
    ["paid via {s}://platformapi/startapp?appId=20000067", "{s}://f2f0abc", "QR: {S}://x/y",
     "scan ({s}://pay)"],
)  # fmt: skip
def test_a_listed_scheme_in_text_is_never_cleared(screener: Screener, template: str) -> None:
    for entity, scheme in _listed_schemes(screener):
        text = template.format(s=scheme, S=scheme.upper())
        tx = Transaction("t", date(2021, 3, 15), "payment", "Acme Trading Ltd",
                         us_nexus=Nexus.TRUE, text=text)  # fmt: skip
        decision = screener.decide(tx)
        assert decision.outcome != Outcome.CLEAR, (text, decision.reasons)
        assert entity in {m.entity_id for m in decision.matches}, text


def test_a_link_given_as_a_url_is_its_app_scheme_not_a_host(screener: Screener) -> None:
    entity, scheme = _listed_schemes(screener)[0]
    for cell in (f"url:{scheme}://platformapi/startapp", f"url_scheme:{scheme}",
                 f"scheme:{scheme}://", f"domain:{scheme}://open"):  # fmt: skip
        idents = parse_identifiers(cell)
        assert [i.kind for i in idents] == ["url_scheme"], cell
        tx = Transaction("t", date(2021, 3, 15), "payment", "", identifiers=idents,
                         us_nexus=Nexus.TRUE)  # fmt: skip
        decision = screener.decide(tx)
        assert decision.outcome == Outcome.REVIEW, (cell, decision.reasons)
        assert decision.matches[0].entity_id == entity


def test_web_links_stay_hosts_and_unlisted_schemes_meet_nothing(screener: Screener) -> None:
    assert parse_identifiers("url:https://example.com/x")[0].kind == "domain"
    # A universal link (https) given as a deep link is a host's, and so screened.
    for cell in ("deep_link:https://www.alipay.com/a/b", "app_link:https://alipay.com/x"):
        (ident,) = parse_identifiers(cell)
        assert ident.kind == "domain", cell
        tx = Transaction("t", date(2021, 3, 15), "payment", "", identifiers=(ident,),
                         us_nexus=Nexus.TRUE)  # fmt: skip
        assert screener.decide(tx).outcome != Outcome.CLEAR, cell
    assert link_kind("domain", "mailto://x@example.com") == "domain"
    found = identifiers_in_text("see https://example.com and ftp://x.org")
    assert ("domain", "example.com") in found and all(k != "url_scheme" for k, _ in found)
    tx = Transaction("t", date(2021, 3, 15), "payment", "Acme Trading Ltd",
                     us_nexus=Nexus.TRUE, text="open myshop://cart/123")  # fmt: skip
    assert screener.decide(tx).outcome == Outcome.CLEAR


def test_a_malformed_scheme_is_a_field_error(screener: Screener) -> None:
    with pytest.raises(IdentifierError):
        normalise("url_scheme", "://x")
    tx = Transaction("t", date(2021, 3, 15), "payment", "Acme",
                     identifiers=parse_identifiers("url_scheme:1abc"), us_nexus=Nexus.TRUE)  # fmt: skip
    decision = screener.decide(tx)
    assert decision.outcome == Outcome.ERROR
    assert "counterparty_identifiers" in (decision.error or "")


@given(st.text(max_size=80))
def test_any_scheme_value_normalises_or_is_an_identifier_error(value: str) -> None:
    try:
        form = normalise("url_scheme", value)
    except IdentifierError:
        return
    assert form == form.lower() and form[:1].isalpha() and "://" not in form


@given(st.text(max_size=200))
def test_schemes_in_any_text_are_lower_case_words(text: str) -> None:
    for kind, value in identifiers_in_text(text):
        if kind == "url_scheme":
            assert value == value.lower() and value not in ("http", "https", "mailto")
