"""Build `hangul_hanja` of data/matching.yaml from Unicode's Unihan database.

    python bench/build_hanja_readings.py Unihan_Readings.txt[.bz2] > hanja.yaml

Korean reads Chinese characters its own way (王京 is 왕경, 金正恩 김정은): a Hangul syllable
may stand for any character read so (and so for its Mandarin syllables, pypinyin's), and a
name in characters may be a Korean one. Read from Unihan_Readings.txt (Unicode 15.0, as
Debian's `unicode-data` package ships it; Unicode License): every character whose kHangul
reading comes from KS X 1001 (source 0) or the 1,800 Hanja taught in schools (source E).
Written out as one YAML mapping of each Hangul syllable to its characters, sorted.
"""

from __future__ import annotations

import bz2
import sys
from collections import defaultdict
from pathlib import Path

from flow_table import flow_mapping

SOURCES = "0E"


def readings(path: Path) -> dict[str, str]:
    opener = bz2.open if path.suffix == ".bz2" else open
    out: dict[str, set[str]] = defaultdict(set)
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            if field != "kHangul":
                continue
            for reading in value.split():
                syllable, _, sources = reading.partition(":")
                if any(s in SOURCES for s in sources):
                    out[syllable].add(chr(int(code[2:], 16)))
    return {k: "".join(sorted(v)) for k, v in sorted(out.items())}


def main() -> None:
    print(flow_mapping("hangul_hanja", readings(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
