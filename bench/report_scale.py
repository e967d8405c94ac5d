"""How long `banscreen report` takes, and how much memory, on a large decisions file (a
benchmark, not a test).

    python bench/report_scale.py [--rows 1000000]

The decisions file is the shipped sample's decisions (`screen --format jsonl`) repeated with
new ids until it has --rows lines; the report reads it once, line by line, keeping only
aggregates. Prints seconds, rows/s, peak RSS of the report command and the HTML's size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "banscreen" / "data" / "samples" / "transactions.csv"
BANSCREEN = str(Path(sys.executable).with_name("banscreen"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, big, page = Path(tmp) / "s.jsonl", Path(tmp) / "big.jsonl", Path(tmp) / "r.html"
        subprocess.run([BANSCREEN, "screen", str(SAMPLE), "--format", "jsonl", "--out", str(base),
                        "--quiet"], check=True)  # fmt: skip
        lines = base.read_text(encoding="utf-8").splitlines()
        with big.open("w", encoding="utf-8") as fh:
            for i in range(args.rows):
                record = json.loads(lines[i % len(lines)])
                record["id"] = f"R{i:08d}"
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        subprocess.run([BANSCREEN, "report", str(big), "--out", str(page)], check=True)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size = page.stat().st_size
    print(
        f"report of {args.rows:,} decisions: {elapsed:.2f} s ({args.rows / elapsed:,.0f} rows/s), "
        f"peak RSS {peak:.0f} MB (the screen of the sample included), HTML {size / 1024:.0f} KB"
    )


if __name__ == "__main__":
    main()
