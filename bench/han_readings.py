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
  that also write a foreign name's bare consonant, 德 克 斯 尔 特, on purpose).
"""

from __future__ import annotations

import argparse
import random

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
    listed = {k: v for k, v in parties.items() if v[0] == "Person" and k.startswith("ofac")}
    matcher = Matcher(name_sets.set_registry(load_registry(), listed))
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


if __name__ == "__main__":
    main()
