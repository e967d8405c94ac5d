"""The public Python API: a short, locked surface."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import banscreen
from banscreen import Decision, Outcome, Policy, Screener, Transaction, screen
from banscreen.decide.accept import AcceptEntry, AcceptList
from banscreen.model import Nexus


def test_exported_members() -> None:
    assert sorted(banscreen.__all__) == [
        "Decision",
        "Outcome",
        "Policy",
        "Screener",
        "Transaction",
        "screen",
    ]


def test_screen_one_and_many() -> None:
    tx = Transaction("a", date(2021, 3, 1), "payment", "Tenpay", us_nexus=Nexus.TRUE)
    [decision] = screen(tx)
    assert isinstance(decision, Decision)
    assert decision.outcome is Outcome.REVIEW and decision.policy == "strict"
    decisions = screen([tx, Transaction("b", None, "payment", "Acme")], policy="anticipate")
    assert [d.outcome for d in decisions] == [Outcome.BLOCK, Outcome.ERROR]
    assert decisions[1].error.startswith("date:")
    [later] = screen(Transaction("c", None, "payment", "Tenpay"), as_of=date(2021, 7, 1))
    assert later.outcome is Outcome.CLEAR and "eo13971:REVOKED" in later.reasons


def test_accept_list_clears_a_repeat_hit_until_the_entity_changes(
    screener: Screener, tmp_path: Path
) -> None:
    tx = Transaction(
        "a",
        date(2021, 3, 1),
        "payment",
        "Tencent Technology (Shenzhen) Co Ltd",
        us_nexus=Nexus.TRUE,
    )
    before = screener.decide(tx)
    assert before.outcome is Outcome.REVIEW and before.entity_id == "tencent-holdings"

    version = screener.list_version("tencent-holdings")
    path = tmp_path / "accepted.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["counterparty", "entity_id", "list_version", "reason"])
        writer.writerow(
            [
                "TENCENT TECHNOLOGY (SHENZHEN) CO., LTD.",
                "tencent-holdings",
                version,
                "analyst: checked",
            ]
        )
    accepted, unapplied = AcceptList.from_csv(
        path, screener.matcher.normaliser, screener.list_version
    )
    assert unapplied == []
    accepting = Screener(screener.registry, accepted)
    after = accepting.decide(tx)
    assert after.outcome is Outcome.CLEAR and "ACCEPTED" in after.reasons

    stale = Screener(
        screener.registry,
        AcceptList(
            [
                AcceptEntry(
                    screener.matcher.normaliser.key(tx.counterparty_name),
                    "tencent-holdings",
                    "0ld0ld0ld0ld",
                )
            ]
        ),
    )
    assert stale.decide(tx).outcome is Outcome.REVIEW, "an acceptance for an older entry lapses"


def test_policy_values() -> None:
    assert [p.value for p in Policy] == ["strict", "anticipate"]


def test_explain_shows_the_list_version_the_accept_list_needs(screener: Screener) -> None:
    import json

    from typer.testing import CliRunner

    from banscreen.cli import app

    result = CliRunner().invoke(app, ["explain", "tencent-holdings", "--json"])
    assert json.loads(result.stdout)["list_version"] == screener.list_version("tencent-holdings")
