"""Persons' names written in Thai, Greek, Georgian, Armenian and Devanagari, against the OFAC
persons (a benchmark, not a test).

    python bench/written_persons.py [--json]

bench/data/written_persons.csv holds 75 names of 18 listed persons (Prigozhin, Peskov, Sinwar,
Kiriyenko, ...) as each script's press writes them, and 62 famous unlisted persons' names
in Thai (Thaksin Shinawatra, Michael Jackson, Anton Chekhov, ...). They were written for
this benchmark from the Wikipedia spellings in those languages, and the Thai and Greek
readings and `thai_person_spelling_floor` were developed against them: its numbers are
tuned ones. A listed name is found when a hit at REVIEW is its party (`listed`: a word of
one of the party's OFAC names); an unlisted name's hits are all false. Greek's false hits
are counted on the 1,000 Latin names of bench/data/script_names_probe.csv written in Greek
letters by ICU's Latin-Greek transliterator.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

import icu

import name_sets

DATA = Path(__file__).parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    review = matcher.config.thresholds.review
    with (DATA / "written_persons.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    listed, found, first, unlisted, false = Counter(), Counter(), Counter(), Counter(), Counter()
    for row in rows:
        hits = [m for m in matcher.match_name(row["query"]) if m.score >= review]
        script, key = row["script"], row["listed"]
        if not key:
            unlisted[script] += 1
            false[script] += bool(hits)
            continue
        own = [key in " ".join(parties[m.entry.entity_id][1]).upper() for m in hits]
        listed[script] += 1
        found[script] += any(own)
        first[script] += bool(own) and own[0]
    greek = icu.Transliterator.createInstance("Latin-Greek")
    latin = name_sets.probe_names("latin")
    unlisted["greek"] = len(latin)
    false["greek"] = sum(bool(matcher.match_name(greek.transliterate(n))) for n in latin)
    scripts = sorted(set(listed) | set(unlisted))
    result = {s: {"listed": listed[s], "found": found[s], "first": first[s],
                  "unlisted": unlisted[s], "unlisted_hit": false[s]} for s in scripts}  # fmt: skip
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{'script':12} {'listed':>6} {'found':>6} {'first':>6} {'unlisted':>9} {'with a hit':>10}"
    )
    for s, r in result.items():
        print(f"{s:12} {r['listed']:6} {r['found']:6} {r['first']:6} {r['unlisted']:9} "
              f"{r['unlisted_hit']:10}")  # fmt: skip


if __name__ == "__main__":
    main()
