"""How two words of names align when they are not spelt alike (a part of `Scorer`,
scoring.py): an initial and the name part it begins, and spellings that sound alike, by the
rules of persons' names or of organisations'. The alignment (similarity.py) asks them of
every two words that are not the same, and keeps the most that spelling or they give."""

from __future__ import annotations

from collections.abc import Callable

from ..registry.matching import MatchingConfig
from .common_words import zipf
from .sound import SoundKeys


def spelt_both(config: MatchingConfig, sound: SoundKeys, a: str, b: str, spelled: float) -> bool:
    """Whether two organisation words the lists both spell are one word written two ways:
    their first keys equal and of `org_spelt_both_min_classes` classes or more, spelt
    `org_spelt_both_floor` alike (`spelled`), one of them a word English writes
    (`org_spelt_both_min_zipf`), not both ordinary English words (`org_spelt_both_max_zipf`:
    "grant", "grand"). Two made-up brands (Zipf 0) are two names, however alike. The
    scorer (`WordPairs._org_pair`) and the candidate search (partners.py) ask it alike."""
    key = sound.key(a)
    if len(key) < config.org_spelt_both_min_classes or key != sound.key(b):
        return False
    if spelled < config.org_spelt_both_floor:
        return False
    low, high = sorted((zipf(a), zipf(b)))
    return high >= config.org_spelt_both_min_zipf and low < config.org_spelt_both_max_zipf


class WordPairs:
    # What the scorer provides (scoring.py).
    config: MatchingConfig
    sound: SoundKeys
    known: Callable[[str], bool]  # whether the lists spell a word (as one of theirs, or nearly)
    person_word: Callable[[str], bool]  # whether a word is a part of listed persons' names

    def _initial(self, a: str, b: str) -> float:
        if len(a) == 1 and len(b) > 1 and b[0] == a and a.isalpha():
            return self.config.initial_similarity
        if len(b) == 1 and len(a) > 1 and a[0] == b and b.isalpha():
            return self.config.initial_similarity
        return 0.0

    def _spelling(self, a: str, b: str, spelled: float, near: bool = True,
                  floor: float | None = None, every_key: bool = True,
                  slavic: bool = False) -> float:  # fmt: skip
        """Two Latin spellings that sound alike and are spelt half alike: "Petr" and
        "Piotr", "Kismayo" and "Keismaio", "Kontsern" and "Concern"; but not "Mohamad" and
        "Mahmoud", whose sound keys are equal too. Without `near`, only equal keys count
        (two apps whose names differ by a letter have near keys); without `every_key`, each
        word's first sound key only (sound.py)."""
        floor = self.config.person_spelling_floor if floor is None else floor
        if spelled < floor:
            return 0.0
        sound = self.sound.similarity(
            a, b, self.config.person_near_min_classes, self.config.person_equal_min_classes,
            every_key=every_key, slavic=slavic,
        )  # fmt: skip
        if not sound or (not near and sound < self.sound.equal_score):
            return 0.0
        return sound

    def _org_pair(self, a: str, b: str, spelled: float) -> float:
        """A Latin spelling of an organisation's word that sounds exactly alike and is spelt
        mostly alike, both `org_sound_min_chars` long or more ("OWASP" is not "UWSP"), one
        of them a word that no listed name has or nearly has: a word the
        lists spell is that word, however alike another sounds (organisations' names are
        made words: "Quitor" and "Kator" are two). Unless they are one word that English
        writes and its transliteration, by a long key: Hezbollah, Hizballah
        (`spelt_both`)."""
        cfg = self.config
        if spelled < cfg.org_spelling_floor or min(len(a), len(b)) < cfg.org_sound_min_chars:
            return 0.0
        if self.known(a) and self.known(b):
            alike = spelt_both(cfg, self.sound, a, b, spelled)
            return self.sound.equal_score if alike else 0.0
        # By each word's first key: the other readings are of persons' names ("Lazard" is
        # not "Lazada" for an unsounded "r").
        return self._spelling(a, b, spelled, near=False, floor=cfg.org_spelling_floor,
                              every_key=False)  # fmt: skip

    def _person_pair(
        self, a: str, b: str, spelled: float, english: tuple[bool, bool] = (True, True)
    ) -> float:
        """An initial, or a spelling that sounds alike (persons' names), unless one of them
        is an ordinary English word that no listed person's name carries ("Salary" is not
        "SALEH"). `english`: whether each side is written in Latin letters, where it may be
        an English word; romanised from another alphabet, "but" is Бут, a surname."""
        initial = self._initial(a, b)
        if initial:
            return initial
        allah = self.config.compound_allah
        if (a in allah) is not (b in allah):  # "Ullah" sounds like "Allaa" and is no name
            return 0.0
        if self.sound.same_given(a, b):  # Mikalai, Nikolai (`given_name_forms`)
            return self.sound.equal_score
        # Ukrainian and Belarusian spellings of a Russian name (Ihor, Igor): sound.py.
        sound = self._spelling(a, b, spelled, slavic=True)
        if sound and ((english[0] and self._ordinary(a)) or (english[1] and self._ordinary(b))):
            return 0.0
        return sound

    def _ordinary(self, word: str) -> bool:
        return zipf(word) >= self.config.person_common_word_zipf and not self.person_word(word)
