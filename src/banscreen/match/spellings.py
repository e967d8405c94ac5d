"""A name in the Latin spelling of another language than English, read in English spelling
as well: German, Polish and Czech write Шойгу "Schoigu", "Szojgu", "Šojgu", Чайковский
"Tschaikowski", "Czajkowski", "Čajkovskij", and Kim Jong Un "Kim Dschong-un", "Kim Dżong Un",
"Kim Čong-un", where lists write "Shoigu", "Tchaikovsky", "Kim Jong Un" (`LatinReadings`).

Sound keys (sound.py) hear most of it, but not a "j" said as "y" (Pjotr, Sergej) nor a
háček (Č is "ch", folded away as "c"), and the parts of a name each spelt a little apart
fall below REVIEW together. The reading is made only for a name that holds a spelling
English does not write (`latin_reading_markers`), with the table `latin_readings`, longest
spelling first; a hit through it is a transliteration (REVIEW, never BLOCK)."""

from __future__ import annotations

import re

from ..registry.matching import MatchingConfig

# A text longer than this is no person's name: not read again (a long field's words would
# be matched twice).
MAX_CHARS = 512


class LatinReadings:
    def __init__(self, config: MatchingConfig) -> None:
        table = config.latin_readings
        spellings = sorted(table, key=len, reverse=True)
        self._table = table
        self._pattern = re.compile("|".join(re.escape(s) for s in spellings))
        self._markers = re.compile("|".join(re.escape(s) for s in config.latin_reading_markers))

    def reading(self, text: str) -> str | None:
        """The text in English spelling, or None when it holds no marker of another
        language's spelling, reads the same, or is longer than a name."""
        if len(text) > MAX_CHARS:
            return None
        folded = text.casefold()
        if not self._markers.search(folded):
            return None
        read = self._pattern.sub(lambda m: self._table[m.group()], folded)
        return None if read == folded else read
