"""Listed persons' names written as a clerk writes them, against the listed persons (a
benchmark, not a test).

    python bench/person_forms.py [--json] [--misses N]

For each OFAC person of the real-data sets (bench/data/names_*.csv) whose first name is
written `SURNAME, Given Names`, the name is rewritten in each form below and looked up
through the candidate index among all 2,684 OFAC persons; a form is found when that person
is a hit at REVIEW. Forms: natural order; surname first without the comma; a title before
it; lower case; two letters of the surname or of the first given name swapped; the given
names as initials after the surname; the first initial and the surname; the comma put
after the given names; and, where they apply, the first given name and the surname only,
every given name as initials, the first given name and the others' initials, the
surname's hyphens written as spaces or left out, and its `al-` / `el-` dropped.
Reported per split of the sets (`tune`, developed against: the rule for names written
with the particle glued on was made on its misses; `measure`, measured only).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict

import name_sets

TITLES = ["Dr.", "President", "Sheikh", "Mr.", "General", "Mullah", "Haji", "Colonel"]


def forms(name: str, rng: random.Random) -> dict[str, str]:
    if "," not in name:
        return {}
    surname, given = (part.strip() for part in name.split(",", 1))
    words = given.split()
    if not words or not surname:
        return {}

    def swapped(word: str) -> str:
        if len(word) < 5:
            return word
        i = rng.randrange(1, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    out = {
        "natural order": f"{given} {surname}",
        "surname first, no comma": f"{surname} {given}",
        "a title before it": f"{rng.choice(TITLES)} {given} {surname}",
        "lower case": f"{given} {surname}".lower(),
        "two letters of the surname swapped": f"{given} {swapped(surname)}",
        "two letters of a given name swapped": f"{' '.join([swapped(words[0]), *words[1:]])} {surname}",
        "surname, then initials": f"{surname} {' '.join(w[0] + '.' for w in words)}",
        "first initial and surname": f"{words[0][0]}. {surname}",
        "the comma after the given names": f"{given}, {surname}",
    }
    if len(words) >= 2:
        out["first given name and surname"] = f"{words[0]} {surname}"
        out["initials and surname"] = " ".join(w[0] + "." for w in words) + f" {surname}"
        out["first name, initials, surname"] = (
            f"{words[0]} {' '.join(w[0] + '.' for w in words[1:])} {surname}"
        )
    if "-" in surname:
        out["surname's hyphens as spaces"] = f"{given} {surname.replace('-', ' ')}"
        out["surname's hyphens left out"] = f"{given} {surname.replace('-', '')}"
    if re.match(r"(?i)^(al|el)[- ]", surname):
        out["surname's al- dropped"] = f"{given} {re.sub(r'(?i)^(al|el)[- ]', '', surname)}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="misses to list per form (tune)")
    args = parser.parse_args()
    parties, pairs = name_sets.read_sets()
    split = {p.entity: p.split for p in pairs}
    matcher = name_sets.ofac_persons_matcher(parties)
    review = matcher.config.thresholds.review
    rng = random.Random(7)
    found: dict[str, Counter[str]] = defaultdict(Counter)
    total: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, (schema, names) in parties.items():
        if schema != "Person" or not key.startswith("ofac") or key not in split:
            continue
        for form, query in forms(names[0], rng).items():
            total[split[key]][form] += 1
            hits = {m.entry.entity_id: m.score for m in matcher.match_name(query)}
            if hits.get(key, 0.0) >= review:
                found[split[key]][form] += 1
            elif split[key] == "tune":
                misses[form].append((query, names[0]))
    result = {
        s: {f: {"found": found[s][f], "of": n} for f, n in total[s].items()}
        for s in ("tune", "measure")
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for s, rows in result.items():
        print(f"{s} ({'developed against' if s == 'tune' else 'measured only'})")
        for f, r in rows.items():
            print(f"  {f:<38}{r['found']:>6} of {r['of']:<6}{r['found'] / r['of']:.3f}")
    for f, listed in misses.items():
        for query, name in listed[: args.misses]:
            print(f"  miss ({f}): {query}  |  {name}")


if __name__ == "__main__":
    main()
