"""Persons' names in the Latin spelling of other languages against the English spelling lists
print (a benchmark, not a test).

    python bench/persons_spellings.py [--json]

bench/data/persons_spellings.csv, written by hand, holds 86 spellings of 22 persons' names
(French `Vladimir Poutine`, Spanish `Mijaíl Gorbachov`, Dutch `Sergej Sjojgoe`, …) beside
the listed one. Each pair is compared by the rules of persons' names (`banscreen compare
--schema person`); a pair below REVIEW is a miss, and listed. The language readings of
docs/matching.md were developed against this set: a number from it is a tuned one.

bench/data/persons_spellings_listed.csv holds 43 German spellings of OFAC-listed Russians
(`Wladimir Solowjow`) beside the name as OFAC lists it, surname first with a patronymic
(`SOLOVYEV, Vladimir Rudolfovich`): written before the German markers `sch`, `-ow`, `-ew`
and `-owski` were added and never tuned on, a measured-only set.

bench/data/persons_spellings_baltic.csv holds 36 Latvian and Lithuanian spellings of 18
OFAC-listed Russians, with the nominative endings those languages put on a foreign name
(`Nikolajs Patruševs`, `Nikolajus Patruševas`), beside the name as OFAC lists it: written
before the Latvian and Lithuanian readings were added, of persons other than those the
readings were developed on, and never tuned on, a measured-only set.

bench/data/persons_spellings_hungarian.csv holds 11 Hungarian spellings of OFAC-listed
Russians (`Gennagyij Tyimcsenko`, TIMCHENKO, Gennady), written before the Hungarian reading
was added, of persons other than those it was developed on: a measured-only set.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from banscreen.match import Matcher
from banscreen.registry import load_registry

PAIRS = Path(__file__).resolve().parent / "data" / "persons_spellings.csv"
LISTED = Path(__file__).resolve().parent / "data" / "persons_spellings_listed.csv"
BALTIC = Path(__file__).resolve().parent / "data" / "persons_spellings_baltic.csv"
HUNGARIAN = Path(__file__).resolve().parent / "data" / "persons_spellings_hungarian.csv"
SETS = (("tuned", PAIRS), ("measured only", LISTED), ("measured only", BALTIC),
        ("measured only", HUNGARIAN))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    registry = load_registry()
    matcher = Matcher(registry)
    review = registry.matching.thresholds.review
    results = {}
    for name, path in SETS:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        missed, per_language = [], Counter()
        for row in rows:
            score = matcher.compare(row["query"], row["listed"], "person")[0]
            per_language[row["language"]] += 1
            if score < review:
                missed.append({**row, "score": round(score, 3)})
        results[path.name] = {"set": name, "pairs": len(rows), "missed": missed,
                              "languages": len(per_language)}  # fmt: skip
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for file, result in results.items():
        print(f"{file} ({result['set']}): {result['pairs']} spellings in "
              f"{result['languages']} languages, {len(result['missed'])} below REVIEW")  # fmt: skip
        for m in result["missed"]:
            print(f"  {m['score']:.3f}  {m['language']:<12} {m['query']}  |  {m['listed']}")


if __name__ == "__main__":
    main()
