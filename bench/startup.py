"""Start-up with a large list: `serve` ready to answer, and what `screen --workers N`'s
processes hold (a benchmark, not a test).

    python bench/startup.py [--lists 40000] [--rows 20000] [--workers 2] [--json]

Imports a synthetic FtM list of N parties (bench/synthetic_list.py) into a fresh home and
cache (`lists import` builds the stored name index), then
- starts `banscreen serve` and times how long until /healthz answers 200, twice;
- runs `banscreen screen --workers W` on a file of all-distinct rows and samples every
  process of the run from /proc every 50 ms: peak resident memory (RSS), its anonymous part
  (memory of the process's own) and its file-backed part (pages mapped from files, such as
  the stored index, which processes share), and peak proportional set size (PSS: shared
  pages divided among the processes that map them).

Linux only (/proc). Set PYTHONPATH to a checkout's src/ to measure that checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_list
from bytecode import compile_package
from throughput import synthetic_rows, with_list_names, write_csv

BANSCREEN = Path(sys.executable).parent / "banscreen"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_ready(env: dict[str, str], home: str) -> float:
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(BANSCREEN), "--home", home, "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        while time.perf_counter() - started < 300:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("serve never became ready")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _memory(pid: int) -> dict[str, int] | None:
    """kB of RSS, its anonymous and file-backed parts, and PSS, of one process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    fields = {}
    for line in (*status.splitlines(), *rollup.splitlines()):
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "Pss") and rest.strip().endswith("kB"):
            fields[name] = int(rest.split()[0])
    return fields


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    out = [int(c) for c in found]
    for child in list(out):
        out.extend(_children(child))
    return out


def workers_memory(env: dict[str, str], home: str, src: Path, workers: int) -> dict[str, object]:
    started = time.perf_counter()
    run = subprocess.Popen(
        [str(BANSCREEN), "--home", home, "screen", str(src), "--out", str(src) + ".out",
         "--quiet", "--workers", str(workers)],
        env=env,
    )  # fmt: skip
    peaks: dict[int, dict[str, int]] = {}
    while run.poll() is None:
        for pid in (run.pid, *_children(run.pid)):
            found = _memory(pid)
            if found:
                peak = peaks.setdefault(pid, {})
                for name, kb in found.items():
                    peak[name] = max(peak.get(name, 0), kb)
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    return {
        "seconds": round(elapsed, 2),
        "processes": [
            {name: round(kb / 1024, 1) for name, kb in sorted(peak.items())}
            for _, peak in sorted(peaks.items())
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=40_000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    compiled = compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BANSCREEN_CACHE": f"{tmp}/cache"}
        home = f"{tmp}/home"
        parties = synthetic_list.write(Path(tmp) / "list.ftm.json", args.lists)
        started = time.perf_counter()
        subprocess.run([str(BANSCREEN), "--home", home, "lists", "import",
                        f"{tmp}/list.ftm.json", "--format", "ftm"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        imported = time.perf_counter() - started
        ready = [round(serve_ready(env, home), 2) for _ in range(2)]
        src = Path(tmp) / "rows.csv"
        write_csv(with_list_names(synthetic_rows(args.rows, unique_share=1.0), parties), src)
        memory = workers_memory(env, home, src, args.workers)
    result = {"parties": args.lists, "import_s": round(imported, 2), "serve_ready_s": ready,
              "workers": args.workers, "screen": memory, "bytecode": compiled}  # fmt: skip
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(compiled)
    print(f"list of {args.lists:,} parties imported in {result['import_s']} s")
    print(f"serve ready (/healthz 200) in {ready[0]} s, then {ready[1]} s")
    print(f"screen --workers {args.workers}, {args.rows:,} distinct rows: {memory['seconds']} s")
    print(f"{'process':<10}{'RSS MB':>9}{'anon MB':>9}{'file MB':>9}{'PSS MB':>9}")
    for k, proc in enumerate(memory["processes"]):  # type: ignore[arg-type]
        print(
            f"{'parent' if k == 0 else f'worker {k}':<10}{proc.get('VmRSS', 0):>9}"
            f"{proc.get('RssAnon', 0):>9}{proc.get('RssFile', 0):>9}{proc.get('Pss', 0):>9}"
        )


if __name__ == "__main__":
    main()
