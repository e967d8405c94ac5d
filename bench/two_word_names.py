"""Persons' names of two words in a script with a learned spelling model, against their Latin
names and the OFAC persons (a benchmark, not a test).

    python bench/two_word_names.py DATA_DIR [--names 300] [--script hangul|kana|...]
        [--split tune|measure]

DATA_DIR is `data/` of Merhav & Ash's NETransliteration-COLING2018 (CC0; see
bench/build_spelling_models.py). Its word pairs that no model was learned from
(bench/spelling_models.py's `names_of`: the paper's test splits, or the fifth of the aligned
words kept apart) are paired at random into names of two words (`ジェット モリタ` beside
`Jet Morita`), each half of the words (`--split`) making names of its own: `tune` is what
the gates were developed on, `measure` is only measured. Every Latin name is listed as a
person beside the 2,684 OFAC persons of bench/data, and each name in its script is looked
up among them all. Prints the share found at REVIEW (its own Latin name) and the share with
a hit on another person (a listed one, or another made-up name): the two sides of
`spelling_words_support`.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry
from spelling_models import FILES, names_of

SCRIPTS = ("hangul", "kana", "cyrillic", "arabic", "hebrew")


def two_word_names(script: str, folder: Path, count: int, split: str) -> list[tuple[str, str]]:
    """(Latin name, name in the script), each of two words of the split's half of the
    held-out word pairs."""
    words = names_of(script, folder, count * 4)
    half = words[: len(words) // 2] if split == "tune" else words[len(words) // 2 :]
    rng = random.Random(23)
    out = []
    for _ in range(count):
        (la, wa), (lb, wb) = rng.sample(half, 2)
        out.append((f"{la} {lb}", f"{wa} {wb}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--names", type=int, default=300)
    parser.add_argument("--script", choices=SCRIPTS, action="append")
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parties, _ = name_sets.read_sets()
    ofac = {k: v for k, v in parties.items() if v[0] == "Person" and k.startswith("ofac")}
    results = {}
    for script in args.script or SCRIPTS:
        if not (args.data / FILES[script]).exists():
            continue
        names = two_word_names(script, args.data, args.names, args.split)
        listed = {f"made-{i}": ("Person", [latin]) for i, (latin, _) in enumerate(names)}
        matcher = Matcher(name_sets.set_registry(load_registry(), {**ofac, **listed}))
        found = other = 0
        for i, (_, written) in enumerate(names):
            hits = {m.entry.entity_id for m in matcher.match_name(written)}
            found += f"made-{i}" in hits
            other += bool(hits - {f"made-{i}"})
        results[script] = {"names": len(names), "found": round(found / len(names), 3),
                           "other_hit": round(other / len(names), 3)}  # fmt: skip
        if not args.json:
            print(f"{script:9} {args.split}: {len(names)} names of two words, found at REVIEW "
                  f"{found / len(names):.3f}, with a hit on another person "
                  f"{other / len(names):.3f}")  # fmt: skip
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
