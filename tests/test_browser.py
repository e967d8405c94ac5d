"""In a real browser (Debian's chromium, headless, through Playwright): an analyst logs in,
opens an alert, clears it as a false positive, and the rescreen comes back CLEAR, ACCEPTED.
A screenshot of the alert page is saved to test-artifacts/ as evidence."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright (pip install 'banscreen[service]')"
)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium (apt-get install chromium)"
)

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from banscreen.api import create_app  # noqa: E402
from banscreen.engine import Screener  # noqa: E402
from banscreen.registry import Registry  # noqa: E402
from banscreen.store import Store  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture
def service(tmp_path: Path, registry: Registry) -> Iterator[tuple[str, Store]]:
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    app = create_app(store, Screener(registry), tmp_path)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    yield base, store
    server.should_exit = True
    thread.join(timeout=10)


def test_an_analyst_clears_a_false_positive_in_the_browser(service: tuple[str, Store]) -> None:
    base, store = service
    screen_key = {"Authorization": f"Bearer {store.create_key(['screen'])}"}
    analyst_key = store.create_key(["review"])
    tx = {
        "id": "inv-7",
        "date": "2021-03-15",
        "category": "vendor",
        "counterparty_name": "Kingsoft Office Software",
        "us_nexus": "true",
    }
    first = httpx.post(f"{base}/v1/screen", json=tx, headers=screen_key, timeout=60).json()
    assert first["outcome"] == "REVIEW"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.goto(f"{base}/ui/alerts")
        assert page.url.endswith("/ui/login")
        page.fill("input[name=api_key]", analyst_key)
        page.click("#login")
        page.wait_for_url("**/ui/alerts")
        page.click("#alerts a")
        page.wait_for_selector("#path-graph")
        assert "Kingsoft" in page.inner_text("main")
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "alert-page.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        page.fill("textarea[name=reason]", "our reseller of the same name, checked the contract")
        page.click("#clear")
        page.wait_for_selector("#cases td:has-text('clear')")
        assert "cleared" in page.inner_text("h1")
        browser.close()
    again = httpx.post(
        f"{base}/v1/screen", json={**tx, "id": "inv-8"}, headers=screen_key, timeout=60
    ).json()
    assert again["outcome"] == "CLEAR" and "ACCEPTED" in again["reasons"]
    assert store.verify_audit()[1] == []


def _seed(base: str, key: dict[str, str], rows: list[dict[str, str]], **params: str) -> None:
    for start in range(0, len(rows), 1000):
        got = httpx.post(
            f"{base}/v1/screen",
            json={"transactions": rows[start : start + 1000]},
            headers=key,
            params=params,
            timeout=120,
        )
        assert got.status_code == 200, got.text


def _login(browser: object, base: str, key: str) -> object:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{base}/ui/login")
    page.fill("input[name=api_key]", key)
    page.click("#login")
    page.wait_for_url("**/ui/alerts")
    return page


def test_the_review_desk_in_the_browser(service: tuple[str, Store]) -> None:
    """2,000 alerts: the count, the last page, search, bulk clear, the alert page (payee,
    date, the fragment marked), the graph's arrows, and four eyes between two analysts."""
    base, store = service
    screen_key = {"Authorization": f"Bearer {store.create_key(['screen'])}"}
    ana, ben = store.create_key(["review"], "ana"), store.create_key(["review"], "ben")
    row = {"date": "2021-03-15", "category": "payment", "us_nexus": "true"}
    rows = [
        {**row, "id": f"t{i:04d}", "counterparty_name": "Tenpay Payment Technology"}
        for i in range(1993)
    ]
    rows += [
        {**row, "id": f"bulk-{i}", "counterparty_name": "Tenpay Payment Technology"}
        for i in range(3)
    ]
    rows += [
        {**row, "id": "TX000226", "counterparty_name": "Global Apps Distribution Ltd",
         "text": "Invoice for WPS Office licences", "amount": "1200.00"},
        {**row, "id": "riot-1", "counterparty_name": "Riot Games, Inc."},
        {**row, "id": "wechat-1", "counterparty_name": "Acme Ltd", "counterparty_identifiers": "domain:pay.weixin.qq.com"},
    ]  # fmt: skip
    _seed(base, screen_key, rows)
    _seed(
        base,
        screen_key,
        [{**row, "id": "block-1", "counterparty_name": "Tencent Holdings Limited"}],
        policy="anticipate",
    )
    assert store.alert_page(store_query(), 0, 1)[1] == 2000
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        page = _login(browser, base, ana)
        assert "2,000 alerts" in page.inner_text("#count") and "page 1 of 40" in page.inner_text(
            "#count"
        )
        page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
        page.click("#last")
        page.wait_for_url("**page=40**")
        assert "showing 1951–2000" in page.inner_text("#count")
        assert "block-1" in page.inner_text("#alerts")
        # Search, then a bulk clear of what it found.
        page.fill("#search", "bulk-")
        page.click("#apply")
        page.wait_for_url("**q=bulk-**")
        assert page.inner_text("#count").startswith("3 alerts")
        for box in page.query_selector_all("#alerts input[type=checkbox]"):
            box.check()
        page.select_option("#bulk-action", "clear")
        page.fill("#bulk-reason", "our supplier, contract checked")
        page.click("#bulk-apply")
        page.wait_for_selector("#notice")
        assert "3 alert(s) clear: done." in page.inner_text("#notice")
        # The alert page: the payee, the date, the fragment marked where it was found.
        page.goto(f"{base}/ui/alerts?status=open&q=TX000226")
        page.click("#alerts a")
        page.wait_for_selector("#payee")
        assert page.inner_text("#payee") == "Global Apps Distribution Ltd"
        assert page.inner_text("#tx-date") == "2021-03-15"
        assert page.inner_text("#matched mark") == "WPS Office"
        page.screenshot(path=str(ARTIFACTS / "alert-transaction.png"), full_page=True)
        # The graph's arrows point along the relations: Tencent owns Riot (right to left).
        page.goto(f"{base}/ui/alerts?status=open&q=riot-1")
        page.click("#alerts a")
        page.wait_for_selector("#path-graph")
        edges = page.evaluate(
            """() => [...document.querySelectorAll('#path-graph g.edge')].map(g => {
                const l = g.querySelector('line'); const box = id => {
                  const n = document.querySelector(`#path-graph g.node[data-id="${id}"] rect`);
                  return Number(n.getAttribute('x')); };
                return {source: g.dataset.source, target: g.dataset.target, relation: g.dataset.relation,
                        x1: Number(l.getAttribute('x1')), x2: Number(l.getAttribute('x2')),
                        sx: box(g.dataset.source), tx: box(g.dataset.target)}; })"""
        )
        owns = [e for e in edges if e["relation"] == "owns"]
        assert (
            owns and owns[0]["source"] == "tencent-holdings" and owns[0]["target"] == "riot-games"
        )
        for e in edges:  # each arrow leaves its source's box and ends at its target's
            assert (e["x1"] > e["x2"]) == (e["sx"] > e["tx"])
        page.screenshot(path=str(ARTIFACTS / "alert-graph.png"), full_page=True)
        # Four eyes: ana proposes clearing the BLOCK, cannot approve it herself; ben can.
        page.goto(f"{base}/ui/alerts?status=open&q=block-1")
        page.click("#alerts a")
        page.wait_for_selector("#clear")
        assert page.inner_text("#clear") == "Propose clear"
        page.fill("textarea[name=reason]", "a namesake, not the listed company")
        page.click("#clear")
        page.wait_for_selector("#pending")
        assert page.inner_text("#status") == "pending"
        alert_url = page.url
        page.fill("textarea[name=reason]", "approving my own")
        page.click("#approve")
        page.wait_for_selector("#error")
        assert "another analyst" in page.inner_text("#error")
        assert page.inner_text("#status") == "pending"
        page.screenshot(path=str(ARTIFACTS / "four-eyes-pending.png"), full_page=True)
        second = _login(browser, base, ben)
        second.goto(alert_url)
        second.fill("textarea[name=reason]", "checked the registration: not the listed company")
        second.click("#approve")
        second.wait_for_selector("#reopen")
        assert second.inner_text("#status") == "cleared"
        second.screenshot(path=str(ARTIFACTS / "four-eyes-approved.png"), full_page=True)
        browser.close()
    again = httpx.post(
        f"{base}/v1/screen", json={**row, "id": "block-2", "counterparty_name": "Tencent Holdings Limited"},
        headers=screen_key, params={"policy": "anticipate"}, timeout=60,
    ).json()  # fmt: skip
    assert again["outcome"] == "CLEAR" and "ACCEPTED" in again["reasons"]


def test_the_api_docs_render_under_the_content_security_policy(service: tuple[str, Store]) -> None:
    """/docs draws every operation with Swagger UI served from our own origin; the page
    raises no CSP violation (before, it was blank: the CSP blocked the CDN's files)."""
    base, _ = service
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page()
        violations: list[str] = []
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
        external: list[str] = []
        page.on(
            "request",
            lambda r: (
                external.append(r.url)
                if not r.url.startswith(base) and not r.url.startswith("data:")
                else None
            ),
        )
        page.goto(f"{base}/docs")
        page.wait_for_selector(".opblock", timeout=15_000)
        assert page.locator(".opblock").count() >= 10
        assert "/v1/screen" in page.inner_text("#swagger-ui")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "docs.png"))
        browser.close()
    assert violations == [] and external == []


def store_query() -> object:
    from banscreen.store import AlertQuery

    return AlertQuery()
