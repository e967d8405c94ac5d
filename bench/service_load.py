"""Load on `POST /v1/screen` over loopback: requests/s and latency (a benchmark, not a test).

    python bench/service_load.py [--clients 8] [--requests 4000] [--seconds 60] [--batch 1]

Starts `banscreen serve` on a free port with a fresh data directory (SQLite store, or `--db`),
creates a screen key, then runs concurrent clients (threads, one kept-alive HTTP connection
each, `http.client` with bodies encoded beforehand: the load generator shares the machine's
cores with the server, so it is kept as cheap as a Python client can be) posting single
transactions (or batches of `--batch`) from the generated benchmark rows until the request
count or the time bound is reached. Prints requests/s, transactions/s, p50/p99 latency, and
the server's CPU time per request.

`--accepts N` seeds the store with N accept entries before the server starts, as a desk's
clearances accumulate.

`--kill-after N` sends the server SIGKILL once N answers have come back, then opens the
store and checks that every decision id answered is there (an answer is sent only after
its decision is committed).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_data import synthetic_rows

BANSCREEN = Path(sys.executable).with_name("banscreen")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--db", default=None, help="store URL (default: SQLite in a temp dir)")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers")
    parser.add_argument(
        "--kill-after", type=int, default=0, help="SIGKILL the server after N answers"
    )
    parser.add_argument(
        "--accepts", type=int, default=0,
        help="seed the store with N accept entries first (a review desk's clearances)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = list(synthetic_rows(max(args.requests * args.batch, 1000), unique_share=0.2, seed=11))
    db = ["--db", args.db] if args.db else []
    with tempfile.TemporaryDirectory() as home:
        key = subprocess.run(
            [str(BANSCREEN), "--home", home, "keys", "create", "--scope", "screen", *db],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        if args.accepts:
            _seed_accepts(home, args.db, args.accepts)
        port = free_port()
        server = subprocess.Popen(
            [
                str(BANSCREEN),
                "--home",
                home,
                "serve",
                "--port",
                str(port),
                "--rate-limit",
                "100000000",
                *(["--workers", str(args.workers)] if args.workers > 1 else []),
                *db,
            ],
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its workers too are killed with it (--workers N)
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            latencies: list[float] = []
            answered: list[str] = []
            errors = 0
            statuses: dict[int, int] = {}
            lock = threading.Lock()
            counter = iter(range(args.requests))
            deadline = time.perf_counter() + args.seconds
            bodies = []
            for n in range(min(args.requests, len(rows) // max(args.batch, 1))):
                chunk = rows[n * args.batch : (n + 1) * args.batch]
                body = chunk[0] if args.batch == 1 else {"transactions": chunk}
                bodies.append(json.dumps(body).encode())
            headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
            killed = threading.Event()

            def client() -> None:
                nonlocal errors
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                try:
                    for n in counter:
                        if time.perf_counter() > deadline or killed.is_set():
                            return
                        began = time.perf_counter()
                        try:
                            conn.request("POST", "/v1/screen", bodies[n % len(bodies)], headers)
                            response = conn.getresponse()
                            payload = response.read()
                        except (OSError, http.client.HTTPException):
                            if killed.is_set():
                                return
                            raise
                        took = (time.perf_counter() - began) * 1000
                        with lock:
                            latencies.append(took)
                            if response.status != 200:
                                errors += 1
                                statuses[response.status] = statuses.get(response.status, 0) + 1
                            elif args.kill_after:
                                answered.extend(_decision_ids(payload))
                                if len(latencies) >= args.kill_after and not killed.is_set():
                                    killed.set()
                                    os.killpg(server.pid, signal.SIGKILL)
                finally:
                    conn.close()

            cpu_before = _cpu_seconds(server.pid)
            started = time.perf_counter()
            threads = [threading.Thread(target=client) for _ in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
            cpu = _cpu_seconds(server.pid) - cpu_before if not killed.is_set() else None
            missing = _missing(home, args.db, answered) if killed.is_set() else None
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    latencies.sort()
    result = {
        "clients": args.clients,
        "batch": args.batch,
        "requests": len(latencies),
        "errors": errors,
        "error_statuses": statuses,
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "transactions_per_s": round(len(latencies) * args.batch / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 2),
        "server_cpu_ms_per_request": round(cpu * 1000 / len(latencies), 2) if cpu else None,
        "workers": args.workers,
        "store": "postgresql" if args.db and args.db.startswith("postgres") else "sqlite",
    }
    if missing is not None:
        result["killed_after"] = len(latencies)
        result["answered"] = len(answered)
        result["answered_but_not_stored"] = missing
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"POST /v1/screen, {args.clients} clients, batch {args.batch}: {result['requests']:,} requests "
        f"in {result['seconds']} s = {result['requests_per_s']:,} req/s "
        f"({result['transactions_per_s']:,} tx/s), p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
        f"server CPU {result['server_cpu_ms_per_request']} ms/request, {errors} errors {statuses or ''} "
        f"[{result['store']}, {args.workers} worker(s)]"
    )
    if missing is not None:
        print(
            f"SIGKILL after {len(latencies):,} answers: {len(answered):,} decisions answered, "
            f"{missing} of them not in the store"
        )


def _seed_accepts(home: str, db: str | None, count: int) -> None:
    """`count` accept entries for counterparties the benchmark rows never name, a tenth of
    them revoked, written straight to the store's table (as years of clearances leave it)."""
    from sqlalchemy import insert

    from banscreen.store import Store
    from banscreen.store.base import now
    from banscreen.store.tables import AcceptEntryRow

    store = Store(db or f"sqlite:///{Path(home) / 'banscreen.db'}")
    moment = now()
    rows = [
        {"counterparty": f"seeded counterparty {i}", "entity_id": "cn-tenpay",
         "list_version": "seed", "reason": "seeded", "created_at": moment,
         "revoked_at": moment if i % 10 == 0 else None}
        for i in range(count)
    ]  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(insert(AcceptEntryRow.__table__), rows)
    store.engine.dispose()


def _decision_ids(payload: bytes) -> list[str]:
    data = json.loads(payload)
    found = data.get("decisions", [data])
    return [str(d["decision_id"]) for d in found]


def _cpu_seconds(pid: int) -> float:
    """User and system CPU of the server and its children (workers), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _missing(home: str, db: str | None, answered: list[str]) -> int:
    """How many answered decision ids the store does not hold."""
    from banscreen.store import Store

    store = Store(db or f"sqlite:///{Path(home) / 'banscreen.db'}")
    try:
        return sum(1 for d in answered if store.decision(d) is None)
    finally:
        store.engine.dispose()


if __name__ == "__main__":
    main()
