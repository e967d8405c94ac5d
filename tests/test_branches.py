"""A branch or an office named after its company (branches.py): the company's name is the
query's name. "Tenpay … Co., Ltd. Shanghai Branch" and "…有限公司北京分公司" were REVIEW
(`contained`, 0.80) where the company's name alone is exact."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Policy, Transaction
from banscreen.registry import load_registry

BRANCHES = [
    ("Tenpay Payment Technology Co., Ltd.", "Tenpay Payment Technology Co., Ltd. Shanghai Branch"),
    ("Tenpay Payment Technology Co., Ltd.", "Tenpay Payment Technology Co., Ltd., Shanghai Branch"),
    ("Tenpay Payment Technology Co., Ltd.", "TENPAY PAYMENT TECHNOLOGY CO LTD (BEIJING BRANCH)"),
    ("Tenpay Payment Technology Co., Ltd.",
     "Tenpay Payment Technology Co., Ltd. Representative Office"),
    ("财付通支付科技有限公司", "财付通支付科技有限公司上海分公司"),
    ("财付通支付科技有限公司", "財付通支付科技有限公司（上海分公司）"),
    ("深圳市腾讯计算机系统有限公司", "深圳市腾讯计算机系统有限公司北京分公司"),
    ("深圳市腾讯计算机系统有限公司", "深圳市腾讯计算机系统有限公司上海市浦东新区陆家嘴分公司"),
]  # fmt: skip


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


def top(screener: Screener, query: str) -> tuple[str, float]:
    hit = screener.matcher.match_name(query)[0]
    return hit.entry.entity_id, hit.score


@pytest.mark.parametrize(("company", "branch"), BRANCHES)
def test_a_branch_scores_as_its_company(screener: Screener, company: str, branch: str) -> None:
    assert top(screener, branch) == top(screener, company)
    assert top(screener, company)[1] == 1.0


@pytest.mark.parametrize(("company", "branch"), BRANCHES[:1] + BRANCHES[4:5])
def test_a_branch_gets_its_companys_decision(screener: Screener, company: str, branch: str) -> None:
    options = ScreenOptions(policy=Policy.ANTICIPATE)

    def decided(name: str) -> tuple[str, str | None, float | None]:
        d = screener.decide(Transaction("t", date(2021, 3, 15), "payment", name), options)
        return d.outcome.name, d.entity_id, d.score

    assert decided(branch) == decided(company)
    assert decided(branch)[0] == "BLOCK"


@pytest.mark.parametrize(
    "query",
    [
        "Tenpay Payment Technology Co., Ltd., 1 Main Street",  # an address, not a branch
        "Tenpay Payment Technology Co., Ltd. c/o Acme Ltd Branch",  # another company's
        "Tenpay Payment Technology Co., Ltd. Acme Trading Group Holdings Office",  # too long
        "财付通支付科技有限公司某某科技有限公司分公司",  # another company's branch
    ],
)
def test_more_than_a_branch_after_the_company_is_still_found_inside(
    screener: Screener, query: str
) -> None:
    entity, score = top(screener, query)
    assert entity == "tenpay"
    assert screener.registry.matching.thresholds.review <= score <= 0.9


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    place=st.sampled_from(["Shenzhen", "Dubai", "Hong Kong", "", "Shanghai Pudong"]),
    word=st.sampled_from(["Branch", "Office", "Representative Office", "Branch Office"]),
    bracketed=st.booleans(),
)
def test_every_listed_company_s_branch_scores_as_the_company(
    screener: Screener, data: st.DataObject, place: str, word: str, bracketed: bool
) -> None:
    """Any listed organisation's name that ends in a legal form, and its branch."""
    cfg = screener.registry.matching
    ends = {*cfg.company_form_words, *cfg.name_end_words}
    names = sorted(
        n.value
        for e in screener.registry.entities.values()
        if e.type != "person"
        for n in e.names
        if n.value.isascii()
        and (words := screener.matcher.normaliser.fold(n.value).replace(".", " ").split())
        and words[-1].strip(",") in ends
    )
    name = data.draw(st.sampled_from(names))
    tail = f"{place} {word}".strip()
    branch = f"{name} ({tail})" if bracketed else f"{name} {tail}"
    assert (
        dict((m.entry.entity_id, m.score) for m in screener.matcher.match_name(branch)).get(
            top(screener, name)[0]
        )
        == top(screener, name)[1]
    )
