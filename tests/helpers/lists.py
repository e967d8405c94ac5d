"""The three list fixtures (OFAC advanced XML, the CSL and FtM JSON) imported into a home,
as the tests that screen against real-format lists need them."""

from __future__ import annotations

from pathlib import Path

from banscreen.sources import ListStore

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
FIXTURE_LISTS = ("sdn_advanced.xml", "consolidated.csv", "opensanctions.ftm.json")


def import_fixture_lists(home: Path) -> Path:
    store = ListStore(home)
    for name in FIXTURE_LISTS:
        store.import_file(LISTS / name)
    return home


def import_sdn_csv(folder: Path, text: str) -> Path:
    """An OFAC `sdn.csv` of `text` written in `folder` and imported through the CLI, as a
    user imports one (into the test's own home); returns `folder`."""
    from typer.testing import CliRunner

    from banscreen.cli import app

    (folder / "sdn").mkdir()
    path = folder / "sdn" / "sdn.csv"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["lists", "import", str(path), "--format", "ofac-csv"])
    assert result.exit_code == 0, result.output
    return folder


def screen_rows(folder: Path, rows: list[tuple[str, str, str]], category: str = "vendor"
                ) -> dict[str, dict[str, str]]:  # fmt: skip
    """Rows of (counterparty name, identifiers, text), dated 2024-03-15 and numbered from 1,
    screened through the CLI: the output rows by id."""
    import csv
    import io

    from typer.testing import CliRunner

    from banscreen.cli import app

    path, out = folder / "in.csv", folder / "out.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "category", "counterparty_name", "counterparty_identifiers",
                         "us_nexus", "text"])  # fmt: skip
        for number, (name, identifiers, text) in enumerate(rows, 1):
            writer.writerow([number, "2024-03-15", category, name, identifiers, "true", text])
    result = CliRunner().invoke(app, ["screen", str(path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")))}
