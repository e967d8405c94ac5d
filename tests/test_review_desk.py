"""The review desk: a queue that shows every alert, four eyes on clears and blocks, accept
entries that are scoped, expire and can be revoked, and the service's edges (ownership of
jobs and decisions, fair jobs, deadlines, ids out of range, escaped text, /docs)."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")

from fastapi.testclient import TestClient
from sqlalchemy import text

from banscreen.api import create_app
from banscreen.api.jobs import FairQueue
from banscreen.decide import reasons as R
from banscreen.engine import Screener
from banscreen.registry import Registry
from banscreen.store import Store
from banscreen.store.base import now
from banscreen.web.explain import path_graph, reason_texts
from banscreen.web.visible import visible
from helpers.service import TENPAY, ui_login, ui_login_token
from helpers.stores import BACKENDS, backend_store

BLOCKED = {  # BLOCK: a listed company, in force and identified, under policy anticipate
    **TENPAY,
    "id": "b1",
    "counterparty_name": "Tencent Holdings Limited",
}


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The review desk on both stores: its state machine, accept entries, sessions and
    group commit are SQL that PostgreSQL must run too."""
    yield from backend_store(request.param, tmp_path)


@pytest.fixture
def client(store: Store, registry: Registry, tmp_path: Path) -> TestClient:
    return TestClient(create_app(store, Screener(registry), tmp_path / "home"))


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _screen(client: TestClient, key: str, row: dict[str, Any], **params: str) -> dict[str, Any]:
    got = client.post("/v1/screen", json=row, headers=_auth(key), params=params)
    assert got.status_code == 200, got.text
    return dict(got.json())


def _alert_of(client: TestClient, analyst: str, decision_id: str) -> int:
    page = client.get(
        "/v1/alerts", params={"status": "open", "limit": 1000}, headers=_auth(analyst)
    )
    found = [a["alert_id"] for a in page.json()["alerts"] if a["decision_id"] == decision_id]
    assert found, page.text
    return int(found[0])


def _act(client: TestClient, key: str, alert_id: int, action: str, **body: Any) -> Any:
    return client.post(
        f"/v1/alerts/{alert_id}/actions",
        json={"action": action, "reason": body.pop("reason", f"{action}: checked"), **body},
        headers=_auth(key),
    )


def _block_decision(client: TestClient, key: str) -> dict[str, Any]:
    decided = _screen(client, key, BLOCKED, policy="anticipate")
    assert decided["outcome"] == "BLOCK", decided
    return decided


# ------------------------------------------------------------------ the queue


def test_the_queue_pages_to_its_last_alert_with_a_total(client: TestClient, store: Store) -> None:
    screener = store.create_key(["screen"])
    analyst = store.create_key(["review"])
    rows = [{**TENPAY, "id": f"t{i:04d}"} for i in range(1, 1051)]
    for start in range(0, len(rows), 500):
        got = client.post(
            "/v1/screen", json={"transactions": rows[start : start + 500]}, headers=_auth(screener)
        )
        assert got.status_code == 200
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(
            "/v1/alerts", params={"offset": offset, "limit": 400}, headers=_auth(analyst)
        ).json()
        assert page["total"] == 1050
        seen += [a["transaction_id"] for a in page["alerts"]]
        offset = page["next_offset"]
    assert len(seen) == 1050 and len(set(seen)) == 1050
    newest = client.get("/v1/alerts", params={"sort": "newest", "limit": 1}, headers=_auth(analyst))
    assert newest.json()["alerts"][0]["transaction_id"] == "t1050"
    found = client.get("/v1/alerts", params={"q": "t0777"}, headers=_auth(analyst)).json()
    assert (
        found["total"] == 1
        and found["alerts"][0]["counterparty_name"] == TENPAY["counterparty_name"]
    )
    assert (
        client.get("/v1/alerts", params={"outcome": "BLOCK"}, headers=_auth(analyst)).json()[
            "total"
        ]
        == 0
    )
    future = client.get("/v1/alerts", params={"since": "2999-01-01"}, headers=_auth(analyst))
    assert future.json()["total"] == 0
    last_day = client.get("/v1/alerts", params={"until": "9999-12-31"}, headers=_auth(analyst))
    assert last_day.status_code == 200 and last_day.json()["total"] == 1050
    # The UI's count and its last page.
    assert ui_login(client, analyst).status_code == 303
    queue = client.get("/ui/alerts")
    assert "<strong>1,050</strong> alerts" in queue.text and "page 1 of 21" in queue.text
    assert client.get("/ui/alerts", params={"until": "9999-12-31"}).status_code == 200
    last = client.get("/ui/alerts", params={"page": 21})
    assert "t1050" in last.text and "showing 1001–1050" in last.text


def test_the_export_is_the_whole_view_with_formulas_guarded(
    client: TestClient, store: Store
) -> None:
    screener = store.create_key(["screen"])
    analyst = store.create_key(["review"])
    hostile = {
        **TENPAY,
        "id": '=HYPERLINK("http://x")',
        "counterparty_name": "Tenpay Payment Technology",
    }
    _screen(client, screener, hostile)
    for i in range(60):
        _screen(client, screener, {**TENPAY, "id": f"e{i}"})
    ui_login(client, analyst)
    exported = client.get("/ui/alerts.csv", params={"status": "open"})
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == 61  # every page of the view, not only the first 50
    assert rows[0]["transaction_id"].startswith("'=HYPERLINK")
    assert rows[1]["counterparty_name"] == "Tenpay Payment Technology"


def test_bulk_actions_apply_each_on_its_own(client: TestClient, store: Store) -> None:
    screener = store.create_key(["screen"])
    analyst = store.create_key(["review"])
    ids = [
        _alert_of(
            client, analyst, _screen(client, screener, {**TENPAY, "id": f"k{i}"})["decision_id"]
        )
        for i in range(3)
    ]
    _act(client, analyst, ids[0], "escalate")
    got = client.post(
        "/v1/alerts/actions",
        json={"alert_ids": [*ids, 2**31 - 1], "action": "escalate", "reason": "look"},
        headers=_auth(analyst),
    ).json()["results"]
    assert [r["ok"] for r in got] == [False, True, True, False]
    assert "escalated" in got[0]["error"] and "no alert" in got[3]["error"]
    # In the UI: a selection, one action, a notice of what was done.
    ui_login(client, analyst)
    page = client.get("/ui/alerts", params={"status": "escalated"})
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    done = client.post(
        "/ui/alerts/bulk",
        data={
            "csrf": csrf,
            "alert_id": [str(i) for i in ids],
            "action": "clear",
            "reason": "our supplier",
            "back": "/ui/alerts?status=escalated",
        },
    )
    assert done.status_code == 200 and "3 alert(s) clear: done." in done.text
    assert {store.alert(i)[0].status for i in ids} == {"cleared"}  # type: ignore[index]


# ------------------------------------------------------------------ four eyes


def test_a_clear_of_a_block_waits_for_a_second_analyst(client: TestClient, store: Store) -> None:
    screener = store.create_key(["screen"])
    ana, ben = store.create_key(["review"], "ana"), store.create_key(["review"], "ben")
    decided = _block_decision(client, screener)
    alert_id = _alert_of(client, ana, decided["decision_id"])
    proposed = _act(client, ana, alert_id, "clear", reason="not the listed company")
    assert proposed.status_code == 200 and proposed.json()["action"] == "propose-clear"
    assert store.alert(alert_id)[0].status == "pending"  # type: ignore[index]
    # Nothing is accepted yet: the same transaction still blocks.
    assert _screen(client, screener, BLOCKED, policy="anticipate")["outcome"] == "BLOCK"
    own = _act(client, ana, alert_id, "approve")
    assert own.status_code == 409 and "another analyst" in own.json()["detail"]
    assert _act(client, ana, alert_id, "clear").status_code == 409  # pending: no second proposal
    approved = _act(client, ben, alert_id, "approve")
    assert approved.status_code == 200
    assert store.alert(alert_id)[0].status == "cleared"  # type: ignore[index]
    assert _screen(client, screener, BLOCKED, policy="anticipate")["outcome"] == "CLEAR"
    actions = [e.action for e in store.audit_entries()]
    assert actions.count("alert.propose-clear") == 1 and actions.count("alert.approve") == 1


def test_a_rejected_proposal_goes_back_and_a_reopen_revokes_the_clear(
    client: TestClient, store: Store
) -> None:
    screener = store.create_key(["screen"])
    ana, ben = store.create_key(["review"], "ana"), store.create_key(["review"], "ben")
    alert_id = _alert_of(client, ana, _block_decision(client, screener)["decision_id"])
    _act(client, ana, alert_id, "escalate")
    _act(client, ana, alert_id, "block")
    assert (
        _act(client, ben, alert_id, "reject", reason="needs the ownership check").status_code == 200
    )
    assert store.alert(alert_id)[0].status == "escalated"  # type: ignore[index]
    _act(client, ben, alert_id, "clear")
    _act(client, ana, alert_id, "approve")
    assert _screen(client, screener, BLOCKED, policy="anticipate")["outcome"] == "CLEAR"
    reopened = _act(client, ana, alert_id, "reopen", reason="new ownership facts")
    assert reopened.status_code == 200 and store.alert(alert_id)[0].status == "open"  # type: ignore[index]
    assert _screen(client, screener, BLOCKED, policy="anticipate")["outcome"] == "BLOCK"
    assert store.accept_rows() == []


def test_four_eyes_can_cover_every_alert_or_none(
    store: Store, registry: Registry, tmp_path: Path
) -> None:
    for mode, expected in (("all", "pending"), ("none", "cleared")):
        client = TestClient(create_app(store, Screener(registry), tmp_path / mode, four_eyes=mode))
        screener, analyst = store.create_key(["screen"]), store.create_key(["review"])
        alert_id = _alert_of(client, analyst, _screen(client, screener, TENPAY)["decision_id"])
        assert _act(client, analyst, alert_id, "clear").status_code == 200
        assert store.alert(alert_id)[0].status == expected  # type: ignore[index]


def test_one_analyst_cannot_block_then_clear_alone(client: TestClient, store: Store) -> None:
    screener, ana = store.create_key(["screen"]), store.create_key(["review"])
    alert_id = _alert_of(client, ana, _block_decision(client, screener)["decision_id"])
    _act(client, ana, alert_id, "block")
    assert _act(client, ana, alert_id, "clear").status_code == 409
    assert _act(client, ana, alert_id, "approve").status_code == 409


# ------------------------------------------------------------------ scoped clearances


def test_a_clear_applies_to_its_client_and_category_only(client: TestClient, store: Store) -> None:
    bank, other = store.create_key(["screen"]), store.create_key(["screen"])
    analyst = store.create_key(["review"])
    alert_id = _alert_of(client, analyst, _screen(client, bank, TENPAY)["decision_id"])
    assert _act(client, analyst, alert_id, "clear", reason="our own vendor").status_code == 200
    again = _screen(client, bank, {**TENPAY, "id": "p2"})
    assert again["outcome"] == "CLEAR" and "ACCEPTED" in again["reasons"]
    assert _screen(client, other, {**TENPAY, "id": "p3"})["outcome"] == "REVIEW"
    assert (
        _screen(client, bank, {**TENPAY, "id": "p4", "category": "vendor"})["outcome"] == "REVIEW"
    )
    entry = store.accept_rows()[0]
    assert entry.client == f"key:{store.verify_key(bank).id}" and entry.category == "payment"  # type: ignore[union-attr]
    assert entry.expires_at is not None


def test_a_clear_for_every_client_and_category_reaches_them(
    client: TestClient, store: Store
) -> None:
    bank, other = store.create_key(["screen"]), store.create_key(["screen"])
    analyst = store.create_key(["review"])
    alert_id = _alert_of(client, analyst, _screen(client, bank, TENPAY)["decision_id"])
    scope = {"all_clients": True, "all_categories": True, "days": 30}
    assert _act(client, analyst, alert_id, "clear", scope=scope).status_code == 200
    assert (
        _screen(client, other, {**TENPAY, "id": "p5", "category": "vendor"})["outcome"] == "CLEAR"
    )


def test_an_expired_or_revoked_clearance_no_longer_applies(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import banscreen.api.service as service

    bank, analyst = store.create_key(["screen"]), store.create_key(["review"])
    alert_id = _alert_of(client, analyst, _screen(client, bank, TENPAY)["decision_id"])
    _act(client, analyst, alert_id, "clear", scope={"days": 7})
    assert _screen(client, bank, {**TENPAY, "id": "p2"})["outcome"] == "CLEAR"
    monkeypatch.setattr(service, "now", lambda: now() + timedelta(days=8))
    assert _screen(client, bank, {**TENPAY, "id": "p3"})["outcome"] == "REVIEW"
    monkeypatch.undo()
    listed = client.get("/v1/accept", headers=_auth(analyst)).json()["entries"]
    assert len(listed) == 1 and listed[0]["value"] and listed[0]["client"]
    missing = client.post("/v1/accept/999/revoke", json={"reason": "x"}, headers=_auth(analyst))
    assert missing.status_code == 404
    revoked = client.post(
        f"/v1/accept/{listed[0]['id']}/revoke", json={"reason": "wrong"}, headers=_auth(analyst)
    )
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert _screen(client, bank, {**TENPAY, "id": "p5"})["outcome"] == "REVIEW"
    assert client.get("/v1/accept", headers=_auth(analyst)).json()["entries"] == []
    assert (
        len(
            client.get("/v1/accept", params={"all": True}, headers=_auth(analyst)).json()["entries"]
        )
        == 1
    )
    assert "accept.revoke" in [e.action for e in store.audit_entries()]


@pytest.mark.parametrize("counter", ["kept", "missing"])
def test_a_clearance_revoked_by_another_process_stops_applying_at_the_next_screening(
    client: TestClient, store: Store, counter: str
) -> None:
    """`banscreen accept revoke` (or another server) writes to the store, not to this
    server: the next screening must see it, through the accept list's stamp, or, with its
    counter gone from a damaged store, by reading the list every time."""
    bank, analyst = store.create_key(["screen"]), store.create_key(["review"])
    if counter == "missing":
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM accept_changes"))
    alert_id = _alert_of(client, analyst, _screen(client, bank, TENPAY)["decision_id"])
    assert _act(client, analyst, alert_id, "clear").status_code == 200
    assert _screen(client, bank, {**TENPAY, "id": "r2"})["outcome"] == "CLEAR"
    (entry,) = store.accept_rows()
    store.revoke_accept(entry.id, "analyst-b", "revoked from the command line")
    assert _screen(client, bank, {**TENPAY, "id": "r3"})["outcome"] == "REVIEW"


@pytest.mark.parametrize(
    "row",
    [
        {**TENPAY, "counterparty_name": "Global Apps Distribution Ltd", "text": "Paid with Alipay"},
        {
            **TENPAY,
            "counterparty_name": "Acme Ltd",
            "counterparty_identifiers": "domain:pay.weixin.qq.com",
        },
    ],
    ids=["free-text", "identifier"],
)
def test_clearing_a_text_or_identifier_hit_clears_what_matched(
    client: TestClient, store: Store, row: dict[str, Any]
) -> None:
    bank, analyst = store.create_key(["screen"]), store.create_key(["review"])
    first = _screen(client, bank, row)
    assert first["outcome"] in ("REVIEW", "BLOCK"), first
    alert_id = _alert_of(client, analyst, first["decision_id"])
    assert _act(client, analyst, alert_id, "clear").status_code == 200
    detail = store.alert(alert_id)[0]  # type: ignore[index]
    if detail.status == "pending":
        _act(client, store.create_key(["review"]), alert_id, "approve")
    again = _screen(client, bank, {**row, "id": "again"})
    assert again["outcome"] == "CLEAR" and "ACCEPTED" in again["reasons"], again
    fields = {e.field for e in store.accept_rows()}
    assert fields & {"text", "counterparty_identifiers"}


# ------------------------------------------------------------------ ownership and fairness


def test_jobs_and_decisions_belong_to_the_key_that_made_them(
    client: TestClient, store: Store
) -> None:
    mine, theirs = store.create_key(["screen"]), store.create_key(["screen"])
    analyst, admin = store.create_key(["review"]), store.create_key(["admin"])
    decided = _screen(client, mine, TENPAY)
    url = f"/v1/decisions/{decided['decision_id']}"
    assert client.get(url, headers=_auth(mine)).status_code == 200
    assert client.get(url, headers=_auth(theirs)).status_code == 404
    assert client.get(url, headers=_auth(analyst)).status_code == 200
    body = "id,date,category,counterparty_name,us_nexus\nj1,2021-03-15,payment,Acme,true\n"
    job = client.post("/v1/jobs", content=body, headers=_auth(mine)).json()["job_id"]
    assert client.get(f"/v1/jobs/{job}", headers=_auth(theirs)).status_code == 404
    assert client.get(f"/v1/jobs/{job}/decisions", headers=_auth(theirs)).status_code == 404
    assert client.get(f"/v1/jobs/{job}", headers=_auth(admin)).status_code == 200
    assert client.get(f"/v1/jobs/{job}", headers=_auth(mine)).status_code == 200


def test_a_free_worker_takes_the_key_with_the_fewest_jobs_running() -> None:
    fair = FairQueue()
    for i in range(3):
        fair.put("key:1", f"big{i}")
    first = fair.take()
    fair.put("key:2", "small")
    assert first == ("key:1", "big0")
    assert fair.take() == ("key:2", "small")  # not behind key 1's other jobs
    fair.finished("key:2")
    assert fair.take() == ("key:1", "big1")


# ------------------------------------------------------------------ edges


def test_an_extra_column_holding_any_json_value_is_kept(client: TestClient, store: Store) -> None:
    """A number past 64 bits in an extra column (found by schemathesis: a 500 when the
    detail was serialised)."""
    key = store.create_key(["screen"])
    decided = _screen(client, key, {**TENPAY, "amount": 2**70, "note": [1, {"a": None}]})
    row = store.decision(decided["decision_id"])
    assert row is not None and json.loads(row.submitted)["amount"] == 2**70


def test_ids_out_of_range_are_4xx_not_5xx(client: TestClient, store: Store) -> None:
    analyst = store.create_key(["review"])
    huge = "99999999999999999999"
    assert (
        client.post(
            f"/v1/alerts/{huge}/actions",
            json={"action": "clear", "reason": "x"},
            headers=_auth(analyst),
        ).status_code
        == 422
    )
    assert client.get(f"/v1/alerts/{huge}", headers=_auth(analyst)).status_code == 422
    assert (
        client.post(
            "/v1/accept/99999999999/revoke", json={"reason": "x"}, headers=_auth(analyst)
        ).status_code
        == 422
    )
    ui_login(client, analyst)
    assert client.get(f"/ui/alerts/{huge}").status_code == 404


def test_login_needs_the_forms_own_token(client: TestClient, store: Store) -> None:
    analyst = store.create_key(["review"])
    # A cross-site form: the attacker's key, no token, no login cookie.
    forged = client.post("/ui/login", data={"api_key": analyst}, follow_redirects=False)
    assert forged.status_code == 403 and "banscreen_session" not in forged.headers.get(
        "set-cookie", ""
    )
    token = ui_login_token(client)
    client.cookies.clear()  # the token without the cookie it is bound to
    stolen = client.post(
        "/ui/login", data={"api_key": analyst, "login_token": token}, follow_redirects=False
    )
    assert stolen.status_code == 403
    assert ui_login(client, analyst).status_code == 303


def test_a_session_ends_when_its_key_is_revoked(client: TestClient, store: Store) -> None:
    store.create_key(["review"], "carol")
    key = store.create_key(["review"], "dave")
    ui_login(client, key)
    assert client.get("/ui/alerts").status_code == 200
    store.revoke_key("dave")
    assert client.get("/ui/alerts", follow_redirects=False).status_code == 303


def test_hidden_characters_are_shown_escaped(client: TestClient, store: Store) -> None:
    screener, analyst = store.create_key(["screen"]), store.create_key(["review"])
    disguised = "inv-\u202egpj.exe"
    decided = _screen(
        client,
        screener,
        {**TENPAY, "id": disguised, "counterparty_name": "Ten\u200bpay Payment Technology"},
    )
    ui_login(client, analyst)
    queue = client.get("/ui/alerts")
    assert "inv-⟨U+202E⟩gpj.exe" in queue.text and "\u202e" not in queue.text
    page = client.get(f"/ui/alerts/{_alert_of(client, analyst, decided['decision_id'])}")
    assert "Ten⟨U+200B⟩pay" in page.text and "\u200b" not in page.text


@given(st.text(max_size=40))
def test_visible_text_has_no_invisible_or_reordering_characters(text: str) -> None:
    import unicodedata

    shown = visible(text)
    assert all(unicodedata.category(c) not in ("Cf", "Zl", "Zp") for c in shown)
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in shown)
    if text.isascii() and text.isprintable():
        assert shown == text


def test_the_docs_page_loads_only_from_our_origin(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "http" not in page.text.replace("http-equiv", "")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "cdn" not in policy
    for src in (
        "/docs/static/swagger-ui-bundle.js",
        "/docs/static/swagger-ui.css",
        "/docs/static/start.js",
    ):
        assert src in page.text
        assert client.get(src).status_code == 200
    assert client.get("/docs/static/..%2Fsecret").status_code == 404


def _raw(port: int, data: bytes, wait: float) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(data)
        got = b""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                break
            if not chunk:
                return got + b"<closed>"
            got += chunk
        return got


def test_half_sent_requests_are_cut_off(
    store: Store, registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from banscreen.api.deadlines import BodyDeadline, HeadDeadline

    monkeypatch.setattr(HeadDeadline, "head_seconds", 0.5)
    monkeypatch.setattr(BodyDeadline.__init__, "__defaults__", (0.5,))
    app = create_app(store, Screener(registry), tmp_path / "home")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, http=HeadDeadline, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        head = _raw(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n", 5)
        assert head.endswith(b"<closed>") and b"200" not in head
        body = _raw(
            port,
            b'POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{"id"',
            5,
        )
        assert b" 408 " in body
        whole = _raw(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5)
        assert b" 200 " in whole
    finally:
        server.should_exit = True
        thread.join(10)


# ------------------------------------------------------------------ the alert page


def test_the_alert_page_shows_the_transaction_and_explains_itself(
    client: TestClient, store: Store
) -> None:
    screener, analyst = store.create_key(["screen"]), store.create_key(["review"])
    row = {**TENPAY, "id": "TX000226", "counterparty_name": "Global Apps Distribution Ltd",
           "text": "Invoice for WPS Office licences", "amount": "1200.00"}  # fmt: skip
    decided = _screen(client, screener, row)
    assert decided["outcome"] in ("REVIEW", "BLOCK"), decided
    ui_login(client, analyst)
    page = client.get(f"/ui/alerts/{_alert_of(client, analyst, decided['decision_id'])}").text
    assert '<td id="payee">Global Apps Distribution Ltd</td>' in page
    assert '<td id="tx-date">2021-03-15</td>' in page and "1200.00" in page
    assert "<mark>WPS Office</mark>" in page
    assert "◀ the transaction&#39;s date" in page or "◀ the transaction's date" in page
    assert reason_texts()["FREE_TEXT_MENTION"]["next_step"].split("—")[0][:30] in page.replace(
        "&#34;", '"'
    ).replace("&#39;", "'")


def test_the_path_graph_points_along_the_relations(registry: Registry) -> None:
    steps = [
        {
            "from": "riot-games",
            "relation": "owns",
            "to": "tencent-holdings",
            "forward": False,
            "source": "10-K",
        },
        {
            "from": "tencent-holdings",
            "relation": "subsidiary_of",
            "to": "tenpay",
            "forward": False,
            "source": "HKEX",
        },
    ]
    svg = str(path_graph(registry, steps, "riot-games"))
    edges = svg.split('<g class="edge"')[1:]
    first = edges[0]
    assert 'data-source="tencent-holdings" data-target="riot-games"' in first
    x1 = float(first.split('x1="')[1].split('"')[0])
    x2 = float(first.split('x2="')[1].split('"')[0])
    assert x1 > x2  # tencent (right) → riot (left): owner to owned, against the walk
    assert "100%" in first  # Tencent owns 100% of Riot, from the registry's relation
    assert registry.entities["tencent-holdings"].display_name in svg


def test_every_reason_code_is_explained() -> None:
    import re

    texts = reason_texts()
    missing = [code for code in R.ALL if code not in texts]
    data = Path(__file__).resolve().parents[1] / "src" / "banscreen" / "data"
    for path in data.rglob("*.yaml"):
        missing += [
            c
            for c in re.findall(r"reason: ([A-Z][A-Z0-9_]{3,})", path.read_text("utf-8"))
            if c not in texts
        ]
    assert missing == []


def test_group_commit_stores_every_answer_of_concurrent_requests(
    client: TestClient, store: Store
) -> None:
    key = store.create_key(["screen"])
    answers: list[str] = []
    lock = threading.Lock()

    def post(i: int) -> None:
        got = client.post("/v1/screen", json={**TENPAY, "id": f"c{i}"}, headers=_auth(key))
        with lock:
            answers.append(got.json()["decision_id"])

    threads = [threading.Thread(target=post, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 40
    assert all(store.decision(d) is not None for d in answers)
    assert store.verify_audit()[1] == []
    assert json.loads(store.decision(answers[0]).submitted)["id"].startswith("c")  # type: ignore[union-attr]


def test_concurrent_writers_keep_one_audit_chain(store: Store, registry: Registry) -> None:
    """Screenings, key changes and clearances written at once from several threads: each
    audit entry chains to the one committed before it, none fails on a taken number."""
    from banscreen.api.recording import screened
    from banscreen.batch import Pipeline
    from banscreen.engine import ScreenOptions
    from banscreen.surfaces.rows import RawRow

    screener = Screener(registry)
    rows = [RawRow(1, {**TENPAY, "id": f"w{i}"}) for i in range(40)]
    batches = [
        screened(
            screener,
            [r],
            list(Pipeline(screener, ScreenOptions()).decisions([r])),
            "key:1",
            "api",
            "strict",
        )
        for r in rows
    ]
    errors: list[BaseException] = []

    def run(work: Any) -> None:
        try:
            work()
        except BaseException as exc:
            errors.append(exc)

    def screenings() -> None:
        for b in batches:
            store.record(b)

    def keys() -> None:
        for i in range(40):
            store.create_key(["screen"], f"k{i}-{threading.get_ident()}")

    threads = [threading.Thread(target=run, args=(w,)) for w in (screenings, keys, keys)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    count, problems = store.verify_audit()
    assert problems == [] and count == 40 + 80
