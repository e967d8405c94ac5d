"""Korean names written in katakana, read back into Hangul: Japanese writes a Korean name
syllable by syllable, the surname apart from the given name (キム・ジョンウン is 김정은, Kim
Jong Un; チェ・リョンヘ 최룡해, Choe Ryong Hae), with a kana of its own for a syllable's final
consonant (ム m, ン n or ng, ク k, ル l, プ p, ッ t). Read as Japanese ("kimu jonun"),
キム・ジョンウン was CLEAR against `KIM, Jong Un` and met `KIM, Yong Un`.

A name is read only when it is two words, the first one syllable that is a Korean surname
(`hangul_surnames`) and the second one or two syllables, each syllable one that Korean
names are written with (`hangul_hanja`: the syllables of Sino-Korean readings). Where a kana
stands for several Hangul letters (オ for ㅗ and ㅓ, ン for ㄴ and ㅇ, パ for ㅂ and ㅍ), each
is read, up to `MAX_READINGS` names in Hangul, which korean.py matches as it matches names
written in Hangul: REVIEW at most, as any transliteration. Such a name is read so instead of
as Japanese (rewrites.py), so that korean.py's verdict that two Korean names differ holds.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import product

from .kontsevich import hangul, hangul_names, split_syllables

MAX_READINGS = 16
# Hangul letters by their index in a syllable's code point (see kontsevich.py).
_G, _N, _D, _R, _M, _B, _S, _O, _J, _CH, _T, _P, _H = 0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 16, 17, 18
_A, _AE, _YA, _EO, _E, _YEO, _O_, _WA, _OE, _YO, _U, _WEO, _WE, _WI, _YU, _EU, _UI, _I = (
    0, 1, 2, 4, 5, 6, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
)  # fmt: skip
# A column's vowels: a, i, u, e, o.
_COLUMN = ((_A,), (_I,), (_U, _EU), (_E, _AE), (_O_, _EO))
_ROWS = {
    "アイウエオ": (_O,), "カキクケコ": (_G,), "ガギグゲゴ": (_G,), "サシスセソ": (_S,),
    "ザジズゼゾ": (_J,), "タ\0\0テト": (_D, _T), "ダ\0\0デド": (_D,), "ナニヌネノ": (_N,),
    "ハヒフヘホ": (_H,), "バビブベボ": (_B,), "パピプペポ": (_B, _P), "マミムメモ": (_M,),
    "ラリルレロ": (_R, _O),
}  # fmt: skip
_Unit = tuple[tuple[int, ...], tuple[int, ...]]  # (initials, vowels)
_SMALL = {"ャ": (_YA,), "ュ": (_YU,), "ョ": (_YO, _YEO)}
# After a palatal consonant the small kana's y is the consonant's: ジョ is 조 or 저.
_PALATAL_VOWELS = {(_YA,): (_A,), (_YU,): (_U,), (_YO, _YEO): (_O_, _EO)}
_MORE: dict[str, _Unit] = {
    "チ": ((_J, _CH), (_I,)), "ワ": ((_O,), (_WA,)), "ヤ": ((_O,), (_YA,)),
    "ユ": ((_O,), (_YU,)), "ヨ": ((_O,), (_YO, _YEO)), "チェ": ((_J, _CH), (_E, _AE, _OE)),
    "ジェ": ((_J,), (_E, _AE)), "シェ": ((_S,), (_E,)), "ウォ": ((_O,), (_WEO,)),
    "ウェ": ((_O,), (_WE, _OE)), "ウィ": ((_O,), (_WI, _UI)), "クァ": ((_G,), (_WA,)),
    "グァ": ((_G,), (_WA,)), "クォ": ((_G,), (_WEO,)), "ファ": ((_H,), (_WA,)),
    "フィ": ((_H,), (_WI,)),
}  # fmt: skip


def _units() -> dict[str, _Unit]:
    """Each kana, and each kana of the i column with a small ャ, ュ or ョ, as the Hangul
    initials and vowels it may write."""
    units: dict[str, _Unit] = {}
    for row, initials in _ROWS.items():
        for k, kana in enumerate(row):
            if kana != "\0":
                units[kana] = (initials, _COLUMN[k])
    units.update(_MORE)
    for kana, (initials, vowels) in list(units.items()):
        if vowels == (_I,) and kana != "イ":
            for small, y_vowels in _SMALL.items():
                palatal = kana in ("ジ", "チ")
                units[kana + small] = (initials, _PALATAL_VOWELS[y_vowels] if palatal else y_vowels)
    return units


_UNITS = _units()
_FINALS = {"": (0,), "ム": (16,), "ン": (4, 21), "ク": (1,), "ル": (8,), "プ": (17,), "ッ": (19,)}
_UNIT_ORDER = sorted(_UNITS, key=len, reverse=True)
_FINAL_ORDER = sorted(_FINALS, key=len, reverse=True)  # a final kana before none
_Syllable = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _syllables(word: str, most: int) -> list[_Syllable] | None:
    """The word as Korean syllables in katakana (a final kana taken when it can be), or
    None when it does not split whole into at most `most` of them."""
    split = split_syllables(word, (_UNIT_ORDER, _FINAL_ORDER), most)
    if split is None:
        return None
    return [(*_UNITS[unit], _FINALS[final]) for unit, final in split]


def korean_readings(
    words: list[str], surnames: Collection[str], syllables: Collection[str]
) -> list[str]:
    """Katakana words read as a Korean name in Hangul, surname apart from the given name
    ("キム", "ジョンウン" → "김 정은", …), or none (see above)."""
    if len(words) != 2:
        return []
    surname, given = _syllables(words[0], 1), _syllables(words[1], 2)
    if not surname or not given:
        return []
    options = [
        [h for i, v, f in product(*parts) if (h := hangul(i, v, f)) in syllables or k == 0]
        for k, parts in enumerate((*surname, *given))
    ]
    return hangul_names(options, surnames, MAX_READINGS)
