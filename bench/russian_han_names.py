"""Russian persons' names as Chinese writes them against OFAC's Latin spellings (a benchmark,
not a test).

    python bench/russian_han_names.py [--json]

bench/data/russian_han_names.csv, written by hand, holds the Chinese names (Xinhua's
spellings, as Chinese news print them: `根纳季·季姆琴科`) of 28 Russian persons on OFAC's list,
each with its party of bench/data's OFAC set. Each is looked up among the set's 3,953 OFAC
persons (`banscreen match`, persons' rules); a name whose party has no hit at REVIEW is a
miss, and a hit on another party a false hit; both are listed. The Russian readings and
`han_name_readings` of docs/matching.md were developed against this set: a number from it
is a tuned one.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import name_sets

PAIRS = Path(__file__).resolve().parent / "data" / "russian_han_names.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    with PAIRS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missed, false_hits = [], []
    for row in rows:
        hits = {m.entry.entity_id: m.score for m in matcher.match_name(row["query"])}
        if row["entity"] not in hits:
            missed.append(row)
        false_hits.extend(
            {**row, "hit": entity, "score": round(score, 3)}
            for entity, score in hits.items()
            if entity != row["entity"]
        )
    if args.json:
        print(json.dumps({"names": len(rows), "missed": missed, "false_hits": false_hits},
                         ensure_ascii=False, indent=2))  # fmt: skip
        return
    print(f"{len(rows)} names: {len(rows) - len(missed)} found at REVIEW, {len(missed)} missed, "
          f"{len(false_hits)} false hits")  # fmt: skip
    for m in missed:
        print(f"  missed     {m['query']}  |  {m['said']} ({m['entity']})")
    for f in false_hits:
        print(f"  false hit  {f['query']}  |  {f['hit']} {f['score']:.3f}")


if __name__ == "__main__":
    main()
