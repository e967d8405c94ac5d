"""Manifests (npm's package.json, Python's pyproject.toml) are scanned as SBOMs: the
project, its author, and every dependency it asks for.

`scan package.json` and `scan pyproject.toml` were refused ("not a CycloneDX, SPDX,
lockfile … file"): a project handed over without its lockfile could not be screened.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.errors import InputError
from banscreen.model import Decision, Outcome
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions
from helpers.scans import scanned_sbom

FIXTURE = Path(__file__).parent / "fixtures" / "sbom" / "package.json"
PYPROJECT = FIXTURE.with_name("pyproject.toml")
runner = CliRunner()


def _scan(screener: Screener, path: Path) -> dict[str, Decision]:
    return scanned_sbom(screener, path, date(2021, 3, 15))


def test_every_dependency_of_every_section_is_a_record(screener: Screener) -> None:
    decisions = _scan(screener, FIXTURE)
    assert set(decisions) == {
        "pkg:npm/%40acme/checkout-web@4.2.0",  # the project itself
        "pkg:npm/alipay-sdk",  # a range names no one version
        "pkg:npm/wechatpay-node-v3@2.1.8",
        "pkg:npm/react",
        "pkg:npm/react-dom",
        "pkg:npm/stripe",
        "pkg:npm/vite@5.0.10",
        "pkg:npm/vitest",
        "pkg:npm/fsevents@2.3.3",
        "pkg:npm/typescript",
    }
    assert decisions["pkg:npm/alipay-sdk"].outcome == Outcome.REVIEW
    assert decisions["pkg:npm/wechatpay-node-v3@2.1.8"].outcome == Outcome.REVIEW
    assert decisions["pkg:npm/react"].outcome == Outcome.CLEAR
    assert decisions["pkg:npm/alipay-sdk"].extra["location"] == (
        "@acme/checkout-web@4.2.0 > alipay-sdk"
    )


def test_the_manifest_s_author_is_screened_by_name(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text(
        json.dumps({"name": "pay-sdk", "version": "1.0.0", "author": {"name": "Tenpay"}})
    )
    [decision] = _scan(screener, path).values()
    assert decision.outcome == Outcome.REVIEW
    assert decision.entity_id


def test_a_section_that_is_no_object_is_an_error_record(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text(json.dumps({"name": "x", "dependencies": ["alipay-sdk"], "devDependencies":
                                {"wechatpay-node-v3": {"version": "1"}}}))  # fmt: skip
    decisions = list(_scan(screener, path).values())
    errors = [d for d in decisions if d.outcome == Outcome.ERROR]
    assert len(errors) == 2
    assert any("dependencies" in (d.error or "") for d in errors)
    assert any("wechatpay-node-v3" in (d.error or "") for d in errors)


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "\xff"])
def test_an_unreadable_manifest_is_unusable_input(tmp_path: Path, text: str) -> None:
    path = tmp_path / "package.json"
    path.write_text(text, encoding="latin-1")
    _, reader = detect(path)
    with pytest.raises(InputError, match=r"package\.json"):
        list(reader(path, ScanOptions(as_of=date(2021, 3, 15))))
    result = runner.invoke(app, ["scan", str(path), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_pyproject_s_dependencies_of_pep_621_and_poetry_are_records(screener: Screener) -> None:
    decisions = _scan(screener, PYPROJECT)
    assert set(decisions) == {
        "pkg:pypi/shop-payments@2.3.1",
        "pkg:pypi/wechatpayv3",
        "pkg:pypi/python-alipay-sdk@3.3.0",
        "pkg:pypi/requests",
        "pkg:pypi/pydantic",  # extras and markers are not part of the name
        "pkg:pypi/tencentcloud-sdk-python",  # an optional dependency group
        "pkg:pypi/pytest@8.0.0",
        "pkg:pypi/wechatpy@1.8.18",  # Poetry's table; its `python` is no package
    }
    reviewed = {k for k, d in decisions.items() if d.outcome == Outcome.REVIEW}
    assert reviewed == {
        "pkg:pypi/wechatpayv3",
        "pkg:pypi/python-alipay-sdk@3.3.0",
        "pkg:pypi/tencentcloud-sdk-python",
        "pkg:pypi/wechatpy@1.8.18",
    }
    assert (
        decisions["pkg:pypi/wechatpayv3"].extra["location"] == "shop-payments@2.3.1 > wechatpayv3"
    )


def test_a_pyproject_s_author_is_screened_and_bad_entries_are_errors(
    screener: Screener, tmp_path: Path
) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "pay-sdk"\nauthors = [{name = "Tenpay"}]\n'
        'dependencies = ["requests", 7, "-e ./local"]\n'
        '[project.optional-dependencies]\nx = "notalist"\n'
    )
    decisions = list(_scan(screener, path).values())
    [root] = [d for d in decisions if d.transaction_id == "pkg:pypi/pay-sdk"]
    assert root.outcome == Outcome.REVIEW and root.entity_id
    errors = [d for d in decisions if d.outcome == Outcome.ERROR]
    assert len(errors) == 3  # 7, "-e ./local", and the extra that is no list


def test_an_unreadable_pyproject_is_unusable_input(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[project\nname = ")
    result = runner.invoke(app, ["scan", str(path), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "pyproject.toml" in result.output and "Traceback" not in result.output
