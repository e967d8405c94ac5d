"""The Spark job on a large generated Parquet file, checked against the single-machine path.

    python bench/spark_screen.py [--rows 10000000] [--unique 0.05] [--master local[*]]
                                 [--sample 20000] [--json]

Writes a Parquet file of generated transactions (bench/sample_data.py: ~10% hits, 10% near
misses, 10% Chinese names; counterparties repeating), screens it with `banscreen
spark-screen` in local mode, reports rows/s, and checks that the first `--sample` rows of
Spark's output equal what the single-machine `screen` writes for the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_data import COLUMNS, synthetic_rows

BANSCREEN = Path(sys.executable).with_name("banscreen")


def write_parquet(path: Path, rows: int, unique: float, batch: int = 500_000) -> None:
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    generated = synthetic_rows(rows, unique_share=unique)
    with pq.ParquetWriter(str(path), schema) as writer:
        while True:
            chunk = [row for _, row in zip(range(batch), generated, strict=False)]
            if not chunk:
                break
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--unique", type=float, default=0.05)
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "transactions.parquet"
        started = time.perf_counter()
        write_parquet(source, args.rows, args.unique)
        generated = time.perf_counter() - started
        out = work / "decisions"
        started = time.perf_counter()
        subprocess.run(
            [str(BANSCREEN), "spark-screen", str(source), str(out), "--master", args.master],
            check=True,
        )
        elapsed = time.perf_counter() - started
        spark_rows = pq.read_table(out)
        assert spark_rows.num_rows == args.rows, (
            f"{spark_rows.num_rows} output rows for {args.rows}"
        )
        # The single-machine path on the first rows of the same file.
        head = work / "head.parquet"
        pq.write_table(pq.read_table(source).slice(0, args.sample), head)
        single = work / "single.parquet"
        subprocess.run(
            [str(BANSCREEN), "screen", str(head), "--out", str(single), "--quiet"], check=True
        )
        expected = pq.read_table(single).to_pylist()
        got = spark_rows.slice(0, args.sample).to_pylist()
        differing = sum(1 for a, b in zip(expected, got, strict=True) if a != b)
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "rows": args.rows,
        "unique_share": args.unique,
        "master": args.master,
        "generate_s": round(generated, 1),
        "spark_s": round(elapsed, 1),
        "rows_per_s": round(args.rows / elapsed),
        "sample_rows_compared": args.sample,
        "sample_rows_differing": differing,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"banscreen spark-screen ({result['machine']}, {args.master})")
    print(
        f"{args.rows:,} rows ({args.unique:.0%} unique counterparties) in {elapsed:.1f} s: {result['rows_per_s']:,} rows/s"
    )
    print(f"first {args.sample:,} rows against the single-machine screen: {differing} differ")


if __name__ == "__main__":
    main()
