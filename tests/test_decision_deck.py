"""The decision deck: expected outcomes written from the legal facts, run through the engine."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from banscreen.engine import Screener, ScreenOptions
from banscreen.errors import FieldError
from banscreen.model import Decision, Outcome, Policy
from banscreen.surfaces.rows import parse_row

DECKS = sorted((Path(__file__).parent / "deck").glob("*.yaml"))
DECK = [case for path in DECKS for case in yaml.safe_load(path.read_text("utf-8"))]


def _decide(screener: Screener, case: dict[str, Any]) -> Decision:
    row = {
        "id": case.get("id", case["case"]),
        "date": str(case.get("date", "2021-03-15")),
        "category": case.get("category", "payment"),
        "counterparty_name": case.get("name", ""),
        "counterparty_identifiers": case.get("ids", ""),
        "us_nexus": case.get("us_nexus", "true"),
        "text": case.get("text", ""),
    }
    as_of = case.get("as_of")
    options = ScreenOptions(
        policy=Policy(case.get("policy", "anticipate")),
        as_of=date.fromisoformat(str(as_of)) if as_of else None,
    )
    try:
        tx = parse_row(row)
    except FieldError as exc:
        return Decision(row["id"], Outcome.ERROR, ("INVALID_INPUT",), error=str(exc))
    return screener.decide(tx, options)


def test_deck_is_big_enough() -> None:
    foundation = yaml.safe_load((DECKS[0].parent / "decisions.yaml").read_text("utf-8"))
    assert len(foundation) >= 80
    assert len({c["case"] for c in DECK}) == len(DECK), "case names must be unique"


@pytest.mark.parametrize("case", DECK, ids=[c["case"] for c in DECK])
def test_decision(screener: Screener, case: dict[str, Any]) -> None:
    decision = _decide(screener, case)
    summary = f"{decision.outcome.name} {decision.reasons} {decision.entity_id} {decision.path!r} {decision.error!r}"
    assert decision.outcome.name == case["outcome"], summary
    for reason in filter(None, str(case.get("reason", "")).split("|")):
        assert reason in decision.reasons, summary
    if "entity" in case:
        assert decision.entity_id == case["entity"], summary
    if "path_has" in case:
        assert case["path_has"] in decision.path, summary
    if case["outcome"] == "ERROR":
        assert decision.error.startswith(case["error_field"] + ":") or (
            f": {case['error_field']}:" in decision.error
        ), summary
    else:
        assert decision.error == ""
    if case["outcome"] in ("BLOCK", "REVIEW"):
        assert decision.programs, "a REVIEW or BLOCK names its program"
