"""Korean and Chinese persons' names in Hangul against their Latin names (a benchmark, not a
test).

    python bench/korean_names.py [--json]

bench/data/korean_names.csv holds 2,000 names of one Hangul word of two to four syllables
with a Latin name of two or three words, Wikidata's Korean and English labels of one person
(Merhav & Ash 2018, `data/wd_korean`, CC0), none of them a query of names_pairs.csv: Korean
names, and Chinese ones written by their characters' Korean readings. The Korean-name rules
(docs/matching.md, korean.py) were developed on the other names of that file; these were
held apart (their misses were read once, after the rules were written). Prints recall at
REVIEW of each name against its own Latin name; false hits of each against the Latin
names of the others with the same first syllable (most of them the same surname); and how
many of their Latin names have a hit against the 2,684 OFAC persons of bench/data (a probe
of false hits, as bench/script_false_hits.py's: none of these persons is listed there, as
far as their names tell).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

import name_sets
from banscreen.engine import Screener
from banscreen.registry import load_registry

NAMES = Path(__file__).parent / "data" / "korean_names.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    screener = Screener(load_registry())
    review = screener.registry.matching.thresholds.review
    with NAMES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))

    def hit(hangul: str, latin: str) -> bool:
        return screener.matcher.compare(hangul, latin, schema="person")[0] >= review

    found = sum(hit(r["hangul"], r["latin"]) for r in rows)
    by_first: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_first[row["hangul"][0]].append(row)
    pairs = false = 0
    for group in by_first.values():
        for i, row in enumerate(group):
            other = group[(i + 1) % len(group)]
            if other["hangul"] == row["hangul"] or other["latin"] == row["latin"]:
                continue
            pairs += 1
            false += hit(row["hangul"], other["latin"])
    parties, _ = name_sets.read_sets()
    listed = name_sets.ofac_persons_matcher(parties)
    latin_hits = sum(bool(listed.names.match(row["latin"])) for row in rows)
    result = {"names": len(rows), "recall": round(found / len(rows), 4),
              "same_first_syllable_pairs": pairs, "false_hits": false,
              "latin_names_with_an_ofac_hit": latin_hits}  # fmt: skip
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{len(rows):,} names in Hangul: recall at REVIEW {result['recall']:.3f} ({found}); "
        f"{false} false hits of {pairs:,} pairs with another name of the same first syllable; "
        f"their Latin names with a hit against the OFAC persons: {latin_hits:,}"
    )


if __name__ == "__main__":
    main()
