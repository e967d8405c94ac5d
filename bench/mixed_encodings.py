"""Rows in another encoding than their file's: how often the check is right (a benchmark,
not a test).

    python bench/mixed_encodings.py [--json]

For each real name of the sets below and each legacy encoding that can write it, the
name's bytes in that encoding are read as a file in that encoding reads them, and
`surfaces.encodings.foreign_field` says whether the field is in another encoding: a
**false ERROR** (the row was in the file's encoding). The same names written in UTF-8
(and, for Chinese, in Big5) and read as a file in each legacy encoding reads them, where
they decode at all: **found** (an ERROR naming the field) or missed (a row of mojibake,
which matches nothing).

Sets: `tune`, looked at while the rule was written: bench/data/cjk_person_names.csv,
korean_names.csv, japanese_kanji_persons.csv and the shipped packs' Chinese names;
`measure`, measured only: every name of names_entities.csv that is not ASCII (OFAC, UN and
Wikidata names in many scripts) and script_names_probe.csv.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
from pathlib import Path
from typing import Any

import opencc

from banscreen.match.pinyin import has_han
from banscreen.registry import load_registry
from banscreen.surfaces.encodings import foreign_field

DATA = Path(__file__).resolve().parent / "data"
LEGACY = ("gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "latin_1")


def _column(name: str, column: str) -> list[str]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh)]


def tune_names() -> list[str]:
    packs = {
        n.value for e in load_registry().entities.values() for n in e.names if has_han(n.value)
    }
    names = _column("cjk_person_names.csv", "name") + _column("korean_names.csv", "hangul")
    return [*names, *_column("japanese_kanji_persons.csv", "query"), *sorted(packs)]


def measure_names() -> list[str]:
    names = _column("names_entities.csv", "name") + _column("script_names_probe.csv", "name")
    return [n for n in dict.fromkeys(names) if not n.isascii()]


def _flagged(read: str, encoding: str) -> bool:
    return foreign_field({"counterparty_name": read}, encoding) is not None


def measure(names: list[str]) -> dict[str, dict[str, Any]]:
    traditional = opencc.OpenCC("s2t")
    out: dict[str, dict[str, Any]] = {}
    for encoding in LEGACY:
        written = flagged = 0
        foreign = {"utf-8": [0, 0], "big5": [0, 0]}  # rows that decode, rows found
        for name in names:
            try:
                read = name.encode(encoding).decode(encoding)
            except UnicodeError:
                pass
            else:
                written += 1
                flagged += _flagged(read, encoding)
            others = {"utf-8": name.encode("utf-8")}
            if encoding != "big5" and has_han(name):
                with contextlib.suppress(UnicodeError):
                    others["big5"] = traditional.convert(name).encode("big5")
            for other, data in others.items():
                try:
                    read = data.decode(encoding)
                except UnicodeError:
                    continue  # does not decode: an ERROR row already
                foreign[other][0] += 1
                foreign[other][1] += _flagged(read, encoding)
        out[encoding] = {"in_encoding": written, "false_errors": flagged}
        for other, (count, found) in foreign.items():
            out[encoding][f"{other}_rows"] = count
            out[encoding][f"{other}_found"] = round(found / count, 4) if count else None
    return out


def _share(value: float | None) -> str:
    return f"{value:>6.3f}" if value is not None else f"{'-':>6}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = {"tune": measure(tune_names()), "measure": measure(measure_names())}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for split, rows in result.items():
        print(f"{split} ({'looked at' if split == 'tune' else 'measured only'})")
        print(f"  {'file read as':12} {'names in it':>11} {'false ERROR':>11} "
              f"{'UTF-8 rows':>10} {'found':>6} {'Big5 rows':>9} {'found':>6}")  # fmt: skip
        for encoding, r in rows.items():
            print(f"  {encoding:12} {r['in_encoding']:>11,} {r['false_errors']:>11,} "
                  f"{r['utf-8_rows']:>10,} {_share(r['utf-8_found'])} {r['big5_rows']:>9,} "
                  f"{_share(r['big5_found'])}")  # fmt: skip


if __name__ == "__main__":
    main()
