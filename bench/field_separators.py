"""A counterparty field holding two parties apart, by a semicolon, a bar, a slash, a line's
end or words that part them ("ACMESCAN | Qorvane Trading Ltd", "Qorvane Trading Ltd dba
ACMESCAN"), a name before a tagline after a colon or an em dash ("ACMESCAN: Qorvane
Trading Ltd", "ACMESCAN—Qorvane Trading Ltd"), or a name numbered as in a list, followed
by its building or by a remark in brackets ("1) ACMESCAN", "ACMESCAN Bldg 3", "ACMESCAN
(online store)"): what the name finds, and what it must not (a benchmark, not a test).

    python bench/field_separators.py [--json]

Among OFAC's organisations of the real-data sets (bench/data/names_*.csv), each whose Latin
name alone finds its party at REVIEW is put before and after a made-up firm's name with
each separator (and numbered, with a building or a bracket after it: `AROUND`), and looked up; found
when its party is a hit at REVIEW. Reported per split
(`tune`, `measure`) and by the name's size (one word, more). Then false hits: 2,500
frequent English words (wordfreq) and the last words of 400 unlisted persons' names
(bench/data/script_names_probe.csv) in either place, counted as queries with any hit,
beside the same words alone. And persons, second of two, against OFAC's persons: every
tenth OFAC person's Latin name that alone finds its party, found or not, and 400 unlisted
persons' names with a hit or not (beside the names alone).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import name_sets

OTHER = "Qorvane Trading Ltd"
SEPARATORS = ("; ", " | ", " / ", "\n", "/", " dba ", ", a subsidiary of ", " Attn ", " c/o ",
              " FBO ", ": ", "—")  # fmt: skip
# A name with what rides along with it, as "{}" in these.
# ... and a remark in brackets after it, of ordinary words or naming another firm.
AROUND = ("1) {}", "2. {}", "1/{}", "{} Bldg 3", "{} 5th Floor", "{} (online store)",
          "{} (Qorvane Trading)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, orgs, split, matcher = name_sets.ofac_organisations()

    def hits(query: str) -> set[str]:
        return {m.entry.entity_id for m in matcher.match_name(query)}

    found: Counter[tuple[str, ...]] = Counter()
    for key, (_, names) in orgs.items():
        for name in names:
            if not name.isascii() or key not in hits(name):
                continue
            size = "one word" if len(name.split()) == 1 else "more words"
            for sep in SEPARATORS:
                for where, query in (("first", f"{name}{sep}{OTHER}"),
                                     ("second", f"{OTHER}{sep}{name}")):  # fmt: skip
                    base = (split.get(key, "tune"), size, where, repr(sep))
                    found[(*base, "all")] += 1
                    found[(*base, "found")] += key in hits(query)
            for around in AROUND:
                base = (split.get(key, "tune"), size, "alone", repr(around))
                found[(*base, "all")] += 1
                found[(*base, "found")] += key in hits(around.format(name))
    english = name_sets.english_words()[:2500]
    surnames = [name.split()[-1] for name in name_sets.probe_names("latin")][:400]
    false_hits = []
    for label, words in (("English words", english), ("unlisted surnames", surnames)):
        alone = sum(bool(hits(w)) for w in words)
        first = {repr(s): sum(bool(hits(f"{w}{s}{OTHER}")) for w in words) for s in SEPARATORS}
        second = {repr(s): sum(bool(hits(f"{OTHER}{s}{w}")) for w in words) for s in SEPARATORS}
        first.update({repr(a): sum(bool(hits(a.format(w))) for w in words) for a in AROUND})
        false_hits.append({"words": label, "count": len(words), "alone": alone,
                           "first": first, "second": second})  # fmt: skip
    # Persons: OFAC's persons' Latin names (every tenth) and 400 unlisted persons' names,
    # second of two (the first is looked up by the persons' rules already), and alone.
    persons_matcher = name_sets.ofac_persons_matcher(parties)

    def person_hits(query: str) -> set[str]:
        return {m.entry.entity_id for m in persons_matcher.match_name(query)}

    persons = [(k, n) for k, (schema, names) in sorted(parties.items())
               if schema == "Person" and k.startswith("ofac") for n in names if n.isascii()]  # fmt: skip
    persons = [(k, n) for k, n in persons[::10] if k in person_hits(n)]
    unlisted = name_sets.probe_names("latin")[:400]
    person_rows = []
    for sep in SEPARATORS:
        person_rows.append({
            "separator": repr(sep), "listed": len(persons),
            "found": sum(k in person_hits(f"{OTHER}{sep}{n}") for k, n in persons),
            "unlisted": len(unlisted), "alone": sum(bool(person_hits(n)) for n in unlisted),
            "false_hits": sum(bool(person_hits(f"{OTHER}{sep}{n}")) for n in unlisted),
        })  # fmt: skip
    rows = [
        {"split": s, "size": z, "where": w, "separator": sep,
         "found": found[(s, z, w, sep, "found")], "of": found[(s, z, w, sep, "all")]}
        for (s, z, w, sep, kind) in sorted(found) if kind == "all"
    ]  # fmt: skip
    if args.json:
        print(json.dumps({"found": rows, "false_hits": false_hits, "persons": person_rows}))
        return
    for r in rows:
        print(f"{r['split']:<8}{r['size']:<11}{r['where']:<7}{r['separator']:<6}"
              f"{r['found']:>6} of {r['of']:<6}")  # fmt: skip
    for f in false_hits:
        for where in ("first", "second"):
            seps = ", ".join(f"{s} {n}" for s, n in f[where].items())
            print(f"{f['words']} ({f['count']}) with a hit: alone {f['alone']}; "
                  f"{where} of two: {seps}")  # fmt: skip
    for r in person_rows:
        print(f"persons second of two {r['separator']:<6}: listed found {r['found']} of "
              f"{r['listed']}; unlisted with a hit {r['false_hits']} of {r['unlisted']} "
              f"(alone {r['alone']})")  # fmt: skip


if __name__ == "__main__":
    main()
