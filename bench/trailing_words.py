"""A listed organisation's name with an ordinary word typed after it, against OFAC's
organisations (a benchmark, not a test).

    python bench/trailing_words.py [--words 3] [--misses N] [--examples N]

A payee field or an invoice line often carries what the payment is for right after the
name: "CamScanner license", "Alipay refund", "Acme Trading maintenance". For each OFAC
organisation of the real-data sets (bench/data/names_*.csv) whose Latin name alone finds its
own party at REVIEW, the name is followed by `--words` English words drawn by a hash of the
name from wordfreq's 3,000 most frequent (alphabetic, three letters or more), one at a time,
and looked up through the candidate index among all OFAC organisations; found when the party
is a hit at REVIEW. Reported per split (`tune` and `measure`, by party) and by the name's
size, one word or more.

Then false hits, where a hit on a listed party is wrong:
- another firm: the name followed by a made-up word (as the synthetic list makes its
  names' words, bench/synthetic_list.py: "Acme Trading Vokari" is some other firm);
- unlisted payees followed by the same English words: the Latin names of the persons of the
  `scripts` set, and English words themselves.
"""

from __future__ import annotations

import argparse
import random
import zlib
from collections import Counter

import name_sets
import synthetic_list
from payee_phrases import findable, hit_ids, print_by_size


def drawn(pool: list[str], name: str, k: int) -> list[str]:
    """`k` words of `pool` for `name`, the same on every run."""
    return random.Random(zlib.crc32(name.encode())).sample(pool, k)


def word_pools() -> tuple[list[str], list[str]]:
    """wordfreq's 3,000 most frequent English words (alphabetic, three letters or more), and
    2,000 made-up words as the synthetic list makes its names' (another firm's)."""
    english = name_sets.english_words()
    rng = random.Random(7)
    made_up = sorted({synthetic_list.made_up_word(rng, rng.choice((2, 3))) for _ in range(2000)})
    return english, made_up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=3, help="English words after each name")
    parser.add_argument("--misses", type=int, default=0, help="misses to print")
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    args = parser.parse_args()

    parties, orgs, split, matcher = name_sets.ofac_organisations()
    english, made_up = word_pools()

    found: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    other_firm: Counter[str] = Counter()
    firms: Counter[str] = Counter()
    misses: list[str] = []
    for entity, part, name, size in findable(orgs, split, matcher):
        for word in drawn(english, name, args.words):
            query = f"{name} {word}"
            total[part, size] += 1
            if entity in hit_ids(matcher, query):
                found[part, size] += 1
            elif len(misses) < args.misses:
                misses.append(f"  {query}")
        firms[part] += 1
        other = f"{name} {drawn(made_up, name, 1)[0]}"
        other_firm[part] += entity in hit_ids(matcher, other)
    for part in ("tune", "measure"):
        print(f"{part}: OFAC organisations' names with an English word after them, found at REVIEW")
        print_by_size(found, total, part)
        print(f"  another firm (a made-up word after the name), a hit on the listed one: "
              f"{other_firm[part]} of {firms[part]}")  # fmt: skip
    if misses:
        print("misses:")
        print("\n".join(misses))

    persons = name_sets.unlisted_persons(parties)
    for label, payees in (("persons' names (scripts set)", persons), ("English words", english)):
        alone = sum(1 for p in payees if hit_ids(matcher, p))
        queries = [f"{p} {w}" for p in payees for w in drawn(english, p, args.words)]
        hits = [q for q in queries if hit_ids(matcher, q)]
        print(f"{label}: {len(payees)} payees, alone with a hit: {alone}; "
              f"with an English word after them: {len(hits)} of {len(queries)}")  # fmt: skip
        for query in hits[: args.examples]:
            print(f"    {query} -> {matcher.names.match(query)[0].entry.name.value}")


if __name__ == "__main__":
    main()
