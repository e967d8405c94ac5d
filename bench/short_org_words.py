"""Short words alone against OFAC's organisations and persons: what an acronym, a brand of
four or five letters or a random string of capitals finds that it should not (a benchmark,
not a test).

    python bench/short_org_words.py [--json]

The words: 2,000 random strings of four capital letters and 2,000 of five (seed 11), and
the English words of four or five letters among wordfreq's 5,000 most frequent. Each is
looked up alone among the OFAC organisations and, separately, the OFAC persons of the
real-data sets (bench/data/names_*.csv), counted as words with any hit at REVIEW.
"""

from __future__ import annotations

import argparse
import json
import random
import string

from wordfreq import top_n_list

import name_sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _, _, organisations = name_sets.ofac_organisations()
    persons = name_sets.ofac_persons_matcher(parties)
    rng = random.Random(11)
    words = {
        f"random {n} capitals": ["".join(rng.choices(string.ascii_uppercase, k=n))
                                 for _ in range(2000)]
        for n in (4, 5)
    }  # fmt: skip
    english = [w for w in top_n_list("en", 5000) if w.isalpha() and 4 <= len(w) <= 5]
    words["English words of 4-5 letters"] = english
    result = []
    for label, found in words.items():
        row = {"words": label, "count": len(found)}
        for side, matcher in (("organisations", organisations), ("persons", persons)):
            row[side] = sum(bool(matcher.match_name(w)) for w in found)
        result.append(row)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{'words':32}{'count':>7}{'organisations':>15}{'persons':>9}")
    for r in result:
        print(f"{r['words']:32}{r['count']:>7}{r['organisations']:>15}{r['persons']:>9}")


if __name__ == "__main__":
    main()
