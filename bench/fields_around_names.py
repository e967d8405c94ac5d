"""A listed name with more around it in one field: an address after a comma, a bracket
after another firm's name, and a one-word organisation in a payment's text (a benchmark,
not a test).

    python bench/fields_around_names.py [--names N] [--misses N]

For OFAC's organisations and persons of the real-data sets (bench/data/names_*.csv) whose
Latin name alone finds its own party at REVIEW, the name is written as a payments file or an
export writes one, and looked up among all OFAC organisations (or persons):

- `address`: after a payment's words or none, before a comma and an address ("Payment to
  …, Building 3, Hi-tech Park", "…, P.O. Box 1234, Tehran");
- `bracket`: in a bracket after an unlisted firm's name ("Northwind LLC (… reseller)");
- `text`: an organisation's name of one word in a payment's text, with a legal form after
  it, before a comma and an address, or after a field's label ("Invoice from … Ltd",
  "Beneficiary: …").

Then false hits: the same shapes around names no party of the list has (English words of
wordfreq's list and the Latin names of the `scripts` set's persons, written surname first
after a payment's words), counted as fields with a hit. These shapes were added to the
matcher before this script was written: every number here is measured only.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterator
from functools import partial

from wordfreq import top_n_list

import name_sets
from banscreen.match import Matcher

LEADS = ["", "Payment to ", "Invoice from ", "Beneficiary: ", "Wire to "]
ADDRESSES = [
    ", Building 3, Hi-tech Park", ", 55 Al Wahda Street, Dubai", ", Suite 5, Tower A",
    ", Room 1201, Tower B", ", No. 8 West Road", ", 5th Floor, Block C",
    ", Unit 12, 88 Queen's Road", ", Bldg 2, Zone A", ", P.O. Box 1234, Tehran",
]  # fmt: skip
FIRMS = ["Acme Ltd", "Zeltra Trading Co", "Global Apps Distribution Ltd", "Northwind LLC"]
BRACKETS = ["{} reseller", "{} agent", "{} partner", "{} distributor", "{}", "a {} company"]
TEXTS = [
    "Invoice from {} Ltd", "{} Corporation services Q3", "Paid {} Co., Ltd. for parts",
    "Payment to {}, Building 3, Main Road", "Beneficiary: {}", "Payee: {}; ref 5",
]  # fmt: skip
ROLES = ["reseller", "agent", "partner", "division", "Holdings", "Hong Kong", "Pty", "formerly"]


def text_ids(matcher: Matcher, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in matcher.free_text.scan(text)}


def found_alone(
    parties: name_sets.Parties, schema: str, matcher: Matcher, count: int, rng: random.Random
) -> list[tuple[str, str]]:
    """(entity, name) of OFAC parties of `schema` whose first Latin name alone finds them;
    a person's written given names first, as payments do."""
    items = [(k, v[1][0]) for k, v in parties.items() if v[0] == schema and k.startswith("ofac")]
    rng.shuffle(items)
    out = []
    for entity, name in items:
        if schema == "Person" and "," in name:
            surname, given = (part.strip() for part in name.split(",", 1))
            name = f"{given} {surname}"
        if name.isascii() and entity in name_sets.ids(matcher, name):
            out.append((entity, name))
        if len(out) == count:
            break
    return out


def shaped(
    label: str, items: list[tuple[str, str]], shape: Callable[[str], str],
    look: Callable[[str], set[str]], misses: int,
) -> None:  # fmt: skip
    missed = [query for entity, name in items if entity not in look(query := shape(name))]
    print(f"  {label:60} {len(items) - len(missed):5} of {len(items):5} found")
    for query in missed[:misses]:
        print(f"      missed: {query}")


def false_hits(label: str, queries: list[str], look: Callable[[str], set[str]]) -> None:
    hits = [q for q in queries if look(q)]
    print(f"  {label:60} {len(hits):5} of {len(queries):5} with a hit")


def unlisted_persons(parties: name_sets.Parties, count: int) -> Iterator[list[str]]:
    names = (v[1][0] for k, v in parties.items() if v[0] == "Person" and not k.startswith("ofac"))
    kept = [n.split() for n in names if n.isascii() and len(n.split()) >= 2]
    return iter(kept[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=500, help="listed names of each kind")
    parser.add_argument("--misses", type=int, default=0, help="missed fields to list")
    args = parser.parse_args()
    rng = random.Random(7)
    parties, _ = name_sets.read_sets()
    _, _, _, orgs = name_sets.ofac_organisations()
    persons = name_sets.ofac_persons_matcher(parties)
    organisations = found_alone(parties, "Organization", orgs, args.names, rng)
    people = found_alone(parties, "Person", persons, args.names, rng)
    normaliser = orgs.names.normaliser
    one_word = [(e, n) for e, n in organisations if len(normaliser.tokenize(n)) == 1]

    def address(name: str) -> str:
        return rng.choice(LEADS) + name + rng.choice(ADDRESSES)

    def bracket(name: str) -> str:
        return f"{rng.choice(FIRMS)} ({rng.choice(BRACKETS).format(name)})"

    print("measure: OFAC parties' names in a longer field, found at REVIEW")
    shaped(
        "organisations, address", organisations, address, partial(name_sets.ids, orgs), args.misses
    )
    shaped("persons, address", people, address, partial(name_sets.ids, persons), args.misses)
    shaped(
        "organisations, bracket", organisations, bracket, partial(name_sets.ids, orgs), args.misses
    )
    for text in TEXTS:
        shaped(f"one-word organisations, text {text!r}", one_word, text.format,
               lambda q: text_ids(orgs, q), args.misses)  # fmt: skip

    words = [w.capitalize() for w in top_n_list("en", 5000) if w.isalpha() and len(w) >= 4]
    words = words[:2000]
    surnames = list(unlisted_persons(parties, 1000))
    print("false hits on OFAC organisations: unlisted names in the same shapes")
    false_hits("English words alone (for comparison)", words, partial(name_sets.ids, orgs))
    false_hits("English words, address", [address(w) for w in words], partial(name_sets.ids, orgs))
    false_hits(
        "English words, bracket of words and roles",
        [f"{rng.choice(FIRMS)} ({w} {rng.choice(ROLES)})" for w in words],
        partial(name_sets.ids, orgs),
    )
    false_hits(
        "unlisted persons surname first, after a lead",
        [f"{rng.choice(LEADS[1:])}{p[-1].upper()}, {' '.join(p[:-1])}" for p in surnames],
        partial(name_sets.ids, orgs),
    )
    for text in TEXTS:
        false_hits(f"English words, text {text!r}", [text.format(w) for w in words],
                   lambda q: text_ids(orgs, q))  # fmt: skip


if __name__ == "__main__":
    main()
