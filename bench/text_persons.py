"""A listed person's name given in short inside a payment's free text, against OFAC's persons
(a benchmark, not a test).

    python bench/text_persons.py [--split tune|measure] [--json]

The persons of bench/person_phrases.py (300 OFAC persons of one side of the split, first
name written `SURNAME, Given Middle`), as payments' texts name them: `Given SURNAME`, the
middle dropped, and `SURNAME Given`, in 10 remittance texts; found when the free-text scan
(`FreeTextIndex.scan`) hits that person. Then `Given Surnaem`: the surname (five letters or
more) misspelt once, a letter left out, put in or two swapped (seeded), as payments'
typists do (misspelt_persons.py); and `Gvien Surnaem`, both words (five letters or more)
misspelt so. The whole name as listed, spoken order, in the same texts is found as a
check. Then false hits: 400 unlisted Latin persons' names
(bench/data/script_names_probe.csv) in the same texts, counted as texts with a hit on any
person; and another listed person's given name before each surname, counted as hits on
that surname's person.
"""

from __future__ import annotations

import argparse
import json
import random

import name_sets
from person_phrases import other_given_names, short_names

TEXTS = (
    "{}",
    "Consulting fee on behalf of {}",
    "Beneficiary: {}, Dubai",
    "BNF/{}/DUBAI AE",
    "Transfer to {} via Western Union",
    "Invoice 4471 attn {}",
    "Payment for {} travel expenses",
    "FFC {} account 1234567",
    "Loan repayment from {} March",
    "Donation in the name of {} for the school",
)


def typo(word: str, rng: random.Random) -> str:
    """The word with one letter inside it left out, put in (a vowel) or swapped with the
    next, never the word itself."""
    while True:
        i = rng.randrange(1, len(word) - 1)
        how = rng.choice("dis")
        if how == "d":
            out = word[:i] + word[i + 1 :]
        elif how == "i":
            out = word[:i] + rng.choice("aeiou") + word[i:]
        else:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if out.lower() != word.lower():
            return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    scan = matcher.free_text.scan

    def hit_on(text: str, party: str) -> bool:
        return any(h.entry.entity_id == party for h in scan(text))

    listed = short_names(args.split)
    inverted, whole = [], []
    for _, k in listed:
        surname, given = (p.strip() for p in parties[k][1][0].split(","))
        inverted.append((f"{surname} {given.split()[0]}", k))
        whole.append((f"{given} {surname}", k))
    rng = random.Random(7)
    misspelt = [
        (f"{q.rsplit(' ', 1)[0]} {typo(q.rsplit(' ', 1)[1].capitalize(), rng)}", k)
        for q, k in listed
        if len(q.rsplit(" ", 1)[1]) >= 5
    ]
    both = [
        (f"{typo(q.rsplit(' ', 1)[0], rng)} {typo(q.rsplit(' ', 1)[1].capitalize(), rng)}", k)
        for q, k in listed
        if len(q.rsplit(" ", 1)[1]) >= 5 and len(q.rsplit(" ", 1)[0]) >= 5
    ]
    others = other_given_names(listed)
    unlisted = name_sets.probe_names("latin")[:400]
    rows = []
    for text in TEXTS:
        rows.append({
            "text": text,
            "whole": sum(hit_on(text.format(q), k) for q, k in whole),
            "given_surname": sum(hit_on(text.format(q), k) for q, k in listed),
            "surname_given": sum(hit_on(text.format(q), k) for q, k in inverted),
            "misspelt": sum(hit_on(text.format(q), k) for q, k in misspelt),
            "both": sum(hit_on(text.format(q), k) for q, k in both),
            "unlisted_with_a_hit": sum(
                any(h.entry.person for h in scan(text.format(n))) for n in unlisted
            ),
            "another_given_name_hit": sum(hit_on(text.format(q), k) for q, k in others),
        })  # fmt: skip
    totals = {key: sum(r[key] for r in rows) for key in rows[0] if key != "text"}  # type: ignore[misc]
    if args.json:
        print(json.dumps({"split": args.split, "listed": len(listed), "texts": rows,
                          "totals": totals}))  # fmt: skip
        return
    print(
        f"{args.split}: {len(listed)} listed persons; {len(unlisted)} unlisted names; "
        f"{len(others)} with another listed person's given name; {len(misspelt)} misspelt, "
        f"{len(both)} both words misspelt; {len(TEXTS)} texts"
    )
    print(
        f"{'text':44}{'whole':>7}{'Given S':>9}{'S Given':>9}{'misspelt':>10}{'both':>6}"
        f"{'unlisted':>10}{'other':>7}"
    )
    for r in [*rows, {"text": "total", **totals}]:
        print(
            f"{r['text']:44}{r['whole']:>7}{r['given_surname']:>9}{r['surname_given']:>9}"
            f"{r['misspelt']:>10}{r['both']:>6}{r['unlisted_with_a_hit']:>10}"
            f"{r['another_given_name_hit']:>7}"
        )


if __name__ == "__main__":
    main()
