"""A firm's English legal form written by its sound in Cyrillic, katakana or Hangul ("ZTE
Корпорейшн", "ZTEコーポレーション", "ZTE 코퍼레이션", "… Ко., Лтд.", "… カンパニー・リミテッド"), as
Russian, Japanese and Korean texts and registers write a foreign firm's name: how many
listed names so written are found, and what the same forms after words that name no party
meet (a benchmark, not a test).

    python bench/sounded_legal_forms.py [--misses N] [--json]

For OFAC's organisations of the real-data sets (bench/data/names_*.csv) whose Latin name
ends with an English legal form (`FORMS`) and alone finds its own party, the form is
written in each script as `SPELLINGS` does (the spellings of Russian, Japanese and Korean
press and of firms' own pages, two where usage has two) and the name looked up among all
OFAC organisations; found when its own party is a hit at REVIEW. Reported per split
(`tune`, `measure`) and script. False hits: 1,000 frequent English words and 200 unlisted
persons' names (bench/data/script_names_probe.csv) with each spelling after them, counted
as queries with any hit, beside the words alone.

The spellings are the data's (matching.yaml, `legal_forms_other_scripts`): found names
measure that each reaches the name once its form is read, not how many spellings the
table knows.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

import name_sets

# An English legal form at the end of a name, as OFAC writes it, by what it is.
FORMS = (
    ("co ltd", r",?\s+CO\.?,?\s+LTD\.?"),
    ("company limited", r",?\s+COMPANY\s+LIMITED"),
    ("corporation", r",?\s+CORPORATION"),
    ("incorporated", r",?\s+INCORPORATED"),
    ("inc", r",?\s+INC\.?"),
    ("limited", r",?\s+LIMITED"),
    ("ltd", r",?\s+LTD\.?"),
    ("company", r",?\s+COMPANY"),
    ("corp", r",?\s+CORP\.?"),
    ("llc", r",?\s+L\.?L\.?C\.?"),
    ("plc", r",?\s+PLC\.?"),
)
SPELLINGS = {
    "cyrillic": {
        "co ltd": ["Ко., Лтд."], "company limited": ["Компани Лимитед"],
        "corporation": ["Корпорейшн"], "incorporated": ["Инкорпорейтед"], "inc": ["Инк."],
        "limited": ["Лимитед"], "ltd": ["Лтд."], "company": ["Компани"], "corp": ["Корп."],
        "llc": ["ЭлЭлСи"], "plc": ["ПЛС"],
    },
    "katakana": {
        "co ltd": ["カンパニー・リミテッド"], "company limited": ["カンパニー・リミテッド"],
        "corporation": ["コーポレーション", "コーポレイション"],
        "incorporated": ["インコーポレイテッド", "インコーポレーテッド"], "inc": ["インク"],
        "limited": ["リミテッド"], "ltd": ["リミテッド"], "company": ["カンパニー"],
        "corp": ["コーポレーション"], "llc": ["エルエルシー"], "plc": ["ピーエルシー"],
    },
    "hangul": {
        "co ltd": ["컴퍼니 리미티드"], "company limited": ["컴퍼니 리미티드"],
        "corporation": ["코퍼레이션", "코포레이션"], "incorporated": ["인코퍼레이티드"],
        "inc": ["인크"], "limited": ["리미티드"], "ltd": ["리미티드"], "company": ["컴퍼니"],
        "corp": ["코퍼레이션"], "llc": ["엘엘씨"], "plc": ["피엘씨"],
    },
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _, orgs, split, matcher = name_sets.ofac_organisations()
    patterns = [(kind, re.compile(rf"^(.+?){pattern}$", re.IGNORECASE)) for kind, pattern in FORMS]
    found: Counter[tuple[str, str, str]] = Counter()
    misses: list[str] = []
    for key, (_, names) in sorted(orgs.items()):
        for name in names:
            if not name.isascii():
                continue
            kind, head = next(
                ((k, m.group(1)) for k, p in patterns if (m := p.match(name.strip()))),
                (None, None),
            )
            if kind is None or head is None or key not in name_sets.ids(matcher, name):
                continue
            side = split.get(key, "tune")
            for script, table in SPELLINGS.items():
                for spelling in table[kind]:
                    query = f"{head.rstrip(' ,')} {spelling}"
                    hit = key in name_sets.ids(matcher, query)
                    found[(side, script, "all")] += 1
                    found[(side, script, "found")] += hit
                    if not hit and len(misses) < args.misses:
                        misses.append(f"{side} {query!r} ~ {name!r}")
    words = name_sets.english_words()[:1000]
    persons = name_sets.probe_names("latin")[:200]
    # Each script's spellings once, whatever forms they write.
    forms = {script: sorted({s for v in table.values() for s in v})
             for script, table in SPELLINGS.items()}  # fmt: skip
    false_hits = []
    for label, queries in (("English words", words), ("unlisted persons", persons)):
        alone = sum(bool(name_sets.ids(matcher, q)) for q in queries)
        by_script = {
            script: sum(
                bool(name_sets.ids(matcher, f"{q} {form}")) for q in queries for form in own
            )
            for script, own in forms.items()
        }
        false_hits.append({"queries": label, "count": len(queries), "alone": alone,
                           "forms": {script: len(own) for script, own in forms.items()},
                           "with_a_form": by_script})  # fmt: skip
    rows = [
        {"split": s, "script": c, "found": found[(s, c, "found")], "of": found[(s, c, "all")]}
        for (s, c, kind) in sorted(found) if kind == "all"
    ]  # fmt: skip
    if args.json:
        spellings = len(set().union(*forms.values()))
        print(json.dumps({"found": rows, "false_hits": false_hits, "spellings": spellings}))
        return
    for r in rows:
        print(f"{r['split']:<8}{r['script']:<10}{r['found']:>6} of {r['of']:<6} found")
    for f in false_hits:
        each = ", ".join(
            f"{s} {n} of {f['count'] * f['forms'][s]}" for s, n in f["with_a_form"].items()
        )
        print(f"{f['queries']} ({f['count']}) with a hit: alone {f['alone']}; "
              f"with a form after them: {each}")  # fmt: skip
    for miss in misses:
        print("missed", miss)


if __name__ == "__main__":
    main()
