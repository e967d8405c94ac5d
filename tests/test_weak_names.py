"""A company name that is a short acronym or generic words once its legal form is dropped
is weak evidence: REVIEW at most, and nothing when the legal forms conflict."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Outcome
from banscreen.sources import ListStore, registry_with_lists
from banscreen.surfaces.payments import read_payments
from banscreen.surfaces.scan import ScanOptions

REAL = Path(__file__).resolve().parent / "fixtures" / "realworld"


@pytest.fixture(scope="module")
def abc_screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """A list with one blocked company known as "ABC LLC" (as OFAC lists an SSI entry)."""
    root = tmp_path_factory.mktemp("abc")
    path = root / "abc.ftm.json"
    path.write_text(
        json.dumps(
            {
                "id": "NK-abc",
                "schema": "Company",
                "properties": {
                    "name": ["Active Business Consult Limited Liability Company"],
                    "alias": ["ABC LLC"],
                    "country": ["ru"],
                },
                "datasets": ["us_ofac_sdn"],
                "target": True,
            }
        )
        + "\n",
        "utf-8",
    )
    ListStore(root / "home").import_file(path, published="2020-01-01")
    return Screener(registry_with_lists(root / "home"))


def test_the_real_pain001_debtor_abc_corporation_is_not_blocked(abc_screener: Screener) -> None:
    items = list(
        read_payments(REAL / "payments" / "moov_gistfile1.xml", ScanOptions(date(2024, 1, 1)))
    )
    decisions = list(Pipeline(abc_screener, ScreenOptions()).scanned(items))
    assert decisions and all(d.outcome is not Outcome.ERROR for d in decisions)
    named = [d for d in decisions if any(m.query == "ABC Corporation" for m in d.matches)]
    assert named, "the debtor is compared with the listed ABC LLC"
    assert all(d.outcome is not Outcome.BLOCK for d in decisions)


def test_acronym_names_score_at_most_review_and_nothing_when_forms_conflict(
    abc_screener: Screener,
) -> None:
    matcher = abc_screener.matcher
    review = abc_screener.registry.matching.thresholds.review
    block = abc_screener.registry.matching.thresholds.block
    for a, b in (("ABC Corporation", "ABC LLC"), ("XYZ Corp.", "XYZ Limited")):
        score = matcher.compare(a, b)[0]
        assert review <= score < block, (a, b, score)
    # The same legal forms: the same name as written, exact as any name is to itself.
    for a, b in (("ABC LLC", "ABC LLC"), ("ABC Inc", "ABC Ltd")):
        assert matcher.compare(a, b)[0] == 1.0, (a, b)
    for a, b in (("ABC GmbH", "ABC S.A."), ("ABC LLC", "ABC JSC")):
        assert matcher.compare(a, b)[0] == 0.0, (a, b)
    # A real name is not weak: its legal form dropped, it stays distinctive.
    assert matcher.compare("Tencent Holdings Ltd", "Tencent Holdings Limited")[0] == 1.0


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    acronym=st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=3),
    forms=st.sampled_from(
        [("LLC", "Corporation"), ("Corp.", "Ltd"), ("Corporation", "Co., Ltd."), ("GmbH", "S.A.")]
    ),
)
def test_an_acronym_under_two_different_legal_forms_is_never_block_strength(
    abc_screener: Screener, acronym: str, forms: tuple[str, str]
) -> None:
    block = abc_screener.registry.matching.thresholds.block
    normaliser = abc_screener.matcher.normaliser
    # A name made only of legal-form words ("LC", "SA") keeps them: it is not an acronym.
    assume(normaliser.tokens(f"{acronym} LLC") == (acronym.lower(),))
    a, b = f"{acronym} {forms[0]}", f"{acronym} {forms[1]}"
    assert abc_screener.matcher.compare(a, b)[0] < block, (a, b)
