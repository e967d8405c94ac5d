"""Listed persons' names written in another script inside a payment's free text (a
benchmark, not a test).

    python bench/script_text_persons.py [--split tune|measure] [--probes 1000] [--json]

The real-data sets' persons (bench/data/names_pairs.csv: a person's name in Cyrillic,
Hangul, kana, Greek, Thai, Arabic or Hebrew against the same person's Latin names), each
query put into a payment's text in its script (`Оплата для {} по счёту 4471`); found when
the free-text scan hits that person, against every party of the sets. Then false hits: 1,000
names of no list per script (bench/data/script_names_probe.csv) in the same texts, counted
as texts with a hit on any person.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry

TEXTS = {
    "cyrillic": "Оплата для {} по счёту 4471",
    "hangul": "송금 {} 4471",
    "kana": "お支払い {} 4471",
    "greek": "Πληρωμή για {} 4471",
    "thai": "ชำระเงินให้ {} 4471",
    "arabic": "دفع إلى {} 4471",
    "hebrew": "תשלום עבור {} 4471",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument("--probes", type=int, default=1000, help="unlisted names per script")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, pairs = name_sets.read_sets()
    matcher = Matcher(name_sets.set_registry(load_registry(), parties))
    scan = matcher.free_text.scan
    found: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    for p in pairs:
        if p.split != args.split or not p.label or p.set != "scripts" or p.schema != "Person":
            continue
        if p.script not in TEXTS:
            continue
        listed[p.script] += 1
        text = TEXTS[p.script].format(p.query)
        found[p.script] += any(h.entry.entity_id == p.entity for h in scan(text))
    false: Counter[str] = Counter()
    probed: Counter[str] = Counter()
    for script, text in TEXTS.items():
        for name in name_sets.probe_names(script)[: args.probes]:
            probed[script] += 1
            false[script] += any(h.entry.person for h in scan(text.format(name)))
    rows = [
        {"script": s, "listed": listed[s], "found": found[s], "unlisted": probed[s],
         "unlisted_with_a_hit": false[s]}
        for s in TEXTS
    ]  # fmt: skip
    if args.json:
        print(json.dumps({"split": args.split, "scripts": rows}))
        return
    print(f"{args.split}: listed persons' names in other scripts in a payment's text")
    print(f"{'script':10}{'listed':>8}{'found':>8}{'unlisted':>10}{'with a hit':>12}")
    for r in rows:
        print(
            f"{r['script']:10}{r['listed']:>8}{r['found']:>8}{r['unlisted']:>10}"
            f"{r['unlisted_with_a_hit']:>12}"
        )


if __name__ == "__main__":
    main()
