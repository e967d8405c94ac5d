"""Build `hangul_hanja_readings` of data/matching.yaml from Unicode's Unihan database.

    python bench/build_hanja_readings.py Unihan_Readings.txt[.bz2] > readings.yaml

Korean writes a Chinese person's name by its characters' Korean readings (王京 is 왕경), so
a Hangul syllable may stand for any character read so, and each of those for its Mandarin
syllables (경: jing, qing, geng, ...). Read from Unihan_Readings.txt (Unicode 15.0, as
Debian's `unicode-data` package ships it; Unicode License): every character whose kHangul
reading comes from KS X 1001 (source 0) or the 1,800 Hanja taught in schools (source E), with
its kMandarin readings, tones dropped. Written out as one YAML mapping, sorted.
"""

from __future__ import annotations

import bz2
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

SOURCES = "0E"


def toneless(syllable: str) -> str:
    plain = "".join(
        c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c)
    )
    return plain.replace("ü", "v")


def readings(path: Path) -> dict[str, list[str]]:
    opener = bz2.open if path.suffix == ".bz2" else open
    mandarin: dict[str, list[str]] = {}
    hangul: dict[str, list[str]] = defaultdict(list)
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            char = chr(int(code[2:], 16))
            if field == "kMandarin":
                mandarin[char] = [toneless(s) for s in value.split()]
            elif field == "kHangul":
                for reading in value.split():
                    syllable, _, sources = reading.partition(":")
                    if any(s in SOURCES for s in sources):
                        hangul[char].append(syllable)
    out: dict[str, set[str]] = defaultdict(set)
    for char, syllables in hangul.items():
        for syllable in syllables:
            out[syllable].update(mandarin.get(char, ()))
    return {k: sorted(v) for k, v in sorted(out.items()) if v}


def main() -> None:
    table = readings(Path(sys.argv[1]))
    items = [f"{k}: [{', '.join(v)}]" for k, v in table.items()]
    lines, line = [], "hangul_hanja_readings: {"
    for item in items:
        if len(line) + len(item) + 2 > 96:
            lines.append(line.rstrip())
            line = "  "
        line += item + ", "
    lines.append(line.rstrip(", ") + "}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
