"""A listed firm named in a payment's text without the generic words, places and legal forms
its name ends with, against OFAC's organisations (a benchmark, not a test).

    python bench/firm_cores_in_text.py [--examples N] [--texts 20000]

For each OFAC organisation of the real-data sets (bench/data/names_*.csv) whose Latin name
alone finds its own party at REVIEW, and which ends with such words, what is left of it
("BANK MELLI" of "BANK MELLI IRAN") is put in a payment's text; found when the party is
among the text's hits. Reported per split (`tune` and `measure`, by party) for the names
that firm_cores.py searches so and for the rest, which it leaves alone.

Then false hits, texts with a hit on a party the text does not name:
- every other OFAC organisation's whole name in the same texts (a hit on a party other than
  the one named, whose name does not hold the named one's);
- the Latin names of the persons of the `scripts` set, and texts of two to eight of
  wordfreq's 3,000 most frequent English words (`--texts` of them).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

import name_sets
from banscreen.match import Matcher
from banscreen.match.firm_cores import firm_core

TEXTS = ["Invoice 2231 paid to {} for services", "{} invoice 4471", "Purchase from {}, March"]


def text_ids(matcher: Matcher, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in matcher.free_text.scan(text)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    parser.add_argument("--texts", type=int, default=20000, help="texts of English words")
    args = parser.parse_args()

    parties, orgs, split, matcher = name_sets.ofac_organisations()
    names = matcher.names
    found: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    searched = Counter[str]()
    for entry in names.entries:
        if entry.entity_id not in orgs or not entry.name.value.isascii():
            continue
        tokens, factors = entry.tokens, entry.form.factors
        end = len(tokens)
        while end > 0 and factors[end - 1] < 1.0:
            end -= 1
        if not 1 <= end < len(tokens) or entry.entity_id not in {
            m.entry.entity_id for m in names.match(entry.name.value)
        }:
            continue
        part = split.get(entry.entity_id, "tune")
        kind = "searched" if firm_core(entry, names.config, names.person_word) else "left"
        searched[part + " " + kind] += 1
        said = " ".join(entry.name.value.split()[:end]) if end > 1 else tokens[0]
        for text in TEXTS:
            total[part, kind] += 1
            found[part, kind] += entry.entity_id in text_ids(matcher, text.format(said))
    for part in ("tune", "measure"):
        print(f"{part}: OFAC organisations' names said without their generic ending, in text")
        for kind in ("searched", "left"):
            key = (part, kind)
            share = found[key] / total[key] if total[key] else 0.0
            print(f"  {kind:9} names {searched[part + ' ' + kind]:5}, texts found "
                  f"{found[key]:5} of {total[key]:5}  {share:.3f}")  # fmt: skip

    wrong = Counter[str]()
    examples: list[str] = []
    for entity, (_, listed) in sorted(orgs.items()):
        part = split.get(entity, "tune")
        for name in listed[:1]:
            if not name.isascii():
                continue
            text = TEXTS[0].format(name)
            others = text_ids(matcher, text) - {entity}
            # A party whose name the named one's holds ("BANK X" in "BANK X BRANCH") is
            # not another party's name by chance.
            others = {o for o in others if not any(
                o_name.casefold() in name.casefold() for o_name in orgs.get(o, ("", []))[1]
            )}  # fmt: skip
            wrong[part] += bool(others)
            if others and len(examples) < args.examples:
                examples.append(f"    {text} -> {sorted(others)}")
            wrong[part + " texts"] += 1
    for part in ("tune", "measure"):
        print(f"{part}: another OFAC organisation's name in text, a hit on a party it does not "
              f"name: {wrong[part]} of {wrong[part + ' texts']}")  # fmt: skip

    persons = name_sets.unlisted_persons(parties)
    common = name_sets.english_words()
    rng = random.Random(7)
    sentences = [" ".join(rng.sample(common, rng.randint(2, 8))) for _ in range(args.texts)]
    for label, texts in (
        ("persons' names (scripts set), in text", [TEXTS[0].format(p) for p in persons]),
        ("texts of English words", sentences),
    ):
        hits = [t for t in texts if text_ids(matcher, t)]
        print(f"{label}: {len(hits)} of {len(texts)} with a hit")
        examples += [f"    {t} -> {sorted(text_ids(matcher, t))}" for t in hits[: args.examples]]
    if examples:
        print("false hits:")
        print("\n".join(examples))


if __name__ == "__main__":
    main()
