"""Surface readers on real-format fixtures: payments, SBOMs and lockfiles, apps, domains."""

from __future__ import annotations

import csv
import json
import plistlib
import zipfile
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.batch import Pipeline
from banscreen.cli import app
from banscreen.engine import Screener, ScreenOptions
from banscreen.errors import InputError
from banscreen.model import CounterpartyIdentifier, Decision, Nexus, Outcome, Policy, Transaction
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions
from banscreen.wire import decision_json

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2021, 3, 15)
runner = CliRunner()


def scan(
    screener: Screener, path: Path, surface: str | None = None, policy: Policy = Policy.ANTICIPATE
) -> list[Decision]:
    _, reader = detect(path, surface)
    items = reader(path, ScanOptions(as_of=AS_OF))
    return list(Pipeline(screener, ScreenOptions(policy=policy)).scanned(items))


def by_id(decisions: list[Decision]) -> dict[str, Decision]:
    return {d.transaction_id: d for d in decisions}


@pytest.mark.parametrize(
    ("name", "surface"),
    [
        ("payments/pacs008.xml", "payments"),
        ("payments/pain001.xml", "payments"),
        ("sbom/app-cyclonedx.json", "sbom"),
        ("sbom/app-cyclonedx.xml", "sbom"),
        ("sbom/app.spdx.json", "sbom"),
        ("sbom/app.spdx", "sbom"),
        ("sbom/package-lock.json", "sbom"),
        ("sbom/Podfile.lock", "sbom"),
        ("sbom/gradle-dependencies.txt", "sbom"),
        ("sbom/pom.xml", "sbom"),
        ("sbom/requirements.txt", "sbom"),
        ("apps/mdm-export.csv", "apps"),
        ("apps/mdm-export.json", "apps"),
        ("domains/customers.txt", "domains"),
    ],
)
def test_surface_detection(name: str, surface: str) -> None:
    assert detect(FIXTURES / name)[0] == surface


# ------------------------------------------------------------------------------ payments
def test_pacs008_creditor_only_in_chinese(screener: Screener) -> None:
    decisions = by_id(scan(screener, FIXTURES / "payments/pacs008.xml", policy=Policy.STRICT))
    assert len(decisions) == 3
    tenpay = decisions["8a562c67-ca16-48ba-b074-65581be6f011"]
    assert tenpay.entity_id == "tenpay" and tenpay.outcome is Outcome.REVIEW
    assert tenpay.extra["location"] == "NYBK20210315-0001/E2E-TENPAY-1"
    assert "US_NEXUS_ASSUMED" not in tenpay.reasons, "a U.S. debtor agent gives a U.S. nexus"
    assert decisions["TX-2"].outcome is Outcome.CLEAR
    ultimate = decisions["TX-3"]
    assert ultimate.entity_id == "tencent-music"
    assert any(m.field == "ultimate_creditor" for m in ultimate.matches)
    assert ultimate.as_of == date(2021, 3, 16)


def test_pain001_uses_each_payment_information_block(screener: Screener) -> None:
    decisions = by_id(scan(screener, FIXTURES / "payments/pain001.xml"))
    assert list(decisions) == ["INV-KSO-1", "INV-STAT-2", "INV-ANT-3"]
    assert decisions["INV-KSO-1"].outcome is Outcome.BLOCK
    assert decisions["INV-KSO-1"].as_of == date(2021, 4, 30)
    ant = decisions["INV-ANT-3"]
    assert ant.as_of == date(2021, 6, 10) and "eo13971:REVOKED" in ant.reasons


def test_pain001_block_agent_and_structured_remittance_are_read(
    screener: Screener, tmp_path: Path
) -> None:
    # The second order of the first block, paid through a wallet named only in structured
    # remittance's additional text; its debtor's agent is given once, on the block.
    text = (
        (FIXTURES / "payments/pain001.xml")
        .read_text("utf-8")
        .replace(
            "<RmtInf><Ustrd>Paper and toner</Ustrd></RmtInf>",
            "<RmtInf><Strd><AddtlRmtInf>Top-up of the supplier's WeChat Pay wallet</AddtlRmtInf>"
            "</Strd></RmtInf>",
        )
    )
    path = tmp_path / "pain001.xml"
    path.write_text(text, encoding="utf-8")
    [_, tx, _] = [item.transaction for item in detect(path)[1](path, ScanOptions(as_of=AS_OF))]
    assert tx is not None and tx.text == "Top-up of the supplier's WeChat Pay wallet"
    assert CounterpartyIdentifier("bic", "CITIUS33XXX", "debtor_agent") in tx.identifiers
    assert tx.us_nexus is Nexus.TRUE
    decision = by_id(scan(screener, path))["INV-STAT-2"]
    assert decision.outcome is Outcome.BLOCK and "PAID_VIA_NAMED_APP" in decision.reasons


def test_truncated_payment_file_keeps_what_was_read(screener: Screener, tmp_path: Path) -> None:
    text = (FIXTURES / "payments/pacs008.xml").read_text("utf-8")
    cut = text.index("<Cdtr><Nm>Pacific Reseller")
    path = tmp_path / "truncated.xml"
    path.write_text(text[:cut], encoding="utf-8")
    decisions = scan(screener, path, "payments")
    assert [d.outcome for d in decisions[:2]] == [Outcome.BLOCK, Outcome.CLEAR]
    assert decisions[-1].outcome is Outcome.ERROR
    assert "truncated" in decisions[-1].error and "/3" in decisions[-1].error


def test_wrong_namespace_is_one_error(screener: Screener, tmp_path: Path) -> None:
    text = (FIXTURES / "payments/pacs008.xml").read_text("utf-8")
    path = tmp_path / "camt.xml"
    path.write_text(text.replace("pacs.008.001.08", "camt.056.001.08"), encoding="utf-8")
    decisions = scan(screener, path, "payments")
    assert len(decisions) == 1 and decisions[0].outcome is Outcome.ERROR
    assert "namespace" in decisions[0].error


def test_payment_xml_entities_are_not_resolved(screener: Screener, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    text = (FIXTURES / "payments/pacs008.xml").read_text("utf-8")
    text = text.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM "file://{secret}">]>',
    ).replace("Merchant settlement Q1 2021", "&x;")
    path = tmp_path / "xxe.xml"
    path.write_text(text, encoding="utf-8")
    decisions = scan(screener, path, "payments")
    assert all("TOP-SECRET-VALUE" not in str(d) for d in decisions)
    assert len(decisions) == 3


def test_bad_payment_date_is_an_error_row(screener: Screener, tmp_path: Path) -> None:
    text = (
        (FIXTURES / "payments/pacs008.xml").read_text("utf-8").replace("2021-03-16", "2021-02-30")
    )
    path = tmp_path / "bad-date.xml"
    path.write_text(text, encoding="utf-8")
    decisions = scan(screener, path, "payments")
    assert len(decisions) == 3
    assert decisions[2].outcome is Outcome.ERROR and "date" in decisions[2].error


# ------------------------------------------------------------------------------ SBOMs
@pytest.mark.parametrize(
    ("name", "purl", "entity", "via"),
    [
        (
            "sbom/app-cyclonedx.json",
            "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
            "app-wechat",
            "com.example:login-kit@2.0.1",
        ),
        (
            "sbom/app-cyclonedx.xml",
            "pkg:cocoapods/AlipaySDK-iOS@15.8.03",
            "app-alipay",
            "PaymentsKit@2.3.0",
        ),
        (
            "sbom/app.spdx.json",
            "pkg:maven/com.tencent.tauth/qqopensdk@3.53.0",
            "app-tencent-qq",
            "share-kit@0.9",
        ),
        (
            "sbom/app.spdx",
            "pkg:maven/com.alipay.sdk/alipay-sdk-java@4.38.0.ALL",
            "app-alipay",
            "pay-service@2.0",
        ),
        ("sbom/Podfile.lock", "pkg:cocoapods/WechatOpenSDK@2.0.2", "app-wechat", "ShareKit@1.2.0"),
        (
            "sbom/gradle-dependencies.txt",
            "pkg:maven/com.tencent.tauth/qqopensdk@3.53.0",
            "app-tencent-qq",
            "com.example:social-login@3.1.0",
        ),
        (
            "sbom/pom.xml",
            "pkg:maven/com.github.wechatpay-apiv3/wechatpay-java@0.2.12",
            "app-wechat-pay",
            "com.example:payments-gateway",
        ),
    ],
)
def test_sdk_found_with_its_dependency_path(
    screener: Screener, name: str, purl: str, entity: str, via: str
) -> None:
    decisions = by_id(scan(screener, FIXTURES / name))
    hit = decisions[purl]
    assert hit.outcome is Outcome.BLOCK and hit.entity_id == entity
    assert via in hit.extra["location"]
    assert hit.extra["location"].index(via) < hit.extra["location"].rindex(">")


def test_every_component_is_a_row(screener: Screener) -> None:
    sbom = json.loads((FIXTURES / "sbom/app-cyclonedx.json").read_text("utf-8"))
    decisions = scan(screener, FIXTURES / "sbom/app-cyclonedx.json")
    assert len(decisions) == len(sbom["components"]) + 1  # the application itself has a purl
    bugly = by_id(decisions)["pkg:maven/com.tencent.bugly/crashreport@4.1.9"]
    assert bugly.outcome is Outcome.REVIEW and "OPEN_SOURCE_LIBRARY" in bugly.reasons


def test_sbom_with_a_cycle(screener: Screener, tmp_path: Path) -> None:
    sbom = json.loads((FIXTURES / "sbom/app-cyclonedx.json").read_text("utf-8"))
    for dep in sbom["dependencies"]:
        if dep["ref"].endswith("wechat-sdk-android@6.8.0"):
            dep["dependsOn"] = ["pkg:maven/com.example/social-share@1.4.2"]
    path = tmp_path / "cycle.cdx.json"
    path.write_text(json.dumps(sbom), encoding="utf-8")
    decisions = scan(screener, path)
    # A cycle is a fact about the graph, not a broken input: no ERROR row, one row per
    # component as without it, and each component on the cycle says so.
    assert not [d for d in decisions if d.outcome is Outcome.ERROR]
    assert len(decisions) == len(sbom["components"]) + 1
    wechat = by_id(decisions)["pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"]
    assert wechat.outcome is Outcome.BLOCK
    share = by_id(decisions)["pkg:maven/com.example/social-share@1.4.2"]
    for decision in (wechat, share):
        (note,) = decision.notes
        assert note.startswith("dependency cycle: ") and "social-share" in note
        assert "wechat-sdk-android" in note
        assert decision_json(decision)["notes"] == [note]
    assert sum(1 for d in decisions if d.notes) == 3  # social-share > login-kit > wechat-sdk


def test_npm_lock_resolves_nested_packages(screener: Screener) -> None:
    decisions = by_id(scan(screener, FIXTURES / "sbom/package-lock.json"))
    assert set(decisions) == {
        "pkg:npm/web-shop@1.2.0",  # the project itself, by its name
        "pkg:npm/checkout-widgets@2.1.0",
        "pkg:npm/wechatpay-axios-plugin@0.8.14",
        "pkg:npm/left-pad@1.3.0",
    }
    assert decisions["pkg:npm/wechatpay-axios-plugin@0.8.14"].extra["location"] == (
        "web-shop@1.2.0 > checkout-widgets@2.1.0 > wechatpay-axios-plugin@0.8.14"
    )


def test_requirements_option_lines_are_errors(screener: Screener) -> None:
    decisions = scan(screener, FIXTURES / "sbom/requirements.txt")
    assert len(decisions) == 4
    assert [d.outcome for d in decisions if d.transaction_id == "line 5"] == [Outcome.ERROR]
    # Alipay's own Python SDK: the app's code, identified by its purl (the program's outcome).
    alipay = by_id(decisions)["pkg:pypi/alipay-sdk-python@3.7.4"]
    assert alipay.outcome is Outcome.BLOCK and alipay.method == "identifier"
    # A package built to integrate an app, its name glued to a version: a REVIEW too.
    wechat = by_id(decisions)["pkg:pypi/wechatpayv3"]
    assert wechat.outcome is Outcome.REVIEW and wechat.entity_id == "app-wechat-pay"
    assert by_id(decisions)["pkg:pypi/requests@2.32.3"].outcome is Outcome.CLEAR


def test_unreadable_sbom_is_unusable_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.cdx.json"
    path.write_text(
        '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [', encoding="utf-8"
    )
    _, reader = detect(path)
    with pytest.raises(InputError, match="CycloneDX"):
        list(reader(path, ScanOptions(as_of=AS_OF)))
    result = runner.invoke(app, ["scan", str(path)])
    assert result.exit_code == 2


def test_sbom_xml_with_dtd_is_refused(tmp_path: Path) -> None:
    text = (
        (FIXTURES / "sbom/app-cyclonedx.xml")
        .read_text("utf-8")
        .replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        )
    )
    path = tmp_path / "bomb.xml"
    path.write_text(text, encoding="utf-8")
    _, reader = detect(path, "sbom")
    with pytest.raises(InputError, match="unsafe XML"):
        list(reader(path, ScanOptions(as_of=AS_OF)))


# ------------------------------------------------------------------------------ apps
def test_mdm_exports(screener: Screener) -> None:
    rows = by_id(scan(screener, FIXTURES / "apps/mdm-export.csv"))
    assert rows["DEV-0001:com.tencent.xin"].entity_id == "app-wechat"
    assert rows["DEV-0002:com.intsig.camscanner"].outcome is Outcome.BLOCK
    assert rows["DEV-0003:not a package"].outcome is Outcome.ERROR
    assert rows["DEV-0001:com.tinyspeck.chatlyio"].outcome is Outcome.CLEAR
    records = scan(screener, FIXTURES / "apps/mdm-export.json")
    assert len(records) == 4
    assert by_id(records)["DEV-0102:com.tencent.mqq"].entity_id == "app-tencent-qq"
    assert records[-1].outcome is Outcome.ERROR


def test_mdm_consoles_own_column_names_and_the_publisher(screener: Screener) -> None:
    # Intune's app inventory names its columns ApplicationName, ApplicationPublisher, ...;
    # Jamf's "Application Title", "Application Bundle ID". Both were an ERROR a row.
    intune = FIXTURES / "apps/intune-app-inventory.csv"
    assert detect(intune)[0] == "apps"
    rows = by_id(scan(screener, intune))
    # Foxmail is a Tencent product: its name is not listed, its publisher is.
    foxmail = rows["d-01:Foxmail"]
    assert foxmail.outcome is not Outcome.CLEAR
    assert {m.field for m in foxmail.matches} == {"publisher"}
    assert rows["d-02:PDF Tools"].entity_id == "kingsoft-office"  # publisher in Chinese
    assert rows["d-01:Slack"].outcome is Outcome.CLEAR
    assert rows["d-02:Notepad++"].outcome is Outcome.CLEAR
    jamf = by_id(scan(screener, FIXTURES / "apps/jamf-applications.csv"))
    camscanner = jamf["MBP-0043:com.intsig.camscanner"]
    assert camscanner.outcome is not Outcome.CLEAR and camscanner.entity_id == "app-camscanner"
    assert jamf["MBP-0042:com.tencent.xinWeChat"].entity_id == "app-wechat"
    assert jamf["MBP-0042:com.tinyspeck.slackmacgap"].outcome is Outcome.CLEAR


def make_ipa(path: Path, info: dict[str, str] | None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Payload/WeChat.app/WeChat", b"\xcf\xfa\xed\xfe")
        if info is not None:
            archive.writestr(
                "Payload/WeChat.app/Info.plist", plistlib.dumps(info, fmt=plistlib.FMT_BINARY)
            )
    return path


def test_ipa_bundle_identifier(screener: Screener, tmp_path: Path) -> None:
    ipa = make_ipa(
        tmp_path / "WeChat.ipa",
        {
            "CFBundleIdentifier": "com.tencent.xin",
            "CFBundleName": "WeChat",
            "CFBundleShortVersionString": "8.0.49",
        },
    )
    [decision] = scan(screener, ipa)
    assert decision.outcome is Outcome.BLOCK and decision.entity_id == "app-wechat"
    [missing] = scan(screener, make_ipa(tmp_path / "empty.ipa", None))
    assert missing.outcome is Outcome.ERROR and "Info.plist" in missing.error


def test_apk_package_from_binary_manifest(screener: Screener, tmp_path: Path) -> None:
    from helpers.axml import make_apk

    apk = make_apk(tmp_path / "camscanner.apk", "com.intsig.camscanner", "6.70.0")
    [decision] = scan(screener, apk)
    assert decision.outcome is Outcome.BLOCK and decision.entity_id == "app-camscanner"
    assert decision.extra["location"] == "camscanner.apk (com.intsig.camscanner)"
    result = runner.invoke(app, ["scan", str(apk), "--quiet"])
    assert result.stdout.startswith("id,outcome,"), "nothing but decisions on stdout"


def test_apk_signer_is_screened_by_name(screener: Screener, tmp_path: Path) -> None:
    from helpers.axml import make_apk, sign_v1

    apk = sign_v1(
        make_apk(tmp_path / "unknown.apk", "com.example.unknownapp"),
        "Shenzhen Tencent Computer Systems Co., Ltd.",
    )
    [decision] = scan(screener, apk)
    assert decision.entity_id == "tencent-computer-systems"
    assert decision.outcome is Outcome.BLOCK
    assert any(m.field == "signer" for m in decision.matches)


def test_apk_that_is_not_a_zip(screener: Screener, tmp_path: Path) -> None:
    apk = tmp_path / "fake.apk"
    apk.write_bytes(b"this is not an android package")
    [decision] = scan(screener, apk)
    assert decision.outcome is Outcome.ERROR and "not a zip" in decision.error
    broken = tmp_path / "broken.apk"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("classes.dex", b"dex\n035")
    [decision] = scan(screener, broken)
    assert decision.outcome is Outcome.ERROR and decision.error


# ------------------------------------------------------------------------------ domains
def test_domain_list(screener: Screener) -> None:
    decisions = scan(screener, FIXTURES / "domains/customers.txt")
    assert len(decisions) == 6
    rows = by_id(decisions)
    assert rows["pay.weixin.qq.com"].entity_id == "app-wechat-pay"
    assert rows["pay.weixin.qq.com"].extra["location"] == "line 2 (qq.com)"
    assert rows["ushareit.com"].entity_id == "app-shareit"
    assert rows["shop.example.co.uk"].extra["location"].endswith("(example.co.uk)")
    assert decisions[-1].outcome is Outcome.ERROR


# ------------------------------------------------------------------------------ CLI
def test_scan_cli_named_and_detected(tmp_path: Path) -> None:
    out = tmp_path / "sbom.csv"
    result = runner.invoke(
        app,
        [
            "scan",
            "sbom",
            str(FIXTURES / "sbom/Podfile.lock"),
            "--out",
            str(out),
            "--as-of",
            "2021-03-15",
        ],
    )
    assert result.exit_code == 0
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[-1] == "location" and len(rows) == 3
    result = runner.invoke(
        app, ["scan", str(FIXTURES / "domains/customers.txt"), "--quiet", "--us-nexus", "false"]
    )
    assert result.exit_code == 0
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert all(r["outcome"] in ("CLEAR", "ERROR") for r in rows)
    assert (
        runner.invoke(app, ["scan", "telepathy", str(FIXTURES / "domains/customers.txt")]).exit_code
        == 2
    )
    assert Nexus.FALSE.value == "false"


def test_the_row_parser_does_not_take_one_for_true() -> None:
    """JSON values equal across types (True == 1 == 1.0) must not share a parse: 1.0 is no
    nexus (1 and "1" are, as spreadsheets write true)."""
    from banscreen.errors import FieldError
    from banscreen.surfaces.rows import RowParser

    parse = RowParser()
    row = {"id": "a", "date": "2021-03-15", "category": "payment", "counterparty_name": "Acme"}
    assert parse({**row, "us_nexus": True}).us_nexus is Nexus.TRUE
    with pytest.raises(FieldError, match="us_nexus"):
        parse({**row, "us_nexus": 1.0})
    assert parse({**row, "us_nexus": "true"}).us_nexus is Nexus.TRUE
    assert parse({**row, "us_nexus": 1}).us_nexus is Nexus.TRUE


def test_the_corporate_domains_of_covered_companies_are_not_clear(screener: Screener) -> None:
    """Corporate and product domains of the companies, not only of the apps."""
    domains = (
        "tencent.com", "tenpay.com", "wechatpay.cn", "weixin.com", "servicewechat.com",
        "alipay.cn", "alipay.hk", "alipayplus.com", "antgroup.com", "pay.tenpay.com",
        # CLEAR before: the developer of one app, a product site of another's, a former
        # name's, an object storage's hosts.
        "vmate.com", "ucweb.com", "uc.cn", "kdocs.cn", "wechatpay.com.hk", "antfin.com",
        "antom.com", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com",
    )  # fmt: skip
    for domain in domains:
        tx = Transaction(
            id=domain, date=date(2021, 3, 1), category="hosting",
            identifiers=(CounterpartyIdentifier("domain", domain),), us_nexus=Nexus.TRUE,
        )  # fmt: skip
        decision = screener.decide(tx)
        assert decision.outcome is not Outcome.CLEAR, domain
        assert decision.matches[0].method == "identifier", domain


SPDX_ROOT_WITHOUT_PURL = """SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: scanner-build
DocumentNamespace: https://example.com/spdx/scanner-build-1
Creator: Tool: example
Created: 2024-01-01T00:00:00Z

PackageName: wechat-open-sdk-bridge
SPDXID: SPDXRef-Package-root
PackageVersion: 1.0.0
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: NOASSERTION
PackageCopyrightText: NOASSERTION

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-root
"""


def test_an_sbom_component_s_maker_is_screened_by_name(screener: Screener, tmp_path: Path) -> None:
    """A library whose own name and coordinates name nothing listed, made by a listed maker
    as the document says (CycloneDX's supplier, publisher, authors; SPDX's supplier and
    originator): found by its maker, as an app by its publisher."""
    bom = json.loads((FIXTURES / "sbom/app-cyclonedx.json").read_text("utf-8"))
    share, login = bom["components"][:2]
    share["supplier"] = {"name": "Zhuhai Kingsoft Office Software Co., Ltd."}
    login["publisher"] = "Example Labs"
    login["authors"] = [{"name": "Jane Roe"}]
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(bom), encoding="utf-8")
    rows = by_id(scan(screener, path))
    made = rows[share["purl"]]
    assert made.outcome is not Outcome.CLEAR and made.entity_id == "kingsoft-office"
    assert {m.field for m in made.matches} == {"supplier"}
    assert rows[login["purl"]].outcome is Outcome.CLEAR
    spdx = json.loads((FIXTURES / "sbom/app.spdx.json").read_text("utf-8"))
    gson = next(p for p in spdx["packages"] if p["name"] == "gson")
    gson["supplier"] = "Organization: Kingsoft Office Software"
    gson["originator"] = "NOASSERTION"
    path = tmp_path / "app.spdx.json"
    path.write_text(json.dumps(spdx), encoding="utf-8")
    [supplied] = [d for d in scan(screener, path) if d.entity_id == "kingsoft-office"]
    assert {(m.field, m.query) for m in supplied.matches} == {
        ("supplier", "Kingsoft Office Software")
    }


def test_an_spdx_root_package_without_a_purl_is_screened_by_its_name(
    screener: Screener, tmp_path: Path
) -> None:
    path = tmp_path / "root.spdx"
    path.write_text(SPDX_ROOT_WITHOUT_PURL, "utf-8")
    (decision,) = scan(screener, path)
    assert decision.transaction_id == "SPDXRef-Package-root"
    assert decision.outcome is Outcome.REVIEW and "COMPONENT_NAME" in decision.reasons


def test_a_document_that_yields_nothing_says_so(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from banscreen.cli import app

    empty = SPDX_ROOT_WITHOUT_PURL.split("\nPackageName:")[0] + "\n"
    path = tmp_path / "empty.spdx"
    path.write_text(empty, "utf-8")
    result = CliRunner().invoke(app, ["scan", "sbom", str(path), "--as-of", "2024-01-01"])
    assert result.exit_code == 2
    assert "nothing was screened" in result.output


def test_official_sdks_in_every_ecosystem_are_identified_by_their_purl(
    screener: Screener,
) -> None:
    decisions = by_id(scan(screener, FIXTURES / "sbom/official-sdks.cdx.json"))
    expected = {
        "pkg:cocoapods/WechatOpenSDK-XCFramework@2.0.4": "app-wechat",
        "pkg:pypi/alipay-sdk-python@3.7.4": "app-alipay",
        "pkg:npm/alipay-sdk@3.6.1": "app-alipay",
        "pkg:golang/github.com/wechatpay-apiv3/wechatpay-go@0.2.18": "app-wechat-pay",
        "pkg:cocoapods/AlipaySDK-iOS@15.8.30": "app-alipay",
    }
    for purl, maker in expected.items():
        decision = decisions[purl]
        assert decision.outcome is not Outcome.CLEAR, purl
        assert (decision.entity_id, decision.method) == (maker, "identifier"), purl
    # A package named as the SDK, with no purl, is found by its name.
    assert decisions["a"].entity_id == "app-wechat" and decisions["a"].outcome is Outcome.REVIEW


def test_domain_lists_in_the_syntax_public_lists_use(screener: Screener, tmp_path: Path) -> None:
    (tmp_path / "tencent").write_text(
        "# Tencent, as domain-list-community writes it\n"
        "include:wechat\n"
        "full:pay.weixin.qq.com @cn\n"
        "domain:tencent.com @cn @ads\n"
        "keyword:alipay\n"
        "include:missing\n"
        "example.org\n",
        "utf-8",
    )
    (tmp_path / "wechat").write_text("domain:weixin.com\n", "utf-8")
    decisions = scan(screener, tmp_path / "tencent", "domains")
    by_host = {d.transaction_id: d for d in decisions}
    assert by_host["weixin.com"].entity_id == "app-wechat"  # read from the included list
    assert by_host["weixin.com"].extra["location"].startswith("wechat line 1")
    assert by_host["pay.weixin.qq.com"].entity_id == "app-wechat-pay"
    assert by_host["tencent.com"].entity_id == "tencent-holdings"
    assert by_host["keyword:alipay"].entity_id == "app-alipay"
    assert by_host["example.org"].outcome is Outcome.CLEAR
    errors = [d for d in decisions if d.outcome is Outcome.ERROR]
    assert len(errors) == 1 and "no list 'missing'" in errors[0].error
    assert len(decisions) == 6


def test_the_project_of_a_lockfile_or_pom_is_a_row_by_its_coordinates(
    screener: Screener, tmp_path: Path
) -> None:
    pom = by_id(scan(screener, FIXTURES / "sbom/pom.xml"))
    project = pom["pkg:maven/com.example/payments-gateway@1.0.0"]
    assert project.outcome is Outcome.CLEAR
    assert project.extra["location"] == "com.example:payments-gateway@1.0.0"
    # A lockfile that does not name its project has no row for it: nothing to screen.
    lock = json.loads((FIXTURES / "sbom/package-lock.json").read_text("utf-8"))
    del lock["name"]
    path = tmp_path / "package-lock.json"
    path.write_text(json.dumps(lock), encoding="utf-8")
    assert "pkg:npm/web-shop@1.2.0" not in by_id(scan(screener, path))
    assert len(scan(screener, path)) == 3
