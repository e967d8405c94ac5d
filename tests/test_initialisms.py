"""Words of a name given by their initials (initialisms.py): "IRISL MTI" is "IRISL
Maritime Training Institute", "NIOC" is "National Iranian Oil Company". Word by word the
two share nothing where the initials stand; each pair below was CLEAR."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.common_words import zipf
from helpers.matching import (
    found,
    match_everything,
    match_key,
    persons_screener,
    persons_screener_with,
    review,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "names" / "initialisms_organisations.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(FIXTURE)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        # the query gives the initials; the listed name spells the words
        ("IRISL MTI", "org-irisl-mti"),
        ("NIOC", "org-nioc"),
        ("POGC", "org-pogc"),  # "and" has no letter ...
        ("CCFW", "org-ccfw"),  # ... or one has and another not: "Center of Call For Wisdom"
        ("PJSC TASTC N.A. G. M. BERIEV", "org-tastc"),
        ("Payment to IRISL MTI inv 22", "org-irisl-mti"),
        # the listed name gives the initials; the query spells the words
        ("JOINT STOCK COMPANY CENTRAL SCIENTIFIC PRODUCTION ASSOCIATION LENINETZ", "org-leninetz"),
        (
            "AKTSIONERNOE OBSHCHESTVO 171 OTDELNOE KONSTRUKTORSKO TEKHNOLOGICHESKOE BIURO",
            "org-oktb",
        ),
    ],
)
def test_words_given_by_their_initials_are_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    """A REVIEW, never a BLOCK: initials are a guess at a name, not its spelling."""
    score, _ = found(screener, query)[entity]
    cfg = screener.registry.matching
    assert review(screener) <= score <= cfg.initialism_max < cfg.thresholds.block


RVK = "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU UPRAVLYAYUSHCHAYA KOMPANIYA RVK"


@pytest.mark.parametrize(
    ("query", "absent"),
    [
        # three letters alone are the initials of too many names
        ("IFP", "org-ifp"),
        # the initials of a legal form name no one: "OUK" is not "Otvetstvennostyu
        # Upravlyayushchaya Kompaniya", which broke "OOO" open, and left both names alike
        (RVK, "org-rfpi"),
        (RVK, "org-ouk"),
        # initials made on both sides are two guesses: "Shengmao Science and" and "Singh
        # Science and" are both "SSA", and the two companies are not one
        ("QINGDAO SHENGMAO SCIENCE AND TECHNOLOGY DEVELOPMENT CO., LTD.", "org-singh"),
        ("QINGDAO SHENGMAO SCIENCE AND TECHNOLOGY DEVELOPMENT CO., LTD.", "org-ssa"),
    ],
)
def test_initials_that_stand_for_no_name_are_no_hit(
    screener: Screener, query: str, absent: str
) -> None:
    assert absent not in found(screener, query)


def test_the_index_finds_what_initials_reach_in_every_name(screener: Screener) -> None:
    """Names the query's initials stand for a run of share no word with it: the index
    brings them by the runs' initials (`initials_candidates`), as scoring every name would."""
    index = screener.matcher.names
    for query in ("IRISL MTI", "NIOC", "CCFW", "LENINETZ CSPA", "PJSC TASTC BERIEV"):
        assert match_key(index.match(query)) == match_everything(index, query), query


SYLLABLES = ["ka", "lo", "mi", "ren", "tor", "vex", "zan", "qui", "bel", "dro", "sun", "pex",
             "nor", "gal", "fin", "tek", "sol", "var", "xin", "lu", "mar", "ost", "pra", "wen"]  # fmt: skip


def _made_up_names(count: int) -> list[str]:
    rng = random.Random(11)
    return [
        " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(rng.randint(3, 6))
        )
        for _ in range(count)
    ]


NAMES = _made_up_names(40)


@pytest.fixture(scope="module")
def made_up(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    entities = "".join(
        f"""  - id: made-{k}
    type: company
    source: test
    provenance: confirmed
    names:
      - {{value: "{name}", kind: legal, source: test, provenance: confirmed}}
"""
        for k, name in enumerate(NAMES)
    )
    data = f'sources:\n  test: "banscreen test fixture"\nentities:\n{entities}'
    return persons_screener_with(tmp_path_factory.mktemp("initials"), data)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.integers(0, len(NAMES) - 1), st.integers(0, 5), st.integers(3, 6), st.booleans())
def test_any_run_of_a_listed_name_given_by_its_initials_is_found(
    made_up: Screener, pick: int, start: int, size: int, upper: bool
) -> None:
    """A run of three words or more of a listed name, given by their initials, in upper
    or lower case: found at REVIEW, never BLOCK, unless the initials are a word English
    uses often ("BTS") or a legal form ("SGR"); and a name given by its initials alone only when there are four
    of them or more."""
    words = NAMES[pick].split()
    start = min(start, len(words) - 3)
    size = min(size, len(words) - start)
    initials = "".join(w[0] for w in words[start : start + size])
    query = " ".join([*words[:start], initials.upper() if upper else initials.lower(),
                      *words[start + size :]])  # fmt: skip
    cfg = made_up.registry.matching
    assume(zipf(initials.lower()) < cfg.initialism_max_zipf)
    assume(initials.lower() in made_up.matcher.normaliser.form(query).tokens)
    hit = found(made_up, query).get(f"made-{pick}")
    if size == len(words) and size < cfg.initialism_alone_min_letters:
        assert hit is None or hit[0] < cfg.thresholds.review
        return
    assert hit is not None, query
    assert review(made_up) <= hit[0] <= cfg.initialism_max, query


@pytest.mark.parametrize(
    ("a", "b", "hit"),
    [
        ("IRISL MTI", "IRISL Maritime Training Institute", True),
        ("NIOC", "National Iranian Oil Company", True),
        ("PJSC CSPA Leninetz", "JSC Central Scientific Production Association Leninetz", True),
        ("IFP", "Instrumentation Factory Plant", False),
        (
            "Qingdao Shengmao Science and Technology Development Co",
            "Singh Science and Technology Development Co",
            False,
        ),
    ],
)
def test_compare_reads_initials_both_ways_round(
    screener: Screener, a: str, b: str, hit: bool
) -> None:
    """`compare` gives what matching gives, whichever name comes first: each name's run of
    words is read as initials where the other name has them as a word."""
    cfg = screener.registry.matching
    forward, backward = screener.matcher.compare(a, b), screener.matcher.compare(b, a)
    assert forward[0] == backward[0]
    if hit:
        assert review(screener) <= forward[0] <= cfg.initialism_max
    else:
        assert forward[0] < review(screener)


def test_a_text_longer_than_a_name_is_not_read_for_initials(screener: Screener) -> None:
    """A field of 700 KB took twice as long to match when its runs were read."""
    index = screener.matcher.names
    name = "JSC Central Scientific Production Association Leninetz"
    assert index.abbreviated(name, index.normaliser.form(name))  # CSPA is a listed word
    long = " ".join(["Trading"] * 100) + " " + name
    assert index.abbreviated(long, index.normaliser.form(long)) == []
