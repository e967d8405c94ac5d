"""Persons' names in Devanagari and the other Indian scripts: how many renderings of listed
names are found, and how many unlisted names meet an OFAC person (a benchmark, not a test).

    python bench/indic_names.py [--split tune|measure] [--script S] [--examples N] [--json]

bench/data/indian_names.tsv is Alok Parlikar's corpus of Indian names in their usual Latin
spelling and in Devanagari (CMU, CC BY 3.0; its licence in bench/data/indian_names.LICENSE).
Each name falls on the `tune` or the `measure` side by a hash of its Latin spelling. On one
side: 300 made-up persons of two of its names are listed in Latin letters and looked up by
their Devanagari spelling (recall at REVIEW: the listed person among the hits); 500 more,
unlisted, are looked up in Devanagari against the 3,953 OFAC persons of bench/data's name
sets (every hit is false; bench/script_false_hits.py does the same for six other scripts).

`--script Bengali` (Gurmukhi, Gujarati, Oriya; and Tamil, Telugu, Kannada, Malayalam, with a
virama wherever Hindi does not say the vowel, as the southern languages write it) writes the
corpus's Devanagari in that script by ICU's transliterator between them, letter for letter:
spellings made, not found, close to how those languages write the same names but not always
theirs (Tamil's least: it writes Sanskrit's letters its own way).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

import name_sets
from banscreen.match import Matcher
from banscreen.match.indic import without_unsaid_vowels
from banscreen.registry import load_registry

CORPUS = Path(__file__).parent / "data" / "indian_names.tsv"
SOUTH = ("Tamil", "Telugu", "Kannada", "Malayalam")
LISTED, UNLISTED = 300, 500


def names(split: str) -> list[tuple[str, str]]:
    """(Latin, Devanagari) of the side's one-word names, in a fixed random order."""
    rows = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            latin, _, written = line.rstrip("\n").partition("\t")
            if latin == "english" or not written or " " in latin or "-" in latin:
                continue
            side = int(hashlib.sha1(latin.encode()).hexdigest(), 16) % 2
            if ("tune", "measure")[side] == split:
                rows.append((latin, written))
    random.Random(7).shuffle(rows)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument(
        "--script",
        choices=("Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", *SOUTH),
        default="Devanagari",
    )  # fmt: skip
    parser.add_argument("--examples", type=int, default=0, help="misses and hits to list")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = names(args.split)
    if args.script != "Devanagari":
        import icu

        convert = icu.Transliterator.createInstance(f"Devanagari-{args.script}")
        if args.script in SOUTH:
            # These languages write a consonant that ends a syllable with its virama (or
            # pulli): the Devanagari with a virama wherever Hindi does not say the vowel.
            rows = [(latin, without_unsaid_vowels(written, 0x0900)) for latin, written in rows]
        rows = [(latin, convert.transliterate(written)) for latin, written in rows]
    persons = [(rows[2 * i], rows[2 * i + 1]) for i in range(LISTED + UNLISTED)]
    base = load_registry()
    review = base.matching.thresholds.review
    listed = {f"p-{i}": ("Person", [f"{a[0]} {b[0]}"]) for i, (a, b) in enumerate(persons[:LISTED])}
    matcher = Matcher(name_sets.set_registry(base, listed))
    misses = []
    for i, (a, b) in enumerate(persons[:LISTED]):
        query = f"{a[1]} {b[1]}"
        scores = [m.score for m in matcher.names.match(query) if m.entry.entity_id == f"p-{i}"]
        if max(scores, default=0.0) < review:
            misses.append(f"{query} ~ {a[0]} {b[0]} {max(scores, default=0.0):.2f}")
    parties, _ = name_sets.read_sets()
    ofac = name_sets.ofac_persons_matcher(parties)
    false_hits = []
    for a, b in persons[LISTED:]:
        found = ofac.names.match(f"{a[1]} {b[1]}")
        if found:
            false_hits.append(f"{a[1]} {b[1]} ({a[0]} {b[0]}) ~ {found[0].entry.name.value}")
    result = {
        "split": args.split,
        "script": args.script,
        "listed": LISTED,
        "found": LISTED - len(misses),
        "unlisted": UNLISTED,
        "with_a_false_hit": len(false_hits),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{args.split}: {result['found']} of {LISTED} listed persons found by their {args.script} "
        f"spelling; {len(false_hits)} of {UNLISTED} unlisted ones meet an OFAC person"
    )
    for line in misses[: args.examples]:
        print(f"    missed {line}")
    for line in false_hits[: args.examples]:
        print(f"    false hit {line}")


if __name__ == "__main__":
    main()
