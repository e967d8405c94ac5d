"""An app's name inside a payment's text in Thai, which writes no spaces between its words
("ชำระผ่านอาลีเพย์", paid through Alipay), and the false hits of Thai's frequent words and
persons' names written so (a benchmark, not a test).

    python bench/unspaced_text_brands.py [--texts 2000] [--examples N]

Found: `SPELLINGS`, the shipped apps' and firms' names as Thai writes them, inside a
sentence without spaces, counted when the entity is a hit; written while `unspaced_windows`
(src/banscreen/match/sounded_windows.py) was built: tune. False hits: texts of six words
glued without spaces, drawn from bench/data/thai_words.csv, against the shipped registry
(every hit false; each text counted once): `tune`, the Thai National Corpus's 5,000 most
frequent words, looked at while the rule was chosen; `measure`, the Thai Textbook Corpus's
3,000 most frequent and, apart, a given name and a family name after two frequent words
("โอนเงินให้สมชายใจดี"), measured only. Run it on two trees to compare a rule's effect.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from pathlib import Path

from apart_text_brands import report_false, report_found
from banscreen.match import Matcher
from banscreen.registry import load_registry

DATA = Path(__file__).resolve().parent / "data"
SPELLINGS = [
    ("ชำระผ่านอาลีเพย์", "app-alipay"), ("ชำระผ่านอาลีเพย์แล้ว", "app-alipay"),
    ("ชำระเงินผ่านวีแชทเพย์", "app-wechat-pay"), ("โอนเงินผ่านวีแชทวันนี้", "app-wechat"),
    ("ค่าสมาชิกแคมสแกนเนอร์รายปี", "app-camscanner"), ("จ่ายค่าโฆษณาให้เทนเซ็นต์", "tencent-holdings"),
    ("ชำระค่าบริการติ๊กต็อก", "app-tiktok"), ("เติมเงินคิวคิววอลเล็ต", "app-qq-wallet"),
    ("ดาวน์โหลดแชร์อิทฟรี", "app-shareit"), ("ค่าโฆษณาบนวีเมต", "app-vmate"),
]  # fmt: skip


def texts(words: list[str], count: int, size: int, seed: str) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(words) for _ in range(size)) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    scan = Matcher(load_registry()).free_text.scan
    report_found(scan, SPELLINGS, "apps' names inside Thai text", args.examples)
    with (DATA / "thai_words.csv").open(encoding="utf-8") as f:
        kinds: dict[str, list[str]] = defaultdict(list)
        for row in csv.DictReader(f):
            kinds[row["kind"]].append(row["word"])
    rng = random.Random("thai-names-measure")
    named = [f"{rng.choice(kinds['tnc'])}{rng.choice(kinds['tnc'])}{rng.choice(kinds['given'])}"
             f"{rng.choice(kinds['family'])}" for _ in range(args.texts)]  # fmt: skip
    sets = [
        ("tune", "frequent words (TNC)", texts(kinds["tnc"], args.texts, 6, "tnc")),
        ("measure", "frequent words (TTC)", texts(kinds["ttc"], args.texts, 6, "ttc")),
        ("measure", "words and a person's name", named),
    ]
    print(f"false hits: {args.texts:,} texts of each set")
    for split, label, batch in sets:
        report_false(scan, batch, f"{split:8} {label:28}", args.examples)


if __name__ == "__main__":
    main()
