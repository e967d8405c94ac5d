"""Build `han_cantonese` of data/matching.yaml from a published table of Hong Kong's
romanisation of Cantonese.

    python bench/build_cantonese_readings.py source.tsv > cantonese.yaml

Hong Kong writes its residents' names in Latin letters as Cantonese says them, in the
government's romanisation (李家超 is LEE Ka-chiu, 林鄭月娥 LAM CHENG Yuet-ngor), and so do
the sanctions lists that name them; pinyin reads the same characters Li Jiachao and Lin
Zheng Yue'e. The table is dictionary/source.tsv of github.com/chunlaw/cantonese-romanisation
(MIT licence, © 2023 Law Wai Chun): each character with the spellings of its readings in
that romanisation (`roman`). Kept: the 5,401 characters of Big5's frequently used set (the
names' characters of Hong Kong and Taiwan) and Hong Kong's own forms of them (衞 for 衛, by
OpenCC's hk2t), keyed as banscreen folds them (simplified, by
OpenCC, as `Normaliser.fold` does; a simplified character takes the spellings of every
traditional one it stands for). Written out as one YAML mapping of each spelling to its
characters, sorted, as `hangul_hanja` is.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import opencc

from flow_table import flow_mapping


def frequent(char: str) -> bool:
    """Whether a character is in Big5's frequently used set (A440 to C67E)."""
    try:
        encoded = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return b"\xa4\x40" <= encoded <= b"\xc6\x7e"


def readings(path: Path) -> dict[str, str]:
    to_simplified = opencc.OpenCC("t2s").convert
    standard = opencc.OpenCC("hk2t").convert  # Hong Kong's own forms (衞 for 衛)
    out: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            char = row["character"]
            if len(char) != 1 or not (frequent(char) or frequent(standard(char))):
                continue
            folded = to_simplified(char)
            for spelling in row["roman"].split():
                if spelling.isascii() and spelling.isalpha():
                    out[spelling.lower()].add(folded)
    return {k: "".join(sorted(v)) for k, v in sorted(out.items())}


def main() -> None:
    print(flow_mapping("han_cantonese", readings(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
