"""Load on `POST /v1/screen` over loopback: requests/s and latency (a benchmark, not a test).

    python bench/service_load.py [--clients 8] [--requests 4000] [--seconds 60] [--batch 1]

Starts `banscreen serve` on a free port with a fresh data directory (SQLite store), creates a
screen key, then runs concurrent clients (threads, one HTTP connection each) posting single
transactions (or batches of `--batch`) from the generated benchmark rows until the request
count or the time bound is reached. Prints requests/s, transactions/s and p50/p99 latency.
"""

from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = list(synthetic_rows(max(args.requests * args.batch, 1000), unique_share=0.2, seed=11))
    db = ["--db", args.db] if args.db else []
    with tempfile.TemporaryDirectory() as home:
        key = subprocess.run(
            [str(BANSCREEN), "--home", home, "keys", "create", "--scope", "screen", *db],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
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
                *db,
            ],
            stderr=subprocess.DEVNULL,
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
            errors = 0
            statuses: dict[int, int] = {}
            lock = threading.Lock()
            counter = iter(range(args.requests))
            deadline = time.perf_counter() + args.seconds

            def client() -> None:
                nonlocal errors
                with httpx.Client(
                    base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30
                ) as http:
                    for n in counter:
                        if time.perf_counter() > deadline:
                            return
                        start = n * args.batch % len(rows)
                        chunk = rows[start : start + args.batch] or rows[: args.batch]
                        body = chunk[0] if args.batch == 1 else {"transactions": chunk}
                        began = time.perf_counter()
                        response = http.post("/v1/screen", json=body)
                        took = (time.perf_counter() - began) * 1000
                        with lock:
                            latencies.append(took)
                            if response.status_code != 200:
                                errors += 1
                                statuses[response.status_code] = (
                                    statuses.get(response.status_code, 0) + 1
                                )

            started = time.perf_counter()
            threads = [threading.Thread(target=client) for _ in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
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
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"POST /v1/screen, {args.clients} clients, batch {args.batch}: {result['requests']:,} requests "
        f"in {result['seconds']} s = {result['requests_per_s']:,} req/s "
        f"({result['transactions_per_s']:,} tx/s), p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
        f"{errors} errors {statuses or ''}"
    )


if __name__ == "__main__":
    main()
