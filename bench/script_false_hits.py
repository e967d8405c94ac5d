"""Persons' names in each script against the OFAC persons: how many have a hit, every one
of them false (a benchmark, not a test).

    python bench/script_false_hits.py [--json]

bench/data/script_names_probe.csv holds 1,000 names per script made from Merhav & Ash's
Wikidata transliteration data (CC0; sources in bench/data/SOURCES.md): two random name
tokens in Cyrillic, katakana, Arabic and Latin letters, and real full names in Hangul and
Hebrew (famous persons, none of them listed). They are matched against the 3,953 OFAC
persons of bench/data's name sets. Latin names are the reference: a name in another script
should not meet a listed person much more often than a Latin one does. Each name is looked
up once (none repeats), so the time a name is what a distinct name costs.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from pathlib import Path

import name_sets

PROBE = Path(__file__).parent / "data" / "script_names_probe.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--examples", type=int, default=0, help="hits to list per script")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    with PROBE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names, hits = Counter(), Counter()
    seconds: dict[str, float] = Counter()
    examples: dict[str, list[str]] = {}
    for row in rows:
        script = row["script"]
        names[script] += 1
        started = time.perf_counter()
        found = matcher.names.match(row["name"])
        seconds[script] += time.perf_counter() - started
        if found:
            hits[script] += 1
            examples.setdefault(script, []).append(f"{row['name']} ~ {found[0].entry.name.value}")
    if args.json:
        print(json.dumps({s: {"names": names[s], "with_a_hit": hits[s],
                              "ms_a_name": round(1000 * seconds[s] / names[s], 2)}
                          for s in names}))  # fmt: skip
        return
    print(f"{len(matcher.registry.entities)} OFAC persons listed")
    for script in names:
        ms = 1000 * seconds[script] / names[script]
        print(
            f"{script:10} {hits[script]:5} of {names[script]} names with a hit, {ms:.1f} ms a name"
        )
        for line in examples.get(script, [])[: args.examples]:
            print(f"    {line}")


if __name__ == "__main__":
    main()
