"""What a year of weekly list versions costs: disk, memory and screening speed (a benchmark).

    python bench/list_history.py [--entities 20000] [--versions 52] [--rows 20000]
                                 [--repeat 3] [--json]

Writes `--versions` weekly versions of a synthetic FollowTheMoney list of `--entities`
parties (bench/synthetic_list.py) with the churn of a real list: each week 10 parties are
delisted, 15 listed and 5 entries changed. They are imported as a history with
`banscreen lists import FOLDER` (the files are dated by their names). It prints:

- disk: the stored versions against one whole version, and against whole copies of all;
- `banscreen screen` of `--rows` rows dated across the year (5% naming list parties, half
  misspelt), end to end in a subprocess, with its peak RSS, against three homes: the
  newest version alone, the history under `--lists newest`, and the history under
  `--lists dated` (the default). Each is run once to build its caches, then timed
  `--repeat` times, the three interleaved (the machine's noise hits each alike); the
  fastest run of each is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_list
from sample_data import synthetic_rows, write_csv
from throughput import with_list_names

BANSCREEN = Path(sys.executable).with_name("banscreen")
START = date(2025, 1, 3)
DELISTED, LISTED, CHANGED = 10, 15, 5


def write_versions(folder: Path, entities: int, versions: int) -> list[synthetic_list.Party]:
    """One FtM file per week, named by its date; returns the parties of the newest."""
    pool = synthetic_list.parties(entities + versions * LISTED, seed=1)
    lines = list(synthetic_list.entities(pool, seed=1))
    by_party: dict[str, list[dict[str, object]]] = {}
    for line in lines:
        props = line.get("properties", {})
        assert isinstance(props, dict)
        owner = (props.get("entity") or props.get("owner") or [None])[0]
        key = str(owner or line["id"])
        if str(line["id"]).startswith("sub-"):
            continue  # a subsidiary goes with the ownership line that names it
        by_party.setdefault(key, []).append(line)
        if line["schema"] == "Ownership":
            by_party[key].append(next(x for x in lines if x["id"] == props["asset"][0]))
    newest: list[synthetic_list.Party] = []
    for week in range(versions):
        members = pool[week * DELISTED : entities + week * LISTED]
        changed = {p.id for p in random.Random(week).sample(members, CHANGED)}
        day = START + timedelta(weeks=week)
        with (folder / f"sdn-{day.isoformat()}.ftm.json").open("w", encoding="utf-8") as fh:
            for party in members:
                for line in by_party.get(party.id, ()):
                    if line["id"] == party.id and party.id in changed:
                        line = json.loads(json.dumps(line))
                        line["properties"]["alias"].append(f"{party.names[0]} (week {week})")  # type: ignore[index]
                    fh.write(json.dumps(line) + "\n")
        newest = members
    return newest


def _command(home: Path, src: Path, out: Path, lists: str) -> list[str]:
    return [str(BANSCREEN), "--home", str(home), "screen", str(src), "--out", str(out),
            "--quiet", "--lists", lists]  # fmt: skip


def screen(command: list[str], src: Path) -> dict[str, float]:
    """One timed `banscreen screen`, with the peak RSS of that process."""
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    assert status == 0, f"screen failed: {status}"
    return {
        "seconds": round(elapsed, 2),
        "rows_per_s": round(sum(1 for _ in src.open()) / elapsed),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--versions", type=int, default=52)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = root / "weekly"
        files.mkdir()
        newest = write_versions(files, args.entities, args.versions)
        history, single = root / "history", root / "single"
        started = time.perf_counter()
        subprocess.run(
            [str(BANSCREEN), "--home", str(history), "lists", "import", str(files)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        import_s = time.perf_counter() - started
        last = sorted(files.iterdir())[-1]
        subprocess.run(
            [str(BANSCREEN), "--home", str(single), "lists", "import", str(last)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        stored = _size(list((history / "lists" / "versions").iterdir()))
        whole = _size(list((single / "lists" / "versions").iterdir()))
        rows = synthetic_rows(args.rows, unique_share=1.0, seed=5)
        span = (date.today() - START).days
        rng = random.Random(9)
        dated = (
            {**r, "date": (START + timedelta(days=rng.randrange(span))).isoformat()} for r in rows
        )
        src = root / "tx.csv"
        write_csv(with_list_names(dated, newest), src)
        commands = {
            "newest version only": _command(single, src, root / "a.csv", "dated"),
            "history, --lists newest": _command(history, src, root / "b.csv", "newest"),
            "history, --lists dated": _command(history, src, root / "c.csv", "dated"),
        }
        for command in commands.values():
            subprocess.run(command, check=True)  # builds the caches
        timed: dict[str, list[dict[str, float]]] = {label: [] for label in commands}
        for _ in range(args.repeat):
            for label, command in commands.items():
                timed[label].append(screen(command, src))
        runs = {label: min(found, key=lambda r: r["seconds"]) for label, found in timed.items()}
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "entities": args.entities,
        "versions": args.versions,
        "import_all_s": round(import_s, 1),
        "disk_history_mb": round(stored / 2**20, 2),
        "disk_one_version_mb": round(whole / 2**20, 2),
        "disk_whole_copies_mb": round(whole * args.versions / 2**20, 1),
        "screen": runs,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"list history  ({result['machine']})")
    print(
        f"{args.versions} weekly versions of {args.entities:,} parties imported in "
        f"{result['import_all_s']} s; on disk {result['disk_history_mb']} MB "
        f"(one version {result['disk_one_version_mb']} MB; whole copies would be "
        f"{result['disk_whole_copies_mb']} MB)"
    )
    base = runs["newest version only"]
    print(
        f"{'screen ' + str(args.rows) + ' rows':<28}{'seconds':>9}{'rows/s':>9}{'peak MB':>9}{'vs one':>8}"
    )
    for label, r in runs.items():
        ratio = base["seconds"] / r["seconds"] if r["seconds"] else 0
        print(
            f"{label:<28}{r['seconds']:>9}{r['rows_per_s']:>9,}{r['peak_rss_mb']:>9}"
            f"{(1 / ratio - 1) if ratio else 0:>+8.0%}"
        )


if __name__ == "__main__":
    main()
