"""Build the learned spelling models, src/banscreen/data/spellings/<script>.json: how Chinese,
Korean, Japanese in katakana, Russian, Arabic and Hebrew write the sounds of names, learned
from names written both ways.

    python bench/build_spelling_models.py han wd_chinese_80 > han.json
    python bench/build_spelling_models.py hangul wd_korean.normalized.aligned.tokens > hangul.json
    python bench/build_spelling_models.py kana wd_katakana.normalized.aligned.tokens > kana.json
    python bench/build_spelling_models.py cyrillic wd_russian_80 > cyrillic.json
    python bench/build_spelling_models.py arabic wd_arabic_80 > arabic.json
    python bench/build_spelling_models.py hebrew wd_hebrew_80 > hebrew.json

Chinese writes a foreign name with characters chosen for their sounds (叔本华 is
Schopenhauer, 罗宾 Robin), each character's pinyin syllable standing for a few Latin letters:
罗 luo for "ro" or "lo", 斯 si for "s", 尔 er for "r" or "l"; Korean writes one with Hangul
syllables the same way (로이스 is Lois, 콜먼 Coleman). Russian, Arabic and Hebrew write a name
letter by letter, but not one Latin letter for each: Russian's й writes nothing in Yuri, ы
"y" or nothing; Arabic and Hebrew leave most vowels unwritten, so a letter carries them (ب
"b", "ba", "be"). Which letters each unit writes, and how
often, is learned here from Wikidata's labels of foreign persons beside their Latin ones, as
mined by Merhav & Ash, "Design Challenges in Named Entity Transliteration", COLING 2018
(github.com/steveash/NETransliteration-COLING2018, CC0 1.0): for Chinese `data/wd_chinese_80`
(the paper's training split), each name's characters read as pinyin (pypinyin, after
OpenCC's simplification, as `Normaliser.fold` writes them); for Korean and katakana the
aligned words of `data/wd_korean.normalized.aligned.tokens` and
`data/wd_katakana.normalized.aligned.tokens`, each Hangul syllable or katakana mora a unit, a
fifth of them (by a hash of the Latin word: `held_out`) kept apart to choose the floors on;
for Russian, Arabic and Hebrew the aligned words of the training splits `data/wd_russian_80`,
`wd_arabic_80` and `wd_hebrew_80`, each letter a unit (spelling_model.cyrillic_units,
arabic_units, hebrew_units), their test splits kept apart.
Expectation-maximisation over every way of cutting the Latin name into one run of one to
five letters per unit (or none, in the scripts of `SILENT`) finds the probability of each run
given its unit (runs of probability 0.002 or more kept). A letter-pair model of the same
Latin names is what a name's letters would be without the other script: the likelihood
ratio of the two is how well the other script explains the name (spelling_model.py).

Left out: every name and word of the benchmark's sets (bench/data/names_pairs.csv,
names_entities.csv, korean_names.csv, script_names_probe.csv), so that match_quality.py and
the false-hit probes measure the models on names they never saw.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin

from banscreen.match.korean import is_syllables
from banscreen.match.spelling_model import arabic_units, cyrillic_units, hebrew_units, kana_units
from banscreen.match.text import mark_geresh

DATA = Path(__file__).resolve().parent / "data"
LONGEST = 5  # letters one syllable may write
ITERATIONS = 8
KEPT = 0.002  # the least probability of a run kept in the table
PRUNED = 1e-4  # runs less likely than this are dropped between iterations
Pair = tuple[tuple[str, ...], str]


def latin(name: str) -> str:
    """A name's letters a to z, accents and case folded."""
    name = unicodedata.normalize("NFKD", name.casefold())
    return re.sub(r"[^a-z]", "", "".join(c for c in name if not unicodedata.combining(c)))


# Learned from the paper's training split (its test split kept apart); the rest by a hash.
SPLIT = ("han", "cyrillic", "arabic", "hebrew")
SILENT = ("cyrillic", "arabic", "hebrew")  # scripts whose units may write nothing


def benchmark_names() -> set[str]:
    """Every name of the benchmark's sets, and each of its words, folded."""
    names = set()
    with (DATA / "names_pairs.csv").open(encoding="utf-8") as fh:
        names.update(r["query"] for r in csv.DictReader(fh))
    with (DATA / "names_entities.csv").open(encoding="utf-8") as fh:
        names.update(r["name"].casefold() for r in csv.DictReader(fh))
    with (DATA / "korean_names.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names.update((r["hangul"], r["latin"].casefold()))
    with (DATA / "script_names_probe.csv").open(encoding="utf-8") as fh:
        names.update(r["name"] for r in csv.DictReader(fh))
    return names | {w for n in names for w in re.split(r"[\s,.\-]+", n) if w}


def held_out(letters: str) -> bool:
    """A fifth of the Korean words, kept apart from learning to choose the floor on."""
    return hashlib.sha1(letters.encode()).digest()[0] % 5 == 0


def units(script: str, written: str) -> tuple[str, ...] | None:
    """A word's units: pinyin syllables of Chinese characters (simplified first), Hangul
    syllables as they are, katakana morae (spelling_model.kana_units); None for a word in
    anything else."""
    if script == "hangul":
        return tuple(written) if is_syllables(written) else None
    if script == "kana":
        return kana_units(written) or None
    if script == "cyrillic":
        return cyrillic_units(written) or None
    if script == "arabic":
        return arabic_units(written) or None
    if script == "hebrew":  # a geresh as the normaliser marks it; other apostrophes dropped
        return hebrew_units(re.sub("['\u05f3\u2019]", "", mark_geresh(written))) or None
    if not all("\u3400" <= c <= "\u9fff" for c in written):
        return None
    syllables = tuple(lazy_pinyin(_SIMPLIFY.convert(written), style=Style.NORMAL))
    if len(syllables) != len(written) or not all(s.isascii() and s.isalpha() for s in syllables):
        return None
    return syllables


_SIMPLIFY = opencc.OpenCC("t2s")


def read_pairs(script: str, path: Path) -> list[Pair]:
    """(units, Latin letters) of each name or word written in the script only."""
    left_out = benchmark_names()
    pairs: dict[Pair, None] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            name, written = line.rstrip("\n").split("\t")[:2]
            written = written.replace(" ", "")
            if name.casefold() in left_out or written in left_out:
                continue
            letters = latin(name)
            found = units(script, written)
            if letters and found and not (script not in SPLIT and held_out(letters)):
                pairs[(found, letters)] = None
    return list(pairs)


def _forward(syllables: tuple[str, ...], letters: str, runs: dict) -> list[list[float]]:
    n, length = len(syllables), len(letters)
    table = [[0.0] * (length + 1) for _ in range(n + 1)]
    table[0][0] = 1.0
    for i, syllable in enumerate(syllables):
        written = runs.get(syllable, {})
        first = 0 if "" in written else 1
        for j in range(length + 1):
            if table[i][j]:
                for k in range(first, min(LONGEST, length - j) + 1):
                    p = written.get(letters[j : j + k])
                    if p:
                        table[i + 1][j + k] += table[i][j] * p
    return table


def _expected(pairs: list[Pair], runs: dict) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for syllables, letters in pairs:
        n, length = len(syllables), len(letters)
        forward = _forward(syllables, letters, runs)
        total = forward[n][length]
        if total <= 0:
            continue
        backward = [[0.0] * (length + 1) for _ in range(n + 1)]
        backward[n][length] = 1.0
        for i in range(n - 1, -1, -1):
            written = runs.get(syllables[i], {})
            first = 0 if "" in written else 1
            for j in range(length, -1, -1):
                for k in range(first, min(LONGEST, length - j) + 1):
                    p = written.get(letters[j : j + k])
                    if p and backward[i + 1][j + k]:
                        share = p * backward[i + 1][j + k]
                        backward[i][j] += share
                        if forward[i][j]:
                            counts[syllables[i]][letters[j : j + k]] += (
                                forward[i][j] * share / total
                            )
    return counts


def _normalised(counts: dict[str, Counter], floor: float) -> dict[str, dict[str, float]]:
    out = {}
    for syllable, runs in counts.items():
        total = sum(runs.values())
        out[syllable] = {r: c / total for r, c in runs.items() if c / total >= floor}
    return out


def train(pairs: list[Pair], silent: bool = False) -> dict[str, dict[str, float]]:
    """Each syllable's runs of letters and their probabilities, from every run a syllable
    could write in its names alike (the first guess); with `silent`, a unit may also write
    nothing (Russian's й of -ий, Dmitriy or Dmitry)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for syllables, letters in pairs:
        runs = {letters[j : j + k] for j in range(len(letters))
                for k in range(1, LONGEST + 1) if j + k <= len(letters)}  # fmt: skip
        if silent:
            runs.add("")
        for syllable in set(syllables):
            counts[syllable].update(runs)
    runs_of = _normalised(counts, 0.0)
    for iteration in range(ITERATIONS):
        runs_of = _normalised(_expected(pairs, runs_of), PRUNED)
        print(f"iteration {iteration + 1} of {ITERATIONS}", file=sys.stderr)
    return runs_of


def letter_pairs(pairs: list[Pair]) -> dict[str, dict[str, float]]:
    """P(letter | the letter before) over the names' letters, `^` starting and `$` ending a
    name, add-a-tenth smoothed over the 27 letters that may follow."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for _, letters in pairs:
        padded = f"^{letters}$"
        for a, b in pairwise(padded):
            counts[a][b] += 1
    return {a: {b: (counts[a][b] + 0.1) / (sum(counts[a].values()) + 2.7)
                for b in "abcdefghijklmnopqrstuvwxyz$"} for a in sorted(counts)}  # fmt: skip


def main() -> None:
    script, path = sys.argv[1], Path(sys.argv[2])
    pairs = read_pairs(script, path)
    print(f"{len(pairs)} names", file=sys.stderr)
    trained = train(pairs, silent=script in SILENT)
    runs = {s: {r: p for r, p in w.items() if p >= KEPT} for s, w in trained.items()}
    kept = {s: _rounded(w) for s, w in sorted(runs.items()) if w}
    table = {"what": WHAT[script], "source": SOURCE[script].format(count=f"{len(pairs):,}"),
             "licence": "CC0 1.0 (data/LICENSE of that repository)",
             "built_by": f"python bench/build_spelling_models.py {script} <corpus file>",
             "units": kept, "letters": {a: _rounded(b) for a, b in letter_pairs(pairs).items()}}  # fmt: skip
    print(json.dumps(table, ensure_ascii=False, indent=0))
    best = [math.log(max(w.values())) for w in runs.values() if w]
    print(f"units {len(runs)}, mean best log p {sum(best) / len(best):.2f}", file=sys.stderr)


def _rounded(row: dict[str, float]) -> dict[str, float]:
    """Most likely first, three significant digits."""
    return {k: float(f"{v:.3g}") for k, v in sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))}


WHAT = {
    "han": "how Chinese writes foreign names' sounds: each pinyin syllable's runs of Latin"
    " letters and their probabilities (units), and the letter-pair model of the same Latin"
    " names (letters; ^ starts a name, $ ends it)",
    "hangul": "how Korean writes foreign names' sounds: each Hangul syllable's runs of Latin"
    " letters and their probabilities (units), and the letter-pair model of the same Latin"
    " names (letters)",
    "kana": "how Japanese writes foreign names' sounds in katakana: each mora's runs of Latin"
    " letters and their probabilities (units), and the letter-pair model of the same Latin"
    " names (letters)",
    "cyrillic": "how Russian writes names' sounds in Cyrillic: each letter's runs of Latin"
    " letters (none, where it writes nothing) and their probabilities (units; a soft or hard"
    " sign is part of the letter before), and the letter-pair model of the same Latin names"
    " (letters)",
    "arabic": "how Arabic writes names' sounds: each letter's runs of Latin letters (the"
    " vowels it leaves unwritten with it; none, where it writes nothing) and their"
    " probabilities (units), and the letter-pair model of the same Latin names (letters)",
    "hebrew": "how Hebrew writes names' sounds: each letter's runs of Latin letters (the"
    " vowels it leaves unwritten with it; none, where it writes nothing) and their"
    " probabilities (units; a geresh is part of its letter), and the letter-pair model of the"
    " same Latin names (letters)",
}
_CORPUS = "mined by Merhav & Ash, COLING 2018 (github.com/steveash/NETransliteration-COLING2018"
SOURCE = {
    "han": "Wikidata labels of {count} foreign persons in Chinese beside their Latin names, "
    + _CORPUS
    + ", data/wd_chinese_80); every name and word of bench/data's sets left out",
    "hangul": "{count} aligned words of Wikidata's Korean labels beside their Latin names, "
    + _CORPUS
    + ", data/wd_korean.normalized.aligned.tokens); a fifth kept apart by a hash of"
    " the Latin word, and every name and word of bench/data's sets, left out",
    "kana": "{count} aligned words of Wikidata's katakana labels beside their Latin names, "
    + _CORPUS
    + ", data/wd_katakana.normalized.aligned.tokens); a fifth kept apart by a hash"
    " of the Latin word, and every name and word of bench/data's sets, left out",
    "cyrillic": "{count} aligned words of Wikidata's Russian labels of persons beside their Latin"
    " names, " + _CORPUS + ", data/wd_russian_80, the paper's training split); every name and"
    " word of bench/data's sets left out",
    "arabic": "{count} aligned words of Wikidata's Arabic labels of persons beside their Latin"
    " names, " + _CORPUS + ", data/wd_arabic_80, the paper's training split); every name and"
    " word of bench/data's sets left out",
    "hebrew": "{count} aligned words of Wikidata's Hebrew labels of persons beside their Latin"
    " names, " + _CORPUS + ", data/wd_hebrew_80, the paper's training split); every name and"
    " word of bench/data's sets left out",
}


if __name__ == "__main__":
    main()
