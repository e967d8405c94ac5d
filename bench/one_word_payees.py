"""A payee of one word against OFAC's persons: what a surname alone in a payment's words
finds that it should not (a benchmark, not a test).

    python bench/one_word_payees.py [--json]

The words: the last word of 400 unlisted Latin persons' names (bench/data/
script_names_probe.csv) and 2,500 frequent English words (wordfreq). Each is looked up bare
and in three payment phrases among the 3,953 OFAC persons, counted as queries with any hit.
A listed surname rare enough to name its person alone is a REVIEW bare; in a phrase only
when the word is spelt as the listed one (heads.person_variants), so the phrases' counts
are the surnames that are a listed person's as written.
"""

from __future__ import annotations

import argparse
import json

import name_sets

PHRASES = ("{}", "Payment to {}", "Transfer to {} via Western Union", "{} salary")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    surnames = [name.split()[-1] for name in name_sets.probe_names("latin")]
    english = name_sets.english_words()[:2500]
    result = []
    for label, words in (("unlisted surnames", surnames[:400]), ("English words", english)):
        for phrase in PHRASES:
            hits = sum(bool(matcher.match_name(phrase.format(w))) for w in words)
            result.append({"words": label, "count": len(words), "phrase": phrase, "hits": hits})
    if args.json:
        print(json.dumps(result))
        return
    for r in result:
        print(f"{r['words']:18} {r['phrase']:36} {r['hits']:>5} of {r['count']}")


if __name__ == "__main__":
    main()
