"""Files in a legacy encoding: how often `screen` reads them in it (a benchmark, not a test).

    python bench/legacy_encodings.py [--files 400]

For each set of real names below and each file size (1, 3 and 10 rows), `--files` random
transactions files are written in that set's legacy encoding, and `detect_encoding` says
which encoding they are read in: read so, or another (mojibake, which matches nothing: a
silent CLEAR). Sets: Chinese persons' names (bench/data/cjk_person_names.csv) in GB18030
and, made traditional by OpenCC, in Big5; Korean ones (korean_names.csv) in EUC-KR;
Japanese ones (japanese_kanji_persons.csv) in Shift-JIS; Russian ones (names_pairs.csv's
Cyrillic queries) in Windows-1251 and KOI8-R; and two words of French, German, Spanish or
Portuguese with a letter beyond ASCII (wordfreq's frequent words) in Windows-1252.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from pathlib import Path

import opencc
from wordfreq import top_n_list

from banscreen.surfaces.encodings import detect_encoding

DATA = Path(__file__).resolve().parent / "data"
HEADER = "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,"
HEADER += "us_nexus,text\n"
# The encodings a file may be read in and count as read so (Latin-1 reads Windows-1252's
# letters alike).
SAME = {"cp1252": {"cp1252", "latin_1"}}


def _column(name: str, column: str, keep: str | None = None) -> list[str]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r[column] for r in rows if keep is None or keep in r.values()]


def name_sets() -> list[tuple[str, list[str], str]]:
    chinese = _column("cjk_person_names.csv", "name", "chinese")
    traditional = opencc.OpenCC("s2t")
    russian = sorted(
        {r["query"] for r in csv.DictReader((DATA / "names_pairs.csv").open(encoding="utf-8"))
         if r["script"] == "cyrillic"}
    )  # fmt: skip
    words = [w for lang in ("fr", "de", "es", "pt") for w in top_n_list(lang, 3000)
             if not w.isascii() and w.isalpha()]  # fmt: skip
    rng = random.Random(2)
    western = [f"{rng.choice(words).title()} {rng.choice(words).title()}" for _ in range(2000)]
    return [
        ("Chinese", chinese, "gb18030"),
        ("Chinese, traditional", [traditional.convert(n) for n in chinese], "big5"),
        ("Korean", _column("korean_names.csv", "hangul"), "euc_kr"),
        ("Japanese", _column("japanese_kanji_persons.csv", "query"), "shift_jis"),
        ("Russian", russian, "cp1251"),
        ("Russian", russian, "koi8_r"),
        ("Western European", western, "cp1252"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400, help="files per set and size")
    args = parser.parse_args()
    rng = random.Random(1)
    print(f"{'names':<22}{'encoding':<11}{'rows':>5}{'read so':>14}   read otherwise as")
    for label, names, encoding in name_sets():
        for rows in (1, 3, 10):
            right = written = 0
            other: Counter[str] = Counter()
            for _ in range(args.files):
                picked = rng.sample(names, rows)
                lines = "".join(
                    f"{i},2021-03-15,payment,{n},XX,,true,\n" for i, n in enumerate(picked)
                )
                try:
                    data = (HEADER + lines).encode(encoding)
                except UnicodeEncodeError:
                    continue  # a name the encoding cannot write
                written += 1
                read = detect_encoding(data)
                if read in SAME.get(encoding, {encoding}):
                    right += 1
                else:
                    other[read] += 1
            shown = ", ".join(f"{e} {n}" for e, n in other.most_common(3))
            print(f"{label:<22}{encoding:<11}{rows:>5}{right:>8} of {written:<4}   {shown}")


if __name__ == "__main__":
    main()
