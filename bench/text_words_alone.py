"""A brand's one-word name written as one word of a payment's text in another script,
sounding only near the name ("Оплата Хуавей"), and the false hits of words and persons'
names in the same scripts (a benchmark, not a test).

    python bench/text_words_alone.py [--texts 2000] [--examples N]

Found: `SPELLINGS`, listed brands' names as Cyrillic, Hangul, Devanagari, kana and Greek
write them, in a sentence; counted when the entity is a hit (written with the rule: tune).
False hits, every hit false but where the text names a brand (printed, to be read): texts
of 8 words drawn from wordfreq's lists, and persons' names in a payment's words, against
the shipped registry. `tune` (looked at while `text_word_alone_spelling_floor` was chosen):
rarer words (Zipf 2-3) of Russian, Ukrainian, Bengali and Japanese, and the names of
bench/data/script_names_probe.csv. `measure` (measured only): rarer still (Zipf 1-2) of the
same languages, Hindi given names (bench/data/indian_names.tsv) and Korean full names
(bench/data/korean_names.csv). Run it on two trees to compare a rule's effect.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from wordfreq import get_frequency_dict

from apart_text_brands import report_false, report_found
from banscreen.match import Matcher
from banscreen.match.text import script_of
from banscreen.registry import load_registry

DATA = Path(__file__).resolve().parent / "data"
SPELLINGS = [
    ("Оплата Хуавей", "huawei"), ("Закупка оборудования Хуавэй", "huawei"),
    ("Оплата лицензии Касперского", "kaspersky-lab"), ("화웨이 결제", "huawei"),
    ("हुआवेई भुगतान", "huawei"), ("Πληρωμή Χουαγουέι", "huawei"), ("Оплата Хиквижн", "hikvision"),
    ("ファーウェイ 支払い", "huawei"), ("Оплата Тенсент", "tencent-holdings"),
    ("Платёж Алипэй", "app-alipay"), ("Оплата Хайтера", "hytera"),
]  # fmt: skip
BANDS = {"tune": (1e-7, 1e-6), "measure": (1e-8, 1e-7)}  # Zipf 2-3 and 1-2
LANGUAGES = ("ru", "uk", "bn", "ja")

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--texts", type=int, default=2000)
parser.add_argument("--examples", type=int, default=0)


def words_between(language: str, low: float, high: float) -> list[str]:
    shares = get_frequency_dict(language, wordlist="best")
    return sorted(w for w, f in shares.items()
                  if low <= f < high and not w.isascii() and script_of(w) not in ("Latin", "Han"))  # fmt: skip


def main() -> None:
    args = parser.parse_args()
    scan = Matcher(load_registry()).free_text.scan
    report_found(scan, SPELLINGS, "brands' names alone in text", args.examples)
    for split, (low, high) in BANDS.items():
        print(f"false hits: texts of 8 words between {low:g} and {high:g} of a language's")
        for language in LANGUAGES:
            words = words_between(language, low, high)
            rng = random.Random(f"alone-{split}-{language}")
            texts = [" ".join(rng.choice(words) for _ in range(8)) for _ in range(args.texts)]
            report_false(scan, texts, f"{split:8} {language}", args.examples)
    print("false hits: persons' names in a payment's words")
    with (DATA / "script_names_probe.csv").open(encoding="utf-8") as fh:
        probe = [(r["script"], r["name"]) for r in csv.DictReader(fh)]
    for script in ("cyrillic", "kana", "hangul"):
        texts = [f"Оплата {n}" if script == "cyrillic" else f"{n} 支払い" if script == "kana"
                 else f"{n} 결제" for s, n in probe if s == script]  # fmt: skip
        report_false(scan, texts, f"tune     {script}", args.examples)
    with (DATA / "indian_names.tsv").open(encoding="utf-8") as fh:
        hindi = [r["hindi"] for r in csv.DictReader(fh, delimiter="\t")]
    report_false(scan, [f"{n} को भुगतान" for n in hindi], "measure  hindi", args.examples)
    with (DATA / "korean_names.csv").open(encoding="utf-8") as fh:
        korean = [r["hangul"] for r in csv.DictReader(fh)]
    report_false(scan, [f"{n} 결제" for n in korean], "measure  korean", args.examples)


if __name__ == "__main__":
    main()
