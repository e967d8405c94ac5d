"""A listed organisation named by a payment's words, against OFAC's organisations (a
benchmark, not a test).

    python bench/payee_phrases.py [--misses N] [--examples N]

For each OFAC organisation of the real-data sets (bench/data/names_*.csv) whose name alone
finds its own party at REVIEW, the name is put in payment phrases as a payments file or a
remittance field writes them ("Payment to …", "Transfer to … via Western Union", "…
donation", "Wire transfer to …", "Support for …", "Beneficiary …") and looked up through the candidate
index among all 3,111 OFAC organisations; a phrase is found when the party is a hit at
REVIEW. Reported for the names of one word (which no rule finds inside a longer name) and
of more, per split (`tune` and `measure`: the rule of heads.payee_head was made on a
handful of names of neither set and tried on tune).

Then false hits: the same phrases around names no organisation of the list has (the Latin
names of the persons of the `scripts` set, and English words of wordfreq's list: a payee
written as a common word), counted as phrases with a hit, beside the same names alone.

And the same for a payment's free text (`FreeTextIndex.scan`, which finds a one-word name
only as the payee of a payment's words): the one-word names in `TEXTS`, and the false
hits of the persons' names and English words in them; and another firm whose name starts
with a listed one-word name ("Payment to ORION Logistics for services"), as the name and
as text, where a hit on the listed party is false.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator

import name_sets
from banscreen.match import Matcher

PHRASES = [
    "Payment to {}",
    "Transfer to {} via Western Union",
    "{} donation",
    "Wire transfer to {}",
    "Support for {}",
    # With a colon, "Beneficiary:" is a field's label (`field_labels`): the name after it is
    # scored as it alone is, which the counts of names alone below report.
    "Beneficiary {}",
    "Supplier {}",
    "In favour of {}",
]

TEXTS = [
    "Donation to {}",
    "Invoice 2231 paid to {} for services",
    "Monthly support for {} via bank transfer",
]


def text_ids(matcher: Matcher, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in matcher.free_text.scan(text)}


def hit_ids(matcher: Matcher, query: str) -> set[str]:
    return {m.entry.entity_id for m in matcher.names.match(query)}


def findable(
    orgs: name_sets.Parties, split: dict[str, str], matcher: Matcher
) -> Iterator[tuple[str, str, str, str]]:
    """(entity, split, name, "one word" or "more words") of each Latin name of `orgs` that
    alone finds its own party."""
    words = matcher.names.normaliser.tokenize
    for entity, (_, names) in sorted(orgs.items()):
        part = split.get(entity, "tune")
        for name in names:
            if name.isascii() and entity in hit_ids(matcher, name):
                yield entity, part, name, "one word" if len(words(name)) == 1 else "more words"


def print_by_size(
    found: Counter[tuple[str, str]], total: Counter[tuple[str, str]], part: str
) -> None:
    """Found of total, and the share, for one- and more-word names of one half (`part`)."""
    for size in ("one word", "more words"):
        key = (part, size)
        if total[key]:
            share = found[key] / total[key]
            print(f"  {size:10} {found[key]:6} of {total[key]:6}  {share:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="misses to print")
    parser.add_argument("--examples", type=int, default=0, help="false hits to print")
    args = parser.parse_args()

    parties, orgs, split, matcher = name_sets.ofac_organisations()

    # Another firm whose name starts with the listed one's word: a hit on it is false.
    other_firm = Counter[str]()
    in_text: Counter[tuple[str, str]] = Counter()
    texts: Counter[str] = Counter()
    found: Counter[tuple[str, str, str]] = Counter()
    total: Counter[tuple[str, str, str]] = Counter()
    misses: list[str] = []
    for entity, part, name, size in findable(orgs, split, matcher):
        if size == "one word":
            other = f"Payment to {name} Logistics for services"
            other_firm[part] += entity in hit_ids(matcher, other)
            other_firm[part + " text"] += entity in text_ids(matcher, other)
            texts[part] += 1
            for text in TEXTS:
                in_text[part, text] += entity in text_ids(matcher, text.format(name))
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
    for part in ("tune", "measure"):
        print(f"{part}: the one-word names in a payment's text, found")
        for text in TEXTS:
            share = in_text[part, text] / texts[part]
            print(f"  {text:40} {in_text[part, text]:5} of {texts[part]:5}  {share:.3f}")
        print(
            f"  another firm, 'Payment to … Logistics for services', a hit on the listed one: "
            f"{other_firm[part]} as the name, {other_firm[part + ' text']} in text, "
            f"of {texts[part]}"
        )
    if misses:
        print("misses:")
        print("\n".join(misses))

    persons = name_sets.unlisted_persons(parties)
    common = name_sets.english_words()
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
        for text in TEXTS:
            hits = [text.format(p) for p in payees if text_ids(matcher, text.format(p))]
            print(f"  text: {text:30} with a hit: {len(hits)}")
            for query in hits[: args.examples]:
                print(f"    {query}")


if __name__ == "__main__":
    main()
