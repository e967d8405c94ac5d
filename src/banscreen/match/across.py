"""Names in two scripts: Chinese against Latin by pinyin syllables, any other two scripts
by their romanised words and how they sound (sound.py), and organisations' names by the
sound of the whole name. A part of `Scorer` (scoring.py), which provides the rules these
comparisons end in."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .indic import BLOCKS
from .korean import KoreanNames
from .persons import ONE_WORD_MAX_PARTS, one_word
from .prepared import COMPACT_KEY_MAX, Prepared, Score, Side, covered
from .similarity import PairSimilarity, align
from .sound import SoundKeys
from .whole_words import letters_said, same_numbers, spelt_whole
from .written_consonants import (
    kana_labials_agree,
    letters_agree,
    liquids_agree,
    written_alike,
)

# Scripts that do not write most vowels: their Latin forms are not spelt like Latin names.
ABJADS = frozenset({"Arabic", "Hebrew", "Syriac"})
# Alphabets that write every sound, which romanisers write back letter for letter: a
# person's name in one is spelt in Latin letters as a Latin name is (Сергей Шойгу, "sergei
# shoigu"), and its parts are compared as Latin ones are, spelt alike as well as sounding
# alike. By sound alone, 198 of 1,000 made-up Russian names met an OFAC person, 10 so
# (bench/script_false_hits.py).
ALPHABETS = frozenset({"Cyrillic", "Greek", "Armenian", "Georgian"})
# Devanagari and the other Indian scripts, also read as names in their languages are spelt
# (indic.py), write every vowel that is said: persons' names in them are compared as an
# alphabet's are. By sound alone, 62 of 500 made-up Indian names in Devanagari met an OFAC
# person, 1 so (bench/indic_names.py).
SPELT_PERSONS = ALPHABETS | frozenset(BLOCKS)


class AcrossScripts:
    # What the scorer provides (scoring.py).
    config: MatchingConfig
    sound: SoundKeys
    korean: KoreanNames
    _initial: Callable[[str, str], float]
    _contains: Callable[..., int]
    _rules: Callable[..., tuple[float, str, tuple[str, ...]]]
    _person_pair: Callable[..., float]
    _spelling: Callable[..., float]
    distinctive: Callable[[tuple[str, ...], tuple[float, ...], bool], bool]

    def _roman_person_pair(self, a: str, b: str, spelled: float, near: int | None = None) -> float:
        """An initial, or a romanised word that sounds alike (persons' names); by near keys
        of `near` classes or more (by default `sound_near_min_classes`)."""
        return self._initial(a, b) or self.sound.similarity(a, b, near)

    def _spelt_person_pair(self, a: str, b: str, spelled: float, floor: float) -> float:
        """`_roman_person_pair` for a word in katakana or Thai, spelt at least `floor` alike
        as well (by persons' keys): katakana adds vowels to a foreign name's consonants
        ("sumisu", スミス, Smith; read without them too, loanwords.kana_reading), so its
        spelling is further from the Latin one than an alphabet's, but by sound alone 169
        of 1,000 made-up names in katakana met an OFAC person (34 so;
        `kana_person_spelling_floor`); in Thai "caeksan" (แจ็กสัน, Jackson) was KOZITSYN
        (`thai_person_spelling_floor`)."""
        return self._initial(a, b) or self._spelling(a, b, spelled, floor=floor)

    def _hangul_person_pair(self, a: str, b: str, spelled: float) -> float:
        """For a word in Hangul: an initial, or a word whose sound keys are equal or near
        as Latin persons' parts must be (`person_equal_min_classes`,
        `person_near_min_classes`), at any spelling: Hangul spells a foreign name further
        from its Latin spelling than katakana does ("loseun", 로슨, Lawson). By near keys of
        three classes, 233 of 1,000 names in Hangul met an OFAC person, 170 so (Korean
        names are read by their syllables first: korean.py)."""
        return self._initial(a, b) or self._spelling(a, b, spelled, floor=0.0)

    def _abjad_person_pair(self, a: str, b: str, spelled: float) -> float:
        """For `a` written in an abjad: an initial, or a word that sounds alike by equal keys
        or by near keys of `person_near_min_classes` or more, as Latin persons' parts (a
        near key of three classes is in too many names: by those, 194 of 1,000 made-up
        Arabic names met an OFAC person, 115 without); or a word of a key of one class
        whose long vowels agree (SoundKeys.vowels_alike: "lyly", ليلى, is Leila). A first
        "y" of the abjad's word may be the other's first "j" (`SoundKeys.said_as_y`)."""
        if written_alike(a, b):
            return 1.0
        if not letters_agree(a, b):
            return 0.0
        near = self.config.person_near_min_classes
        score = self._roman_person_pair(a, b, spelled, near) or self._long_vowels(a, b)
        said = None if score else self.sound.said_as_y(a, b)
        return self._abjad_person_pair(a, said, spelled) if said else score

    def _person_abjad_pair(self, a: str, b: str, spelled: float) -> float:
        """`_abjad_person_pair` for `b` written in an abjad."""
        return self._abjad_person_pair(b, a, spelled)

    def _long_vowels(self, abjad: str, word: str) -> float:
        keys = set(self.sound.keys(abjad)) & set(self.sound.keys(word))
        if any(len(key) == 1 and key != "A" for key in keys) and (
            self.sound.vowels_alike(abjad, word)
        ):
            return self.sound.equal_score
        return 0.0

    def _roman_pair(self, a: str, b: str, spelled: float) -> float:
        """A romanised word of an organisation's name that sounds alike: by keys equal and
        of `org_roman_equal_min_classes` or more, or near and of `org_roman_near_min_classes`
        or more; and spelt `org_roman_spelling_floor` alike, unless the keys are equal and
        that long ("burumubagu", ブルームバーグ, is Bloomberg). A key of two classes says
        nothing of an organisation's made word (Дияна, "diiana", is not "Tan S.A."), nor a
        near one of three."""
        cfg = self.config
        near_min = cfg.org_roman_near_min_classes
        sound = self.sound.similarity(a, b, near_min, cfg.org_roman_equal_min_classes)
        if not sound or spelled >= cfg.org_roman_spelling_floor:
            return sound
        return self.sound.equal_score if self.sound.equal(a, b, near_min) else 0.0

    def _alphabet_pair(self, a: str, b: str, spelled: float) -> float:
        """`_roman_pair` for a word of an organisation's name in an alphabet (Cyrillic,
        Greek, Armenian, Georgian), written with "l" and "r" where the other word writes
        them: an alphabet writes each with a letter of its own, which its romaniser keeps
        ("gruden", Груден, is no Coalition, whose keys are equal and long)."""
        return self._roman_pair(a, b, spelled) if liquids_agree(a, b) else 0.0

    def _cyrillic_pair(self, a: str, b: str, spelled: float) -> float:
        """`_alphabet_pair`, spelt `cyrillic_org_spelling_floor` alike, or
        `cyrillic_org_sounded_floor` when the keys are equal and of
        `org_roman_near_min_classes` or more: lists write a Russian firm's name letter by
        letter from its Cyrillic one ("proekt", Проект, project, is no BRIGADE; "esli",
        если, if, no ISIL), Russian a foreign brand as it sounds (Крейзиденс,
        "kreizidens", is a brand "Crazydance", its keys equal and long)."""
        cfg = self.config
        if spelled < cfg.cyrillic_org_spelling_floor and (
            spelled < cfg.cyrillic_org_sounded_floor
            or not self.sound.equal(a, b, cfg.org_roman_near_min_classes)
        ):
            return 0.0
        return self._alphabet_pair(a, b, spelled)

    def _kana_pair(self, a: str, b: str, spelled: float) -> float:
        """`_roman_pair` for a word of an organisation's name in katakana, written with
        labials where the Latin word has them (`kana_labials_agree`)."""
        return self._roman_pair(a, b, spelled) if kana_labials_agree(a, b) else 0.0

    def _org_kana_pair(self, a: str, b: str, spelled: float) -> float:
        """`_kana_pair` for `b` written in katakana."""
        return self._kana_pair(b, a, spelled)

    def _abjad_pair(self, a: str, b: str, spelled: float) -> float:
        """A romanised word of an organisation's name in a script that does not write most
        vowels (Arabic, Hebrew), by sound alone: spelt, it is not alike ("grwp", گروپ, is
        "Group"), and its keys are short ("qaedh", قاعده, Qaida, has two classes). Unless
        the keys are equal and of `org_abjad_free_min_classes` classes or more, the long
        vowels it writes must stand where the Latin word has vowels they may stand for
        (`SoundKeys.vowels_alike`), or the two be spelt `org_abjad_spelling_floor` alike:
        "hmas" (حماس) is Hamas, "thryk" (تحریک) Tehrik, but "hsyn" (حسين, Hussein) is not
        HASNA, nor "byna" (بينا) PIONEER."""
        cfg = self.config
        if written_alike(a, b):
            return 1.0
        if not letters_agree(a, b):
            return 0.0
        sound = self.sound.similarity(a, b)
        if (
            not sound
            or spelled >= cfg.org_abjad_spelling_floor
            or self.sound.equal(a, b, cfg.org_abjad_free_min_classes)
            or self.sound.vowels_alike(a, b)
        ):
            return sound
        return 0.0

    def _both_abjads_pair(self, a: str, b: str, spelled: float) -> float:
        """Two abjads' romanised words (Arabic against Hebrew): neither writes the short
        vowels the other might be checked by, so by sound alone, with their "l" and "r"
        alike (their labials are not: Hebrew writes an "f" with its "p", פ)."""
        return self.sound.similarity(a, b) if liquids_agree(a, b) else 0.0

    def _org_abjad_pair(self, a: str, b: str, spelled: float) -> float:
        """`_abjad_pair` for `b` written in an abjad."""
        return self._abjad_pair(b, a, spelled)

    def _pinyin(self, pa: Prepared, pb: Prepared, contained_a: bool, contained_b: bool) -> Score:
        """Chinese against Latin, over pinyin syllables: a transliteration must spell the
        distinctive syllables of one of the names completely (syllables are short and
        homophones common)."""
        cfg = self.config
        a, b = pa.form, pb.form
        every = (True,) * len(a.phonetic), (True,) * len(b.phonetic)
        phonetic = align(
            a.phonetic, pa.phonetic_weights, every[0], b.phonetic, pb.phonetic_weights, every[1],
            1.0,
        )  # fmt: skip
        spelt = covered(phonetic.aligned_a, a.phonetic_factors) or covered(
            phonetic.aligned_b, b.phonetic_factors
        )
        score = phonetic.score if spelt else 0.0
        if "".join(a.phonetic) == "".join(b.phonetic):
            score = max(score, cfg.compact_score)
        side_a = Side(a.phonetic, a.phonetic_factors, pa.phonetic_weights, False)
        side_b = Side(b.phonetic, b.phonetic_factors, pb.phonetic_weights, False)
        found: tuple[str, ...] = ()
        if self._contains(side_a, side_b, contained_b, describing=True) >= 0:
            found = b.tokens
        elif self._contains(side_b, side_a, contained_a, describing=True) >= 0:
            found = a.tokens
        if found:
            score = max(score, cfg.contained_score)
        return Score(min(score, cfg.transliteration_max), "transliterated", phonetic, found)

    def _sounds_whole(
        self, words_a: tuple[str, ...], key_a: str, words_b: tuple[str, ...], key_b: str
    ) -> bool:
        """Two organisations' names in different scripts, of up to `ONE_WORD_MAX_PARTS`
        words each, that sound alike as wholes however their words are split: kana and
        Hangul write a name as one word ("アクメペイ", Acme Pay), Cyrillic may split it
        otherwise ("АкМе Пэй"), and its last word alone is too short to say anything
        ("pei"). Equal keys of `org_compact_min_classes` or more, and the names
        spelt `org_compact_spelling_floor` alike; and the same numbers in both, which
        sound like nothing (`Технологии`, technologies, met `TEKHNOLOGIYA 5, OOO`)."""
        cfg = self.config
        if max(len(words_a), len(words_b)) > ONE_WORD_MAX_PARTS:
            return False
        if not same_numbers(words_a, words_b):
            return False
        shared = self.sound.whole_keys(words_a, key_a) & self.sound.whole_keys(words_b, key_b)
        return any(len(key) >= cfg.org_compact_min_classes for key in shared) and (
            spelt_whole(words_a, words_b, cfg.org_compact_spelling_floor)
        )

    def _romanised(
        self,
        pa: Prepared,
        pb: Prepared,
        person: bool,
        contained_a: bool,
        contained_b: bool,
        short_b: bool,
    ) -> Score:
        """Two names in different scripts (other than Chinese against Latin), by their
        romanised words: equal, near in spelling, or alike in sound; and by the sound of the
        whole name, whatever its spacing ("김정은", gimjeongeun, against "Kim Jong Un")."""
        cfg = self.config
        a, b = pa.form, pb.form
        side_a = Side(a.roman, a.roman_person_factors if person else a.roman_factors,
                       pa.roman_person_weights if person else pa.roman_weights, False)  # fmt: skip
        side_b = Side(b.roman, b.roman_person_factors if person else b.roman_factors,
                       pb.roman_person_weights if person else pb.roman_weights, False)  # fmt: skip
        unordered = (False,) * len(a.roman), (False,) * len(b.roman)
        # An abjad's keys are short: its words align by sound alone, with keys of two
        # classes, and need four to be found inside a longer name (three are in many a name:
        # "ARP").
        abjad = a.script in ABJADS or b.script in ABJADS
        if person and (a.script in ABJADS) != (b.script in ABJADS):
            other: PairSimilarity = (
                self._abjad_person_pair if a.script in ABJADS else self._person_abjad_pair
            )
        elif person and {a.script, b.script} <= SPELT_PERSONS | {"Latin"}:
            english = (a.script == "Latin", b.script == "Latin")
            other = partial(self._person_pair, english=english)
        elif person and "Kana" in (a.script, b.script):
            other = partial(self._spelt_person_pair, floor=cfg.kana_person_spelling_floor)
        elif person and "Hangul" in (a.script, b.script):
            other = self._hangul_person_pair
        elif person and "Thai" in (a.script, b.script):
            other = partial(self._spelt_person_pair, floor=cfg.thai_person_spelling_floor)
        elif person:
            other = self._roman_person_pair
        elif abjad and (a.script in ABJADS) == (b.script in ABJADS):
            other = self._both_abjads_pair
        elif abjad:
            other = self._abjad_pair if a.script in ABJADS else self._org_abjad_pair
        elif {a.script, b.script} <= ALPHABETS | {"Latin"}:
            cyrillic = "Cyrillic" in (a.script, b.script)
            other = self._cyrillic_pair if cyrillic else self._alphabet_pair
        elif {a.script, b.script} == {"Kana", "Latin"}:
            other = self._kana_pair if a.script == "Kana" else self._org_kana_pair
        else:
            other = self._roman_pair
        if "Latin" in (a.script, b.script) and not abjad:
            other = partial(letters_said, other, a.script == "Latin")
        roman = align(
            side_a.tokens, side_a.weights, unordered[0], side_b.tokens, side_b.weights,
            unordered[1], cfg.token_similarity, other,
        )  # fmt: skip
        score, _, found = self._rules(
            side_a, side_b, roman, person, contained_a, contained_b, short_b, written=True
        )
        if (
            person
            and not found
            and (korean_whole(self.korean, a, b) or korean_whole(self.korean, b, a))
        ):
            # A Korean name in one Hangul word is the whole name: it is not one part of a
            # longer one ("ijihyeon", 이지현, against ACHWAN, Muhammad), only the whole
            # name's sound and its syllables (below) may find it.
            score = min(score, cfg.person_conflict_max)
        floor = cfg.person_spelling_floor
        # An abjad's whole name is not spelt as a Latin one is (it writes few vowels), so it
        # sounds alike unspelt; but not against a Latin word, which is no whole name written
        # as one ("epson" and "ayub bashyr", ایوب بشیر, have near keys).
        one = a if len(side_a.tokens) == 1 else b
        unspelt = abjad and one.script != "Latin"
        if (
            person
            and one_word(side_a, side_b)
            and (unspelt or spelt_whole(a.roman, b.roman, floor))
        ):
            if pa.compact_key == pb.compact_key:
                score = max(score, cfg.sound_equal_score)
            elif max(len(pa.compact_key), len(pb.compact_key)) <= COMPACT_KEY_MAX and (
                self.sound.keys_near(pa.compact_key, pb.compact_key)
            ):
                score = max(score, cfg.sound_near_score)
        elif not person and self._sounds_whole(a.roman, pa.compact_key, b.roman, pb.compact_key):
            score = max(score, cfg.sound_equal_score)
        if not person and score < cfg.contained_score:
            least = cfg.org_roman_near_min_classes if abjad else cfg.org_roman_equal_min_classes
            alike = [(i, j) for i, j in roman.positions
                     if self.sound.equal(side_a.tokens[i], side_b.tokens[j], least)]  # fmt: skip
            if self._sounds_inside(side_a, side_b, alike, contained_b) or (
                self._word_sounds_whole(side_a, side_b, pb.compact_key, contained_b)
            ):
                score, found = cfg.contained_score, b.tokens
            elif self._sounds_inside(side_b, side_a, [(j, i) for i, j in alike], contained_a) or (
                self._word_sounds_whole(side_b, side_a, pa.compact_key, contained_a)
            ):
                score, found = cfg.contained_score, a.tokens
        if person:
            score = self._korean(a, b, score)
        if a.han != b.han:
            # Japanese or Korean with characters, compared by its kana or Hangul alone: a
            # name found inside a longer one (アクメ決済, "Acme settlement").
            score = min(score, cfg.contained_score)
        return Score(min(score, cfg.transliteration_max), "transliterated", roman, found)

    def _korean(self, a: NameForm, b: NameForm, score: float) -> float:
        """A Korean person's name in Hangul (or in Chinese characters, read as Korean)
        against a Latin one, by its syllables (korean.py): spelt by it, a transliterated
        hit; a name in Hangul against another Korean name in Latin letters, a different
        person (`person_conflict_max` at most)."""
        verdict = self.korean_verdict(a, b)
        if verdict:
            return max(score, self.config.sound_equal_score)
        if verdict is False:
            return min(score, self.config.person_conflict_max)
        return score

    def korean_verdict(self, a: NameForm, b: NameForm) -> bool | None:
        """Whether a Korean person's name in Hangul (or in Chinese characters) and a Latin
        one are one name by its syllables (korean.py); None when the rules say nothing."""
        if {a.script, b.script} not in ({"Hangul", "Latin"}, {"Han", "Latin"}):
            return None
        written, latin = (a, b) if a.script != "Latin" else (b, a)
        return self.korean.verdict(written.tokens, latin.tokens)

    def _word_sounds_whole(self, haystack: Side, needle: Side, key: str, allowed: bool) -> bool:
        """Whether one word of a longer name in another script sounds like the whole of an
        organisation's distinctive name of several words (`_sounds_whole`): kana writes a
        brand as one word among others ("アクメペイでお支払い", paid with Acme Pay)."""
        if not allowed or len(needle.tokens) < 2 or len(haystack.tokens) < 2:
            return False
        if not self.distinctive(needle.tokens, needle.factors, False):
            return False
        return any(
            self._sounds_whole((word,), self.sound.key(word), needle.tokens, key)
            for word in haystack.tokens
        )

    def _sounds_inside(
        self, haystack: Side, needle: Side, alike: list[tuple[int, int]], allowed: bool
    ) -> bool:
        """Whether an organisation's distinctive name is found inside a longer one in
        another script by sound, each of its words aligned in order ("Оплата через Акме",
        payment through Acme; "주식회사 아크메", Acme Co., Ltd.). `alike`: the positions in
        the haystack and in the needle of words with an equal key of
        `org_roman_equal_min_classes` or more (`org_roman_near_min_classes` in an abjad).
        Unlike `_contains` in one script, a distinctive word after it does not end it: a
        word in another script is not known for generic ("코리아", Korea, is a place)."""
        if not allowed or len(needle.tokens) >= len(haystack.tokens):
            return False
        if not self.distinctive(needle.tokens, needle.factors, False):
            return False
        at = {j: i for i, j in alike}
        found = [at.get(j, -1) for j in range(len(needle.tokens))]
        return -1 not in found and found == sorted(found)


def korean_whole(korean: KoreanNames, one: NameForm, many: NameForm) -> bool:
    """Whether `one` is a Korean person's whole name written as one Hangul word (a surname
    and a given name: korean.py) and `many` a name of two parts or more."""
    return (
        one.script == "Hangul"
        and len(one.tokens) == 1
        and len(many.tokens) >= 2
        and korean.split(one.tokens) is not None
    )
