"""Domain lists in the syntaxes public lists are kept in: a hosts file, dnsmasq (the form of
the widely used lists of Chinese domains), Clash and Surge rules, Adblock filters and
wildcards. Each line of them was an ERROR ("not a valid domain name"): such a list was
screened for nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.match.identifiers import normalise_domain
from banscreen.model import Decision, Outcome, Policy
from banscreen.surfaces.detect import detect
from banscreen.surfaces.domain_rules import rule_entries
from banscreen.surfaces.scan import ScanOptions

# Listed hosts of the shipped data, and hosts of no one.
HOSTS = ["alipay.com", "pay.weixin.qq.com", "camscanner.com", "ushareit.com", "example.org"]
SYNTAXES = [
    "{}",
    "0.0.0.0 {}",
    "127.0.0.1\t{}  # blocked",
    "::1 {}",
    "server=/{}/114.114.114.114",
    "address=/{}/0.0.0.0",
    "DOMAIN-SUFFIX,{},Proxy",
    "DOMAIN,{}",
    "HOST-SUFFIX,{},REJECT",
    "||{}^",
    "@@||{}^$third-party",
    "*.{}",
    "+.{}",
    ".{}",
    "full:{} @cn",
]


def scan(screener: Screener, path: Path) -> list[Decision]:
    _, reader = detect(path, "domains")
    items = reader(path, ScanOptions(as_of=date(2021, 3, 15)))
    return list(Pipeline(screener, ScreenOptions(policy=Policy.ANTICIPATE)).scanned(items))


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_host_in_any_syntax_is_screened_as_the_host_alone(
    screener: Screener, tmp_path: Path, syntax: str
) -> None:
    plain, written = tmp_path / "plain.txt", tmp_path / "rules.conf"
    plain.write_text("".join(f"{h}\n" for h in HOSTS), encoding="utf-8")
    written.write_text("".join(syntax.format(h) + "\n" for h in HOSTS), encoding="utf-8")
    expected = [(d.transaction_id, d.outcome, d.entity_id) for d in scan(screener, plain)]
    assert [o for _, o, _ in expected].count(Outcome.BLOCK) == 4
    assert [(d.transaction_id, d.outcome, d.entity_id) for d in scan(screener, written)] == expected


def test_a_line_may_name_several_hosts_or_none(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "hosts"
    path.write_text(
        "0.0.0.0 alipay.com www.alipay.com\n"
        "server=/camscanner.com/ushareit.com/#\n"
        "DOMAIN-KEYWORD,camscanner\n"
        "IP-CIDR,1.2.3.0/24,DIRECT\n",
        encoding="utf-8",
    )
    decisions = scan(screener, path)
    assert [d.transaction_id for d in decisions][:5] == [
        "alipay.com", "www.alipay.com", "camscanner.com", "ushareit.com", "keyword:camscanner",
    ]  # fmt: skip
    assert all(d.outcome is Outcome.BLOCK for d in decisions[:4])
    assert decisions[4].outcome is Outcome.REVIEW  # a keyword is text naming the app
    assert decisions[4].entity_id == "app-camscanner"
    assert decisions[-1].outcome is Outcome.ERROR and "IP-CIDR rule names no domain" in str(
        decisions[-1].error
    )


def test_a_wildcard_identifier_in_a_transaction_is_its_host() -> None:
    assert normalise_domain("*.Alipay.com") == "alipay.com"
    assert normalise_domain("+.wps.cn.") == "wps.cn"


@given(st.text(max_size=80))
def test_any_line_reads_without_raising(line: str) -> None:
    entries = rule_entries(line)
    assert entries is None or all(isinstance(e, str) for e in entries)


def test_a_list_in_gb18030_reads_its_chinese_keywords(screener: Screener, tmp_path: Path) -> None:
    """Read as UTF-8 with bad bytes replaced, `keyword:支付宝` was `keyword:֧����`: CLEAR."""
    path = tmp_path / "cn.txt"
    path.write_bytes("keyword:支付宝\nalipay.com\n".encode("gb18030"))
    decisions = scan(screener, path)
    assert [d.entity_id for d in decisions] == ["app-alipay", "app-alipay"]


def test_a_hosts_files_local_names_are_no_rows(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "hosts"
    path.write_text(
        "127.0.0.1 localhost\n255.255.255.255 broadcasthost\n::1 localhost ip6-localhost\n"
        "0.0.0.0 alipay.com local\n",
        encoding="utf-8",
    )
    assert [d.transaction_id for d in scan(screener, path)] == ["alipay.com"]


@pytest.mark.parametrize(
    ("host", "entity"),
    [
        ("mat1.gtimg.com", "tencent-holdings"),
        ("mmbiz.qpic.cn", "tencent-holdings"),
        ("cvm.tencentcloudapi.com", "tencent-cloud"),
        ("api.intsig.net", "app-camscanner"),
    ],
)
def test_the_groups_content_and_api_hosts_are_theirs(
    screener: Screener, tmp_path: Path, host: str, entity: str
) -> None:
    """A CDN or hosting file listing the hosts an app is served from: each was CLEAR."""
    path = tmp_path / "hosts.txt"
    path.write_text(f"{host}\n", encoding="utf-8")
    assert [d.entity_id for d in scan(screener, path)] == [entity]
