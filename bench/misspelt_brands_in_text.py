"""An app's or brand's name misspelt by one letter in a payment's text ("Paid to CamScaner
ref 5"), and the false hits of other languages' words and persons' names in the same place
(a benchmark, not a test).

    python bench/misspelt_brands_in_text.py [--words 4000] [--examples N]

Found: each word of six letters or more of the shipped apps' and brands' names, with one
letter dropped, doubled, changed or two swapped (drawn by a seeded hash), in its name in
"Paid to … ref 5"; `tune`, seeds 1 and 2 (looked at while respelt_brands.py was written
and its floor chosen), `measure`, seed 3 (measured only). False hits: wordfreq's most frequent words of six
letters or more of eleven languages written in Latin letters, and the Latin persons' names
of bench/data/script_names_probe.csv, each in "Payment for … ref 5", against the shipped
registry: every hit is false. Run it on two trees to compare a rule's effect.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from wordfreq import top_n_list

from banscreen.match import Matcher
from banscreen.registry import load_registry

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "tr", "id", "pl", "sv")


def misspelt(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    how = rng.choice(("drop", "double", "change", "swap"))
    if how == "drop":
        return word[:i] + word[i + 1 :]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if how == "change":
        other = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i].lower()])
        return word[:i] + other + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=4000, help="frequent words per language")
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    matcher = Matcher(load_registry())
    scan, brands = (
        matcher.free_text.scan,
        frozenset(matcher.registry.matching.joined_brand_name_kinds),
    )
    names = sorted({(e.entity_id, e.name.value) for e in matcher.names.entries
                    if not e.person and e.name.kind in brands and e.name.value.isascii()})  # fmt: skip
    for split, seed in (("tune", 1), ("tune", 2), ("measure", 3)):
        rng, found, total, missed = random.Random(seed), 0, 0, []
        for entity, name in names:
            for word in name.split():
                if len(word) < 6 or not word.isalpha():
                    continue
                text = f"Paid to {name.replace(word, misspelt(word, rng))} ref 5"
                total += 1
                if entity in {h.entry.entity_id for h in scan(text)}:
                    found += 1
                else:
                    missed.append(text)
        print(f"{split} (seed {seed}): brands' names with a word misspelt found {found} of {total}")
        for text in missed[: args.examples]:
            print(f"    missed {text}")
    print("false hits: 'Payment for … ref 5'")
    for lang in LANGUAGES:
        words = [w for w in top_n_list(lang, 50000) if len(w) >= 6 and w.isalpha()][: args.words]
        hits = [(w, found) for w in words if (found := scan(f"Payment for {w} ref 5"))]
        print(f"  {lang} words   {len(hits):4} of {len(words):,}")
        for word, found in hits[: args.examples]:
            print(f"      {word} ~ {', '.join(h.entry.name.value for h in found)}")
    with (DATA / "script_names_probe.csv").open(encoding="utf-8") as f:
        persons = [r["name"] for r in csv.DictReader(f) if r["script"] == "latin"]
    hits = [(p, found) for p in persons if (found := scan(f"Payment for {p} ref 5"))]
    print(f"  persons' names {len(hits):4} of {len(persons):,}")
    for person, found in hits[: args.examples]:
        print(f"      {person} ~ {', '.join(h.entry.name.value for h in found)}")


if __name__ == "__main__":
    main()
