"""A brand that leads a firm's name written as one word: Korean and Japanese write a
firm's name glued together (a brand's Hangul or katakana, then 코리아 or ジャパン: its arm
in Korea or Japan), so the brand is the start of one word, which no rule on whole words
finds."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from .common_words import made_up
from .forms import NameForm
from .normalize import Normaliser
from .sound import SoundKeys
from .variants import Variant

# Scripts that write a firm's name as one word.
_GLUED = frozenset({"Hangul", "Kana"})
# Letters (syllables, kana) of the brand, and left after it: a word of its own, not an
# ending. A brand is seldom longer in kana (ウィーチャットペイ is nine).
_HEAD_MIN = 3
_HEAD_MAX = 10
_REST_MIN = 2
# Classes of the sound key the brand and the letters share.
_KEY_MIN = 3


def leading_brands(form: NameForm, normaliser: Normaliser, config: MatchingConfig) -> list[Variant]:
    """The first word's leading letters, `_HEAD_MIN` to `_HEAD_MAX` with at least `_REST_MIN`
    after them, each read as a name of its own. A hit through one counts only on a brand's name
    of one made-up word (of `joined_brand_name_kinds`; `brand_head_min_chars` letters or
    more, rarer in English than `trailing_name_max_zipf`, as `Inside._brand_leads` asks of
    a brand that leads a longer name) that sounds as the letters do (an equal key of
    three classes or more, spelt `org_compact_spelling_floor` alike), aligned whole, at
    most `contained_score` (REVIEW): a short start sounds like too many names (ホテル, hotel,
    is HTR as a brand of that key is)."""
    if form.script not in _GLUED or not form.tokens:
        return []
    word = form.tokens[0]
    kinds = frozenset(config.joined_brand_name_kinds)
    out = []
    for end in range(_HEAD_MIN, min(len(word) - _REST_MIN, _HEAD_MAX) + 1):
        head = normaliser.form(word[:end])
        if len(head.tokens) == 1 and len(head.roman) == 1:
            sounds = _SoundsAs.of(head.roman[0], normaliser.sound, config)
            cap = config.contained_score
            out.append(Variant(head, cap, "transliterated", organisations=True, whole=True,
                               kinds=kinds, only=sounds))  # fmt: skip
    return out


@dataclass(frozen=True)
class _SoundsAs:
    """Whether a listed name is a made-up brand of one word that sounds as `roman` does.
    Equal for equal letters: hits are remembered per form and what it admits, and one
    brand heads many names (텐센트코리아, 텐센트그룹)."""

    roman: str
    brand: tuple[int, float]  # brand_head_min_chars, trailing_name_max_zipf
    floor: float
    sound: SoundKeys = field(compare=False)
    keys: frozenset[str] = field(compare=False)

    @classmethod
    def of(cls, roman: str, sound: SoundKeys, config: MatchingConfig) -> _SoundsAs:
        keys = frozenset(k for k in sound.keys(roman) if len(k) >= _KEY_MIN)
        brand = (config.brand_head_min_chars, config.trailing_name_max_zipf)
        return cls(roman, brand, config.org_compact_spelling_floor, sound, keys)

    def __call__(self, tokens: tuple[str, ...]) -> bool:
        if len(tokens) != 1 or not made_up(tokens[0], *self.brand):
            return False
        if self.keys.isdisjoint(self.sound.keys(tokens[0])):
            return False
        return OSA.normalized_similarity(self.roman, tokens[0]) >= self.floor
