"""Name lookups against a large synthetic registry (a benchmark, not a test).

    python bench/match_scale.py [--entities 100000] [--queries 2000] [--cli-list 40000]

Builds a registry of synthetic companies the shape of a sanctions list (an invented brand,
generic words, a legal form; one in ten with a Chinese name, one in three with an alias) on
top of the shipped packs, then times index construction and three kinds of lookup: exact
names, misspelt names (one transposition in the brand), and unrelated names. Prints build
time, index memory, lookups/s, p50/p99 latency, and how often the right entity is found.
The lookups run on the index built in memory and again on the stored one (built, written
and opened as every command does).

With `--cli-list N`, a synthetic FtM list of N parties (bench/synthetic_list.py) is imported
into a fresh home and cache with `banscreen lists import` (which builds the stored index),
and `banscreen match NAME` is timed end to end in fresh processes: wall time and peak RSS,
with that list and with the shipped packs only. Set PYTHONPATH to a checkout's src/ to
measure that checkout.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from banscreen.match import Matcher
from banscreen.model import Entity, Fact, Name, Provenance
from banscreen.registry import Registry, load_registry
from banscreen.registry.loader import script_of

SYLLABLES = ["ka", "lo", "mi", "ren", "tor", "vex", "zan", "qui", "bel", "dro", "sun", "pex",
             "nor", "gal", "fin", "tek", "sol", "var", "xin", "lu", "mar", "ost", "pra", "wen"]  # fmt: skip
GENERIC = ["Trading", "Technology", "Holdings", "Logistics", "Shipping", "Industries", "Group",
           "International", "Energy", "Investment", "Services", "Systems", "Capital", "Marine"]  # fmt: skip
LEGAL = ["Co., Ltd.", "LLC", "Limited", "Inc.", "GmbH", "S.A.", "JSC", "Pte. Ltd."]
HAN = "华强伟业鑫达永泰盛源海天恒通宏远佳信科瑞金丰嘉德隆昌兴荣富贵祥和"
HAN_GENERIC = ["贸易", "科技", "控股", "物流", "航运", "实业", "集团", "国际", "能源", "投资"]
FACT = Fact("synthetic", Provenance.UNCONFIRMED)


def brand(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_entities(n: int, seed: int = 5) -> tuple[list[Entity], list[tuple[str, str]]]:
    """Entities plus (name, entity_id) of each one's first name, for queries."""
    rng = random.Random(seed)
    entities = []
    names = []
    for i in range(n):
        values = []
        if rng.random() < 0.1:
            values.append(
                "".join(rng.choice(HAN) for _ in range(3)) + rng.choice(HAN_GENERIC) + "有限公司"
            )
        else:
            values.append(f"{brand(rng)} {rng.choice(GENERIC)} {rng.choice(LEGAL)}")
        if rng.random() < 0.33:
            values.append(f"{brand(rng)} {rng.choice(GENERIC)}")
        entity_id = f"synthetic-{i}"
        entities.append(
            Entity(
                id=entity_id,
                type="company",
                names=tuple(Name(v, "legal", script_of(v), FACT) for v in values),
                identifiers=(),
                fact=FACT,
            )
        )
        names.append((values[0], entity_id))
    return entities, names


def misspell(name: str, rng: random.Random) -> str:
    words = name.split()
    word = words[0]
    if len(word) >= 5 and word.isalpha():
        i = rng.randrange(1, len(word) - 2)
        words[0] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return " ".join(words)


def timed(matcher: Matcher, queries: list[tuple[str, str]]) -> tuple[list[float], float]:
    latencies = []
    found = 0
    for query, expected in queries:
        started = time.perf_counter()
        hits = matcher.names.match(query)
        latencies.append((time.perf_counter() - started) * 1000)
        found += any(h.entry.entity_id == expected for h in hits)
    return latencies, found / max(1, len(queries))


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command in a fresh process."""
    started = time.perf_counter()
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *args], env=env, capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    return wall, int(out.stderr.strip().splitlines()[-1]) / 1024


def cli_match(parties: int, runs: int = 5) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic_list
    from bytecode import compile_package

    print(compile_package())
    banscreen = [str(Path(sys.executable).parent / "banscreen")]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BANSCREEN_CACHE": f"{tmp}/cache"}
        home = ["--home", f"{tmp}/home"]
        listed = synthetic_list.write(Path(tmp) / "big.ftm.json", parties)
        names = sum(len(p.names) for p in listed)
        wall, rss = _run([*banscreen, *home, "lists", "import", f"{tmp}/big.ftm.json",
                          "--format", "ftm"], env)  # fmt: skip
        print(f"lists import of {parties:,} parties ({names:,} names): {wall:.2f} s, "
              f"peak {rss:,.0f} MB")  # fmt: skip
        for label, extra in ((f"{parties:,}-party list", home), ("shipped packs only", [])):
            _run([*banscreen, *extra, "match", "Tencent Holdings"], env)  # first run: builds
            timings = [_run([*banscreen, *extra, "match", "Tencent Holdings"], env)
                       for _ in range(runs)]  # fmt: skip
            walls = sorted(w for w, _ in timings)
            print(f"banscreen match, {label}: median {statistics.median(walls):.2f} s "
                  f"(min {walls[0]:.2f}), peak {max(r for _, r in timings):,.0f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--cli-list", type=int, default=0, help="time the CLI with N parties")
    args = parser.parse_args()
    if args.cli_list:
        cli_match(args.cli_list)
        return
    rng = random.Random(1)

    shipped = load_registry()
    extra, names = synthetic_entities(args.entities)
    entities = {**shipped.entities, **{e.id: e for e in extra}}
    registry = Registry(
        entities=entities,
        relations=shipped.relations,
        programs=shipped.programs,
        sources=shipped.sources,
        matching=shipped.matching,
        files=shipped.files,
        version="synthetic",
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    matcher = Matcher(registry, stored=False)
    build = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    name_count = len(matcher.names.entries)

    sample = rng.sample(names, min(args.queries, len(names)))
    runs = {
        "exact names": sample,
        "misspelt brand": [(misspell(n, rng), e) for n, e in sample],
        "unrelated names": [
            (f"{brand(rng)}{brand(rng)} Unrelated Widgets Ltd", "") for _ in sample
        ],
    }
    print(
        f"registry: {len(entities):,} entities, {name_count:,} names; index built in {build:.1f}s, "
        f"peak RSS grew {(rss_after - rss_before) / 1024:,.0f} MB"
    )
    started = time.perf_counter()
    opened = Matcher(registry)
    print(f"built again, stored and opened in {time.perf_counter() - started:.1f}s")
    print(f"{'lookup':<26}{'queries':>9}{'per s':>9}{'p50 ms':>9}{'p99 ms':>9}{'found':>8}")
    for (label, queries), (which, used) in [
        (run, kind) for kind in (("in memory", matcher), ("stored", opened)) for run in runs.items()
    ]:
        latencies, found = timed(used, queries)
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99) - 1]
        rate = len(latencies) / (sum(latencies) / 1000)
        shown = f"{found:.1%}" if label != "unrelated names" else "-"
        print(
            f"{label + ', ' + which:<26}{len(latencies):>9,}{rate:>9,.0f}"
            f"{statistics.median(latencies):>9.2f}{p99:>9.2f}{shown:>8}"
        )


if __name__ == "__main__":
    main()
