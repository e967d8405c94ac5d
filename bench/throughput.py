"""Throughput and latency of banscreen screening (a benchmark, not a test).

    python bench/throughput.py [--rows 100000] [--unique 1.0] [--single 5000] [--json]

Prints, for a generated transactions file (about 10% hits, 10% near misses, 10% Chinese
names): rows/s of the `banscreen screen` command end to end (a subprocess, so start-up and
CSV I/O count) at two file sizes with their peak RSS, to show memory stays flat while
streaming; and p50/p99 latency of single in-process `Screener.decide()` calls.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from banscreen.engine import Screener, ScreenOptions
from banscreen.registry import load_registry
from banscreen.surfaces.rows import parse_row
from sample_data import synthetic_rows, write_csv


def cli_run(rows: int, unique: float, workdir: Path) -> dict[str, float]:
    src = workdir / f"tx-{rows}.csv"
    write_csv(synthetic_rows(rows, unique_share=unique), src)
    out = workdir / f"decisions-{rows}.csv"
    banscreen = Path(sys.executable).with_name("banscreen")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([str(banscreen), "screen", str(src), "--out", str(out), "--quiet"], check=True)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with out.open(encoding="utf-8") as fh:
        written = sum(1 for _ in fh) - 1
    assert written == rows, f"{written} output rows for {rows} input rows"
    return {
        "rows": rows,
        "seconds": round(elapsed, 3),
        "rows_per_s": round(rows / elapsed),
        "peak_rss_mb": round(max(peak_kb, before) / 1024, 1),
    }


def single_calls(n: int) -> dict[str, float]:
    screener = Screener(load_registry())
    options = ScreenOptions()
    txs = [parse_row(r) for r in synthetic_rows(n, unique_share=1.0, seed=7)]
    screener.decide(txs[0], options)  # warm the indexes, not the name cache
    screener.matcher.match_name.cache_clear()
    screener.matcher.normaliser.tokens.cache_clear()
    timings = []
    for tx in txs:
        started = time.perf_counter_ns()
        screener.decide(tx, options)
        timings.append((time.perf_counter_ns() - started) / 1e6)
    timings.sort()
    return {
        "calls": n,
        "p50_ms": round(statistics.median(timings), 3),
        "p99_ms": round(timings[int(len(timings) * 0.99) - 1], 3),
        "max_ms": round(timings[-1], 3),
        "calls_per_s": round(n / (sum(timings) / 1000)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--unique", type=float, default=1.0, help="share of unique counterparties")
    parser.add_argument("--single", type=int, default=5000, help="single decide() calls to time")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        small = cli_run(max(1, args.rows // 10), args.unique, Path(tmp))
        large = cli_run(args.rows, args.unique, Path(tmp))
    single = single_calls(args.single)
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "unique_share": args.unique,
        "batch_small": small,
        "batch": large,
        "single": single,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"banscreen throughput  ({result['machine']}, unique counterparties {args.unique:.0%})")
    print(f"{'run':<22}{'rows':>10}{'seconds':>10}{'rows/s':>10}{'peak RSS MB':>14}")
    for label, r in (("screen (CLI, small)", small), ("screen (CLI)", large)):
        print(
            f"{label:<22}{r['rows']:>10,}{r['seconds']:>10}{r['rows_per_s']:>10,}{r['peak_rss_mb']:>14}"
        )
    print(
        f"single decide(): {single['calls']:,} calls, p50 {single['p50_ms']} ms, "
        f"p99 {single['p99_ms']} ms, max {single['max_ms']} ms, {single['calls_per_s']:,} calls/s"
    )


if __name__ == "__main__":
    main()
