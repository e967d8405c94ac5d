"""Chinese persons' names as English writes them in Wade-Giles, against their pinyin forms
(a benchmark, not a test).

    python bench/wade_giles_names.py [--json]

bench/data/wade_giles_persons.csv, written by hand from the names' usual English spellings
after the Wade-Giles rule of docs/matching.md was built (a measured-only set), holds 50
persons of China and Taiwan beside their names in pinyin, surname first as lists write them
(`Teng Hsiao-p'ing`, `DENG, Xiaoping`); its `form` says whether the spelling is standard
Wade-Giles, a person's own spelling (`Lee Teng-hui`, `Tsai Eng-meng`) or Cantonese
(`Chiang Kai-shek`), which the rule does not read. Found: the pair scores at least REVIEW
(`Matcher.compare`, persons' rules). False hits: each name against every other person's
pinyin name, at REVIEW or above.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from banscreen.match import Matcher
from banscreen.registry import load_registry

PAIRS = Path(__file__).resolve().parent / "data" / "wade_giles_persons.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    registry = load_registry()
    matcher = Matcher(registry)
    review = registry.matching.thresholds.review
    with PAIRS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs, found, missed, false_hits = Counter(), Counter(), [], []
    for row in rows:
        pairs[row["form"]] += 1
        score = matcher.compare(row["query"], row["listed"], "person")[0]
        if score >= review:
            found[row["form"]] += 1
        else:
            missed.append({**row, "score": round(score, 3)})
        for other in rows:
            if other is not row:
                wrong = matcher.compare(row["query"], other["listed"], "person")[0]
                if wrong >= review:
                    false_hits.append((row["query"], other["listed"], round(wrong, 3)))
    result = {
        "pairs": dict(pairs),
        "found": dict(found),
        "missed": missed,
        "false_hits": false_hits,
        "other_pairs": len(rows) * (len(rows) - 1),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for form, n in pairs.items():
        print(f"{form:<14} {found[form]:>3} of {n:<3} found at REVIEW")
    print(f"false hits     {len(false_hits)} of {result['other_pairs']} pairs of two persons")
    for m in missed:
        print(f"  missed {m['score']:.3f}  {m['query']}  |  {m['listed']}  ({m['form']})")
    for query, listed, score in false_hits:
        print(f"  false  {score:.3f}  {query}  |  {listed}")


if __name__ == "__main__":
    main()
