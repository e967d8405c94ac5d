"""Killing the service in the middle of a job loses nothing: on restart the job resumes and
every row has exactly one decision, the same as an uninterrupted `banscreen screen`."""

from __future__ import annotations

import csv
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx", reason="the service extra (pip install 'banscreen[service]')")
pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")

BANSCREEN = [sys.executable, "-m", "banscreen.cli"]
NAMES = [
    "Tenpay",
    "Kingsoft Office Software",
    "Acme Widgets",
    "腾讯",
    "UCWeb",
    "Globex Trading",
    "Alipay",
    "Initech",
]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(home: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [*BANSCREEN, "--home", str(home), "serve", "--port", str(port)], stderr=subprocess.DEVNULL
    )
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the service did not start")


def test_a_job_killed_with_the_server_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    rows = 120_000
    source = tmp_path / "tx.csv"
    with source.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            [
                "id",
                "date",
                "category",
                "counterparty_name",
                "counterparty_country",
                "counterparty_identifiers",
                "us_nexus",
                "text",
            ]
        )
        for i in range(rows):
            name = f"{NAMES[i % len(NAMES)]} {i % 20011}"
            writer.writerow(
                [f"r{i}", f"2021-0{1 + i % 9}-1{i % 10}", "payment", name, "", "", "true", ""]
            )
    home = tmp_path / "home"
    key = subprocess.run(
        [*BANSCREEN, "--home", str(home), "keys", "create", "--scope", "screen"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    headers = {"Authorization": f"Bearer {key}"}
    port = _port()
    server = _serve(home, port)
    base = f"http://127.0.0.1:{port}"
    try:
        job_id = httpx.post(
            f"{base}/v1/jobs",
            params={"report": "true"},
            content=source.read_bytes(),
            headers=headers,
            timeout=60,
        ).json()["job_id"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            job = httpx.get(f"{base}/v1/jobs/{job_id}", headers=headers).json()
            if job["rows_done"] >= 10_000 or job["status"] == "done":
                break
            time.sleep(0.02)
        assert job["status"] == "running", f"the job must be killed mid-run: {job}"
    finally:
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
    partial = home / "jobs" / job_id / "decisions.csv.partial"
    assert partial.exists() and not (home / "jobs" / job_id / "decisions.csv").exists()
    server = _serve(home, port)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            job = httpx.get(f"{base}/v1/jobs/{job_id}", headers=headers).json()
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert job["status"] == "done" and job["rows_done"] == rows
        resumed = httpx.get(f"{base}/v1/jobs/{job_id}/decisions", headers=headers, timeout=60).text
        # The report resumed from the aggregates of the rows the output kept: its counts
        # are the job's, no row counted twice.
        report = httpx.get(f"{base}/v1/jobs/{job_id}/report", headers=headers, timeout=60)
    finally:
        server.terminate()
        server.wait()
    ids = [line.split(",", 1)[0] for line in resumed.splitlines()[1:]]
    assert len(ids) == rows and len(set(ids)) == rows
    expected = tmp_path / "expected.csv"
    subprocess.run(
        [*BANSCREEN, "--home", str(home), "screen", str(source), "--out", str(expected), "--quiet"],
        check=True,
    )
    assert resumed == expected.read_text("utf-8")
    # The job's counts are of every row, not only those decided after the resume.
    assert sum(job["outcomes"].values()) == rows
    assert report.status_code == 200 and f"{rows:,} rows" in report.text
    for outcome, count in job["outcomes"].items():
        assert (
            f"<span class='{outcome}'>{outcome}</span></td><td class='n'>{count:,}" in report.text
        )


def test_every_answered_decision_is_stored_when_the_server_is_killed(tmp_path: Path) -> None:
    """Under concurrent load, SIGKILL the server: every decision a client got an answer for
    is in the store (an answer is sent only after the commit that holds it)."""
    import http.client
    import json
    import threading

    from banscreen.store import Store

    home = tmp_path / "home"
    key = subprocess.run(
        [*BANSCREEN, "--home", str(home), "keys", "create", "--scope", "screen"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    port = _port()
    server = _serve(home, port)
    answered: list[str] = []
    lock = threading.Lock()
    killed = threading.Event()

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            send(conn, n)
        finally:
            conn.close()  # a connection left to the collector is a ResourceWarning, an error

    def send(conn: http.client.HTTPConnection, n: int) -> None:
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        for i in range(10_000):
            body = {"id": f"c{n}-{i}", "date": "2021-03-15", "category": "payment",
                    "counterparty_name": NAMES[(n + i) % len(NAMES)], "us_nexus": "true"}  # fmt: skip
            try:
                conn.request("POST", "/v1/screen", json.dumps(body), headers)
                reply = conn.getresponse()
                payload = reply.read()
            except (OSError, http.client.HTTPException):
                return  # the server is gone
            assert reply.status == 200, payload
            with lock:
                answered.append(json.loads(payload)["decision_id"])
                if len(answered) >= 300 and not killed.is_set():
                    killed.set()
                    os.kill(server.pid, signal.SIGKILL)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    server.wait(10)
    assert killed.is_set() and len(answered) >= 300
    store = Store(f"sqlite:///{home / 'banscreen.db'}")
    try:
        missing = [d for d in answered if store.decision(d) is None]
        assert missing == []
        assert store.verify_audit()[1] == []
    finally:
        store.engine.dispose()
