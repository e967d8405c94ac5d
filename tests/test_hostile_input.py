"""The hostile and broken input corpus: every file gets its expected ERROR rows or refusal."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from banscreen.cli import app

CORPUS = Path(__file__).parent / "corpus"
MANIFEST = yaml.safe_load((CORPUS / "manifest.yaml").read_text("utf-8"))
HEADER = (
    "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text"
)
runner = CliRunner()


def run(*args: str, as_of: bool = True) -> tuple[int, list[dict[str, str]], str]:
    result = runner.invoke(app, [*args, "--quiet", *(["--as-of", "2021-03-15"] if as_of else [])])
    rows = list(csv.DictReader(result.stdout.splitlines())) if result.exit_code == 0 else []
    return result.exit_code, rows, result.output


@pytest.mark.parametrize("case", MANIFEST, ids=[c["file"] for c in MANIFEST])
def test_corpus_file(case: dict[str, Any]) -> None:
    code, rows, output = run(
        case["command"], str(CORPUS / case["file"]), as_of=case.get("as_of", True)
    )
    assert code == case["exit"], output[-500:]
    if "rows" in case:
        assert len(rows) == case["rows"], rows
    if "errors" in case:
        assert sum(r["outcome"] == "ERROR" for r in rows) == case["errors"], rows
        assert all(r["error"] for r in rows if r["outcome"] == "ERROR"), "an ERROR says why"
    if "message" in case:
        assert case["message"] in output


def test_corpus_is_listed_completely() -> None:
    listed = {c["file"] for c in MANIFEST}
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file()} - {"manifest.yaml"}
    assert listed == on_disk


def test_ten_megabyte_field_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        HEADER + "\n1,2021-03-01,payment,Acme,US,,true," + "x" * (10 << 20) + "\n"
        "2,2021-03-01,payment,Tenpay,CN,,true,\n",
        encoding="utf-8",
    )
    code, rows, _ = run("screen", str(path))
    assert code == 0 and len(rows) == 2
    assert rows[0]["outcome"] == "ERROR" and rows[0]["error"].startswith("row 1: text:")
    assert rows[1]["entity_id"] == "tenpay"


def test_million_column_header(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    extra = ",".join(f"c{i}" for i in range(1_000_000))
    path.write_text(
        f"{HEADER},{extra}\n1,2021-03-01,payment,Tenpay,CN,,true,,v0\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["screen", str(path), "--as-of", "2021-03-15"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert len(rows) == 1 and rows[0]["outcome"] == "ERROR", "a ragged row is an ERROR, kept"
    assert len(rows[0]) == 10 + 1000, "at most 1,000 unknown columns are carried"
    assert "999,000 unknown columns" in result.output


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_bomb_and_path_traversal_are_refused(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.apk", {"AndroidManifest.xml": b"\0" * (50 << 20)})
    code, rows, _ = run("scan", str(bomb))
    assert code == 0 and rows[0]["outcome"] == "ERROR" and "zip bomb" in rows[0]["error"]
    climb = _zip(
        tmp_path / "climb.ipa", {"../../etc/Info.plist": b"x", "Payload/A.app/Info.plist": b"x"}
    )
    code, rows, _ = run("scan", str(climb))
    assert code == 0 and rows[0]["outcome"] == "ERROR" and "path traversal" in rows[0]["error"]


FUZZ_FOUND = sorted((CORPUS / "fuzz").iterdir())
READERS = {
    "csv": ("screen", None),
    "payments": ("scan", "payments"),
    "cyclonedx": ("scan", "sbom"),
    "npm": ("scan", "sbom"),
    "podfile": ("scan", "sbom"),
    "gradle": ("scan", "sbom"),
    "domains": ("scan", "domains"),
}
FUZZ_NAMES = {"cyclonedx": "bom.json", "npm": "package-lock.json", "podfile": "Podfile.lock",
              "gradle": "deps.txt", "domains": "hosts.txt", "payments": "pay.xml", "csv": "in.csv"}  # fmt: skip


@pytest.mark.parametrize("path", FUZZ_FOUND, ids=[p.name for p in FUZZ_FOUND])
def test_inputs_the_fuzzer_found(path: Path, tmp_path: Path) -> None:
    """Each once crashed a reader; now each gives rows or a clean refusal."""
    harness = path.name.split("-", 1)[0]
    command, surface = READERS[harness]
    target = tmp_path / FUZZ_NAMES[harness]
    target.write_bytes(path.read_bytes())
    args = [
        command,
        *([surface] if surface else []),
        str(target),
        "--quiet",
        "--as-of",
        "2021-03-15",
    ]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 2)
    if result.exit_code == 0:
        rows = list(csv.DictReader(result.stdout.splitlines()))
        assert all(r["error"] for r in rows if r["outcome"] == "ERROR")
