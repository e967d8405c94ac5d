"""Rows screened through the `screen` command, as a user runs it."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from banscreen.cli import app

HEADER = (
    "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text"
)


def screened_rows(folder: Path, rows: list[str]) -> dict[str, dict[str, str]]:
    """The output rows, by id, of `banscreen screen` on a CSV file of `rows` (each a line
    under the input header) written into `folder`."""
    path = folder / "rows.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in csv.DictReader(result.stdout.splitlines())}
