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
    first = httpx.post(f"{base}/v1/screen", json=tx, headers=screen_key).json()
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
    again = httpx.post(f"{base}/v1/screen", json={**tx, "id": "inv-8"}, headers=screen_key).json()
    assert again["outcome"] == "CLEAR" and "ACCEPTED" in again["reasons"]
    assert store.verify_audit()[1] == []
