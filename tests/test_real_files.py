"""Real files from public repositories (tests/fixtures/realworld, SOURCES.md there): what
each must give — record counts, the flags it must raise, and the noise it must not."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from banscreen.batch import Pipeline
from banscreen.decide.accept import AcceptList, accept_value
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Decision, Outcome
from banscreen.sources import ListStore, registry_with_lists
from banscreen.surfaces.detect import detect
from banscreen.surfaces.rows import RawRow
from banscreen.surfaces.scan import ScanOptions

REAL = Path(__file__).resolve().parent / "fixtures" / "realworld"
AS_OF = ScanOptions(as_of=__import__("datetime").date(2021, 3, 15))


def scan(screener: Screener, path: Path) -> list[Decision]:
    found, reader = detect(path)
    assert found == "sbom"
    return list(Pipeline(screener, ScreenOptions()).scanned(reader(path, AS_OF)))


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The full SDN set, the non-SDN list, the UN list and the CSL imported, as a bank
    would (the CSL is trade.gov's published sample: the full list is not in the fixtures)."""
    home = tmp_path_factory.mktemp("real-home")
    store = ListStore(home)
    for path in ("ofac_csv_published", "ofac_non_sdn_2023-03-08.xml", "un_consolidated.xml",
                 "csl_consolidated_sample.csv"):  # fmt: skip
        store.import_file(REAL / "lists" / path)
    return Screener(registry_with_lists(home))


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("cdx_juice-shop-11.1.2.bom.json", 841),
        ("cdx_proton-bridge-v1.8.0.bom.json", 202),
        ("cdx_dropwizard-1.3.15.bom.json", 168),
        ("cdx_laravel-7.12.0.bom.1.1.xml", 62),
        ("cdx_keycloak-10.0.2.bom.xml", 904),
        ("spdx_example1.spdx", 1),
        ("spdx_example7-golang.spdx.json", 2),
        ("spdx_ACME-v2.3.spdx.json", 4),
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
    assert len(decisions) > 1400
    assert [d.transaction_id for d in without_path] == ["pkg:npm/react-native-wechat-lib@3.0.0"]


def test_a_lockfile_s_own_project_is_screened_by_its_name(screener: Screener) -> None:
    # The lockfile of a WeChat integration: none of its 1,434 dependencies names the app,
    # the project does (a CycloneDX document's own component is screened the same way).
    decisions = scan(screener, REAL / "sbom" / "rnwechat_package-lock.json")
    (project,) = [d for d in decisions if d.outcome is not Outcome.CLEAR]
    assert project.transaction_id == "pkg:npm/react-native-wechat-lib@3.0.0"
    assert project.outcome is Outcome.REVIEW and project.entity_id == "app-wechat"
    assert project.extra["location"] == "react-native-wechat-lib@3.0.0"


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
    # A creditor named like an organisation is not the listed person "AL-DAYF, Muhammad",
    # whose surname only sounds like its first word.
    assert [m.matched for d in decisions for m in d.matches if m.query == "DEF Electronics"] == []


# Real ISO 20022 payment orders: SWIFT CBPR+ samples and a SEPA file. (creditor, country,
# debtor, date, U.S. nexus) of each one's single transaction.
ORDERS = [
    ("cbpr_cbprplus_pacs008_2025.xml", "Supplier B", "CH", "Debtor Co", "2022-10-20", "unknown"),
    ("cbpr_p.8.1.1.a_pacs.008_AtoB.xml", "Supplier B", "CH", "Debtor Co", "2022-10-20",
     "unknown"),
    ("cbpr_2026_pacs008_credit_transfer_sample.xml", None, "ES", None, "2026-04-13", "unknown"),
    ("cbpr_y2025_pacs.008.max.xml", "EXNm", "GB", "EXNm", "2026-01-01", "true"),
    ("cbpr_y2026_pain.001.max.xml", "EXNm", "GB", "EXNm", "2026-01-01", "true"),
    ("moov_sepa_payment_naujas_1.xml", "IMONE Z", "LT", "IMONE X", "2017-08-23", "unknown"),
    # pain.001.001.03 writes an agent's BIC as `BIC`: the creditor's bank in New York gives
    # the country and a U.S. nexus; the rouble order's bank gives its address's country.
    ("moov_International_payment_USD_naujas_1.xml", "COMPANY Z", "US", "IMONE X", "2015-09-28",
     "true"),
    ("moov_International_payment_RUB_naujas_1.xml", "COMPANY Z", "RU", "IMONE X", "2015-09-28",
     "unknown"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "creditor", "country", "debtor", "day", "nexus"), ORDERS)
def test_real_payment_orders_are_read_whole(
    listed: Screener, name: str, creditor: str | None, country: str, debtor: str | None,
    day: str, nexus: str,
) -> None:  # fmt: skip
    path = REAL / "payments" / name
    found, reader = detect(path)
    assert found == "payments"
    items = list(reader(path, AS_OF))
    assert len(items) == 1 and items[0].error is None
    tx = items[0].transaction
    assert tx is not None
    assert (tx.date.isoformat() if tx.date else None, tx.counterparty_country) == (day, country)
    assert tx.us_nexus.value == nexus
    if creditor is not None:  # the 2026 sample fills the name with a 140-character filler
        assert tx.counterparty_name == creditor and dict(tx.parties)["debtor"] == debtor
    decisions = list(Pipeline(listed, ScreenOptions()).scanned(iter(items)))
    assert [d.outcome for d in decisions if d.outcome in (Outcome.BLOCK, Outcome.ERROR)] == []


def test_ordinary_payment_orders_are_clear_with_every_list_imported(listed: Screener) -> None:
    # The "max" samples fill every name with "EXNm", which sounds like the rare listed
    # surname "Exiang" but is not spelt like it. The SEPA file's "IMONE Z" (Lithuanian for
    # "company Z") sounds like the listed "IMANI, Zia" but is spelt otherwise.
    for name in ("cbpr_cbprplus_pacs008_2025.xml", "cbpr_2026_pacs008_credit_transfer_sample.xml",
                 "cbpr_y2025_pacs.008.max.xml", "cbpr_y2026_pain.001.max.xml",
                 "cbpr_p.8.1.1.a_pacs.008_AtoB.xml", "moov_sepa_payment_naujas_1.xml",
                 "moov_International_payment_USD_naujas_1.xml",
                 "moov_International_payment_RUB_naujas_1.xml", "cbpr_y2025_pacs.009.max.xml",
                 "cbpr_y2025_pacs.009_cov.max.xml", "cbpr_y2025_pacs.009_cov.min.xml"):  # fmt: skip
        path = REAL / "payments" / name
        reader = detect(path)[1]
        decisions = list(Pipeline(listed, ScreenOptions()).scanned(reader(path, AS_OF)))
        assert [d.outcome for d in decisions] == [Outcome.CLEAR], name


def test_a_payment_status_report_is_refused_by_name() -> None:
    from banscreen.errors import InputError

    with pytest.raises(InputError, match=r"pacs\.002 message, which orders no payment"):
        detect(REAL / "payments" / "moov_valid_pacs_v11.xml")


def test_a_hotel_app_that_ships_the_alipay_sdk(listed: Screener) -> None:
    decisions = scan(listed, REAL / "sbom" / "hotel_package-lock.json")
    assert len(decisions) == 181  # 180 packages and the project itself
    flagged = [(d.transaction_id, d.entity_id, d.outcome) for d in decisions
               if d.outcome is not Outcome.CLEAR]  # fmt: skip
    assert flagged == [("pkg:npm/alipay-sdk@3.4.0", "app-alipay", Outcome.REVIEW)]
    (alipay,) = [d for d in decisions if d.entity_id == "app-alipay"]
    assert "eo13971:AWAITING_IDENTIFICATION" in alipay.reasons  # 2021-03-15: not yet named


def test_wechatpy_requirements(listed: Screener) -> None:
    decisions = scan(listed, REAL / "sbom" / "wechatpy_echo_requirements.txt")
    assert len(decisions) == 3
    flagged = {d.transaction_id: d.entity_id for d in decisions if d.outcome is Outcome.REVIEW}
    assert flagged == {"pkg:pypi/wechatpy": "app-wechat"}
    assert all(d.outcome is Outcome.CLEAR for d in decisions if d.transaction_id not in flagged)


def test_the_real_csl_sample_and_ofac_test_subset_import(tmp_path: Path) -> None:
    store = ListStore(tmp_path / "home")
    csl = store.import_file(REAL / "lists" / "csl_consolidated_sample.csv")
    assert csl.version.records == 13
    subset = store.import_file(REAL / "lists" / "ofac_csv_test_subset")
    assert subset.version.records == 17
    registry = registry_with_lists(tmp_path / "home")
    assert sum(e.id.startswith("ofac-sdn-") for e in registry.entities.values()) == 17


def test_an_ofac_subset_is_refused_as_a_truncated_update_of_the_full_list(
    tmp_path: Path,
) -> None:
    from banscreen.errors import ListError

    store = ListStore(tmp_path / "home")
    store.import_file(REAL / "lists" / "ofac_csv_published")
    with pytest.raises(ListError, match="more than the 10% allowed"):
        store.import_file(REAL / "lists" / "ofac_csv_test_subset")


def test_the_english_spelling_of_a_listed_organisation_is_found(listed: Screener) -> None:
    # OFAC lists HIZBALLAH, and spells HEZBOLLAH only inside other names (LEBANESE
    # HEZBOLLAH among its own): both words are the list's, and were never paired by sound.
    hits = {m.entry.entity_id: m for m in listed.matcher.match_name("Hezbollah")}
    review = listed.registry.matching.thresholds.review
    assert hits["ofac-sdn-4697"].score >= review
    assert hits["ofac-sdn-4697"].entry.name.value == "HIZBALLAH"


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Charter hire, MV SEA STAR, IMO 9187629", "ofac-sdn-15036"),  # a listed vessel
        ("Cover payment through BKMTIRTHXXX Tehran", "ofac-sdn-25019"),  # Bank Mellat's BIC
        ("Withdrawal to 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "ofac-sdn-25308"),  # an address
    ],
)
def test_an_identifier_a_payment_s_text_names_is_found(
    listed: Screener, text: str, entity: str
) -> None:
    # Each was a CLEAR: only hosts were looked for in a payment's text.
    raw = RawRow(2, {"id": "P1", "date": "2024-03-15", "category": "payment",
                     "counterparty_name": "Acme Trading", "us_nexus": "true", "text": text})  # fmt: skip
    decision = Pipeline(listed, ScreenOptions()).decide(raw)
    assert decision.outcome is not Outcome.CLEAR
    assert entity in {m.entity_id for m in decision.matches}


Order = Callable[[dict[str, str]], Decision]


@pytest.fixture()
def order(listed: Screener, tmp_path: Path) -> Order:
    """The real CBPR+ pacs.008 (one transfer) with pieces of its text changed, screened
    against every list."""
    text = (REAL / "payments" / "cbpr_cbprplus_pacs008_2025.xml").read_text("utf-8")

    def screened(changes: dict[str, str]) -> Decision:
        changed = text
        for old, new in changes.items():
            assert old in changed
            changed = changed.replace(old, new, 1)
        path = tmp_path / "order.xml"
        path.write_text(changed, encoding="utf-8")
        items = detect(path)[1](path, AS_OF)
        [decision] = Pipeline(listed, ScreenOptions()).scanned(items)
        return decision

    return screened


def test_a_listed_bank_as_intermediary_agent_is_found_by_its_bic(order: Order) -> None:
    # Korea Daesong Bank (SDN, SWIFT/BIC KDBKKPPY) as the intermediary: the creditor and
    # debtor are ordinary, and the agent's BIC was read only for its country.
    decision = order({"<pacs:BICFI>MINDROBU</pacs:BICFI>": "<pacs:BICFI>KDBKKPPYXXX</pacs:BICFI>"})
    assert decision.outcome is Outcome.BLOCK
    hit = next(m for m in decision.matches if m.field == "intermediary_agent_1")
    assert (hit.method, hit.query) == ("identifier", "bic:KDBKKPPYXXX")
    assert decision.entity_name == "KOREA DAESONG BANK"


def test_a_listed_bank_named_as_creditor_agent_is_found(order: Order) -> None:
    agent = "<pacs:BICFI>WBANRO22</pacs:BICFI>"
    decision = order({agent: f"{agent}<pacs:Nm>HAVIN BANK LIMITED</pacs:Nm>"})
    assert decision.outcome is Outcome.BLOCK
    assert [m.field for m in decision.matches if m.query == "HAVIN BANK LIMITED"] == [
        "creditor_agent"
    ]


def test_an_instruction_to_the_creditor_s_bank_is_read_as_text(order: Order) -> None:
    # The same order settled while EO 13971 was in force (it was revoked in June 2021).
    settled = {"IntrBkSttlmDt>2022-10-20": "IntrBkSttlmDt>2021-03-15"}
    instruction = "<pacs:InstrInf>Credit via Alipay wallet</pacs:InstrInf>"
    end = "</pacs:CdtrAgt>"
    decision = order(
        {**settled, end: f"{end}<pacs:InstrForCdtrAgt>{instruction}</pacs:InstrForCdtrAgt>"}
    )
    assert decision.outcome is not Outcome.CLEAR
    assert "PAID_VIA_NAMED_APP" in decision.reasons
    assert order(settled).outcome is Outcome.CLEAR


def test_a_malformed_agent_bic_is_an_error_naming_the_agent(order: Order) -> None:
    decision = order({"<pacs:BICFI>MINDROBU</pacs:BICFI>": "<pacs:BICFI>MIND-ROBU</pacs:BICFI>"})
    assert decision.outcome is Outcome.ERROR
    assert "intermediary_agent_1" in (decision.error or "")


def test_a_cover_payment_is_screened_by_its_underlying_transfer_and_its_banks(
    listed: Screener, tmp_path: Path
) -> None:
    """A pacs.009 COV settles a customer's transfer between banks: the customer's creditor
    is the counterparty, and the cover's own banks are parties under `cover_` roles. Before,
    a pacs.009 was refused as no payment order."""
    text = (REAL / "payments" / "cbpr_y2025_pacs.009_cov.min.xml").read_text("utf-8")
    underlying = text.index("<UndrlygCstmrCdtTrf>")
    cover, customer = text[:underlying], text[underlying:]
    customer = customer.replace(
        "<Cdtr>\n            <Nm>EXAMPLE PARTY NV</Nm>",
        "<Cdtr>\n            <Nm>HAVIN BANK LIMITED</Nm>",
    )
    assert "<BICFI>OPQRUSSTXXX</BICFI>" in cover and "HAVIN BANK" in customer
    cover = cover.replace("<BICFI>OPQRUSSTXXX</BICFI>", "<BICFI>KDBKKPPYXXX</BICFI>")
    path = tmp_path / "cov.xml"
    path.write_text(cover + customer, encoding="utf-8")
    found, reader = detect(path)
    assert found == "payments"
    [item] = list(reader(path, AS_OF))
    assert item.transaction is not None
    assert item.transaction.counterparty_name == "HAVIN BANK LIMITED"
    assert dict(item.transaction.parties)["debtor"] == "EXAMPLE PARTY NV"
    [decision] = Pipeline(listed, ScreenOptions()).scanned(iter([item]))
    fields = {(m.field, m.entity_id) for m in decision.matches}
    assert decision.outcome is Outcome.BLOCK
    assert any(f == "counterparty_name" for f, _ in fields)
    assert any(f == "cover_instructed_agent" for f, _ in fields)


def test_a_cleared_agent_bic_is_accepted_when_read_back(listed: Screener, tmp_path: Path) -> None:
    """An acceptance of an agent's BIC hit, written as the engine keys it ("bic:..." under
    the field `intermediary_agent_1`), applies when the accept list is read back: the file's
    row was keyed as a name (the field is not `counterparty_identifiers`) and never met the
    hit it cleared."""
    text = (REAL / "payments" / "cbpr_cbprplus_pacs008_2025.xml").read_text("utf-8")
    path = tmp_path / "order.xml"
    path.write_text(text.replace("MINDROBU", "KDBKKPPYXXX", 1), encoding="utf-8")
    [item] = list(detect(path)[1](path, AS_OF))
    [decision] = Pipeline(listed, ScreenOptions()).scanned(iter([item]))
    assert decision.outcome is Outcome.BLOCK
    hit = next(m for m in decision.matches if m.field == "intermediary_agent_1")
    accepted = tmp_path / "accepted.csv"
    with accepted.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["counterparty", "entity_id", "list_version", "field"])
        key = accept_value(hit, listed.matcher.normaliser.key)
        writer.writerow([key, hit.entity_id, listed.list_version(hit.entity_id), hit.field])
    accepts, unapplied = AcceptList.from_csv(
        accepted, listed.matcher.normaliser, listed.list_version
    )
    assert unapplied == []
    cleared = Screener(listed.registry, accepts)
    [again] = Pipeline(cleared, ScreenOptions()).scanned(iter([item]))
    assert again.outcome is Outcome.CLEAR and "ACCEPTED" in again.reasons
