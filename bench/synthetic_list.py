"""A synthetic restricted-party list with the shape of the real ones (a benchmark helper).

    python bench/synthetic_list.py OUT.ftm.json [--entities 20000] [--seed 1]

FollowTheMoney JSON lines, as OpenSanctions publishes them: 20k parties with 60k names
(a primary name and two aliases each on average), about 70% companies, 25% people and 5%
vessels, names built from a large invented vocabulary (so token frequencies spread like a
real list's), country codes, some SWIFT/BIC and IMO identifiers, Sanction entities with
programs and listing dates, and an ownership graph (some non-target companies owned by
listed ones) for the 50% rule. `queries()` derives labelled test names from the same list:
exact names, misspellings, reordered and legal-form variants, and unrelated names.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CONSONANTS = "bcdfghjklmnprstvzk"
VOWELS = "aeiou"
SECTORS = [
    "Trading",
    "Shipping",
    "Logistics",
    "Petroleum",
    "Electronics",
    "Metals",
    "Aviation",
    "Holdings",
    "Industrial",
    "Chemical",
    "Textile",
    "Machinery",
    "Finance",
    "Energy",
    "Technology",
    "Marine",
    "Mining",
    "Construction",
    "Investment",
    "Engineering",
]
FORMS = [
    "LLC",
    "Co., Ltd.",
    "FZE",
    "Limited",
    "JSC",
    "S.A.",
    "GmbH",
    "Company",
    "Inc.",
    "LLP",
    "OOO",
    "PJSC",
    "SARL",
    "Pte. Ltd.",
]
COUNTRIES = ["ir", "ru", "ae", "cn", "kp", "sy", "by", "hk", "tr", "ve", "cu", "mm", "lb", "iq"]
PROGRAMS = ["SDGT", "IRAN", "RUSSIA-EO14024", "NPWMD", "CYBER2", "DPRK3", "SYRIA", "IFSR"]


def made_up_word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables)
    ).capitalize()


@dataclass(frozen=True)
class Party:
    id: str
    schema: str
    names: tuple[str, ...]
    country: str


def parties(count: int = 20_000, seed: int = 1) -> list[Party]:
    rng = random.Random(seed)
    brands = [made_up_word(rng, rng.randint(2, 4)) for _ in range(count // 2)]
    given = [made_up_word(rng, rng.randint(2, 3)) for _ in range(900)]
    family = [made_up_word(rng, rng.randint(2, 4)) for _ in range(4000)]
    out: list[Party] = []
    for i in range(count):
        country = rng.choice(COUNTRIES)
        kind = rng.choices(["Company", "Person", "Vessel"], weights=[70, 25, 5])[0]
        if kind == "Company":
            brand = rng.choice(brands)
            sector = rng.choice(SECTORS)
            second = rng.choice(brands) if rng.random() < 0.3 else ""
            core = " ".join(w for w in (brand, second, sector) if w)
            primary = f"{core} {rng.choice(FORMS)}"
            aliases = [
                f"{core} {rng.choice(FORMS)}",
                "".join(w[0] for w in core.split()).upper() + f" {sector}",
            ]
            if rng.random() < 0.3:
                aliases.append(f"{brand} International {rng.choice(FORMS)}")
        elif kind == "Person":
            first, last = rng.choice(given), rng.choice(family)
            middle = rng.choice(given) if rng.random() < 0.4 else ""
            primary = " ".join(w for w in (first, middle, last) if w)
            aliases = [f"{last}, {first}", f"{first} {last[:-1]}{rng.choice(VOWELS)}"]
        else:
            primary = f"{rng.choice(brands).upper()} {rng.choice(['STAR', 'GLORY', 'SPIRIT', 'WAVE', 'OCEAN'])}"
            aliases = [f"M/V {primary}", f"{primary} {rng.randint(1, 9)}"]
        out.append(
            Party(
                f"syn-{i:06d}", kind, (primary, *aliases[: 2 if rng.random() < 0.9 else 3]), country
            )
        )
    return out


def entities(items: list[Party], seed: int = 1) -> Iterator[dict[str, object]]:
    rng = random.Random(seed + 1)
    companies = [p for p in items if p.schema == "Company"]
    for p in items:
        props: dict[str, list[str]] = {
            "name": [p.names[0]],
            "alias": list(p.names[1:]),
            "topics": ["sanction"],
        }
        if p.schema == "Vessel":
            props["flag"] = [p.country]
            props["imoNumber"] = [f"IMO{9000000 + int(p.id[4:])}"]
        else:
            props["country"] = [p.country]
        if p.schema == "Company" and rng.random() < 0.1:
            props["swiftBic"] = [
                f"{''.join(rng.choices('ABCDEFGHJKLMNPRSTUVWXYZ', k=4))}{p.country.upper()}{rng.randint(10, 99)}"
            ]
        yield {
            "id": p.id,
            "schema": p.schema,
            "properties": props,
            "datasets": ["us_ofac_sdn"],
            "target": True,
        }
        yield {
            "id": f"{p.id}-sanction",
            "schema": "Sanction",
            "datasets": ["us_ofac_sdn"],
            "target": False,
            "properties": {
                "entity": [p.id],
                "program": [rng.choice(PROGRAMS)],
                "listingDate": [
                    f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                ],
            },
        }
    # Non-target companies owned by listed ones (for the 50% rule), 5% of the list's size.
    for i in range(len(items) // 20):
        owner = rng.choice(companies)
        name = (
            f"{owner.names[0].split()[0]} {rng.choice(SECTORS)} Subsidiary {i} {rng.choice(FORMS)}"
        )
        yield {
            "id": f"sub-{i:05d}",
            "schema": "Company",
            "properties": {"name": [name], "country": [owner.country]},
            "datasets": ["ext_ownership"],
            "target": False,
        }
        yield {
            "id": f"own-{i:05d}",
            "schema": "Ownership",
            "datasets": ["ext_ownership"],
            "target": False,
            "properties": {
                "owner": [owner.id],
                "asset": [f"sub-{i:05d}"],
                "percentage": [str(rng.choice([25, 51, 60, 100]))],
            },
        }


def write(path: Path, count: int = 20_000, seed: int = 1) -> list[Party]:
    items = parties(count, seed)
    with path.open("w", encoding="utf-8") as fh:
        for entity in entities(items, seed):
            fh.write(json.dumps(entity) + "\n")
    return items


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 6:
        return text
    i = rng.choice(letters[1:-1])
    op = rng.choice(["swap", "drop", "double", "replace"])
    if op == "swap" and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if op == "drop":
        return text[:i] + text[i + 1 :]
    if op == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + rng.choice(VOWELS if text[i] in VOWELS else CONSONANTS) + text[i + 1 :]


def queries(items: list[Party], count: int = 10_000, seed: int = 2) -> list[tuple[str, str | None]]:
    """(query name, the party id it names or None): 30% exact, 30% variants, 40% unrelated."""
    rng = random.Random(seed)
    out: list[tuple[str, str | None]] = []
    vocab = parties(2000, seed + 99)  # the same shape, another vocabulary: not on the list
    for _ in range(count):
        roll = rng.random()
        party = rng.choice(items)
        if roll < 0.3:
            out.append((rng.choice(party.names), party.id))
        elif roll < 0.6:
            name = party.names[0]
            variant = rng.choice(["typo", "case", "reorder", "form"])
            if variant == "typo":
                name = _typo(rng, name)
            elif variant == "case":
                name = name.upper()
            elif variant == "reorder" and party.schema == "Person":
                words = name.split()
                name = " ".join([words[-1], *words[:-1]])
            elif party.schema == "Company":
                words = name.split()
                name = " ".join([*words[:-1], rng.choice(FORMS)]) if len(words) > 2 else name
            out.append((name, party.id))
        else:
            out.append((rng.choice(rng.choice(vocab).names), None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    items = write(args.out, args.entities, args.seed)
    print(f"{len(items):,} parties, {sum(len(p.names) for p in items):,} names → {args.out}")


if __name__ == "__main__":
    main()
