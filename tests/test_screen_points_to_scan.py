"""`screen` reads tables of transactions; an SBOM, a lockfile or a payment message given to it
is refused with a pointer to `scan`. Before, a CycloneDX JSON file was screened line by line
into one ERROR a line (10,621 of them for a real SBOM) and a Podfile.lock was refused for
lacking an 'id' column, with no word of the command that reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.cli import app

runner = CliRunner()

CYCLONEDX = {
    "bomFormat": "CycloneDX",
    "specVersion": "1.4",
    "version": 1,
    "components": [{"type": "library", "name": "left-pad", "version": "1.3.0"}],
}
PODFILE = "PODS:\n  - Acme (1.0.0)\n\nDEPENDENCIES:\n  - Acme\n\nCOCOAPODS: 1.11.3\n"
PAIN_001 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn><GrpHdr><MsgId>M1</MsgId></GrpHdr></CstmrCdtTrfInitn>
</Document>
"""


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bom.json", json.dumps(CYCLONEDX, indent=2), "an SBOM or lockfile"),
        ("Podfile.lock", PODFILE, "an SBOM or lockfile"),
        ("payment.xml", PAIN_001, "an ISO 20022 payment message"),
    ],
)
def test_a_file_scan_reads_is_refused_with_a_pointer_to_scan(
    tmp_path: Path, name: str, content: str, kind: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 2, result.output
    assert kind in result.output
    assert f"banscreen scan {path}" in " ".join(result.output.split())


def test_json_lines_of_transactions_are_screened_as_before(tmp_path: Path) -> None:
    """A first line that is a JSON object is JSON lines, whatever later lines hold (a
    transaction's text may well name a bomFormat)."""
    path = tmp_path / "rows.json"
    rows = [
        {"id": "1", "date": "2021-03-01", "category": "payment", "counterparty_name": "Acme",
         "text": '"bomFormat": "CycloneDX"'},
        {"id": "2", "date": "2021-03-01", "category": "payment", "counterparty_name": "Zed"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 3


def test_a_broken_json_lines_file_still_gives_a_row_each(tmp_path: Path) -> None:
    """A file that is neither JSON lines nor anything `scan` reads keeps its contract: one
    ERROR row per line, naming it."""
    path = tmp_path / "rows.json"
    path.write_text('{"id": "1",\n"date": "2021-03-01"}\n', encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path), "--quiet"])
    assert result.exit_code != 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 3 and all(",ERROR," in line for line in lines[1:])
