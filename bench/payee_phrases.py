"""A listed organisation named by a payment's words, against OFAC's organisations (a
benchmark, not a test).

    python bench/payee_phrases.py [--misses N] [--examples N]

For each OFAC organisation of the real-data sets (bench/data/names_*.csv) whose name alone
finds its own party at REVIEW, the name is put in payment phrases as a payments file or a
remittance field writes them ("Payment to …", "Transfer to … via Western Union", "…
donation", "Wire transfer to …", "Support for …") and looked up through the candidate
index among all 3,111 OFAC organisations; a phrase is found when the party is a hit at
REVIEW. Reported for the names of one word (which no rule finds inside a longer name) and
of more, per split (`tune` and `measure`: the rule of heads.payee_head was made on a
handful of names of neither set and tried on tune).

Then false hits: the same phrases around names no organisation of the list has (the Latin
names of the persons of the `scripts` set, and English words of wordfreq's list: a payee
written as a common word), counted as phrases with a hit, beside the same names alone.
"""

from __future__ import annotations

import argparse
from collections import Counter

from wordfreq import top_n_list

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry

PHRASES = [
    "Payment to {}",
    "Transfer to {} via Western Union",
    "{} donation",
    "Wire transfer to {}",
    "Support for {}",
]


def hit_ids(matcher: Matcher, query: str) -> set[str]:
    return {m.entry.entity_id for m in matcher.names.match(query)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="misses to print")
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    args = parser.parse_args()

    parties, pairs = name_sets.read_sets()
    orgs = {k: v for k, v in parties.items() if v[0] != "Person" and k.startswith("ofac")}
    split = {p.entity: p.split for p in pairs if p.entity in orgs}
    matcher = Matcher(name_sets.set_registry(load_registry(), orgs))
    words = matcher.names.normaliser.tokenize

    found: Counter[tuple[str, str, str]] = Counter()
    total: Counter[tuple[str, str, str]] = Counter()
    misses: list[str] = []
    for entity, (_, names) in sorted(orgs.items()):
        part = split.get(entity, "tune")
        for name in names:
            if not name.isascii() or entity not in hit_ids(matcher, name):
                continue
            size = "one word" if len(words(name)) == 1 else "more words"
            for phrase in PHRASES:
                query = phrase.format(name)
                total[part, size, phrase] += 1
                if entity in hit_ids(matcher, query):
                    found[part, size, phrase] += 1
                elif len(misses) < args.misses:
                    misses.append(f"  {query}")
    for part in ("tune", "measure"):
        print(f"{part}: OFAC organisations' names in payment phrases, found at REVIEW")
        for size in ("one word", "more words"):
            for phrase in PHRASES:
                key = (part, size, phrase)
                if total[key]:
                    share = found[key] / total[key]
                    print(f"  {size:10} {phrase:36} {found[key]:5} of {total[key]:5}  {share:.3f}")
    if misses:
        print("misses:")
        print("\n".join(misses))

    persons = sorted({names[0] for names in (v[1] for k, v in parties.items() if v[0] == "Person"
                      and not k.startswith("ofac")) if names[0].isascii()})  # fmt: skip
    common = [w for w in top_n_list("en", 3000) if w.isalpha() and len(w) > 2]
    for label, payees in (("persons' names (scripts set)", persons), ("English words", common)):
        alone = sum(1 for p in payees if hit_ids(matcher, p))
        print(f"{label}: {len(payees)} payees; alone with a hit: {alone}")
        shown = 0
        for phrase in PHRASES:
            hits = [phrase.format(p) for p in payees if hit_ids(matcher, phrase.format(p))]
            print(f"  {phrase:36} with a hit: {len(hits)}")
            for query in hits[: max(0, args.examples - shown)]:
                shown += 1
                print(f"    {query} -> {matcher.names.match(query)[0].entry.name.value}")


if __name__ == "__main__":
    main()
