"""A covered group's business unit that the data names: Ant Group's international business
(`Ant International`, Alipay+ and WorldFirst's group, run from Singapore) was CLEAR as
`NO_MATCH`, though a subsidiary of the company that controls Alipay's developer."""

from __future__ import annotations

from datetime import date

from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Nexus, Outcome, Policy, Transaction
from banscreen.registry import load_registry


def test_ant_international_reaches_alipay_through_ant_group() -> None:
    screener = Screener(load_registry())
    tx = Transaction(id="1", date=date(2021, 3, 15), category="payment",
                     counterparty_name="ANT INTERNATIONAL PTE. LTD.", counterparty_country="SG",
                     us_nexus=Nexus.TRUE)  # fmt: skip
    decision = screener.decide(tx, ScreenOptions(policy=Policy.ANTICIPATE))
    assert decision.entity_id == "ant-international"
    assert decision.outcome is Outcome.BLOCK
    assert decision.path.split(" ")[:3] == ["ant-international", "-subsidiary_of->", "ant-group"]
    assert decision.path.endswith("Alipay")
