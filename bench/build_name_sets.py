"""Build the real-data name sets bench/data/names_entities.csv and bench/data/names_pairs.csv.

    python bench/build_name_sets.py --shared ../shared/data --transliteration DIR --cases FILE

Two sets, both made from data this project did not write (sources and licences in
bench/data/SOURCES.md):

- `ofac`: OFAC's SDN aliases (the legacy `alt.csv`, joined with `sdn.csv` for the primary
  name and the party's type). The names of one entry are one party: a query is one of its
  names, scored against the entry's other names (positive); the same query against another
  entry that shares the most words with it is a hard negative (two Al-Tikritis, two Kims,
  two "... Trading LLC").
- `scripts`: names in other scripts beside the Latin name of the same party: the UN Security
  Council list's original-script names (Arabic, Cyrillic) against its Latin names; Wikidata
  person names in Hangul, Hebrew, katakana, Cyrillic, Arabic and Chinese transliteration
  (Merhav & Ash, COLING 2018, CC0); and the few cross-script pairs of nomenklatura's and
  watchman's test data (Greek, Georgian, Armenian, Thai, Khmer, Devanagari). Negatives pair
  a query with another party of similar Latin name.

Every party is assigned to `tune` or `measure` by a hash of its key, so a party and all of
its pairs sit on one side: the matcher is developed against `tune` only, and `measure` is
the set its numbers are reported on.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"[^\W_]+")
# Words too common to make two parties "similar" when picking hard negatives.
COMMON = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "abd",
        "abdul",
        "the",
        "of",
        "and",
        "de",
        "la",
        "le",
        "company",
        "co",
        "ltd",
        "limited",
        "llc",
        "llp",
        "jsc",
        "ojsc",
        "oao",
        "ooo",
        "zao",
        "pao",
        "pjsc",
        "ao",
        "sa",
        "s",
        "a",
        "inc",
        "corp",
        "corporation",
        "group",
        "trading",
        "international",
        "enterprise",
        "enterprises",
        "industrial",
        "industries",
        "holding",
        "holdings",
        "bank",
    ]
)


@dataclass
class Party:
    key: str
    schema: str  # Person | Organization | Vessel
    names: list[str] = field(default_factory=list)
    source: str = ""

    @property
    def split(self) -> str:
        return "tune" if int(hashlib.sha256(self.key.encode()).hexdigest(), 16) % 2 else "measure"


@dataclass
class Pair:
    set: str
    query: str
    party: Party  # the party scored
    label: int
    group: str
    home: Party  # the party the query came from: its split is the pair's


def script_of(text: str) -> str:
    """The first non-Latin script of a name, or latin."""
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        for prefix, script in (
            ("CJK", "han"), ("HIRAGANA", "kana"), ("KATAKANA", "kana"), ("HANGUL", "hangul"),
            ("CYRILLIC", "cyrillic"), ("ARABIC", "arabic"), ("HEBREW", "hebrew"),
            ("GREEK", "greek"), ("GEORGIAN", "georgian"), ("ARMENIAN", "armenian"),
            ("THAI", "thai"), ("DEVANAGARI", "devanagari"), ("KHMER", "khmer"),
        ):  # fmt: skip
            if name.startswith(prefix):
                return script
    return "latin"


def bare(text: str) -> str:
    """Letters and digits only, case folded, without legal forms (rigour's table)."""
    from rigour.names.org_types import remove_org_types

    text = remove_org_types(text.casefold(), replacement=" ")
    return "".join(ch for ch in text if ch.isalnum())


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if len(w) > 1 and w not in COMMON}


# --------------------------------------------------------------------------- OFAC aliases
def ofac_parties(shared: Path) -> list[Party]:
    sdn: dict[str, tuple[str, str]] = {}
    with (shared / "realworld/lists/watchman_bench/sdn.csv").open(encoding="latin-1") as fh:
        for row in csv.reader(fh):
            if len(row) > 3:
                sdn[row[0]] = (row[1].strip(), row[2].strip())
    parties: dict[str, Party] = {}
    with (shared / "ofac/alt.csv").open(encoding="latin-1") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or not row[3].strip() or row[3].strip() == "-0-":
                continue
            key = row[0].strip()
            party = parties.get(key)
            if party is None:
                primary, kind = sdn.get(key, ("", ""))
                party = parties[key] = Party(f"ofac-{key}", _ofac_schema(kind, row[3]), [])
                party.source = "OFAC SDN alt.csv / sdn.csv, entry " + key
                if primary:
                    party.names.append(primary)
            name = row[3].strip()
            if name not in party.names:
                party.names.append(name)
    return [p for p in parties.values() if len(p.names) >= 2]


def _ofac_schema(kind: str, alias: str) -> str:
    if kind == "individual":
        return "Person"
    if kind in ("vessel", "aircraft"):
        return "Vessel"
    if kind == "-0-":
        return "Organization"
    # Not in the older sdn.csv: OFAC writes individuals "SURNAME, Given Names".
    return "Person" if re.search(r",\s+[A-Z][a-z]", alias) else "Organization"


def ofac_pairs(parties: list[Party], rng: random.Random) -> list[Pair]:
    by_key = {p.key: p for p in parties}
    by_word: dict[str, list[Party]] = defaultdict(list)
    for party in parties:
        for w in set().union(*(words(n) for n in party.names)):
            by_word[w].append(party)
    out: list[Pair] = []
    for party in parties:
        query = rng.choice(party.names)
        out.append(Pair("ofac", query, party, 1, "alias", party))
        # Hard negative: the other party of the same schema sharing most words with the query.
        shared: dict[str, int] = defaultdict(int)
        for w in words(query):
            bucket = by_word[w]
            if len(bucket) > 400:
                continue
            for other in bucket:
                if other is not party and other.schema == party.schema:
                    shared[other.key] += 1
        # A party that carries the query itself (letters and digits the same) is a duplicate
        # entry, which no comparison of names can tell apart: not a negative.
        folded = bare(query)
        for key in [k for k in shared if any(bare(n) == folded for n in by_key[k].names)]:
            del shared[key]
        if shared:
            best = max(shared.values())
            keys = sorted(k for k, v in shared.items() if v == best)
            other = by_key[keys[rng.randrange(len(keys))]]
            out.append(Pair("ofac", query, other, 0, f"shares {best} word(s)", party))
    return out


# --------------------------------------------------------------------------- scripts
def un_parties(shared: Path) -> list[tuple[Party, str]]:
    """(party with its Latin names, its name in the original script) from the UN list."""
    root = ET.parse(shared / "realworld/lists/watchman_UN_consolidated.xml").getroot()
    out: list[tuple[Party, str]] = []
    for tag, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
        for node in root.iter(tag):
            original = " ".join((node.findtext("NAME_ORIGINAL_SCRIPT") or "").split())
            if not original or script_of(original) == "latin":
                continue
            parts = [node.findtext(k) or "" for k in
                     ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]  # fmt: skip
            names = [" ".join(p.strip() for p in parts if p.strip())]
            for alias in node.findall(f"{tag}_ALIAS"):
                if (alias.findtext("QUALITY") or "").strip().lower() == "good":
                    value = (alias.findtext("ALIAS_NAME") or "").strip()
                    if value and value not in names:
                        names.append(value)
            ref = (node.findtext("REFERENCE_NUMBER") or node.findtext("DATAID") or "").strip()
            party = Party(f"un-{ref}", schema, [n for n in names if n])
            party.source = f"UN Security Council consolidated list, {ref}"
            if party.names:
                out.append((party, original))
    return out


def transliteration_parties(
    folder: Path, rng: random.Random, per_script: int
) -> list[tuple[Party, str]]:
    """Wikidata person names (Merhav & Ash): full names for Hangul and Hebrew, single
    name tokens (their aligned files) for the other scripts."""
    out: list[tuple[Party, str]] = []
    full = {"wd_korean": "hangul", "wd_hebrew": "hebrew"}
    tokens = {"wd_katakana.normalized.aligned.tokens": "kana",
              "wd_arabic.normalized.aligned.tokens": "arabic",
              "wd_russian_20": "cyrillic",
              "wd_chinese.normalized.aligned.tokens": "han"}  # fmt: skip
    for name, _script in full.items():
        rows = _tsv(folder / name)
        for i, (latin, native) in enumerate(rng.sample(rows, min(per_script, len(rows)))):
            party = Party(f"wd-{name}-{i}", "Person", [latin])
            party.source = f"Wikidata via Merhav & Ash 2018, data/{name}"
            out.append((party, native))
    for name, _script in tokens.items():
        rows = [(a, b.replace(" ", "")) for a, b in _tsv(folder / name)]
        rows = [(a.title(), b) for a, b in rows if len(a) >= 4 and a.isalpha()]
        for i, (latin, native) in enumerate(rng.sample(rows, min(per_script, len(rows)))):
            party = Party(f"wd-{name}-{i}", "Person", [latin])
            party.source = f"Wikidata via Merhav & Ash 2018, data/{name}"
            out.append((party, native))
    return out


def _tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 2 and cells[0].strip() and cells[1].strip():
                rows.append((cells[0].strip(), cells[1].strip()))
    return rows


def case_parties(path: Path) -> list[tuple[Party, str]]:
    """Cross-script rows of a labelled case file (`name1`, `name2`, `is_match`, `schema`):
    positives only; the non-Latin side is the query."""
    out: list[tuple[Party, str]] = []
    with path.open(encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            a, b = row["name1"].strip(), row["name2"].strip()
            if row["is_match"].strip().lower() != "true":
                continue
            sa, sb = script_of(a), script_of(b)
            if (sa == "latin") == (sb == "latin"):
                continue
            native, latin = (a, b) if sa != "latin" else (b, a)
            schema = row.get("schema", "Person")
            schema = "Person" if schema == "Person" else "Organization"
            party = Party(f"case-{path.stem}-{i}", schema, [latin])
            party.source = f"{path.name}, row {i + 2}"
            out.append((party, native))
    return out


def watchman_parties(path: Path) -> list[tuple[Party, str]]:
    """watchman's cross-script test pairs (`Query,Expected Match,Min Score,Description`)."""
    out: list[tuple[Party, str]] = []
    with path.open(encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    for i, row in enumerate(csv.reader(rows)):
        if len(row) >= 2 and script_of(row[0]) != "latin":
            party = Party(f"case-{path.stem}-{i}", "Person", [row[1].strip()])
            party.source = f"{path.name}, pair {i + 1}"
            out.append((party, row[0].strip()))
    return out


def script_pairs(found: list[tuple[Party, str]], rng: random.Random) -> list[Pair]:
    """Each native name against its party (positive) and against the party of most similar
    Latin name among the others of the same schema (negative)."""
    out: list[Pair] = []
    parties = [p for p, _ in found]
    by_first: dict[str, list[Party]] = defaultdict(list)
    for party in parties:
        by_first[party.names[0][:1].upper()].append(party)
    for party, native in found:
        out.append(Pair("scripts", native, party, 1, "transliteration", party))
        pool = [p for p in by_first[party.names[0][:1].upper()]
                if p is not party and p.schema == party.schema]  # fmt: skip
        if not pool:
            continue
        target = words(party.names[0])
        ranked = [((len(words(p.names[0]) & target),
                    -abs(len(p.names[0]) - len(party.names[0])), rng.random()), i)
                  for i, p in enumerate(pool)]  # fmt: skip
        # A party that carries one of this party's names (the same person in two case files)
        # is a duplicate, not a negative, as for the `ofac` set. It is dropped after every
        # candidate has drawn its tie-break, so the other negatives stay as they were.
        folded = {bare(n) for n in party.names}
        kept = [r for r in ranked if not folded & {bare(n) for n in pool[r[1]].names}]
        if not kept:
            continue
        best = pool[max(kept)[1]]
        out.append(Pair("scripts", native, best, 0, "similar Latin name", party))
    return out


# --------------------------------------------------------------------------- output
def write(pairs: list[Pair], parties: Iterable[Party]) -> None:
    seen: set[str] = set()
    with (DATA / "names_entities.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["entity", "schema", "name"])
        for party in parties:
            if party.key in seen:
                continue
            seen.add(party.key)
            for name in party.names:
                writer.writerow([party.key, party.schema, name])
    with (DATA / "names_pairs.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["set", "split", "schema", "script", "query", "entity", "label", "group", "source"])  # fmt: skip
        for pair in pairs:
            writer.writerow([pair.set, pair.home.split, pair.party.schema, script_of(pair.query),
                             pair.query, pair.party.key, pair.label, pair.group,
                             pair.home.source])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--transliteration", type=Path, required=True,
                        help="data/ of Merhav & Ash's NETransliteration-COLING2018")  # fmt: skip
    parser.add_argument("--cases", type=Path, nargs="*", default=[],
                        help="labelled case files whose cross-script rows to add")  # fmt: skip
    parser.add_argument("--per-script", type=int, default=150)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    ofac = ofac_parties(args.shared)
    pairs = ofac_pairs(ofac, rng)
    found = un_parties(args.shared)
    found += transliteration_parties(args.transliteration, rng, args.per_script)
    for path in args.cases:
        with path.open(encoding="utf-8") as fh:
            header = fh.readline()
        found += case_parties(path) if "name1" in header else watchman_parties(path)
    pairs += script_pairs(found, rng)
    write(pairs, [*ofac, *(p for p, _ in found)])
    print(f"{len(pairs)} pairs, {len(ofac) + len(found)} parties")


if __name__ == "__main__":
    main()
