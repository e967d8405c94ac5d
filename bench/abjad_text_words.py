"""A brand's name of one word written as one word of Arabic, Persian, Urdu or Hebrew text,
and the false hits of the languages' frequent words (a benchmark, not a test).

    python bench/abjad_text_words.py [--examples N]

Found: `SPELLINGS`, the shipped brands' one-word names as Arabic and Hebrew write them, each
in a payment's text ("دفع عبر …", paid via …), counted when its entity is a hit; written
before the rule, and looked at while `abjad_text_word_spelling_floor` was chosen: tune. False
hits: wordfreq's frequent words of the four languages alone as text against the shipped
registry (every hit false): `tune`, the 5,000 most frequent Arabic and Persian words (looked
at while choosing); `measure`, the next 10,000 of each and the 10,000 most frequent Hebrew
and Urdu words (measured only).
"""

from __future__ import annotations

import argparse

from wordfreq import top_n_list

from banscreen.match import Matcher
from banscreen.match.across import ABJADS
from banscreen.match.text import script_of
from banscreen.registry import load_registry

SPELLINGS = [
    ("أليباي", "app-alipay"), ("اليباي", "app-alipay"), ("علي‌پی", "app-alipay"),
    ("تينسنت", "tencent-holdings"), ("تنسنت", "tencent-holdings"), ("ويشات", "app-wechat"),
    ("ويتشات", "app-wechat"), ("كامسكانر", "app-camscanner"), ("هواوي", "huawei"),
    ("كاسبرسكي", "kaspersky-lab"), ("هيكفيجن", "hikvision"), ("شيرات", "app-shareit"),
    ("אליפיי", "app-alipay"), ("טנסנט", "tencent-holdings"), ("וויצ'אט", "app-wechat"),
    ("קאמסקנר", "app-camscanner"), ("כספרסקי", "kaspersky-lab"),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    matcher = Matcher(load_registry())
    scan = matcher.free_text.scan
    missed = [(w, e) for w, e in SPELLINGS
              if e not in {h.entry.entity_id for h in scan(f"دفع عبر {w}")}]  # fmt: skip
    print(f"tune: brands' one-word names in text found {len(SPELLINGS) - len(missed)} of"
          f" {len(SPELLINGS)}")  # fmt: skip
    for word, entity in missed[: args.examples]:
        print(f"    missed {word} ({entity})")
    print("false hits of frequent words alone as text on the shipped registry")
    for split, lang, start, end in (
        ("tune", "ar", 0, 5000), ("tune", "fa", 0, 5000), ("measure", "ar", 5000, 15000),
        ("measure", "fa", 5000, 15000), ("measure", "he", 0, 10000), ("measure", "ur", 0, 10000),
    ):  # fmt: skip
        words = [w for w in top_n_list(lang, 30000) if script_of(w) in ABJADS][start:end]
        hits = [(w, [h.entry.name.value for h in scan(w)]) for w in words]
        hits = [h for h in hits if h[1]]
        print(f"  {split:8} {lang} words {start + 1:>5}-{end:<6} {len(hits):4} of {len(words):6}")
        for word, names in hits[: args.examples]:
            print(f"      {word} ~ {', '.join(names)}")


if __name__ == "__main__":
    main()
