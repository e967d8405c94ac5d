"""A wire addressed to a person with words or letters written apart ("Attn", "FBO", "c/o",
"H.E."): the letters were read as initials of given names the listed person lacks, and with
a listed patronymic the query was two persons, a CLEAR where the bare name is a REVIEW
(`H.E. Ramzan Kadyrov` against `KADYROV, Ramzan Akhmatovich`). And a person's name before
letters that bring in a trade name ("t/a", "o/a"): `Nikolai Patrushev t/a Acme Trading` was
CLEAR against OFAC's `PATRUSHEV, Nikolai`."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.payees import letters_end, payee_head
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = listed_data(
    {
        "p-kadyrov": ("person", "KADYROV, Ramzan Akhmatovich"),
        "p-peskov": ("person", "PESKOV, Dmitry Sergeevich"),
        "p-baskov": ("person", "BASKOV, Dmitry"),  # a surname that only sounds alike
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("addressed"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("H.E. Ramzan Kadyrov", "p-kadyrov"),
        ("H. E. Ramzan Kadyrov", "p-kadyrov"),
        ("c/o Dmitry Peskov", "p-peskov"),
        ("C/O DMITRY PESKOV", "p-peskov"),
        ("Attn: Dmitry Peskov", "p-peskov"),
        ("FAO Dmitry Peskov", "p-peskov"),
        ("FBO Ramzan Kadyrov", "p-kadyrov"),
        ("F/B/O Ramzan Kadyrov", "p-kadyrov"),
        ("A/C Ramzan Kadyrov", "p-kadyrov"),
        ("FFC Sergei Shoigu", "person-shoigu"),
        ("Ramzan Kadyrov t/a Grozny Trading", "p-kadyrov"),
        ("Ramzan Kadyrov O/A Grozny Stores", "p-kadyrov"),
        ("Sergei Shoigu t/a Acme Trading Ltd", "person-shoigu"),
    ],
)
def test_a_person_a_wire_is_addressed_to_is_found(
    listed: Screener, query: str, entity: str
) -> None:
    hits = found(listed, query)
    assert entity in hits, hits
    assert hits[entity][0] >= review(listed)


@pytest.mark.parametrize(
    ("query", "head"),
    [
        ("c/o Dmitry Peskov", ("dmitry", "peskov")),
        ("H.E. Ramzan Kadyrov", ("ramzan", "kadyrov")),
        # Not a word that is also a name ("HE Jiankui"), not letters that join to no lead
        # ("J. K. Rowling"), not letters after the start.
        ("He Jiankui", None),
        ("J. K. Rowling", None),
        ("Ramzan Kadyrov c/o", None),
    ],
)
def test_only_a_querys_first_letters_are_read_as_addressing_it(
    listed: Screener, query: str, head: tuple[str, ...] | None
) -> None:
    form = listed.matcher.normaliser.form(query)
    assert payee_head(form, {"payment"}, {"to"}, {"via"}, letters={"co", "he"}) == head


@pytest.mark.parametrize(
    ("tokens", "at", "end"),
    [
        (("ramzan", "kadyrov", "t", "a", "acme"), 2, 4),  # "t/a"
        (("ramzan", "kadyrov", "d", "b", "a", "acme"), 2, 5),  # "d/b/a"
        (("ramzan", "kadyrov", "t", "a"), 2, 4),
        (("j", "t", "a", "smith"), 1, 1),  # inside a longer run of initials
        (("j", "t", "a", "smith"), 0, 0),  # "jta" is no such run
        (("ramzan", "kadyrov", "t", "acme"), 2, 2),  # one letter alone
        (("ramzan", "ta", "acme"), 1, 1),  # a word, not letters apart
    ],
)
def test_letters_written_apart_are_read_as_one_run(
    tokens: tuple[str, ...], at: int, end: int
) -> None:
    assert letters_end(tokens, at, {"ta", "dba", "co"}) == end
