"""Every command and reason code is documented in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from banscreen.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
REASON_CODES = [
    "INVALID_INPUT",
    "NO_MATCH",
    "ENTITY_NOT_COVERED",
    "NO_US_NEXUS",
    "NOT_YET_EFFECTIVE",
    "ENJOINED",
    "REVOKED",
    "RESCINDED",
    "CATEGORY_NOT_COVERED",
    "PAYMENT_METHOD_MENTION",
    "ACCEPTED",
    "NOT_ENFORCED",
    "AWAITING_IDENTIFICATION",
    "IDENTIFICATION_ANTICIPATED",
    "IN_FORCE",
    "EVIDENCE_CAPPED",
    "FUZZY_MATCH",
    "FREE_TEXT_MENTION",
    "UNCONFIRMED_FACT",
    "OPEN_SOURCE_LIBRARY",
    "US_NEXUS_ASSUMED",
]


def test_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert commands
    for name in commands:
        assert f"banscreen {name}" in README, name


def test_every_reason_code_is_documented() -> None:
    for code in REASON_CODES:
        assert f"`{code}`" in README, code


def test_reason_codes_in_code_are_listed() -> None:
    """Reason codes the source emits are all in the documented list."""
    import re

    src = Path(__file__).resolve().parents[1] / "src" / "banscreen"
    code = "\n".join(p.read_text("utf-8") for p in src.rglob("*.py"))
    emitted = set(re.findall(r'"([A-Z][A-Z_]{5,})"', code)) | set(
        re.findall(r':([A-Z][A-Z_]{5,})"', code)
    )
    from banscreen.decide import lifecycle

    emitted |= {v for k, v in vars(lifecycle).items() if k.isupper() and isinstance(v, str)}
    data_codes = {"OPEN_SOURCE_LIBRARY"}
    enum_names = {
        "BLOCK",
        "REVIEW",
        "CLEAR",
        "ERROR",
        "STRICT",
        "ANTICIPATE",
        "CONFIRMED",
        "SECONDARY",
        "UNCONFIRMED",
        "TRUE",
        "FALSE",
        "UNKNOWN",
    }
    undocumented = emitted - set(REASON_CODES) - enum_names
    assert undocumented <= data_codes, undocumented
