"""A listed organisation's name as a bank statement or a card network writes the payee, with
the rail, the card and a payment's word around it, against OFAC's organisations (a
benchmark, not a test).

    python bench/statement_descriptors.py [--misses N] [--examples N]

A statement line names the payee between words that say how it was paid: "CARD 4421 Acme
Wallet TOPUP", "POS Acme 1234", "ACH DEBIT Acme AUTOPAY". For each OFAC organisation of the
real-data sets (bench/data/names_*.csv) whose Latin name alone finds its own party at
REVIEW, the name is put in each of `DESCRIPTORS` and looked up through the candidate index
among all OFAC organisations; found when the party is a hit at REVIEW. Reported per split
(`tune` and `measure`, by party) and by the name's size.

Then false hits, where a hit on the listed party is wrong:
- another firm: an ordinary English word, the name and a made-up word ("Golden Acme
  Vokari" is some other firm's name; bench/synthetic_list.py makes the word), and the name
  after a made-up word ("Vokari Acme", found before this bench was written: a name that
  ends a payee is found whatever comes before it);
- unlisted payees in the same descriptors: the Latin names of the persons of the
  `scripts` set, and English words of wordfreq's list.
"""

from __future__ import annotations

import argparse
from collections import Counter

import name_sets
from payee_phrases import findable, hit_ids, print_by_size
from trailing_words import drawn, word_pools

DESCRIPTORS = (
    "CARD 4421 {} TOPUP",
    "CARD {} TOPUP",
    "POS {} 1234",
    "ACH DEBIT {} AUTOPAY",
    "VISA PURCHASE {} PAYOUT",
    "DEBIT CARD {} REF 8812",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="misses to print")
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    args = parser.parse_args()

    parties, orgs, split, matcher = name_sets.ofac_organisations()
    english, made_up = word_pools()

    found: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    other_firm: Counter[tuple[str, str]] = Counter()
    firms: Counter[str] = Counter()
    misses: list[str] = []
    false_firms: list[str] = []
    for entity, part, name, size in findable(orgs, split, matcher):
        for shape in DESCRIPTORS:
            query = shape.format(name)
            total[part, size] += 1
            if entity in hit_ids(matcher, query):
                found[part, size] += 1
            elif len(misses) < args.misses:
                misses.append(f"  {query}")
        word, other = drawn(english, name, 1)[0], drawn(made_up, name, 1)[0]
        firms[part] += 1
        for shape, query in (("around", f"{word} {name} {other}"), ("before", f"{other} {name}")):
            if entity in hit_ids(matcher, query):
                other_firm[part, shape] += 1
                if shape == "around":
                    false_firms.append(query)
    for part in ("tune", "measure"):
        print(f"{part}: OFAC organisations' names in statement descriptors, found at REVIEW")
        print_by_size(found, total, part)
        print(f"  another firm, a hit on the listed one: an English word before and a made-up "
              f"word after {other_firm[part, 'around']} of {firms[part]}; a made-up word "
              f"before {other_firm[part, 'before']} of {firms[part]}")  # fmt: skip
    for query in false_firms[: args.examples]:
        print(f"    {query}")
    if misses:
        print("misses:")
        print("\n".join(misses))

    persons = name_sets.unlisted_persons(parties)
    for label, payees in (("persons' names (scripts set)", persons), ("English words", english)):
        queries = [shape.format(p) for p in payees for shape in DESCRIPTORS]
        hits = [q for q in queries if hit_ids(matcher, q)]
        print(f"{label}: {len(payees)} payees in {len(DESCRIPTORS)} descriptors: "
              f"{len(hits)} of {len(queries)} with a hit")  # fmt: skip
        for query in hits[: args.examples]:
            print(f"    {query} -> {matcher.names.match(query)[0].entry.name.value}")


if __name__ == "__main__":
    main()
