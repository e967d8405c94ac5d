"""Listed persons' names written in Chinese characters inside a payment's Chinese free text
(a benchmark, not a test).

    python bench/han_text_persons.py [--texts 5000] [--json]

Against the OFAC persons of bench/data (3,953 parties, none of them written in Chinese):

- Chinese persons: each OFAC person whose name is three or four pinyin syllables with a
  frequent Chinese surname (`han_surnames`) first, written in Chinese characters that read
  so (the surname's character, and for each given syllable one of the characters of real
  Chinese persons' given names in bench/data/cjk_person_names.csv that pypinyin reads so,
  drawn at random) and put into five payment texts (`付款给{}`); found when the free-text
  scan hits that person. Such a writing is one of many a Latin name stands for: any of
  them is the name as a payee's field would read it;
- foreign persons' names written with a middle dot: bench/data/russian_han_names.csv (28
  Russian persons on OFAC's list in Xinhua's spellings; the Russian readings were tuned on
  them) and two-part names made of the measure split's one-word Chinese names of
  bench/data/names_pairs.csv (`布雷特·拉施`), listed in Latin letters (`Brett Lasch`);
- false hits: real Chinese persons' names of no list (cjk_person_names.csv, 3,000), each
  also matched as a payee: how many texts hit a person, and how many of those the payee's
  field would not hit (a name that reads exactly as a listed one is a hit in both); two-part
  names of no listed person; pypinyin's phrases of three and four characters (25,638
  ordinary words); and texts made of ten ordinary two-character words drawn at random,
  where a name may straddle two words. A person's name of two syllables is not looked for
  (han_text_persons.py); the last line counts the ordinary two-character words that would
  reach REVIEW on such a listed name if it were.

Written after the rules were chosen and not tuned on, but for the Russian names.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import defaultdict
from pathlib import Path

import name_sets
from banscreen.match import Matcher
from banscreen.match.pinyin import pinyin_syllables, read_han, split_pinyin
from banscreen.registry import load_registry

DATA = Path(__file__).resolve().parent / "data"
TEXTS = ("付款给{}", "向{}支付服务费", "收款人：{}，发票号4471", "{}货款 2024年3月", "转账 {} 工资")


def persons_hit(matcher: Matcher, text: str) -> set[str]:
    return {h.entry.entity_id for h in matcher.free_text.scan(text) if h.entry.person}


def chinese_writings(matcher: Matcher, rng: random.Random) -> list[tuple[str, str]]:
    """(entity, a Han writing of its name) for each OFAC person of 3-4 pinyin syllables
    with a frequent surname first."""
    config = matcher.config
    surnames = defaultdict(list)
    for char in config.han_surnames:
        surnames[read_han(char)[0]].append(char)
    with (DATA / "cjk_person_names.csv").open(encoding="utf-8") as fh:
        given_chars = sorted(
            {c for r in csv.DictReader(fh) if r["kind"] == "chinese" for c in r["name"][1:]}
        )
    given = defaultdict(list)
    for char in given_chars:
        given[read_han(char)[0]].append(char)
    syllables = pinyin_syllables()
    written: dict[str, str] = {}
    for entry in matcher.names.entries:
        if not entry.person or not entry.compact.isascii() or entry.entity_id in written:
            continue
        parts = [split_pinyin(w, syllables) for w in entry.tokens]
        if not all(parts) or len(entry.tokens) < 2:
            continue
        read = [s for p in parts if p for s in p]
        if not 3 <= len(read) <= 4 or read[0] not in surnames:
            continue
        if any(s not in given for s in read[1:]):
            continue
        written[entry.entity_id] = rng.choice(surnames[read[0]]) + "".join(
            rng.choice(given[s]) for s in read[1:]
        )
    return sorted(written.items())


def dotted_names(
    parties: name_sets.Parties, pairs: list[name_sets.SetPair], rng: random.Random, n: int
) -> tuple[name_sets.Parties, list[tuple[str, str]], list[str]]:
    """Listed two-part names (parties, (entity, Han writing)), and as many of no party."""
    singles = sorted(
        {
            (p.query, parties[p.entity][1][0])
            for p in pairs
            if p.script == "han" and p.label and p.entity.startswith("wd-wd_chinese")
            and p.split == "measure" and " " not in parties[p.entity][1][0]
        }
    )  # fmt: skip
    listed: name_sets.Parties = {}
    written = []
    for i in range(n):
        (qa, la), (qb, lb) = rng.sample(singles, 2)
        listed[f"dotted-{i}"] = ("Person", [f"{la} {lb}"])
        written.append((f"dotted-{i}", f"{qa}·{qb}"))
    unlisted = ["·".join(q for q, _ in rng.sample(singles, 2)) for _ in range(n)]
    return listed, written, unlisted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=5000, help="texts of ordinary words")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    parties, pairs = name_sets.read_sets()
    ofac = {k: v for k, v in parties.items() if v[0] == "Person" and k.startswith("ofac")}
    dotted, dotted_written, dotted_unlisted = dotted_names(parties, pairs, rng, 300)
    matcher = Matcher(name_sets.set_registry(load_registry(), {**ofac, **dotted}))
    out: dict[str, object] = {}

    def found(writings: list[tuple[str, str]]) -> tuple[int, int]:
        hits = sum(e in persons_hit(matcher, t.format(w)) for e, w in writings for t in TEXTS)
        return hits, len(writings) * len(TEXTS)

    chinese = chinese_writings(matcher, rng)
    out["chinese_found"] = found(chinese)
    with (DATA / "russian_han_names.csv").open(encoding="utf-8") as fh:
        russian = [(r["entity"], r["query"]) for r in csv.DictReader(fh)]
    out["russian_found_tuned"] = found(russian)
    out["dotted_found"] = found(dotted_written)
    out["dotted_found_as_payee"] = (
        sum(any(m.entry.entity_id == e for m in matcher.names.match(w)) for e, w in dotted_written),
        len(dotted_written),
    )

    with (DATA / "cjk_person_names.csv").open(encoding="utf-8") as fh:
        real = [r["name"] for r in csv.DictReader(fh) if r["kind"] == "chinese"]
    texts_hit = beyond = 0
    for i, name in enumerate(real):
        hit = persons_hit(matcher, TEXTS[i % len(TEXTS)].format(name))
        texts_hit += bool(hit)
        payee = {m.entry.entity_id for m in matcher.names.match(name)}
        beyond += bool(hit - payee)
    out["real_names_texts_hit"] = (texts_hit, len(real))
    out["real_names_hit_beyond_payee"] = (beyond, len(real))
    out["dotted_unlisted_hit"] = (
        sum(bool(persons_hit(matcher, TEXTS[i % 5].format(n))) for i, n in enumerate(dotted_unlisted)),
        len(dotted_unlisted),
    )  # fmt: skip
    out["dotted_unlisted_hit_as_payee"] = (
        sum(any(m.entry.person for m in matcher.names.match(n)) for n in dotted_unlisted),
        len(dotted_unlisted),
    )
    from pypinyin.phrases_dict import phrases_dict

    words = sorted(w for w in phrases_dict if len(w) in (3, 4))
    out["word_texts_hit"] = (
        sum(bool(persons_hit(matcher, TEXTS[i % 5].format(w))) for i, w in enumerate(words)),
        len(words),
    )
    two = sorted(w for w in phrases_dict if len(w) == 2)
    prose = ["".join(rng.choice(two) for _ in range(10)) for _ in range(args.texts)]
    out["prose_texts_hit"] = (sum(bool(persons_hit(matcher, t)) for t in prose), len(prose))
    out["two_syllable_words_at_review"] = (two_syllable_hits(matcher, two), len(two))
    if args.json:
        print(json.dumps(out))
        return
    for key, (a, b) in out.items():  # type: ignore[misc]
        print(f"{key:32}{a:>7} of {b}")


def two_syllable_hits(matcher: Matcher, words: list[str]) -> int:
    """Ordinary two-character words that start with a surname and reach REVIEW on a listed
    person's name of two pinyin syllables, matched as a payee's name."""
    syllables, surnames = pinyin_syllables(), set(matcher.config.han_surnames)
    two: set[str] = set()
    for entry in matcher.names.entries:
        if entry.person and entry.compact.isascii() and len(entry.tokens) == 2:
            parts = [split_pinyin(w, syllables) for w in entry.tokens]
            if all(p is not None and len(p) == 1 for p in parts):
                two.add(" ".join(entry.tokens))
                two.add(" ".join(reversed(entry.tokens)))
    hits = 0
    for word in words:
        if word[0] in surnames and " ".join(read_han(word)) in two:
            hits += any(m.entry.person for m in matcher.names.match(word))
    return hits


if __name__ == "__main__":
    main()
