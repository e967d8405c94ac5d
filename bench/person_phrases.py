"""A listed person's name given in short, with a payment's words around it, against OFAC's
persons (a benchmark, not a test).

    python bench/person_phrases.py [--split tune|measure] [--json]

For 300 OFAC persons of the real-data sets (bench/data/names_*.csv) on one side of the
split whose first name is written `SURNAME, Given Middle` (two given words or more), the
query is `Given SURNAME`, the middle dropped, as payments name persons; it is looked up
alone and in 21 phrases (eight of payments, three of titles, two of what the person is,
three that address a wire to someone, a trade name, four of payments in other languages)
among the 3,953 OFAC persons, and found when that person is a hit at REVIEW. Then false
hits: 400 unlisted Latin persons' names (bench/data/script_names_probe.csv) in the same
phrases, counted as queries with any hit; and another listed person's given name before
each surname, counted as hits on that surname's person.
"""

from __future__ import annotations

import argparse
import json
import random

import name_sets

PHRASES = (
    "{}",
    "Payment to {}",
    "{}, Dubai",
    "Transfer to {} via Western Union",
    "Beneficiary: {}",
    "{} (Iran)",
    "Invoice 4471 {}",
    "Defence Minister {}",
    "His Excellency {}",
    "{} salary March",
    "{} for consulting services",
    "Militia leader {}",
    "Company boss {}",
    "Attn: {}",
    "FBO {}",
    "c/o {}",
    "H.E. {}",
    "{} t/a Acme Trading",
    # a payment's words in other languages written in Latin letters
    "Pagamento para {}",
    "Pembayaran kepada {}",
    "Überweisung an {}",
    "Transferencia a {}",
)


def short_names(split: str) -> list[tuple[str, str]]:
    """(`Given SURNAME`, party) of the side's persons listed with a middle part."""
    parties, pairs = name_sets.read_sets()
    side = {p.entity for p in pairs if p.split == split}
    out = []
    for key, (schema, names) in parties.items():
        if schema != "Person" or not key.startswith("ofac") or key not in side:
            continue
        if names[0].count(",") == 1:
            surname, given = (part.strip() for part in names[0].split(","))
            words = given.split()
            if len(words) >= 2 and all(len(w) > 2 for w in words):
                out.append((f"{words[0]} {surname}", key))
    random.Random(3).shuffle(out)
    return out[:300]


def other_given_names(listed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each `Given SURNAME` with another listed person's given name instead (a seeded
    draw), against the surname's person: the false hits of a shared surname."""
    rng = random.Random(9)
    givens = [q.split()[0] for q, _ in listed]
    return [(f"{g} {' '.join(q.split()[1:])}", k) for q, k in listed
            if (g := rng.choice(givens)) != q.split()[0]]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    review = matcher.registry.matching.thresholds.review

    def hit_on(query: str, party: str) -> bool:
        return any(
            m.entry.entity_id == party and m.score >= review for m in matcher.names.match(query)
        )

    listed = short_names(args.split)
    others = other_given_names(listed)
    unlisted = name_sets.probe_names("latin")[:400]
    result = []
    for phrase in PHRASES:
        result.append({
            "phrase": phrase,
            "found": sum(hit_on(phrase.format(q), k) for q, k in listed),
            "unlisted_with_a_hit": sum(bool(matcher.names.match(phrase.format(n))) for n in unlisted),
            "another_given_name_hit": sum(hit_on(phrase.format(q), k) for q, k in others),
        })  # fmt: skip
    if args.json:
        print(json.dumps({"split": args.split, "listed": len(listed), "phrases": result}))
        return
    print(
        f"{args.split}: {len(listed)} listed persons as Given SURNAME; {len(unlisted)} unlisted "
        f"names; {len(others)} with another listed person's given name"
    )
    print(f"{'phrase':36}{'found':>7}{'unlisted hit':>14}{'other given hit':>17}")
    for r in result:
        print(
            f"{r['phrase']:36}{r['found']:>7}{r['unlisted_with_a_hit']:>14}"
            f"{r['another_given_name_hit']:>17}"
        )


if __name__ == "__main__":
    main()
