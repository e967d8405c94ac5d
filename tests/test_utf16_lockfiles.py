"""Lockfiles and manifests as Windows writes them: `pip freeze > requirements.txt` in
PowerShell writes UTF-16 with a byte-order mark, and so does `npm ls --json > deps.json`.
Read as UTF-8, every line of such a requirements file was an ERROR ("not a requirement we
can screen: '\\x00w\\x00e...'") and a package.json was refused; each is now read in its
encoding (encodings.file_text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Outcome, Policy
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions

FIXTURES = Path(__file__).parent / "fixtures" / "sbom"


def scan(screener: Screener, path: Path) -> dict[str, Outcome]:
    _, reader = detect(path)
    items = reader(path, ScanOptions(as_of=date(2021, 3, 15)))
    decided = Pipeline(screener, ScreenOptions(policy=Policy.ANTICIPATE)).scanned(items)
    return {d.transaction_id: d.outcome for d in decided}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-16-be"])
def test_a_requirements_file_in_another_unicode_encoding(
    screener: Screener, tmp_path: Path, encoding: str
) -> None:
    text = "wechatpy==1.8.18\r\nrequests==2.31.0\r\nalipay-sdk-python==3.7.4\r\n"
    (tmp_path / "utf8").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "utf8" / "requirements.txt").write_text(text, encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "other" / "requirements.txt").write_bytes(data)
    expected = scan(screener, tmp_path / "utf8" / "requirements.txt")
    assert list(expected.values()) == [Outcome.REVIEW, Outcome.CLEAR, Outcome.BLOCK]
    assert scan(screener, tmp_path / "other" / "requirements.txt") == expected


def test_a_package_json_in_utf16(screener: Screener, tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "package.json").read_text(encoding="utf-8"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "package.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "b" / "package.json").write_bytes(json.dumps(data).encode("utf-16"))
    expected = scan(screener, tmp_path / "a" / "package.json")
    assert Outcome.BLOCK in expected.values()
    assert scan(screener, tmp_path / "b" / "package.json") == expected
