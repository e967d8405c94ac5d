"""A brand's or app's name of one word written apart in a Latin payment text ("Tik Tok ads",
"Hik Vision cameras"), and the false hits of words run together (a benchmark, not a test).

    python bench/apart_latin_brands.py [--texts 20000] [--examples N]

Found: `SPELLINGS`, shipped brands' and apps' names as people split them, in a sentence,
counted when the entity is among the text's hits (written while the rule was made: tune).
`ORDINARY` are split into two ordinary English words, which the rule leaves alone ("ten
cent"). False hits, against the shipped packs (every hit false): texts of eight English
words drawn from wordfreq's words of Zipf 2-3 and of Zipf 1-2 (rarer words are what the rule
joins), and unlisted persons' Latin names (bench/data/script_names_probe.csv,
korean_names.csv) after "Payment to"; measured only.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Callable
from pathlib import Path

from wordfreq import get_frequency_dict

from banscreen.match import Matcher
from banscreen.registry import load_registry

DATA = Path(__file__).resolve().parent / "data"
SPELLINGS = [
    ("Tik Tok ads invoice 2231", "app-tiktok"), ("Purchase of Hik Vision cameras", "hikvision"),
    ("Kasper Sky renewal 2022", "kaspersky-lab"), ("Hy Tera radios PD785", "hytera"),
    ("Len Ovo laptops x4", "lenovo-group"), ("Payment for TIK TOK promotion", "app-tiktok"),
    ("HIK VISION DS-2CD2143", "hikvision"),
]  # fmt: skip
ORDINARY = [
    ("Ten cent coins", "tencent-holdings"), ("Share it with the team", "app-shareit"),
    ("We chat weekly", "app-wechat"), ("Cam scanner repair", "app-camscanner"),
]  # fmt: skip
SHARES = {"Zipf 2-3": (1e-7, 1e-6), "Zipf 1-2": (1e-8, 1e-7)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=20000)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    scan = Matcher(load_registry()).free_text.scan

    def ids(text: str) -> set[str]:
        return {hit.entry.entity_id for hit in scan(text)}

    for label, spellings in (("brands written apart", SPELLINGS), ("ordinary words", ORDINARY)):
        found = [t for t, e in spellings if e in ids(t)]
        print(f"tune: {label}, found {len(found)} of {len(spellings)}")
    shares = get_frequency_dict("en", wordlist="best")
    for label, (low, high) in SHARES.items():
        words = sorted(
            w for w, f in shares.items() if low <= f < high and w.isascii() and w.isalpha()
        )
        rng = random.Random(f"apart-latin-{label}")
        texts = [" ".join(rng.choice(words) for _ in range(8)) for _ in range(args.texts)]
        report(f"English texts of 8 words of {label}", texts, ids, args.examples)
    with open(DATA / "script_names_probe.csv", encoding="utf-8") as fh:
        persons = [r["name"] for r in csv.DictReader(fh) if r["script"] == "latin"]
    with open(DATA / "korean_names.csv", encoding="utf-8") as fh:
        persons += [r["latin"] for r in csv.DictReader(fh)]
    texts = [f"Payment to {p} for services" for p in persons]
    report("unlisted persons' Latin names after 'Payment to'", texts, ids, args.examples)


def report(label: str, texts: list[str], ids: Callable[[str], set[str]], examples: int) -> None:
    hits = [(t, sorted(found)) for t in texts if (found := ids(t))]
    print(f"measure: {label}: {len(hits)} of {len(texts):,} with a hit")
    for text, found in hits[:examples]:
        print(f"    {text} -> {found}")


if __name__ == "__main__":
    main()
