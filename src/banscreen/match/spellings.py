"""A name in the Latin spelling of another language than English, read in English spelling
as well: German, Polish and Czech write Шойгу "Schoigu", "Szojgu", "Šojgu", Чайковский
"Tschaikowski", "Czajkowski", "Čajkovskij"; French "Choïgou", "Tchaïkovski"; Spanish
Михаил "Mijaíl"; Dutch and Swedish "Sjojgoe", "Sjojgu"; Hungarian Сечин "Szecsin";
Latvian and Lithuanian, with the endings they put on a foreign name, Нарышкин "Nariškins",
"Naryškinas", where lists write "Shoigu", "Tchaikovsky", "Mikhail", "Sechin", "Naryshkin"
(`LatinReadings`).

Sound keys (sound.py) hear most of it, but not a "j" said as "y" (Pjotr, Sergej), "zh"
(Prigojine) or "kh" (Mijaíl), a háček (Č is "ch", folded away as "c"), nor an "ou" said
"u" (Poutine), and the parts of a name each spelt a little apart fall below REVIEW
together. A group of languages spells the same letters differently ("j" is "y" in German,
"zh" in French, "kh" in Spanish), so each group reads a name on its own, by its own table
(`latin_readings`, longest spelling first), and only a name that holds one of the group's
markers (regular expressions): a spelling English does not write. A name all of whose
words are pinyin syllables is Chinese and read by pinyin.py, never so: French would read
"Zhou" as "Zhu", another surname; a Chinese name in Wade-Giles ("Chang Hsiao-ming") is
read as pinyin ("zhang xiaoming", wade_giles.py). A hit through a reading is a
transliteration (REVIEW, never BLOCK)."""

from __future__ import annotations

import re

from ..registry.matching import LatinReading, MatchingConfig
from .pinyin import all_pinyin
from .text import fold_latin
from .wade_giles import wade_giles_readings

# A text longer than this is no person's name: not read again (a long field's words would
# be matched twice).
MAX_CHARS = 512
_WORDS = re.compile(r"[^\W\d_]+")
_LEADING_WORD = re.compile(r"\s*([^\W\d_]+)\.?\s+")
# The fewest letters of a word left before an ending read otherwise ("Ivs" is no "Iv").
_STEM = 3


class _Reading:
    """One group of languages' spellings."""

    def __init__(self, reading: LatinReading) -> None:
        table = reading.spellings
        spellings = sorted(table, key=len, reverse=True)
        self._table = table
        self._pattern = re.compile("|".join(re.escape(s) for s in spellings))
        self._markers = re.compile("|".join(f"(?:{m})" for m in reading.markers))
        self._endings = tuple((re.compile(f"(?:{e})$"), to) for e, to in reading.endings.items())

    def read(self, folded: str) -> str | None:
        if not self._markers.search(folded):
            return None
        read = _WORDS.sub(self._word, folded) if self._endings else self._spelt(folded)
        return None if read == folded else read

    def _spelt(self, text: str) -> str:
        return self._pattern.sub(lambda m: self._table[m.group()], text)

    def _word(self, word: re.Match[str]) -> str:
        """A word spelt as English writes it, with the first of the group's endings it ends
        with replaced by the English one (not spelt again: "ich" is no "ikh"), when at
        least `_STEM` letters are left before it."""
        written = word.group()
        for ending, english in self._endings:
            found = ending.search(written)
            if found is not None and found.start() >= _STEM:
                return self._spelt(written[: found.start()]) + english
        return self._spelt(written)


class LatinReadings:
    def __init__(self, config: MatchingConfig) -> None:
        self._readings = tuple(_Reading(r) for r in config.latin_readings)
        self._most_wade_giles = config.wade_giles_max_readings
        self._titles = frozenset(config.person_titles)

    def readings(self, text: str) -> tuple[str, ...]:
        """The text in English spelling, once for each group of languages whose markers it
        holds and which reads it otherwise; none for a text longer than a name."""
        if len(text) > MAX_CHARS:
            return ()
        folded = text.casefold()
        # Read with its accents and without them, folded as names' words are: an accent
        # must not lose the reading the name has without it ("Bjš" is read "bysh", "Bjs"
        # "bys").
        bare = fold_latin(folded)
        out: list[str] = []
        seen: set[str] = set()  # readings that differ only in accents are one
        for reading in self._readings:
            for written in (folded, bare) if bare != folded else (folded,):
                read = reading.read(written)
                if read is not None and (key := fold_latin(read)) not in seen:
                    seen.add(key)
                    out.append(read)
        if out and all_pinyin(_WORDS.findall(bare)):
            return ()
        return tuple(out)

    def wade_giles(self, text: str) -> tuple[str, ...]:
        """A Chinese person's name in Wade-Giles, read as pinyin (wade_giles.py). A query's
        only: read on the listed names too, the Wade-Giles and McCune-Reischauer (Korean)
        names OFAC lists (`WEI, Hsueh Kang`, `YUN, Ho-Chin`) met 8 more of 1,000 Korean
        names in Hangul (bench/script_false_hits.py, 79 -> 87)."""
        if len(text) > MAX_CHARS:
            return ()
        folded = text.casefold()
        # The titles before a name ("Mr. Chang Hsiao-ming") are no syllables of it.
        while (lead := _LEADING_WORD.match(folded)) and lead.group(1) in self._titles:
            folded = folded[lead.end() :]
        return wade_giles_readings(folded, self._most_wade_giles)
