"""Throughput and latency of banscreen screening (a benchmark, not a test).

    python bench/throughput.py [--rows 100000] [--unique 1.0] [--single 5000] [--json]
                               [--lists 20000]

Prints, for a generated transactions file (about 10% hits, 10% near misses, 10% Chinese
names): rows/s of the `banscreen screen` command end to end (a subprocess, so start-up and
CSV I/O count) at two file sizes with their peak RSS, to show memory stays flat while
streaming; the floor, Python's csv module copying the same file to an output of the same
width in a subprocess (deciding nothing), and how many times the floor `screen` takes; and
p50/p99 latency of single in-process `Screener.decide()` calls.

With `--lists N`, a synthetic restricted-party list of N parties (3 names each, FtM JSON
lines with an ownership graph; bench/synthetic_list.py) is imported first and every run
screens against it too; 5% of the rows then name list parties (half of them misspelt). The
memory the loaded list and its indexes take is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import random
from collections.abc import Iterator

import synthetic_list
from banscreen.engine import Screener, ScreenOptions
from banscreen.registry import load_registry
from banscreen.sources import registry_with_lists
from banscreen.surfaces.rows import parse_row
from bytecode import compile_package
from sample_data import synthetic_rows, write_csv

BANSCREEN = Path(sys.executable).with_name("banscreen")


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def with_list_names(
    rows: Iterator[dict[str, str]], parties: list[synthetic_list.Party] | None, seed: int = 3
) -> Iterator[dict[str, str]]:
    """Rows as they are, or with 5% naming list parties (half misspelt) when a list is loaded."""
    rng = random.Random(seed)
    for row in rows:
        if parties and rng.random() < 0.05:
            party = parties[rng.randrange(len(parties))]
            name = party.names[0]
            row = {
                **row,
                "counterparty_name": synthetic_list._typo(rng, name)
                if rng.random() < 0.5
                else name,
            }
        yield row


def import_list(home: Path, entities: int) -> tuple[list[synthetic_list.Party], dict[str, float]]:
    path = home / "synthetic.ftm.json"
    parties = synthetic_list.write(path, entities)
    started = time.perf_counter()
    subprocess.run([str(BANSCREEN), "--home", str(home), "lists", "import", str(path)], check=True)
    imported = time.perf_counter() - started
    before = _rss_mb()
    started = time.perf_counter()
    Screener(registry_with_lists(home))
    built = time.perf_counter() - started
    return parties, {
        "entities": len(parties),
        "names": sum(len(p.names) for p in parties),
        "import_s": round(imported, 2),
        "index_build_s": round(built, 2),
        "index_mb": round(_rss_mb() - before, 1),
    }


def cli_run(
    rows: int,
    unique: float,
    workdir: Path,
    home: Path | None = None,
    parties: list[synthetic_list.Party] | None = None,
    workers: int = 1,
) -> dict[str, float]:
    src = workdir / f"tx-{rows}.csv"
    write_csv(with_list_names(synthetic_rows(rows, unique_share=unique), parties), src)
    out = workdir / f"decisions-{rows}.csv"
    started = time.perf_counter()
    home_args = ["--home", str(home)] if home is not None else []
    # Peak RSS of this run alone (/usr/bin/time): the children's high-water mark that
    # getrusage keeps would include the list import's.
    timed = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(BANSCREEN), *home_args, "screen", str(src), "--out",
         str(out), "--quiet", "--workers", str(workers)],
        check=True, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    peak_kb = int(timed.stderr.strip().splitlines()[-1])
    floor = floor_run(src, workdir)
    with out.open(encoding="utf-8") as fh:
        written = sum(1 for _ in fh) - 1
    assert written == rows, f"{written} output rows for {rows} input rows"
    return {
        "rows": rows,
        "seconds": round(elapsed, 3),
        "rows_per_s": round(rows / elapsed),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "floor_seconds": round(floor, 3),
        "times_floor": round(elapsed / floor, 1),
    }


FLOOR = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \\
        open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    reader, writer = csv.reader(src), csv.writer(dst, lineterminator="\\n")
    header = next(reader)
    extra = header[8:]
    writer.writerow(["id", "outcome", "programs", "entity_id", "entity_name", "score",
                     "method", "path", "reasons", "error", *extra])
    blank = [""] * 8
    for row in reader:
        writer.writerow([row[0], "CLEAR", *blank, *row[8:]])
"""


def floor_run(src: Path, workdir: Path) -> float:
    """Seconds Python's csv module takes to copy `src` to an output of `screen`'s width."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, str(src), str(workdir / "floor.csv")], check=True)
    return time.perf_counter() - started


def single_calls(
    n: int, home: Path | None = None, parties: list[synthetic_list.Party] | None = None
) -> dict[str, float]:
    screener = Screener(registry_with_lists(home) if home is not None else load_registry())
    options = ScreenOptions()
    rows = with_list_names(synthetic_rows(n, unique_share=1.0, seed=7), parties)
    txs = [parse_row(r) for r in rows]
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
    parser.add_argument("--lists", type=int, default=0, help="import a synthetic list of N parties")
    parser.add_argument("--workers", type=int, default=1, help="screen --workers N")
    parser.add_argument("--no-single", action="store_true", help="skip the single decide() calls")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    compiled = compile_package()

    loaded: dict[str, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home" if args.lists else None
        parties = None
        if home is not None:
            home.mkdir()
            parties, loaded = import_list(home, args.lists)
        small = cli_run(
            max(1, args.rows // 10), args.unique, Path(tmp), home, parties, args.workers
        )
        large = cli_run(args.rows, args.unique, Path(tmp), home, parties, args.workers)
        single = single_calls(args.single, home, parties) if not args.no_single else None
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "unique_share": args.unique,
        "workers": args.workers,
        "list": loaded,
        "batch_small": small,
        "batch": large,
        "single": single,
        "bytecode": compiled,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"banscreen throughput  ({result['machine']}, unique counterparties {args.unique:.0%})")
    print(compiled)
    if loaded:
        print(
            f"list: {loaded['entities']:,} parties, {loaded['names']:,} names; import "
            f"{loaded['import_s']} s; index built in {loaded['index_build_s']} s, "
            f"+{loaded['index_mb']} MB"
        )
    print(
        f"{'run':<22}{'rows':>10}{'seconds':>10}{'rows/s':>10}{'peak RSS MB':>14}"
        f"{'floor s':>10}{'x floor':>9}"
    )
    for label, r in (("screen (CLI, small)", small), ("screen (CLI)", large)):
        print(
            f"{label:<22}{r['rows']:>10,}{r['seconds']:>10}{r['rows_per_s']:>10,}"
            f"{r['peak_rss_mb']:>14}{r['floor_seconds']:>10}{r['times_floor']:>9}"
        )
    if single is None:
        return
    print(
        f"single decide(): {single['calls']:,} calls, p50 {single['p50_ms']} ms, "
        f"p99 {single['p99_ms']} ms, max {single['max_ms']} ms, {single['calls_per_s']:,} calls/s"
    )


if __name__ == "__main__":
    main()
