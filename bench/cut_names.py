"""Listed names cut off by a field's length (a benchmark, not a test).

    python bench/cut_names.py [--at 35] [--list FILE ...] [--json]

A payment's name line holds 35 characters (SWIFT MT103 field 59). Every Latin name longer
than `--at` characters is cut there and screened against the registry it came from: is its
own party still found (at REVIEW), and does the cut name reach a party that the uncut name
does not? Counted apart for cuts inside a word and between words, for organisations and
persons.

Registries: the real-data sets' parties (bench/data/names_*.csv: OFAC's SDN aliases and
names in other scripts, on the shipped packs' matching config), and each `--list` file
(any format `banscreen lists import` reads) imported into a temporary home, on top of the
shipped packs. Set PYTHONPATH to a checkout's src/ to measure that checkout.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import name_sets
from banscreen.match import Matcher
from banscreen.registry import Registry, load_registry
from banscreen.sources import registry_with_lists

BANSCREEN = Path(sys.executable).with_name("banscreen")


def _names(registry: Registry) -> Iterable[tuple[str, bool, str]]:
    """(entity id, person, name) for every name once."""
    seen: set[str] = set()
    for entity in sorted(registry.entities.values(), key=lambda e: e.id):
        for name in entity.names:
            if name.value not in seen:
                seen.add(name.value)
                yield entity.id, entity.type == "person", name.value


def measure(registry: Registry, at: int) -> dict[str, int]:
    matcher = Matcher(registry, stored=False)
    counts: Counter[str] = Counter()
    for entity_id, person, value in _names(registry):
        if len(value) <= at or not value.isascii():
            continue
        inside = value[at].isalnum() and value[at - 1].isalnum()
        kind = f"{'persons' if person else 'others'}, cut {'inside a word' if inside else 'between words'}"
        cut = {m.entry.entity_id for m in matcher.match_name(value[:at])}
        whole = {m.entry.entity_id for m in matcher.match_name(value)}
        counts[f"{kind}: names"] += 1
        counts[f"{kind}: own party found"] += entity_id in cut
        counts["cut names reaching a party the uncut name does not"] += bool(
            cut - whole - {entity_id}
        )
    return dict(sorted(counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at", type=int, default=35, help="characters kept")
    parser.add_argument("--list", type=Path, action="append", default=[], help="a list file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    results = {"real-data sets": measure(name_sets.set_registry(load_registry(), parties), args.at)}
    for path in args.list:
        with tempfile.TemporaryDirectory(prefix="banscreen-cut-") as home:
            subprocess.run([str(BANSCREEN), "--home", home, "lists", "import", str(path)],
                           check=True, capture_output=True)  # fmt: skip
            results[path.name] = measure(registry_with_lists(Path(home)), args.at)
    if args.json:
        print(json.dumps({"at": args.at, "results": results}, indent=2))
        return
    for name, counts in results.items():
        print(f"{name} (cut at {args.at} characters)")
        for key, value in counts.items():
            print(f"  {key:62} {value:>6,}")


if __name__ == "__main__":
    main()
