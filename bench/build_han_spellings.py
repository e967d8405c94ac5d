"""Build `han_spellings` and `han_spelling_letters` of data/matching.yaml: how Chinese writes
the sounds of foreign names, learned from names written both ways.

    python bench/build_han_spellings.py wd_chinese_80 > han_spellings.yaml

Chinese writes a foreign name with characters chosen for their sounds (叔本华 is
Schopenhauer, 罗宾 Robin), each character's pinyin syllable standing for a few Latin letters:
罗 luo for "ro" or "lo", 斯 si for "s", 尔 er for "r" or "l". Which letters each syllable
writes, and how often, is learned here from Wikidata's labels of foreign persons in Chinese
beside their Latin ones, as mined by Merhav & Ash, "Design Challenges in Named Entity
Transliteration", COLING 2018 (github.com/steveash/NETransliteration-COLING2018,
`data/wd_chinese_80`, the paper's training split; CC0 1.0): each name's characters are read
as pinyin (pypinyin, after OpenCC's simplification, as `Normaliser.fold` writes them), and
expectation-maximisation over every way of cutting the Latin name into one run of one to
five letters per syllable finds the probability of each run given its syllable
(`han_spellings`, runs of probability 0.002 or more). A letter-pair model of the same Latin
names (`han_spelling_letters`) is what a name's letters would be without the Chinese: the
likelihood ratio of the two is how well the Chinese explains the name (han_spellings.py).

Left out: every name of the benchmark's sets (bench/data/names_pairs.csv and
names_entities.csv), so that match_quality.py measures the model on names it never saw.
"""

from __future__ import annotations

import csv
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import opencc
import yaml
from pypinyin import Style, lazy_pinyin

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


def benchmark_names() -> set[str]:
    names = set()
    with (DATA / "names_pairs.csv").open(encoding="utf-8") as fh:
        names.update(r["query"] for r in csv.DictReader(fh))
    with (DATA / "names_entities.csv").open(encoding="utf-8") as fh:
        names.update(r["name"].casefold() for r in csv.DictReader(fh))
    return names


def read_pairs(path: Path) -> list[Pair]:
    """(pinyin syllables, Latin letters) of each name written in Chinese characters only."""
    simplify = opencc.OpenCC("t2s")
    left_out = benchmark_names()
    pairs: dict[Pair, None] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            name, han = line.rstrip("\n").split("\t")[:2]
            han = han.replace(" ", "")
            if name in left_out or han in left_out:
                continue
            letters = latin(name)
            if not letters or not all("\u3400" <= c <= "\u9fff" for c in han):
                continue
            syllables = tuple(lazy_pinyin(simplify.convert(han), style=Style.NORMAL))
            if len(syllables) == len(han) and all(s.isascii() and s.isalpha() for s in syllables):
                pairs[(syllables, letters)] = None
    return list(pairs)


def _forward(syllables: tuple[str, ...], letters: str, runs: dict) -> list[list[float]]:
    n, length = len(syllables), len(letters)
    table = [[0.0] * (length + 1) for _ in range(n + 1)]
    table[0][0] = 1.0
    for i, syllable in enumerate(syllables):
        written = runs.get(syllable, {})
        for j in range(length):
            if table[i][j]:
                for k in range(1, min(LONGEST, length - j) + 1):
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
            for j in range(length - 1, -1, -1):
                for k in range(1, min(LONGEST, length - j) + 1):
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


def train(pairs: list[Pair]) -> dict[str, dict[str, float]]:
    """Each syllable's runs of letters and their probabilities, from every run a syllable
    could write in its names alike (the first guess)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for syllables, letters in pairs:
        runs = {letters[j : j + k] for j in range(len(letters))
                for k in range(1, LONGEST + 1) if j + k <= len(letters)}  # fmt: skip
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


def _key(key: str) -> str:
    plain = isinstance(next(iter(yaml.safe_load(f"{key}: x"))), str)
    return key if plain else repr(key)


def _nested(name: str, table: dict[str, dict[str, float]], digits: int) -> str:
    lines = [f"{name}:"]
    for outer in sorted(table):
        inner = sorted(table[outer].items(), key=lambda kv: (-kv[1], kv[0]))
        items = [f"{_key(k)}: {float(f'{v:.{digits}g}')}" for k, v in inner]
        line = f"  {_key(outer)}: {{"
        for item in items:
            if len(line) + len(item) + 2 > 96:
                lines.append(line.rstrip())
                line = "    "
            line += item + ", "
        lines.append(line.rstrip(", ") + "}")
    return "\n".join(lines)


def main() -> None:
    pairs = read_pairs(Path(sys.argv[1]))
    print(f"{len(pairs)} names", file=sys.stderr)
    runs = {s: {r: p for r, p in w.items() if p >= KEPT} for s, w in train(pairs).items()}
    print(_nested("han_spellings", {s: w for s, w in runs.items() if w}, 3))
    print(_nested("han_spelling_letters", letter_pairs(pairs), 3))
    best = [math.log(max(w.values())) for w in runs.values() if w]
    print(f"syllables {len(runs)}, mean best log p {sum(best) / len(best):.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
