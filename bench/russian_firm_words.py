"""Russian firms' names in Cyrillic against OFAC's organisations, beside the same names in
Latin letters (a benchmark, not a test).

    python bench/russian_firm_words.py [--examples N]

A Russian firm is often named by one ordinary word ("ООО «Вектор»", "ООО «Прогресс»").
wordfreq's frequent Russian words of four letters or more, each as such a name, are looked
up among the OFAC organisations of the real-data sets (bench/data/names_*.csv), none of which
is any of them: every hit is a false one, a REVIEW an analyst clears. The yardstick is the
same names in Latin letters (ICU's Russian-Latin/BGN, as lists romanise Russian names),
which need no transliteration. `tune`: the 1,500 most frequent words (looked at while
`cyrillic_org_spelling_floor` was chosen); `measure`: the next 3,000 (measured only).
"""

from __future__ import annotations

import argparse

import icu
from wordfreq import top_n_list

import name_sets
from banscreen.match.text import script_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="false hits to list")
    args = parser.parse_args()
    _, _, _, orgs = name_sets.ofac_organisations()
    words = [w for w in top_n_list("ru", 20000)
             if w.isalpha() and len(w) >= 4 and script_of(w) == "Cyrillic"]  # fmt: skip
    latin = icu.Transliterator.createInstance("Russian-Latin/BGN")
    print("false hits of Russian words as a firm's name (ООО «…») on OFAC organisations")
    for split, chosen in (("tune", words[:1500]), ("measure", words[1500:4500])):
        cyrillic = [w for w in chosen if orgs.match_name(f"ООО «{w.capitalize()}»")]
        romanised = [
            w for w in chosen if orgs.match_name(f"OOO {latin.transliterate(w).capitalize()}")
        ]
        print(f"  {split:8} in Cyrillic {len(cyrillic):5} of {len(chosen):5}"
              f"   in Latin letters {len(romanised):5} of {len(chosen):5}")  # fmt: skip
        for word in cyrillic[: args.examples]:
            hit = orgs.match_name(f"ООО «{word.capitalize()}»")[0]
            print(f"      {word} ~ {hit.entry.name.value} ({hit.score:.2f})")


if __name__ == "__main__":
    main()
