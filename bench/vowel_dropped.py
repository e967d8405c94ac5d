"""A listed organisation's name with its vowels dropped, as card networks and banks shorten
a payee to fit a fixed-width field ("TNCNT HLDGS", "WCHT PAY", "SHNZHN TNCNT CMPTR SYS"),
against OFAC's organisations (a benchmark, not a test).

    python bench/vowel_dropped.py [--misses N] [--examples N]

For each OFAC organisation of the real-data sets (bench/data/names_*.csv) whose Latin name
alone finds its own party at REVIEW, each of its words of `LONG` letters or more loses the
vowels after its first letter and its doubled letters ("Kingsoft" KNGSFT, "Camscanner"
CMSCNR); a name none of whose words loses two letters so is left out. Looked up through
the candidate index among all OFAC organisations (and the shipped packs); found when the
party is a hit at REVIEW. Reported per split (`tune` and `measure`, by party) and by the
name's size, once with the name's other words as they are and once as a descriptor: the
shortened name between a card's words ("POS {} 1234").

Then false hits, where any hit is wrong: wordfreq's 3,000 most frequent English words
shortened the same way, alone and two by two ("GRDN SPPLY"), made-up words (another
firm's: bench/synthetic_list.py makes them) shortened, each before an English word, and
its 30,000 most frequent words alone; each with how many hit where the words as written
do not (the rest are the matcher's hits on those words, shortened or not).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from itertools import groupby

from wordfreq import top_n_list

import name_sets
from payee_phrases import findable, hit_ids, print_by_size
from trailing_words import word_pools

LONG = 5
RARER = 30_000
VOWELS = re.compile("[aeiouAEIOU]")


def dropped(word: str) -> str:
    """The word without the vowels after its first letter, doubled letters once."""
    if len(word) < LONG or not word.isascii() or not word.isalpha():
        return word
    kept = word[0] + VOWELS.sub("", word[1:])
    return "".join(letter for letter, _ in groupby(kept.upper()))


def shortened(name: str) -> str | None:
    """The name with each long word's vowels dropped, or None when none lost two letters."""
    words = name.split()
    out = [dropped(w) for w in words]
    if not any(len(w) - len(d) >= 2 for w, d in zip(words, out, strict=True)):
        return None
    return " ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="misses to print")
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    args = parser.parse_args()

    _, orgs, split, matcher = name_sets.ofac_organisations()
    english, made_up = word_pools()

    found: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for entity, part, name, size in findable(orgs, split, matcher):
        short = shortened(name)
        if short is None:
            continue
        for shape in ("{}", "POS {} 1234"):
            query = shape.format(short)
            key = (f"{part} {'alone' if shape == '{}' else 'in a descriptor'}", size)
            total[key] += 1
            if entity in hit_ids(matcher, query):
                found[key] += 1
            elif len(misses) < args.misses:
                misses.append(f"  {query}  ({name})")
    for part in ("tune", "measure"):
        for shape in ("alone", "in a descriptor"):
            print(f"{part}: OFAC organisations' names with vowels dropped, {shape}, at REVIEW")
            print_by_size(found, total, f"{part} {shape}")
    if misses:
        print("misses:")
        print("\n".join(misses))

    long_words = [w for w in english if len(w) >= LONG]
    pairs = [f"{a} {b}" for a, b in zip(long_words, long_words[1:] + long_words[:1], strict=True)]
    coined = [f"{m} {e}" for m, e in zip(made_up, english, strict=False)]
    rarer = [w for w in top_n_list("en", RARER) if w.isascii() and w.isalpha() and len(w) >= LONG]
    for label, payees in (("English words", long_words), ("two English words", pairs),
                          ("a made-up word and an English word", coined),
                          (f"wordfreq's {RARER:,} English words", rarer)):  # fmt: skip
        written = {s: p for s, p in ((shortened(p), p) for p in payees) if s is not None}
        hits = [q for q in written if hit_ids(matcher, q)]
        new = [q for q in hits if not hit_ids(matcher, written[q])]
        print(f"{label}, vowels dropped: {len(hits)} of {len(written)} with a hit, "
              f"{len(new)} where the words as written have none")  # fmt: skip
        for query in new[: args.examples]:
            print(
                f"    {query} ({written[query]}) -> {matcher.names.match(query)[0].entry.name.value}"
            )


if __name__ == "__main__":
    main()
