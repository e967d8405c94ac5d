"""Real files from public repositories (tests/fixtures/realworld, SOURCES.md there): what
each must give — record counts, the flags it must raise, and the noise it must not."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Decision, Outcome
from banscreen.sources import ListStore, registry_with_lists
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions

REAL = Path(__file__).resolve().parent / "fixtures" / "realworld"
AS_OF = ScanOptions(as_of=__import__("datetime").date(2021, 3, 15))


def scan(screener: Screener, path: Path) -> list[Decision]:
    found, reader = detect(path)
    assert found == "sbom"
    return list(Pipeline(screener, ScreenOptions()).scanned(reader(path, AS_OF)))


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The full SDN set, the non-SDN list and the UN list imported, as a bank would."""
    home = tmp_path_factory.mktemp("real-home")
    store = ListStore(home)
    for path in ("ofac_csv_published", "ofac_non_sdn_2023-03-08.xml", "un_consolidated.xml"):
        store.import_file(REAL / "lists" / path)
    return Screener(registry_with_lists(home))


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("cdx_juice-shop-11.1.2.bom.json", 841),
        ("cdx_proton-bridge-v1.8.0.bom.json", 202),
        ("cdx_dropwizard-1.3.15.bom.json", 168),
        ("cdx_laravel-7.12.0.bom.1.1.xml", 62),
    ],
)
def test_real_sboms_raise_no_noise_with_every_list_imported(
    listed: Screener, name: str, rows: int
) -> None:
    decisions = scan(listed, REAL / "sbom" / name)
    assert len(decisions) == rows
    noisy = [(d.transaction_id, d.entity_name) for d in decisions if d.outcome > Outcome.CLEAR]
    assert noisy == []
    # proton-bridge's `ugorji/go` cycle is a note, not an ERROR row.
    assert not [d for d in decisions if d.outcome is Outcome.ERROR]


def test_a_go_dependency_cycle_is_noted(listed: Screener) -> None:
    decisions = scan(listed, REAL / "sbom" / "cdx_proton-bridge-v1.8.0.bom.json")
    noted = [d for d in decisions if d.notes]
    assert noted and all("dependency cycle" in n for d in noted for n in d.notes)
    assert any("ugorji" in d.transaction_id for d in noted)


def test_gradle_lockfile(screener: Screener) -> None:
    decisions = scan(screener, REAL / "sbom" / "raygun_gradle.lockfile")
    assert len(decisions) == 4
    assert all(d.transaction_id.startswith("pkg:maven/androidx.") for d in decisions)


def test_poetry_lock(screener: Screener) -> None:
    decisions = scan(screener, REAL / "sbom" / "wechatpy_poetry.lock")
    assert len(decisions) == 26
    ids = {d.transaction_id for d in decisions}
    assert "pkg:pypi/cryptography@44.0.0" in ids or any("cryptography" in i for i in ids)
    # Dependencies are followed: cffi is found below cryptography.
    cffi = next(d for d in decisions if "pypi/cffi@" in d.transaction_id)
    assert "cryptography" in cffi.extra["location"]


def test_yarn_v1_lock_with_scoped_packages_located_by_path(screener: Screener) -> None:
    decisions = scan(screener, REAL / "sbom" / "rnwechat_yarn.lock")
    assert len(decisions) == 1259
    core = next(d for d in decisions if d.transaction_id.startswith("pkg:npm/%40babel/core@"))
    assert " > @babel/core@" in core.extra["location"]  # not "@babel:core"
    assert all(" > " in d.extra["location"] for d in decisions)


def test_package_lock_v2_dev_dependencies_hang_from_the_root(screener: Screener) -> None:
    decisions = scan(screener, REAL / "sbom" / "rnwechat_package-lock.json")
    without_path = [d for d in decisions if " > " not in d.extra["location"]]
    assert len(decisions) > 1400 and without_path == []


def test_cocoapods_subspecs_have_their_own_ids_and_tobias_carries_alipay(
    screener: Screener,
) -> None:
    decisions = scan(screener, REAL / "sbom" / "tobias_Podfile.lock")
    ids = Counter(d.transaction_id for d in decisions)
    assert max(ids.values()) == 1  # tobias and tobias/normal are two records
    tobias = [d for d in decisions if "tobias" in d.transaction_id]
    assert len(tobias) == 2
    assert all(d.entity_id == "app-alipay" and d.outcome is Outcome.REVIEW for d in tobias)
    assert all("BUNDLES_OFFICIAL_SDK" in d.reasons for d in tobias)


SPDX3 = {
    "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
    "@graph": [
        {"type": "SpdxDocument", "spdxId": "urn:doc", "rootElement": ["urn:app"]},
        {"type": "software_Package", "spdxId": "urn:app", "name": "shop-app",
         "software_packageVersion": "1.0"},
        {"type": "software_Package", "spdxId": "urn:sdk", "name": "WechatOpenSDK",
         "software_packageVersion": "2.0.4",
         "software_packageUrl": "pkg:cocoapods/WechatOpenSDK@2.0.4"},
        {"type": "Relationship", "spdxId": "urn:r1", "from": "urn:app",
         "relationshipType": "dependsOn", "to": ["urn:sdk"]},
    ],
}  # fmt: skip


def test_spdx3_json_ld(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "sbom.spdx3.json"
    path.write_text(json.dumps(SPDX3), "utf-8")
    decisions = {d.transaction_id: d for d in scan(screener, path)}
    assert set(decisions) == {"urn:app", "pkg:cocoapods/WechatOpenSDK@2.0.4"}
    sdk = decisions["pkg:cocoapods/WechatOpenSDK@2.0.4"]
    assert sdk.entity_id == "app-wechat" and sdk.method == "identifier"
    assert sdk.extra["location"] == "(document) > shop-app@1.0 > WechatOpenSDK@2.0.4"


def test_spdx_json_is_detected_by_parsing_not_by_its_first_bytes(tmp_path: Path) -> None:
    """sbom-tool writes `files` first: `spdxVersion` comes after the first 8 KiB."""
    doc = {
        "files": [{"fileName": f"./lib/file{i}.dll", "SPDXID": f"SPDXRef-File-{i}"}
                  for i in range(400)],
        "spdxVersion": "SPDX-2.2",
    }  # fmt: skip
    path = tmp_path / "manifest.spdx.json"
    path.write_text(json.dumps(doc), "utf-8")
    assert path.read_text("utf-8").index("spdxVersion") > 8192
    assert detect(path)[0] == "sbom"


def test_the_real_pain001_is_not_blocked_with_every_list_imported(listed: Screener) -> None:
    path = REAL / "payments" / "moov_gistfile1.xml"
    found, reader = detect(path)
    assert found == "payments"
    decisions = list(Pipeline(listed, ScreenOptions()).scanned(reader(path, AS_OF)))
    assert len(decisions) == 3
    assert all(d.outcome is not Outcome.BLOCK for d in decisions)
    debtor = [m for d in decisions for m in d.matches if m.query == "ABC Corporation"]
    assert debtor and all(m.score < 0.97 for m in debtor)  # "ABC LLC": REVIEW at most
