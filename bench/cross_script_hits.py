"""False hits across scripts: names in other scripts against a list of organisations (a
benchmark, not a test).

    python bench/cross_script_hits.py [--examples 20]

The queries are the names in other scripts of bench/data's `scripts` set (persons' names,
mostly: 1,311 of them in ten scripts); the list is the 3,111 OFAC organisations of the
`ofac` set, none of which is any of those persons. Every hit is a REVIEW an analyst clears;
a few are real (a UN-listed group is also on OFAC's list). The Latin names of the same
parties, screened the same way, are the yardstick: what a name costs when it needs no
transliteration.

Then the same names inside longer strings ("Оплата через …", payment through …; "…株式会社",
… Co., Ltd.) and alone, against the shipped registry, whose apps' and brands' names may be
found inside a longer one, as names and as free text: every hit there is false.
"""

from __future__ import annotations

import argparse
from collections import Counter

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=0, help="hits to print")
    args = parser.parse_args()

    parties, pairs = name_sets.read_sets()
    orgs = {k: v for k, v in parties.items() if v[0] != "Person" and k.startswith("ofac")}
    matcher = Matcher(name_sets.set_registry(load_registry(), orgs))
    written = {p.query: p.script for p in pairs if p.set == "scripts" and p.script != "latin"}
    latin = sorted({parties[p.entity][1][0] for p in pairs
                    if p.set == "scripts" and p.script != "latin" and p.label})  # fmt: skip

    queries, hits, shown = Counter(written.values()), Counter[str](), 0
    for query, script in sorted(written.items()):
        found = matcher.names.match(query)
        if found:
            hits[script] += 1
            if shown < args.examples:
                shown += 1
                print(f"  {query} -> {found[0].entry.name.value} ({found[0].score:.2f})")
    print(f"names in other scripts with a hit: {sum(hits.values())} of {len(written)}")
    for script in sorted(queries):
        print(f"  {script}: {hits[script]} of {queries[script]}")
    latin_hits = sum(1 for name in latin if matcher.names.match(name))
    print(f"their parties' Latin names with a hit: {latin_hits} of {len(latin)}")

    shipped = Matcher(load_registry())
    strings = [
        *written,
        *(f"Оплата через {q}" for q in written),
        *(f"{q}株式会社" for q in written),
    ]
    inside = [s for s in strings if shipped.names.match(s)]
    print(f"against the shipped registry, alone and inside longer strings: {len(inside)} of "
          f"{len(strings)} with a hit")  # fmt: skip
    for string in inside[: args.examples]:
        print(f"  {string} -> {shipped.names.match(string)[0].entry.name.value}")
    sounded = [s for s in strings if any(hit.sounded for hit in shipped.free_text.scan(s))]
    print(f"the same strings as a payment's text, with a name found by sound: {len(sounded)}")
    for string in sounded[: args.examples]:
        print(f"  {string}")


if __name__ == "__main__":
    main()
