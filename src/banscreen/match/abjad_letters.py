"""An abjad's letters that ICU's Latin letters would join (text.romanise)."""

from __future__ import annotations

from functools import lru_cache

import regex

from .rigour_core import ascii_text

# Two letters of an abjad that ICU writes as two Latin letters which Latin spells one sound
# with (ت س "ts", ط ه "th", س ه "sh", ك ه "kh", د ه "dh"). The first is written twice, as a
# shadda would be, so that the word keeps them apart: "ghytts" (غيتس) sounds like Gates,
# where "ghyts" sounded like Gazzo. sound.py reads such a pair both ways, as the one sound
# too: تسفيتكوف is Tsvetkov, اسحاق Ishaq.
_JOINED = frozenset({"bh", "ph", "th", "dh", "kh", "gh", "sh", "zh", "ts", "tz", "sz", "dj"})
# ...but not two that write one sound together: تش is "ch", دژ "j".
_ONE_SOUND = frozenset({"tsh", "dzh"})
_ABJAD_LETTERS = {"Arabic": range(0x0620, 0x06D4), "Hebrew": range(0x05D0, 0x05EB)}


@lru_cache(maxsize=4)
def _joined_pairs(script: str) -> regex.Pattern[str]:
    """The script's letters that ICU writes as a Latin letter joining the next letter's to
    one of `_JOINED`, when that letter follows."""
    roman = {chr(c): ascii_text(chr(c)).lower() for c in _ABJAD_LETTERS[script]}
    roman = {ch: r for ch, r in roman.items() if r.isascii() and r.isalpha()}
    groups = []
    for first, r in roman.items():
        after = "".join(
            ch
            for ch, r2 in roman.items()
            if len(r) == 1 and r + r2[0] in _JOINED and r + r2 not in _ONE_SOUND
        )
        if after:
            groups.append(f"{first}(?=[{after}])")
    return regex.compile("|".join(groups))


def letters_apart(part: str, script: str) -> str:
    """`part`, a word in `script`, with each letter that ICU would join to the next written
    twice."""
    if script not in _ABJAD_LETTERS:
        return part
    return _joined_pairs(script).sub(lambda m: m.group() * 2, part)
