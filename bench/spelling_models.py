"""The learned spelling models on names they were not learned from (a benchmark, not a test).

    python bench/spelling_models.py DATA_DIR [--names 1500]
        [--script han|hangul|kana|cyrillic|arabic|hebrew] [--floors 8,10 --gates 4,6]

DATA_DIR is `data/` of Merhav & Ash's NETransliteration-COLING2018 (CC0; see
bench/build_spelling_models.py). For each script, names the model was not learned from
(Chinese, Cyrillic, Arabic and Hebrew: `wd_chinese_20`, `wd_russian_20`, `wd_arabic_20`,
`wd_hebrew_20`, the paper's test splits; Hangul and katakana: the fifth of the aligned words
kept apart, `build_spelling_models.held_out`), none of them a name or word of bench/data's
sets, `--names` of them of two characters or more: each name's Latin form is listed as a
one-word person, and each name in its script is looked up among them all. Prints the share
found at REVIEW and the share with a hit on another person, by the shipped floors and by any
given (`--floors`: the model's spellings' support; `--gates`: the one-word gates of every
script but Chinese). These are the sets the floors were chosen on.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry
from build_spelling_models import SPLIT, benchmark_names, held_out, latin, units

FILES = {
    "han": "wd_chinese_20",
    "hangul": "wd_korean.normalized.aligned.tokens",
    "kana": "wd_katakana.normalized.aligned.tokens",
    "cyrillic": "wd_russian_20",
    "arabic": "wd_arabic_20",
    "hebrew": "wd_hebrew_20",
}


def names_of(script: str, folder: Path, count: int) -> list[tuple[str, str]]:
    """(Latin name, name in the script) pairs the model was not learned from."""
    left_out, found = benchmark_names(), set()
    with (folder / FILES[script]).open(encoding="utf-8") as fh:
        for line in fh:
            name, written = line.rstrip("\n").split("\t")[:2]
            written = written.replace(" ", "")
            letters = latin(name)
            if (
                letters
                and len(written) >= 2
                and units(script, written)
                and (script in SPLIT or held_out(letters))
                and name.casefold() not in left_out
                and written not in left_out
            ):
                found.add((name, written))
    ordered = sorted(found)
    random.Random(11).shuffle(ordered)
    return ordered[:count]


def measure(script: str, pairs: list[tuple[str, str]], floor: float | None, gate: float | None):
    base = load_registry()
    changes: dict[str, float] = {}
    if floor is not None:
        changes[f"{script}_spelling_support"] = floor
    if gate is not None and script != "han":
        changes[f"{script}_sound_support"] = gate
    matching = dataclasses.replace(base.matching, **changes)
    parties = {f"p{i}": ("Person", [name.capitalize()]) for i, (name, _) in enumerate(pairs)}
    registry = dataclasses.replace(name_sets.set_registry(base, parties), matching=matching)
    matcher, review = Matcher(registry), matching.thresholds.review
    found = other = 0
    for i, (_, written) in enumerate(pairs):
        hits = {h.entry.entity_id for h in matcher.names.match(written) if h.score >= review}
        found += f"p{i}" in hits
        other += bool(hits - {f"p{i}"})
    return found / len(pairs), other / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--names", type=int, default=1500)
    parser.add_argument("--script", choices=sorted(FILES), action="append")
    parser.add_argument("--floors", default="", help="spellings' support floors to try")
    parser.add_argument("--gates", default="", help="one-word gates to try (not Chinese)")
    args = parser.parse_args()
    floors = [None, *(float(f) for f in args.floors.split(",") if f)]
    gates = [None, *(float(g) for g in args.gates.split(",") if g)]
    for script in args.script or sorted(FILES):
        pairs = names_of(script, args.data, args.names)
        for floor in floors:
            for gate in gates if script != "han" else [None]:
                share, other = measure(script, pairs, floor, gate)
                said = f"floor {floor if floor is not None else 'shipped'}"
                said += (
                    f", gate {gate if gate is not None else 'shipped'}" if script != "han" else ""
                )
                print(f"{script:7} {len(pairs)} names, {said}: found at REVIEW {share:.3f},"
                      f" with a hit on another person {other:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
