"""A listed firm's rare word with an "s" written on (a possessive without its apostrophe,
"Paid via Acmepays"), in a payee and in a payment's text, and the false hits of words with
an "s" that no party has (a benchmark, not a test).

    python bench/firm_words_with_s.py [--names N] [--misses N]

For OFAC's organisations of the real-data sets (bench/data/names_*.csv) whose Latin name
alone finds its own party, an "s" is written on the first word of five letters or more
that English uses less than once per million words, and the name is looked up among all
OFAC organisations as a payee and in a payment's text ("Payment via … ref 5"). False hits:
frequent English words with an "s" on as a firm's name and in text, and the unlisted
persons' names of the `scripts` set that have a word ending in "s", against OFAC's
organisations. Written after the rule (plurals.py): every number is measured
only.
"""

from __future__ import annotations

import argparse
import random
from functools import partial

from wordfreq import top_n_list, zipf_frequency

import name_sets
from banscreen.match import Matcher


def text_ids(matcher: Matcher, text: str) -> set[str]:
    return {hit.entry.entity_id for hit in matcher.free_text.scan(text)}


def with_s(name: str) -> str | None:
    """The name with an "s" on its first rare word of five letters or more, or None."""
    words = name.split()
    for i, word in enumerate(words):
        lowered = word.lower()
        rare = word.isalpha() and len(word) >= 5 and zipf_frequency(lowered, "en") < 3.0
        if rare and not lowered.endswith("s"):
            return " ".join([*words[:i], word + "s", *words[i + 1 :]])
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=400)
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    _, _, _, orgs = name_sets.ofac_organisations()
    items = [(k, v[1][0]) for k, v in parties.items()
             if v[0] == "Organization" and k.startswith("ofac") and v[1][0].isascii()]  # fmt: skip
    random.Random(3).shuffle(items)
    tried: list[tuple[str, str]] = []
    for entity, name in items:
        query = with_s(name)
        if query is not None and entity in name_sets.ids(orgs, name):
            tried.append((entity, query))
        if len(tried) == args.names:
            break
    payee = [q for e, q in tried if e not in name_sets.ids(orgs, q)]
    text = [q for e, q in tried if e not in text_ids(orgs, f"Payment via {q} ref 5")]
    print("measure: OFAC organisations with an 's' on a rare word, found at REVIEW")
    print(f"  {'as the payee':50} {len(tried) - len(payee):5} of {len(tried):5}")
    print(f"  {'in text: Payment via … ref 5':50} {len(tried) - len(text):5} of {len(tried):5}")
    for query in (payee + text)[: args.misses]:
        print(f"      missed: {query}")
    words = [w for w in top_n_list("en", 20000) if w.isalpha() and len(w) >= 5][:5000]
    unlisted = [v[1][0] for k, v in parties.items()
                if v[0] == "Person" and not k.startswith("ofac") and v[1][0].isascii()]  # fmt: skip
    unlisted = [n for n in unlisted if any(w.lower().endswith("s") for w in n.split())]
    print("false hits: names no listed party has")
    for label, queries, look in (
        ("English words + s, 'Xs Trading Ltd' (OFAC orgs)",
         [f"{w.capitalize()}s Trading Ltd" for w in words], partial(name_sets.ids, orgs)),
        ("English words + s, text 'Paid via Xs' (OFAC orgs)",
         [f"Paid via {w.capitalize()}s" for w in words], lambda q: text_ids(orgs, q)),
        ("unlisted persons with a word in s (OFAC orgs)", unlisted, partial(name_sets.ids, orgs)),
    ):  # fmt: skip
        hits = [q for q in queries if look(q)]
        print(f"  {label:50} {len(hits):5} of {len(queries):5} with a hit")


if __name__ == "__main__":
    main()
