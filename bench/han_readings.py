"""Foreign names written in Chinese characters, read back into Latin letters: what the reading
finds, and what it must not (a benchmark, not a test).

    python bench/han_readings.py [--split tune|measure] [--pairs 300] [--names 2000]

Against the OFAC persons of bench/data (3,953 parties, none of them written in Chinese):

- two-part names made from one split's single Chinese-character names and their Latin forms
  (`布雷特·拉施` against `Brett Lasch`): the share reaching REVIEW (`compare`, persons' rules);
- as many such names of no listed person: how many reach REVIEW against a listed one;
- made-up Chinese persons' own names of two or three characters, and of four with a compound
  surname: how many reach REVIEW against a listed one. A Chinese name is not a foreign name
  in Chinese and must stay unread; the characters below are common in Chinese names (a few
  that also write a foreign name's bare consonant, 德 克 斯 尔 特, on purpose);
- real persons' names in Chinese characters (bench/data/cjk_person_names.csv: 3,000 Chinese,
  2,000 Japanese): how many have a hit against the OFAC persons, and against a list of the
  one-word Latin names of bench/data's other-script sets (about 600), where a short
  foreign name read back from Chinese may count (docs/matching.md, section 1, item 8);
- the split's one-word names of two or three characters (`哈利塞` against `Hallisay`), against
  that list: the share found at REVIEW;
- Japanese persons' names in kanji written as one word (bench/data/japanese_kanji_persons.csv,
  40 prime ministers, writers and others beside their names as OFAC writes a person's:
  `安倍晋三` against `ABE, Shinzo`), each looked up among all 40: how many are found. Written
  before the family-and-given split of name_symbols.py was tried: measured only.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

import name_sets
from banscreen.match import Matcher
from banscreen.registry import load_registry

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙"]
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉玉萍红鹏飞宇浩凯俊峰海波宁亮斌志林燕鑫晨雪琳颖婷欣怡佳子涵梓轩思雨博天佑德克斯尔特"


def with_a_hit(matcher: Matcher, names: list[str]) -> int:
    return sum(1 for name in names if matcher.names.match(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "measure"), default="measure")
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--names", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    parties, pairs = name_sets.read_sets()
    matcher = name_sets.ofac_persons_matcher(parties)
    review = matcher.config.thresholds.review
    rnd = random.Random(args.seed)

    singles = [
        (p.query, parties[p.entity][1][0])
        for p in pairs
        if p.script == "han" and p.label and p.entity.startswith("wd-wd_chinese")
        and p.split == args.split
    ]  # fmt: skip
    found = 0
    for _ in range(args.pairs):
        (qa, la), (qb, lb) = rnd.sample(singles, 2)
        found += matcher.compare(f"{qa}·{qb}", f"{la} {lb}", schema="person")[0] >= review
    print(f"{args.split}: two-part names reaching REVIEW: {found} of {args.pairs}")
    unlisted = ["·".join(q for q, _ in rnd.sample(singles, 2)) for _ in range(args.pairs)]
    print(f"two-part names of no listed person with a hit: {with_a_hit(matcher, unlisted)}")

    own = {
        rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))
        for _ in range(args.names)
    }
    print(f"Chinese names of 2-3 characters with a hit: {with_a_hit(matcher, sorted(own))} "
          f"of {len(own)}")  # fmt: skip
    four = {rnd.choice(COMPOUND_SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
            for _ in range(args.names // 2)}  # fmt: skip
    print(f"Chinese names of 4 characters with a hit: {with_a_hit(matcher, sorted(four))} "
          f"of {len(four)}")  # fmt: skip
    probe_real_names(parties, pairs, args.split, matcher)
    japanese = probe_japanese()
    print(f"Japanese names in kanji found: {japanese[0]} of {japanese[1]}")


def probe_japanese() -> tuple[int, int]:
    """Japanese persons' names in kanji found among the 40 listed as OFAC writes them."""
    with (Path(__file__).parent / "data" / "japanese_kanji_persons.csv").open(
        encoding="utf-8"
    ) as fh:
        rows = list(csv.DictReader(fh))
    listed = {f"jp{i}": ("Person", [row["listed"]]) for i, row in enumerate(rows)}
    matcher = Matcher(name_sets.set_registry(load_registry(), listed))
    found = sum(
        any(h.entry.entity_id == f"jp{i}" for h in matcher.names.match(row["query"]))
        for i, row in enumerate(rows)
    )
    return found, len(rows)


def probe_real_names(
    parties: dict[str, tuple[str, list[str]]],
    pairs: list[name_sets.SetPair],
    split: str,
    ofac: Matcher,
) -> None:
    one_word = {
        key: value
        for key, value in parties.items()
        if key.startswith("wd-") and value[0] == "Person" and len(value[1][0].split()) == 1
    }
    matcher = Matcher(name_sets.set_registry(load_registry(), one_word))
    review = matcher.config.thresholds.review
    short = [
        (p.query, parties[p.entity][1][0])
        for p in pairs
        if p.script == "han" and p.label and p.split == split and p.entity in one_word
        and 2 <= len(p.query) <= 3
    ]  # fmt: skip
    found = sum(matcher.compare(q, latin, schema="person")[0] >= review for q, latin in short)
    print(f"{split}: one-word names of 2-3 characters found at REVIEW: {found} of {len(short)}")
    path = Path(__file__).parent / "data" / "cjk_person_names.csv"
    with path.open(encoding="utf-8") as fh:
        real = list(csv.DictReader(fh))
    kinds = {kind: [row["name"] for row in real if row["kind"] == kind]
             for kind in ("chinese", "japanese")}  # fmt: skip
    for kind, names in kinds.items():
        print(f"real {kind} names with a hit against {len(one_word)} one-word names: "
              f"{with_a_hit(matcher, names)} of {len(names)}")  # fmt: skip
    for kind, names in kinds.items():
        print(f"real {kind} names with a hit against the OFAC persons: "
              f"{with_a_hit(ofac, names)} of {len(names)}")  # fmt: skip


if __name__ == "__main__":
    main()
