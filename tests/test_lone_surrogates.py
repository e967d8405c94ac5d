"""A lone UTF-16 surrogate at every door. JSON may escape one ("\\ud800"), and bytes a
terminal's encoding does not read reach `sys.argv` as one; it is no character, and no UTF-8
writes it. Before, each of these crashed: `screen` of JSON lines (the whole batch, with a
traceback), `POST /v1/screen` and the review actions (500), `scan` of a CycloneDX SBOM
(in the package URL library), `match` and `compare`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from banscreen.api import create_app
from banscreen.engine import Screener
from banscreen.registry import Registry
from banscreen.store import Store
from helpers.service import TENPAY
from helpers.stores import backend_store

BANSCREEN = str(Path(sys.executable).with_name("banscreen"))


def _run(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([BANSCREEN, *args], capture_output=True, cwd=cwd)


@pytest.mark.parametrize("field", ["counterparty_name", "text", "id"])
def test_screen_of_json_lines_makes_the_row_an_error_and_goes_on(
    tmp_path: Path, field: str
) -> None:
    rows = [{**TENPAY, "id": "1", field: "Ten\ud800pay"}, {**TENPAY, "id": "2"}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
    result = _run("screen", str(path), "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert [r["outcome"] for r in out] == ["ERROR", "REVIEW"]
    assert f"{field}: a lone UTF-16 surrogate (\\ud800) at character 4" in out[0]["error"]
    assert out[0]["id"] == ("Ten?pay" if field == "id" else "1")


def test_scan_of_an_sbom_makes_the_component_an_error_and_goes_on(tmp_path: Path) -> None:
    components = [
        {"type": "library", "name": "pay\ud800kit", "version": "1"},
        {"type": "library", "name": "x", "purl": "pkg:npm/left\udc00pad@1.0.0"},
        {"type": "library", "name": "wechat-sdk", "version": "1"},
    ]
    bom = {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": components}
    path = tmp_path / "bom.cdx.json"
    path.write_text(json.dumps(bom), encoding="ascii")
    result = _run("scan", str(path), "--quiet", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    by_outcome = sorted((d["outcome"], d["error"].partition(": ")[2]) for d in out)
    assert by_outcome == [
        ("ERROR", "component: a lone UTF-16 surrogate (\\ud800) at character 4, "
                  "which is no character"),
        ("ERROR", "counterparty_identifiers: a lone UTF-16 surrogate (\\udc00) at character 13, "
                  "which is no character"),
        ("REVIEW", ""),
    ]  # fmt: skip


@pytest.mark.parametrize("command", [["match"], ["compare", "Tenpay"]])
def test_match_and_compare_refuse_bytes_the_terminal_does_not_read(
    tmp_path: Path, command: list[str]
) -> None:
    result = _run(*command, b"Ten\xffpay", cwd=tmp_path)
    assert result.returncode == 2
    assert b"not valid in the terminal's encoding" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    yield from backend_store("sqlite", tmp_path)


def test_the_api_answers_a_decision_and_refuses_an_analysts_text(
    store: Store, registry: Registry
) -> None:
    client = TestClient(create_app(store, Screener(registry)), raise_server_exceptions=False)
    key = store.create_key(["screen", "review"])
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    body = json.dumps({**TENPAY, "counterparty_name": "Ten\ud800pay"})
    one = client.post("/v1/screen", content=body, headers=headers)
    assert one.status_code == 200 and one.json()["outcome"] == "ERROR"
    assert "lone UTF-16 surrogate" in one.json()["error"]
    batch = json.dumps({"transactions": [{**TENPAY, "id": "b\udfff"}, TENPAY]})
    both = client.post("/v1/screen", content=batch, headers=headers)
    assert both.status_code == 200
    assert [d["outcome"] for d in both.json()["decisions"]] == ["ERROR", "REVIEW"]
    alert = client.get("/v1/alerts", headers=headers).json()["alerts"][0]["alert_id"]
    comment = json.dumps({"action": "comment", "reason": "seen \ud83d"})
    refused = client.post(f"/v1/alerts/{alert}/actions", content=comment, headers=headers)
    assert refused.status_code == 422 and "\\\\ud83d" in refused.text


@pytest.mark.parametrize("field", ["name", "remarks"])
def test_a_list_record_holding_one_is_refused_naming_it(tmp_path: Path, field: str) -> None:
    """Before, the import crashed as it stored the version (a traceback, exit 1)."""
    fixture = Path(__file__).parent / "fixtures" / "lists" / "consolidated.json"
    data = json.loads(fixture.read_text(encoding="utf-8"))
    data["results"][0][field] = "Hua\ud800wei"
    path = tmp_path / "csl.json"
    path.write_text(json.dumps(data), encoding="ascii")
    home = tmp_path / "home"
    result = _run("--home", str(home), "lists", "import", str(path), "--format", "csl-json",
                  cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2, result.stderr.decode()
    stderr = result.stderr.decode()
    assert f"its {field} holds a lone UTF-16 surrogate" in stderr and "Traceback" not in stderr
