"""A listed organisation's name with a store's or terminal's number glued to its end, as
card networks write a merchant ("ACMEPAY8812"), against OFAC's organisations (a benchmark,
not a test).

    python bench/glued_numbers.py [--examples N]

For each OFAC organisation of the real-data sets (bench/data/names_*.csv) whose Latin name
alone finds its own party at REVIEW, the name's last word gets `NUMBER` glued to it
("KALASHNIKOV4821"); found when the party is a hit at REVIEW through the candidate index
among all OFAC organisations (and the shipped packs). Reported per split (`tune` and
`measure`, by party) and by the name's size.

Then false hits: wordfreq's 3,000 most frequent English words with the number glued on,
those with a hit, and those with a hit the same word with the number apart ("OFFICE 4821")
has not: the rest are the matcher's hits on one English word, which bench/one_word_payees.py
measures.
"""

from __future__ import annotations

import argparse
from collections import Counter

import name_sets
from payee_phrases import findable, hit_ids, print_by_size
from trailing_words import word_pools

NUMBER = "4821"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    args = parser.parse_args()

    _, orgs, split, matcher = name_sets.ofac_organisations()
    english, _ = word_pools()
    found: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for entity, part, name, size in findable(orgs, split, matcher):
        total[part, size] += 1
        if entity in hit_ids(matcher, f"{name}{NUMBER}"):
            found[part, size] += 1
    for part in ("tune", "measure"):
        print(f"{part}: OFAC organisations' names with a number glued on, found at REVIEW")
        print_by_size(found, total, part)
    hits = [w for w in english if hit_ids(matcher, f"{w.upper()}{NUMBER}")]
    new = [w for w in hits if not hit_ids(matcher, f"{w.upper()} {NUMBER}")]
    print(f"English words with a number glued on: {len(hits)} of {len(english)} with a hit, "
          f"{len(new)} where the word with the number apart has none")  # fmt: skip
    for word in new[: args.examples]:
        print(f"    {word.upper()}{NUMBER}")


if __name__ == "__main__":
    main()
