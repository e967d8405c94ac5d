"""A brand glued to more words in Hangul or kana, against the shipped packs (a benchmark,
not a test).

    python bench/glued_brands.py [--json]

Korean and Japanese write a firm's name as one word, the brand first (텐센트코리아, Tencent
Korea). Found: `GLUED`, 22 such names of the shipped brands with a place, a group's word or
a product after them (a probe written for glued_brands.py and developed against), each
counted when its entity is a hit at REVIEW. False hits: wordfreq's 3,000 most frequent
Hangul and kana words of two letters or more, alone and followed by a place (코리아,
ジャパン) or a group's word (그룹, グループ), and 2,000 Korean persons' names
(bench/data/korean_names.csv) the same way: counted as names with any hit on the packs.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from wordfreq import top_n_list

from banscreen.match import Matcher
from banscreen.registry import load_registry

GLUED = {
    "텐센트코리아": "tencent-holdings", "텐센트코리아 유한회사": "tencent-holdings",
    "유한회사 텐센트코리아": "tencent-holdings", "テンセントジャパン": "tencent-holdings",
    "テンセントジャパン合同会社": "tencent-holdings", "텐센트게임즈": "tencent-holdings",
    "텐센트뮤직": "tencent-holdings", "テンセントミュージック": "tencent-holdings",
    "アリペイジャパン": "app-alipay", "알리페이코리아": "app-alipay",
    "위챗페이코리아": "app-wechat-pay", "위챗코리아": "app-wechat",
    "ウィーチャットペイジャパン": "app-wechat", "캠스캐너코리아": "app-camscanner",
    "カムスキャナージャパン": "app-camscanner", "킹소프트재팬": "kingsoft-corp",
    "キングソフトジャパン": "kingsoft-corp", "텐페이코리아": "tenpay",
    "シェアイットジャパン": "app-shareit", "틱톡코리아": "app-tiktok",
    "ティックトックジャパン": "app-tiktok", "テンセントクラウドジャパン": "tencent-holdings",
}  # fmt: skip
KOREAN_NAMES = Path(__file__).parent / "data" / "korean_names.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    matcher = Matcher(load_registry())

    def hit(name: str) -> set[str]:
        return {m.entry.entity_id for m in matcher.match_name(name)}

    missed = sorted(name for name, entity in GLUED.items() if entity not in hit(name))
    script = {"ko": "Hangul", "ja": "Kana"}
    words = {
        lang: [w for w in top_n_list(lang, 40000)
               if len(w) >= 2 and matcher.normaliser.form(w).script == script[lang]][:3000]
        for lang in ("ko", "ja")
    }  # fmt: skip
    with KOREAN_NAMES.open(encoding="utf-8") as fh:
        names = [row["hangul"] for row in csv.DictReader(fh)][:2000]
    after = {"ko": ("", "코리아", "그룹"), "ja": ("", "ジャパン", "グループ")}
    false = {}
    for label, lang, found in (("Korean words", "ko", words["ko"]),
                               ("Japanese words", "ja", words["ja"]),
                               ("Korean persons", "ko", names)):  # fmt: skip
        for suffix in after[lang]:
            false[f"{label} + {suffix or '(alone)'}"] = (
                sum(1 for w in found if hit(w + suffix)),
                len(found),
            )
    if args.json:
        print(json.dumps({"found": len(GLUED) - len(missed), "of": len(GLUED),
                          "missed": missed, "false": false}, ensure_ascii=False))  # fmt: skip
        return
    print(f"glued names of the shipped brands found: {len(GLUED) - len(missed)} of {len(GLUED)}")
    for name in missed:
        print(f"  missed {name} ({GLUED[name]})")
    print("false hits (names with any hit on the shipped packs):")
    for label, (count, total) in false.items():
        print(f"  {label:30} {count:5} of {total}")


if __name__ == "__main__":
    main()
