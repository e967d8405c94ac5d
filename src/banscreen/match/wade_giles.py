"""A Chinese person's name written in Wade–Giles (`Hsi Chin-p'ing`, `Chang Hsiao-ming`, as
Taiwan's passports and older lists and papers spell names) read as pinyin, as lists write
them (`XI, Jinping`): Wade–Giles spells most syllables otherwise (`hs` for x, `ch` for zh
and j, `k` for g, `t` for d, `-ih`, `-ung`), so a name in it met its pinyin form at 0.

The table is pypinyin's own (its Wade–Giles style), turned round: each Wade–Giles syllable
with the pinyin syllables it writes. Names drop the apostrophe that tells an aspirate
(`ch'ang`, chang) from the plain sound (`chang`, zhang), so a syllable without one reads as
both; one with it reads as it says. A name is read so only when every word is made of such
syllables (a given name's joined by hyphens) and one of them is Wade–Giles's own spelling
(not a pinyin syllable, or written with the apostrophe) or two are joined by a hyphen, as
pinyin never writes them; a name all of pinyin is read by pinyin.py. Its readings are a
person's name's (LatinReadings), each a transliteration."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from ..registry.cache import cached
from .pinyin import pinyin_syllables

# A word of syllables joined by hyphens, each perhaps with the apostrophe (or a quote that
# stands for it) after its initial.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’‘`ʻ][^\W\d_]+)*")
_MARKS = re.compile(r"['’‘`ʻ]")
_BETWEEN = re.compile(r"[\s,.]*")  # what may stand between a name's words
# No Wade–Giles syllable has more letters than this ("hsiung", "ch'uang" without its mark).
_LONGEST = 7
# A Chinese person's name has a syllable or two for the surname and one or two for the given
# name; a longer run of syllables is no name (and its readings would be too many to rank).
_MOST_SYLLABLES = 6


def wade_giles_readings(folded: str, most: int) -> tuple[str, ...]:
    """A case-folded name in pinyin, at most `most` readings (a syllable without its
    apostrophe reads two ways); none when it is not a Chinese name in Wade–Giles."""
    words = list(_WORD.finditer(folded))
    if not words or not _BETWEEN.fullmatch(_WORD.sub("", folded)):
        return ()
    parsed: list[list[tuple[str, ...]]] = []
    own = False
    count = 0
    for match in words:
        syllables = [s for s in match.group().split("-") if s]
        if any(len(_MARKS.sub("", s)) > _LONGEST for s in syllables):
            return ()
        options = []
        for syllable in syllables:
            read, marked = _read_syllable(syllable)
            if not read:
                return ()
            own = own or marked or _MARKS.sub("", syllable) not in pinyin_syllables()
            options.append(read)
        # Pinyin writes a given name's syllables together ("Jinping"), Wade-Giles with a
        # hyphen between ("Chin-p'ing").
        own = own or len(options) > 1
        count += len(options)
        parsed.append(options)
    if not 2 <= count <= _MOST_SYLLABLES or not own:
        return ()
    spans = [m.span() for m in words]
    # After a comma (surname first) the words are the given name, one word in pinyin: "CHOU,
    # Hsien Cheng" is ZHOU Xiancheng ("zhou, xian zheng" sounded like "Zhou Heyang", xian
    # being a place and weighing little).
    comma = folded.find(",")
    out: list[str] = []
    for choice in _likeliest(parsed, most):
        text: list[str] = []
        end = 0
        for (start, stop), chosen in zip(spans, choice, strict=True):
            between = folded[end:start]
            if 0 <= comma < end and not between.strip():
                between = ""
            text.extend((between, "".join(chosen)))
            end = stop
        text.append(folded[end:])
        out.append("".join(text))
    return tuple(out)


def _likeliest(parsed: list[list[tuple[str, ...]]], most: int) -> list[tuple[tuple[str, ...], ...]]:
    """At most `most` choices of one pinyin syllable each, those of the syllables' first
    readings first (a plain sound before an aspirate its apostrophe dropped): each word's
    syllables in a choice, ordered by how far down their readings they reach."""
    flat = [options for word in parsed for options in word]
    ranked = sorted(product(*(range(len(o)) for o in flat)), key=sum)[:most]
    out = []
    for ranks in ranked:
        picked = iter(o[r] for o, r in zip(flat, ranks, strict=True))
        out.append(tuple(tuple(next(picked) for _ in word) for word in parsed))
    return out


def _read_syllable(syllable: str) -> tuple[tuple[str, ...], bool]:
    """The pinyin syllables one Wade–Giles syllable writes, and whether it had the
    apostrophe: with it, only those it spells so; without, those of both."""
    marked, bare = _tables()
    plain = syllable.replace("ü", "u").replace("ê", "e")
    if _MARKS.search(plain):
        key = _MARKS.sub("'", plain)
        return marked.get(key, ()), True
    return bare.get(plain, ()), False


Tables = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


@lru_cache(maxsize=1)
def _tables() -> Tables:
    """Wade–Giles syllables with their pinyin ones: as written with the apostrophe, and
    without it. Kept in the cache directory, as the pinyin syllables are (pinyin.py)."""
    return cached("wade-giles", [], _derive_tables)


def _derive_tables() -> Tables:
    """The tables, from pypinyin's Wade–Giles style. pypinyin writes a final "ai" after
    most initials as "ei" (mai as "mei"), which Wade–Giles does not: read as "ai" here."""
    from pypinyin.style.wadegiles import to_wade_glides

    marked: dict[str, list[str]] = {}
    bare: dict[str, list[str]] = {}
    # Its apostrophe, written once as a backtick ("ch`ua"), is one.
    spelt = {s: _MARKS.sub("'", to_wade_glides(s)).replace("v", "u") for s in pinyin_syllables()}
    # The plain sound first: "chang" without its apostrophe is zhang before chang.
    for syllable in sorted(spelt, key=lambda s: ("'" in spelt[s], s)):
        written = spelt[syllable]
        if syllable.endswith("ai") and written.endswith("ei"):
            written = written[:-2] + "ai"
        pinyin = syllable.replace("v", "u")  # names write lü as "lu"
        for table, key in ((marked, written), (bare, written.replace("'", ""))):
            if pinyin not in table.setdefault(key, []):
                table[key].append(pinyin)
    return (
        {k: tuple(v) for k, v in marked.items()},
        {k: tuple(v) for k, v in bare.items()},
    )
