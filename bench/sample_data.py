"""Realistic transaction rows: the shipped sample file and the synthetic benchmark input.

`python bench/sample_data.py` rewrites src/banscreen/data/samples/transactions.csv.
The mix: payments, app-store listings and updates, SDK use, hosting/CDN contracts, vendor
invoices and employment, in English, Chinese (simplified and traditional) and payment-message
abbreviations; hits, near misses and the false-positive traps; dates before, during and
after EO 13971; U.S., non-U.S. and unknown nexus; and malformed rows.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

from banscreen.surfaces.rows import INPUT_COLUMNS

COLUMNS = [*INPUT_COLUMNS, "amount", "currency"]

# (category, counterparty_name, country, identifiers, text)
HITS = [
    ("payment", "Tenpay Payment Technology Co., Ltd.", "CN", "", "Settlement of merchant fees"),
    ("payment", "财付通支付科技有限公司", "CN", "", "结算款"),
    ("payment", "TENCENT HLDGS LTD", "KY", "", "INV 2021-114"),
    (
        "payment",
        "Alipay (Hangzhou) Information Technology Co., Ltd.",
        "CN",
        "",
        "Cross-border acquiring fee",
    ),
    ("payment", "支付宝（杭州）信息技术有限公司", "CN", "", ""),
    ("payment", "ANT GROUP CO LTD", "CN", "", "Service fee Q1"),
    ("payment", "螞蟻科技集團股份有限公司", "CN", "", ""),
    ("payment", "騰訊控股有限公司", "HK", "", "Dividend agent fee"),
    (
        "vendor",
        "Beijing Kingsoft Office Software, Inc.",
        "CN",
        "",
        "WPS Office enterprise subscription",
    ),
    ("vendor", "Zhuhai Kingsoft Office Software Co., Ltd.", "CN", "", "Licence renewal"),
    ("vendor", "珠海金山办公软件有限公司", "CN", "", "软件许可"),
    ("vendor", "WPS Software Pte. Ltd.", "SG", "", "WPS Office Business, 50 seats"),
    ("vendor", "INTSIG Information Co., Ltd.", "CN", "", "OCR API usage"),
    ("vendor", "上海合合信息科技股份有限公司", "CN", "", ""),
    ("vendor", "Smart Media4U Technology Pte. Ltd.", "SG", "", "Advertising inventory"),
    ("vendor", "UCWeb Inc.", "CN", "", "Traffic acquisition"),
    ("payment", "Shenzhen Tencent Computer Systems Co., Ltd.", "CN", "", ""),
    ("payment", "WeChat International Pte. Ltd.", "SG", "", "Official account verification"),
    ("payment", "Riot Games, Inc.", "US", "", "Esports sponsorship"),
    ("payment", "Supercell Oy", "FI", "", "Marketing partnership"),
    ("payment", "Tencent Music Entertainment Group", "KY", "", "Royalties"),
    ("hosting", "Tencent Cloud Computing (Beijing) Co., Ltd.", "CN", "", "Cloud hosting contract"),
    ("payment", "Kingsoft Corporation Limited", "KY", "", ""),
    ("payment", "Alibaba Group Holding Limited", "KY", "", "Marketplace fees"),
    ("payment", "Lazada South East Asia Pte. Ltd.", "SG", "", "Seller fees"),
    ("app_distribution", "", "", "android:com.tencent.mm", "Store listing"),
    ("app_distribution", "", "", "android:com.eg.android.AlipayGphone", "Store listing"),
    ("app_distribution", "", "", "android:com.intsig.camscanner", ""),
    ("app_distribution", "", "", "android:com.lenovo.anyshare.gps", ""),
    ("app_distribution", "", "", "android:com.tencent.mobileqq", ""),
    ("app_distribution", "", "", "android:com.uc.vmate", ""),
    ("app_distribution", "", "", "android:cn.wps.moffice_eng", ""),
    ("app_update", "", "", "appstore_id:id414478124", "Update 8.0.7 review"),
    ("app_update", "", "", "ios_bundle:com.tencent.xin", ""),
    ("app_update", "", "", "appstore_id:388627783", ""),
    ("app_update", "WPS Office", "", "ios_bundle:com.kingsoft.www.office.wpsoffice", ""),
    ("app_distribution", "TikTok", "", "android:com.zhiliaoapp.musically", ""),
    (
        "code_use",
        "",
        "",
        "purl:pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
        "Android app build",
    ),
    ("code_use", "", "", "purl:pkg:maven/com.alipay.sdk/alipaysdk-android@15.8.11", ""),
    ("code_use", "", "", "purl:pkg:cocoapods/WechatOpenSDK@2.0.2", "iOS app build"),
    ("code_use", "", "", "purl:pkg:maven/com.tencent.bugly/crashreport@4.1.9", "Crash reporting"),
    ("code_use", "", "", "purl:pkg:maven/com.tencent.tauth/qqopensdk@3.53.0", ""),
    ("hosting", "Acme Hosting LLC", "US", "domain:pay.weixin.qq.com", "Reverse proxy customer"),
    ("cdn", "EdgeFast Inc", "US", "domain:https://www.camscanner.com/app", "CDN customer"),
    ("cdn", "", "", "domain:static.alipayobjects.com", ""),
    ("transit_peering", "Tencent", "CN", "", "Peering agreement AS45090"),
    ("employment", "Tencent America LLC", "US", "", "Contractor agreement"),
    ("payment", "Tencnet Holdings", "KY", "", "typo in payee"),
    ("payment", "Shenzhen Tencent Comp Sys Co", "CN", "", ""),
    ("payment", "Ant Financial Services Group", "CN", "", "legacy payee name"),
    ("vendor", "Software Reseller LLC", "US", "", "CamScanner Pro licences x20"),
    ("vendor", "Global Apps Distribution Ltd", "GB", "", "Invoice for WPS Office licences"),
]

NEAR_MISSES = [
    ("vendor", "VMware, Inc.", "US", "", "vSphere renewal"),
    ("payment", "WPS Health Solutions", "US", "", "Premium"),
    ("payment", "Wisconsin Public Service Corporation", "US", "", "Utility bill WPS"),
    ("vendor", "ShareFile (Citrix Systems, Inc.)", "US", "", "Document sharing"),
    ("vendor", "Microsoft SharePoint Online", "US", "", "Subscription"),
    ("vendor", "Shareaholic Inc", "US", "", "Social plugins"),
    ("vendor", "Canon U.S.A., Inc.", "US", "", "Canon CaptureOnTouch cam scanner, 2 units"),
    ("payment", "Joe's Noodle House", "US", "", "Paid via Alipay"),
    ("payment", "Golden Dragon Restaurant", "US", "", "微信支付 付款"),
    ("payment", "Lenovo Group Limited", "HK", "", "Laptops"),
    ("payment", "Epic Games, Inc.", "US", "", "Unreal Engine royalties"),
    ("payment", "Snap Inc.", "US", "", "Ads"),
    ("app_distribution", "VidMate", "", "", "Third-party listing"),
    ("payment", "Ant Insurance Brokers LLC", "US", "", ""),
    ("vendor", "Kingston Technology", "US", "", "Memory"),
]

CLEARS = [
    ("payment", "Acme Corporation", "US", "", "Invoice 4411"),
    ("payment", "Globex Corporation", "US", "", ""),
    ("payment", "Initech LLC", "US", "", "Consulting"),
    ("payment", "深圳市华强电子有限公司", "CN", "", "电子元件"),
    ("payment", "Müller Maschinenbau GmbH", "DE", "", "Spare parts"),
    ("app_distribution", "", "", "android:com.spotify.music", ""),
    ("app_distribution", "", "", "android:com.whatsapp", ""),
    ("code_use", "", "", "purl:pkg:maven/com.squareup.okhttp3/okhttp@4.12.0", ""),
    ("code_use", "", "", "purl:pkg:npm/left-pad@1.3.0", ""),
    ("hosting", "Example Media Inc", "US", "domain:example.org", ""),
    ("vendor", "Stationery Supplies Ltd", "GB", "", "Paper and toner"),
    ("employment", "Jane Doe", "US", "", "Payroll"),
]

MALFORMED = [
    {"date": "2021-02-30", "category": "payment", "counterparty_name": "Tencent"},
    {"date": "03/15/2021", "category": "payment", "counterparty_name": "Alipay"},
    {"date": "2021-03-15", "category": "gift", "counterparty_name": "Tenpay"},
    {"date": "2021-03-15", "category": "payment", "counterparty_name": ""},
    {
        "date": "2021-03-15",
        "category": "app_distribution",
        "counterparty_identifiers": "android:not a package",
    },
    {
        "date": "2021-03-15",
        "category": "app_distribution",
        "counterparty_identifiers": "imei:356938035643809",
    },
    {
        "date": "2021-03-15",
        "category": "payment",
        "counterparty_name": "Tencent",
        "us_nexus": "maybe",
    },
    {"date": "", "category": "payment", "counterparty_name": "Kingsoft Office"},
]

DATES = [
    "2020-09-19", "2020-09-20", "2020-11-12", "2021-01-05", "2021-02-18", "2021-02-19",
    "2021-03-15", "2021-04-30", "2021-06-08", "2021-06-09", "2022-03-01",
]  # fmt: skip
NEXUS = ["true", "true", "true", "unknown", "false"]


def _row(n: int, rng: random.Random, template: tuple[str, str, str, str, str]) -> dict[str, str]:
    category, name, country, identifiers, text = template
    return {
        "id": f"TX{n:06d}",
        "date": rng.choice(DATES),
        "category": category,
        "counterparty_name": name,
        "counterparty_country": country,
        "counterparty_identifiers": identifiers,
        "us_nexus": rng.choice(NEXUS),
        "text": text,
        "amount": f"{rng.uniform(10, 250_000):.2f}",
        "currency": rng.choice(["USD", "USD", "CNY", "EUR", "SGD"]),
    }


def sample_rows(seed: int = 13971) -> list[dict[str, str]]:
    """The shipped sample: every template at least twice, malformed rows spread through."""
    rng = random.Random(seed)
    templates = HITS * 3 + NEAR_MISSES * 3 + CLEARS * 3
    rng.shuffle(templates)
    rows = [_row(i + 1, rng, t) for i, t in enumerate(templates)]
    for k, broken in enumerate(MALFORMED):
        at = (k + 1) * len(rows) // (len(MALFORMED) + 1)
        row = {c: "" for c in COLUMNS}
        row.update({"us_nexus": "true", "amount": "100.00", "currency": "USD"}, **broken)
        rows.insert(at, row)
    for i, row in enumerate(rows, start=1):
        row["id"] = f"TX{i:06d}"
    return rows


def synthetic_rows(n: int, unique_share: float = 1.0, seed: int = 1) -> Iterator[dict[str, str]]:
    """`n` rows for benchmarks: about 10% hits, 10% near misses, the rest clears, ~10% Chinese.

    `unique_share` < 1 repeats counterparties as real payment files do (0.05 = 5% unique).
    """
    rng = random.Random(seed)
    pool_size = max(1, int(n * unique_share))
    templates = HITS + NEAR_MISSES
    han = "华强伟业鑫达永泰盛源海天恒通宏远佳信科瑞金丰"
    for i in range(n):
        k = rng.randrange(pool_size) if unique_share < 1 else i
        local = random.Random(k)
        r = local.random()
        if r < 0.2:
            template = templates[local.randrange(len(templates))]
        elif r < 0.3:
            name = "".join(local.choice(han) for _ in range(4)) + "有限公司"
            template = ("payment", f"深圳市{name}", "CN", "", "")
        else:
            name = f"{local.choice(['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne'])} "
            name += f"{local.choice(['Trading', 'Logistics', 'Foods', 'Labs', 'Partners'])} {k}"
            template = ("payment", f"{name} LLC", "US", "", f"Invoice {k}")
        row = _row(i + 1, rng, template)
        yield row


def write_csv(rows: list[dict[str, str]] | Iterator[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "src/banscreen/data/samples/transactions.csv"
    rows = sample_rows()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    # One row arrives from a Latin-1 system: its bytes are not UTF-8 and must become an ERROR.
    broken = (
        f"TX{len(rows) + 1:06d},2021-03-15,payment,Caf\xe9 Fran\xe7ais SARL,FR,,true,,12.50,EUR\n"
    )
    data += broken.encode("latin-1")
    target.write_bytes(data)
    print(f"wrote {len(rows) + 1} rows to {target}")


if __name__ == "__main__":
    main()
