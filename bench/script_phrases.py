"""Persons' names in Arabic, Persian, Hebrew and Cyrillic letters inside a payment's words
of the same language, against their listed Latin names (a benchmark, not a test).

    python bench/script_phrases.py [--split tune|measure] [--json]

The real-data sets' labelled pairs of persons written in another script (bench/data/
names_pairs.csv, `scripts` set, matching pairs of one split) are looked up alone and in
each phrase of their script, and found when their listed party is a hit at REVIEW. False
hits: the persons' names of no list in that script (bench/data/script_names_probe.csv,
400 each) in the same phrases, counted as queries with any hit, against the OFAC persons.
"""

from __future__ import annotations

import argparse
import json

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry

PHRASES = {
    "arabic": ("{}", "تحويل إلى {}", "دفعة إلى {}", "پرداخت به {}", "حواله به {} بابت خدمات"),
    "hebrew": ("{}", "תשלום עבור {}", "העברה אל {}", "העברה ל{}"),
    "cyrillic": ("{}", "Оплата для {}", "Перевод {} через банк"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, pairs = name_sets.read_sets()
    matcher = Matcher(name_sets.set_registry(load_registry(), parties))
    persons = name_sets.ofac_persons_matcher(parties)
    review = matcher.config.thresholds.review
    result = []
    for script, phrases in PHRASES.items():
        listed = [p for p in pairs if p.set == "scripts" and p.schema == "Person" and p.label
                  and p.split == args.split and p.script == script]  # fmt: skip
        unlisted = name_sets.probe_names(script)[:400]
        for phrase in phrases:
            found = sum(
                any(m.entry.entity_id == p.entity and m.score >= review
                    for m in matcher.match_name(phrase.format(p.query)))
                for p in listed
            )  # fmt: skip
            false = sum(bool(persons.match_name(phrase.format(n))) for n in unlisted)
            result.append({"script": script, "phrase": phrase, "listed": len(listed),
                           "found": found, "unlisted": len(unlisted), "unlisted_hit": false})  # fmt: skip
    if args.json:
        print(json.dumps({"split": args.split, "phrases": result}))
        return
    print(f"{args.split}: persons in other scripts, alone and in a payment's words")
    print(f"{'script':10}{'phrase':34}{'found':>12}{'unlisted hit':>16}")
    for r in result:
        print(f"{r['script']:10}{r['phrase']:34}{r['found']:>6} of {r['listed']:<4}"
              f"{r['unlisted_hit']:>6} of {r['unlisted']}")  # fmt: skip


if __name__ == "__main__":
    main()
