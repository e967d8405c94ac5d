"""The store (on SQLite, and on PostgreSQL when BANSCREEN_TEST_POSTGRES_URL is set, as CI
does) and the HTTP API: keys and scopes, screening, alerts and cases, the audit chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import select, text

pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")

from fastapi.testclient import TestClient

from banscreen.api import MAX_BATCH, MAX_BODY, create_app
from banscreen.batch import Pipeline
from banscreen.engine import Screener
from banscreen.errors import ConflictError, NotFoundError
from banscreen.registry import Registry
from banscreen.store import Store, StoreError
from banscreen.store.audit import GENESIS
from banscreen.store.tables import Base
from banscreen.surfaces.tabular import TransactionFile
from helpers.service import TENPAY, ui_login, ui_login_token
from helpers.stores import BACKENDS, backend_store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from backend_store(request.param, tmp_path)


@pytest.fixture
def client(store: Store, registry: Registry) -> TestClient:
    return TestClient(create_app(store, Screener(registry)))


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


# ------------------------------------------------------------------ store


def test_keys_are_kept_hashed_and_checked(store: Store) -> None:
    key = store.create_key(["screen"], "payments")
    found = store.verify_key(key)
    assert found is not None and found.scopes == {"screen"} and found.name == "payments"
    assert store.verify_key(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert store.verify_key("bsk_nope") is None and store.verify_key("") is None
    with store.engine.connect() as connection:
        stored = connection.execute(text("SELECT key_hash FROM api_keys")).scalar()
    assert stored and key not in stored and len(stored) == 64
    with pytest.raises(StoreError, match="scopes"):
        store.create_key(["root"])


def test_the_audit_chain_detects_edits_and_deletions(store: Store) -> None:
    for name in ("a", "b", "c", "d"):
        store.create_key(["screen"], name)
    assert store.verify_audit() == (4, [])
    with store.engine.begin() as connection:
        connection.execute(text('UPDATE audit_log SET details = \'{"name": "x"}\' WHERE seq = 2'))
    count, problems = store.verify_audit()
    assert count == 4 and [(p.seq, "edited" in p.problem) for p in problems] == [(2, True)]
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 3"))
    _, problems = store.verify_audit()
    assert {p.seq for p in problems} >= {2, 4}
    assert any("missing" in p.problem for p in problems)


def _rechain(store: Store, start: int) -> None:
    """What a forger with the database does: recompute every hash from `start` on."""
    from banscreen.store.audit import _chain
    from banscreen.store.tables import AuditEntry

    with store.session() as session, session.begin():
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        prev = GENESIS
        for entry in entries:
            if entry.seq >= start:
                at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
                entry.prev_hash = prev
                entry.hash = _chain(prev, entry.seq, at, entry.actor, entry.action,
                                    entry.subject, entry.details)  # fmt: skip
            prev = entry.hash


@pytest.mark.parametrize(
    "tamper",
    ["edit", "insert", "delete_first", "delete_middle", "delete_last", "rewrite_rechained"],
)
def test_every_tampering_is_found_against_an_anchor(store: Store, tamper: str) -> None:
    for name in ("a", "b", "c", "d", "e"):
        store.create_key(["screen"], name)
    anchors = [store.audit_head()]
    assert anchors[0].seq == 5 and store.verify_audit(anchors) == (5, [])
    with store.engine.begin() as connection:
        if tamper == "edit":
            connection.execute(text("UPDATE audit_log SET actor = 'someone' WHERE seq = 3"))
        elif tamper == "insert":
            connection.execute(text("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4"))
            connection.execute(text("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000"))
            connection.execute(
                text("INSERT INTO audit_log (seq, at, actor, action, subject, details, "
                     "prev_hash, hash) SELECT 4, at, actor, action, subject, details, "
                     "prev_hash, hash FROM audit_log WHERE seq = 3")
            )  # fmt: skip
        elif tamper.startswith("delete"):
            seq = {"delete_first": 1, "delete_middle": 3, "delete_last": 5}[tamper]
            connection.execute(text(f"DELETE FROM audit_log WHERE seq = {seq}"))
        else:
            connection.execute(text("UPDATE audit_log SET action = 'key.revoke' WHERE seq = 2"))
    if tamper in ("rewrite_rechained", "delete_last"):
        _rechain(store, 1)
        # The chain alone cannot see these: that is why the head is anchored.
        assert store.verify_audit()[1] == []
    count, problems = store.verify_audit(anchors)
    assert problems, (tamper, count)


def test_audit_anchor_and_verify_through_the_cli(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from banscreen.cli import app as cli

    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'b.db'}"
    anchors = tmp_path / "anchors.jsonl"
    for name in ("a", "b", "c"):
        assert runner.invoke(cli, ["keys", "create", "--scope", "screen", "--name", name,
                                   "--db", db]).exit_code == 0  # fmt: skip
    assert runner.invoke(cli, ["audit", "anchor", "--db", db, "--out", str(anchors)]).exit_code == 0
    verified = runner.invoke(cli, ["audit", "verify", "--db", db, "--anchor", str(anchors)])
    assert verified.exit_code == 0 and "1 anchors agree" in verified.output
    store = Store(db)
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 3"))
    store.engine.dispose()
    assert runner.invoke(cli, ["audit", "verify", "--db", db]).exit_code == 0  # the chain alone
    broken = runner.invoke(cli, ["audit", "verify", "--db", db, "--anchor", str(anchors)])
    assert broken.exit_code == 1 and "shorter than its anchor" in broken.output


def test_keys_create_takes_an_expiry_that_is_to_come(tmp_path: Path) -> None:
    """A day that has passed made a key that never worked, silently; the last day there is
    (9999-12-31) crashed on the day after it. Now: refused, and a key that never expires."""
    from typer.testing import CliRunner

    from banscreen.cli import app as cli

    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'k.db'}"
    for day in ("0001-01-01", "2020-01-01"):
        past = runner.invoke(cli, ["keys", "create", "--scope", "screen", "--expires", day,
                                   "--db", db])  # fmt: skip
        assert past.exit_code == 2 and "has passed" in past.output
    last = runner.invoke(cli, ["keys", "create", "--scope", "screen", "--expires", "9999-12-31",
                               "--db", db])  # fmt: skip
    assert last.exit_code == 0, last.output
    found = Store(db).verify_key(last.stdout.strip())
    assert found is not None and found.scopes == {"screen"}


def test_every_api_write_reports_the_audit_head(client: TestClient, store: Store) -> None:
    key = _auth(store.create_key(["screen"]))
    response = client.post("/v1/screen", json=TENPAY, headers=key)
    head = store.audit_head()
    assert response.headers["X-Audit-Head"] == f"{head.seq}:{head.hash}"
    assert "X-Audit-Head" not in client.get("/v1/programs", headers=key).headers


def test_an_action_needs_a_known_alert_a_known_action_and_a_reason(
    store: Store, registry: Registry
) -> None:
    app = TestClient(create_app(store, Screener(registry)))
    key = store.create_key(["screen", "review"])
    app.post("/v1/screen", json=TENPAY, headers=_auth(key))
    alert_id = store.alerts()[0][0].id
    with pytest.raises(StoreError, match="reason"):
        store.act(alert_id, "clear", "  ", "analyst")
    with pytest.raises(StoreError, match="action must be one of"):
        store.act(alert_id, "frobnicate", "why", "analyst")
    with pytest.raises(ConflictError, match="open: approve is not possible"):
        store.act(alert_id, "approve", "why", "analyst")
    with pytest.raises(NotFoundError, match="no alert"):
        store.act(10_000, "clear", "why", "analyst")


# ------------------------------------------------------------------ API


def test_every_route_but_health_needs_a_key(client: TestClient, store: Store) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json()["status"] == "ready"
    routes = [
        ("post", "/v1/screen"),
        ("get", "/v1/decisions/x"),
        ("get", "/v1/alerts"),
        ("get", "/v1/alerts/1"),
        ("post", "/v1/alerts/1/actions"),
        ("get", "/v1/cases"),
        ("get", "/v1/programs"),
        ("get", "/v1/lists"),
    ]
    for method, path in routes:
        for headers in ({}, _auth("bsk_not-a-key"), {"Authorization": "Basic abc"}):
            response = getattr(client, method)(
                path, headers=headers, **({"json": TENPAY} if method == "post" else {})
            )
            assert response.status_code == 401, (method, path, headers)
            assert response.headers.get("www-authenticate") == "Bearer"


def test_a_key_without_the_scope_is_refused(client: TestClient, store: Store) -> None:
    screen_only = store.create_key(["screen"])
    review_only = store.create_key(["review"])
    assert client.post("/v1/screen", json=TENPAY, headers=_auth(review_only)).status_code == 403
    assert client.get("/v1/alerts", headers=_auth(screen_only)).status_code == 403
    assert (
        client.post(
            "/v1/alerts/1/actions",
            json={"action": "clear", "reason": "x"},
            headers=_auth(screen_only),
        ).status_code
        == 403
    )
    assert client.get("/v1/programs", headers=_auth(screen_only)).status_code == 200
    admin = store.create_key(["admin"])
    assert client.get("/v1/alerts", headers=_auth(admin)).status_code == 200


def test_screen_one_and_a_batch_and_read_the_decision_back(
    client: TestClient, store: Store
) -> None:
    key = _auth(store.create_key(["screen"]))
    one = client.post("/v1/screen", json=TENPAY, headers=key, params={"policy": "anticipate"})
    assert one.status_code == 200, one.text
    body = one.json()
    assert body["id"] == "p1" and body["outcome"] == "BLOCK" and "eo13971" in body["programs"]
    batch = client.post(
        "/v1/screen",
        headers=key,
        json={
            "transactions": [
                TENPAY,
                {
                    "id": "p2",
                    "date": "2021-03-15",
                    "category": "payment",
                    "counterparty_name": "Acme Widgets",
                    "us_nexus": False,
                },
                {
                    "id": "p3",
                    "date": "not a date",
                    "category": "payment",
                    "counterparty_name": "Tenpay",
                },
                {
                    "id": "p4",
                    "date": "2021-03-15",
                    "category": "app_distribution",
                    "counterparty_identifiers": ["android:com.tencent.mm"],
                    "store": "play",
                },
            ]
        },
    )
    assert batch.status_code == 200, batch.text
    decisions = batch.json()["decisions"]
    assert [d["outcome"] for d in decisions] == ["REVIEW", "CLEAR", "ERROR", "REVIEW"]
    assert "date" in decisions[2]["error"] and decisions[3]["store"] == "play"
    stored = client.get(f"/v1/decisions/{decisions[0]['decision_id']}", headers=key).json()
    assert stored["outcome"] == "REVIEW" and stored["detail"]["hits"] and stored["list_version"]
    assert client.get("/v1/decisions/nope", headers=key).status_code == 404
    ok, problems = store.verify_audit()
    assert ok >= 2 and problems == []


def test_bad_bodies_get_clear_4xx(client: TestClient, store: Store) -> None:
    key = _auth(store.create_key(["screen"]))
    assert (
        client.post(
            "/v1/screen", content=b"{not json", headers={**key, "Content-Type": "application/json"}
        ).status_code
        == 422
    )
    assert client.post("/v1/screen", json=[1, 2], headers=key).status_code == 422
    too_many = {"transactions": [TENPAY] * (MAX_BATCH + 1)}
    refused = client.post("/v1/screen", json=too_many, headers=key)
    assert refused.status_code == 422
    # The problem and the field, and a snippet of the input, never the whole body back.
    assert len(refused.content) < 4096, len(refused.content)
    assert any("transactions" in p["loc"] for p in refused.json()["detail"])
    huge = {"transactions": [{**TENPAY, "text": "x" * (MAX_BODY // 2)}] * 3}
    assert client.post("/v1/screen", json=huge, headers=key).status_code == 413
    assert (
        client.post(
            "/v1/screen", json={**TENPAY, "counterparty_identifiers": 7}, headers=key
        ).status_code
        == 422
    )


def test_clearing_a_false_positive_makes_the_rescreen_clear_with_accepted(
    client: TestClient, store: Store
) -> None:
    screener_key = _auth(store.create_key(["screen"]))
    analyst = _auth(store.create_key(["review"]))
    first = client.post("/v1/screen", json=TENPAY, headers=screener_key).json()
    assert first["outcome"] == "REVIEW"
    queue = client.get("/v1/alerts", params={"status": "open"}, headers=analyst).json()["alerts"]
    assert [a["decision_id"] for a in queue] == [first["decision_id"]]
    alert_id = queue[0]["alert_id"]
    detail = client.get(f"/v1/alerts/{alert_id}", headers=analyst).json()
    assert detail["decision"]["entity_id"] == first["entity_id"] and detail["cases"] == []
    missing_reason = client.post(
        f"/v1/alerts/{alert_id}/actions", json={"action": "clear", "reason": ""}, headers=analyst
    )
    assert missing_reason.status_code == 422
    case = client.post(
        f"/v1/alerts/{alert_id}/actions",
        json={"action": "clear", "reason": "our own vendor, not Tenpay"},
        headers=analyst,
    )
    assert case.status_code == 200 and case.json()["action"] == "clear"
    assert (
        client.get("/v1/alerts", params={"status": "open"}, headers=analyst).json()["alerts"] == []
    )
    again = client.post(
        "/v1/screen", json={**TENPAY, "id": "p1-again"}, headers=screener_key
    ).json()
    assert again["outcome"] == "CLEAR" and "ACCEPTED" in again["reasons"]
    assert (
        client.get("/v1/cases", headers=analyst).json()["cases"][0]["reason"]
        == "our own vendor, not Tenpay"
    )
    assert store.verify_audit()[1] == []
    actions = [e.action for e in store.audit_entries()]
    assert "alert.clear" in actions and actions.count("screen") == 2


def test_ui_headers_reference_routes_and_openapi(client: TestClient, store: Store) -> None:
    key = _auth(store.create_key(["screen"]))
    response = client.get("/v1/programs", headers=key, params={"on": "2021-03-01"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    programs = {p["id"]: p for p in response.json()["programs"]}
    assert programs["eo13971"]["kind"] == "order"
    assert client.get("/v1/lists", headers=key).json() == {"versions": []}
    schema = client.get("/openapi.json").json()
    assert "/v1/screen" in schema["paths"] and "/v1/alerts/{alert_id}/actions" in schema["paths"]
    assert client.get("/docs").status_code == 200


def test_each_key_is_rate_limited_on_its_own(store: Store, registry: Registry) -> None:
    client = TestClient(create_app(store, Screener(registry), rate_per_minute=3))
    first, second = _auth(store.create_key(["screen"])), _auth(store.create_key(["screen"]))
    codes = [client.get("/v1/programs", headers=first).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    limited = client.get("/v1/programs", headers=first)
    assert int(limited.headers["retry-after"]) >= 1
    assert client.get("/v1/programs", headers=second).status_code == 200


def test_no_key_is_ever_written_to_the_store_or_the_audit_log(
    store: Store, registry: Registry
) -> None:
    client = TestClient(create_app(store, Screener(registry)))
    key = store.create_key(["screen", "review"])
    client.post("/v1/screen", json=TENPAY, headers=_auth(key))
    with store.engine.connect() as connection:
        for table in ("api_keys", "audit_log", "decisions", "screenings"):
            rows = connection.execute(text(f"SELECT * FROM {table}")).all()
            assert rows and all(key not in str(row) and key[4:] not in str(row) for row in rows), (
                table
            )


def _wait_job(
    client: TestClient, key: dict[str, str], job_id: str, timeout: float = 60
) -> dict[str, object]:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=key).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError("job did not finish")


def test_a_posted_file_is_screened_in_the_background(
    client: TestClient, store: Store, sample_csv: Path
) -> None:
    key = _auth(store.create_key(["screen"]))
    posted = client.post(
        "/v1/jobs", content=sample_csv.read_bytes(), headers={**key, "Content-Type": "text/csv"}
    )
    assert posted.status_code == 202, posted.text
    job_id = posted.json()["job_id"]
    job = _wait_job(client, key, job_id)
    assert job["status"] == "done" and job["rows_done"] == 246
    assert sum(job["outcomes"].values()) == 246  # type: ignore[union-attr]
    decisions = client.get(f"/v1/jobs/{job_id}/decisions", headers=key)
    assert decisions.status_code == 200 and decisions.text.count("\n") == 247
    assert client.post("/v1/jobs", content=b"", headers=key).status_code == 422
    assert client.get("/v1/jobs/nope", headers=key).status_code == 404


def test_a_job_asked_for_a_report_has_one_whose_numbers_are_the_jobs(
    client: TestClient, store: Store, sample_csv: Path
) -> None:
    key = _auth(store.create_key(["screen"]))
    other = _auth(store.create_key(["screen"]))
    plain = client.post("/v1/jobs", content=sample_csv.read_bytes(), headers=key).json()
    posted = client.post(
        "/v1/jobs", params={"report": "true"}, content=sample_csv.read_bytes(), headers=key
    ).json()
    job = _wait_job(client, key, posted["job_id"])
    _wait_job(client, key, plain["job_id"])
    report = client.get(f"/v1/jobs/{posted['job_id']}/report", headers=key)
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in report.headers["content-security-policy"]
    assert f"{job['rows_done']:,} rows" in report.text
    for outcome, count in job["outcomes"].items():  # type: ignore[union-attr]
        assert (
            f"<span class='{outcome}'>{outcome}</span></td><td class='n'>{count:,}" in report.text
        )
    assert client.get(f"/v1/jobs/{plain['job_id']}/report", headers=key).status_code == 404
    assert client.get(f"/v1/jobs/{posted['job_id']}/report", headers=other).status_code == 404


JOB_CSV = (
    "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,"
    "us_nexus,text\n"
    + "".join(
        f"j{i},2021-03-15,payment,{name},CN,,true,\n"
        for i, name in enumerate(
            ["Tenpay Payment Technology", "Acme Widgets", "Tenpay Payment Technology",
             "Acme Widgets", "Alipay (Hangzhou) Information Technology", "Globex"]
        )
    )
    + "j-bad,2021-02-30,payment,Tenpay,CN,,true,\n"
)  # fmt: skip


def test_a_job_opens_alerts_for_its_review_and_block_rows_once(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from banscreen.api import jobs

    key = _auth(store.create_key(["screen"]))
    posted = client.post(
        "/v1/jobs?policy=anticipate",
        content=JOB_CSV.encode(),
        headers={**key, "Content-Type": "text/csv"},
    )
    job = _wait_job(client, key, posted.json()["job_id"])
    assert job["status"] == "done", job
    outcomes = job["outcomes"]
    assert isinstance(outcomes, dict) and outcomes["ERROR"] == 1
    flagged = outcomes.get("REVIEW", 0) + outcomes.get("BLOCK", 0)
    assert flagged == 3  # the two Tenpay rows and the Alipay row
    alerts = store.alerts()
    assert sorted(d.transaction_id for _, d in alerts) == ["j0", "j2", "j4"]
    assert all(d.outcome in ("REVIEW", "BLOCK") and d.path for _, d in alerts)

    # Deciding the job's rows again (a resumed job) opens nothing new.
    runner = client.app.state.jobs  # type: ignore[attr-defined]
    record = store.job(str(posted.json()["job_id"]))
    options = jobs.ScreenOptions(policy=jobs.Policy.ANTICIPATE)

    def rerun(job: object) -> int:
        recorder = jobs.AlertRecorder(store, runner.screener, job)  # type: ignore[arg-type]
        source = TransactionFile(runner.input_path(job.id, "csv"))  # type: ignore[attr-defined]
        source.open_header()
        list(Pipeline(runner.screener, options, hook=recorder).decisions(source.rows()))
        recorder.flush()
        return recorder.recorded

    assert rerun(record) == 0
    assert len(store.alerts()) == 3

    # A crash between two parts: the resumed job records only the parts that were lost.
    monkeypatch.setattr(jobs, "ALERT_PART", 1)
    again = client.post(
        "/v1/jobs?policy=anticipate",
        content=JOB_CSV.encode(),
        headers={**key, "Content-Type": "text/csv"},
    )
    assert _wait_job(client, key, again.json()["job_id"])["status"] == "done"
    assert len(store.alerts()) == 6
    second = store.job(str(again.json()["job_id"]))
    with store.engine.begin() as connection:  # forget the second job's last two parts
        parts = sorted(store.job_parts(second.id), key=lambda p: int(p.split(":")[1]))
        assert len(parts) == 3
        for part in parts[1:]:
            ids = [r[0] for r in connection.execute(
                text("SELECT d.id FROM decisions d JOIN screenings s ON d.screening_id = s.id "
                     "WHERE s.job_part = :p"), {"p": part})]  # fmt: skip
            for decision_id in ids:
                connection.execute(
                    text("DELETE FROM alerts WHERE decision_id = :d"), {"d": decision_id}
                )
                connection.execute(text("DELETE FROM decisions WHERE id = :d"), {"d": decision_id})
            connection.execute(text("DELETE FROM screenings WHERE job_part = :p"), {"p": part})
    assert len(store.alerts()) == 4
    assert rerun(second) == 2
    assert len(store.alerts()) == 6
    assert sorted(d.transaction_id for _, d in store.alerts()) == sorted(["j0", "j2", "j4"] * 2)


def test_the_review_ui_logs_in_shows_an_alert_and_checks_csrf(
    client: TestClient, store: Store
) -> None:
    screener_key = _auth(store.create_key(["screen"]))
    analyst = store.create_key(["review"])
    decision = client.post("/v1/screen", json=TENPAY, headers=screener_key).json()
    assert client.get("/ui/alerts", follow_redirects=False).status_code == 303
    token = ui_login_token(client)
    bad = client.post(
        "/ui/login",
        content=f"api_key=bsk_wrong&login_token={token}".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert bad.status_code == 401
    screen_only = client.post(
        "/ui/login",
        data={"api_key": store.create_key(["screen"]), "login_token": ui_login_token(client)},
    )
    assert screen_only.status_code == 401
    logged = ui_login(client, analyst)
    assert logged.status_code == 303 and "httponly" in logged.headers["set-cookie"].lower()
    assert "samesite=strict" in logged.headers["set-cookie"].lower()
    queue = client.get("/ui/alerts")
    assert (
        queue.status_code == 200
        and decision["transaction_id" if "transaction_id" in decision else "id"] in queue.text
    )
    alert_id = store.alerts()[0][0].id
    page = client.get(f"/ui/alerts/{alert_id}")
    assert (
        page.status_code == 200 and 'id="path-graph"' in page.text and "tenpay" in page.text.lower()
    )
    assert page.headers["x-frame-options"] == "DENY"
    twin = client.get(f"/ui/alerts/{alert_id}.json").json()
    assert twin["decision"]["decision_id"] == decision["decision_id"]
    no_csrf = client.post(
        f"/ui/alerts/{alert_id}/actions", data={"action": "clear", "reason": "ok"}
    )
    assert no_csrf.status_code == 403
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    no_reason = client.post(
        f"/ui/alerts/{alert_id}/actions", data={"action": "clear", "reason": " ", "csrf": csrf}
    )
    assert no_reason.status_code == 422 and "reason is required" in no_reason.text
    done = client.post(
        f"/ui/alerts/{alert_id}/actions",
        data={"action": "escalate", "reason": "needs a second look", "csrf": csrf},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert store.alert(alert_id)[0].status == "escalated"  # type: ignore[index]


def test_the_migrations_build_exactly_the_tables_the_code_uses(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_every_json_response_is_a_typed_model_in_the_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    untyped = []
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            ok = next(v for k, v in spec["responses"].items() if k.startswith("2"))
            content = ok.get("content", {})
            if content and "application/json" not in content:
                continue  # a file (the decisions CSV, the HTML report), declared as such
            body = content.get("application/json", {}).get("schema", {})
            if not ("$ref" in body or "anyOf" in body):
                untyped.append(f"{method.upper()} {path}: {body}")
    assert not untyped, untyped
    models = schema["components"]["schemas"]
    assert {"DecisionOut", "DecisionsOut", "AlertDetailOut", "JobOut", "CaseOut"} <= set(models)
    assert set(models["DecisionOut"]["properties"]) >= {"id", "outcome", "reasons", "decision_id"}


def test_a_failed_job_names_the_problem_not_a_server_path(
    client: TestClient, store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key = _auth(store.create_key(["screen"]))
    posted = client.post("/v1/jobs", content=b"name,date\nTencent,2021-03-01\n", headers=key)
    job = _wait_job(client, key, posted.json()["job_id"])
    assert job["status"] == "failed"
    error = str(job["error"])
    assert "no 'id' column" in error and "input.csv" in error
    runner = client.app.state.jobs  # type: ignore[attr-defined]
    assert str(runner.root) not in error and "/" not in error.split(":")[0]
    assert "Traceback" not in caplog.text


def test_keys_are_listed_without_secrets_and_a_revoked_key_is_refused_at_once(
    client: TestClient, store: Store, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from banscreen.cli import app as cli

    screening = store.create_key(["screen"], "payments")
    analyst = store.create_key(["review"], "ana")
    assert client.post("/v1/screen", json=TENPAY, headers=_auth(screening)).status_code == 200
    listed = {k.name: k for k in store.api_keys()}
    assert listed["payments"].status == "active" and listed["payments"].last_used_at is not None
    assert listed["ana"].last_used_at is None
    # The review UI shows the key's name; its session ends with the key.
    assert ui_login(client, analyst).status_code == 303
    page = client.get("/ui/alerts")
    assert page.status_code == 200 and ">ana<" in page.text
    store.revoke_key("ana")
    assert client.get("/ui/alerts", follow_redirects=False).status_code == 303
    # Revoked from another process (the CLI), refused on the very next request.
    runner = CliRunner()
    url = str(store.engine.url.render_as_string(hide_password=False))
    revoked = runner.invoke(cli, ["keys", "revoke", "payments", "--db", url])
    assert revoked.exit_code == 0, revoked.output
    assert client.post("/v1/screen", json=TENPAY, headers=_auth(screening)).status_code == 401
    shown = runner.invoke(cli, ["keys", "list", "--db", url, "--json"])
    assert shown.exit_code == 0 and screening not in shown.output and analyst not in shown.output
    statuses = {k["name"]: k["status"] for k in json.loads(shown.output)["keys"]}
    assert statuses == {"payments": "revoked", "ana": "revoked"}
    assert runner.invoke(cli, ["keys", "revoke", "nobody", "--db", url]).exit_code == 2


def test_an_expired_key_is_refused(client: TestClient, store: Store) -> None:
    from datetime import datetime, timedelta

    past = store.create_key(["screen"], "old", datetime.now(UTC) - timedelta(seconds=1))
    future = store.create_key(["screen"], "new", datetime.now(UTC) + timedelta(days=1))
    assert client.post("/v1/screen", json=TENPAY, headers=_auth(past)).status_code == 401
    assert client.post("/v1/screen", json=TENPAY, headers=_auth(future)).status_code == 200
    assert {k.name: k.status for k in store.api_keys()} == {"old": "expired", "new": "active"}
