"""Text in scripts other than Latin and Chinese, read by how it sounds (a part of
`FreeTextIndex`, freetext.py): its runs of words matched as names in windows of a few words
(sounded_windows.py); an app's or brand's name written apart, whole; a listed person's name
when words side by side are the name as a payee's would be (`_persons_said`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Container
from functools import cached_property, lru_cache, partial
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..tunables import CACHE_ENTRIES
from .across import ABJADS
from .common_words import zipf_in
from .entries import NameEntry, NameMatch
from .index import NameIndex
from .loanwords import loanword_readings
from .misspelt_persons import every_word
from .russian_cases import nominative_reading
from .similarity import Alignment, Pairs
from .sounded_windows import (
    SOUNDED_WINDOWS,
    SOUNDED_WORD_MAX_CHARS,
    SOUNDED_WORDS,
    UNSPACED,
    abjad_brand,
    brand_windows,
    korean_name_words,
    word_windows,
)
from .text import script_of
from .text_hit import TextHit
from .variants import Variant

# The most words of another script's text read as one listed person's name (_persons_said).
_PERSON_WORDS = 4
# Scripts whose text writes a person's names apart, as Latin does (`_scan_persons`).
_SPACED = frozenset({"Cyrillic", "Greek", "Armenian", "Georgian"})

Hits = dict[tuple[str, str], TextHit]
# How alike (rapidfuzz's ratio, 0-100) a window of words apart, romanised and joined, is to
# some app's or brand's name for the window to be matched at all: the windows that find
# the names written apart of bench/apart_text_brands.py are 52-86 alike; of the windows of
# its texts of frequent words, a fifth to a quarter are (Russian, Korean, Hindi, Greek,
# Japanese), and the others are not matched.
_BRAND_RATIO = 50
# The fewest letters of a word of text read alone as a brand's name (`_words_alone`): a
# Hangul syllable is two or three of another script's.
_ALONE_MIN_CHARS = 4
_ALONE_MIN_SYLLABLES = 3
# How many of an entity's names met `contained` are set aside for one it sounds like.
_UNMASK_TRIES = 3


class SoundedText:
    # What the free-text index provides (freetext.py).
    names: NameIndex
    _searched: Container[str]
    _brand_romans: Collection[str]  # searched apps' and brands' names, romanised and joined
    _scan_persons: Callable[..., None]

    def _scan_sounded(self, tokens: tuple[str, ...], read: str, hits: Hits) -> None:
        """The text's windows in other scripts (sounded_windows.py) matched as names, their
        hits added to `hits`."""
        config = self.names.config
        windows = [(w, False) for w in word_windows(tokens, tuple(config.hangul_particles))]
        if not read.isascii():
            windows += [(w, True) for w in brand_windows(tokens)]
            self._words_alone(tokens, hits)
            self._korean_names(tokens, hits)
        for window, brand in windows[:SOUNDED_WINDOWS]:
            # Of the names searched, spelt alike (`_sounded`): another name of the app that is
            # not may sound as much like the text (an abbreviation of a Korean word), hide it.
            # A window of words apart in a script other than Arabic's and Hebrew's is matched
            # only when spelt at all like a brand, and by its forms but persons' spellings
            # (a dozen a Cyrillic window, each scored, for hits `abjad_brand` turns away).
            apart = brand and script_of(window) not in ABJADS
            if apart and not self._may_be_brand(window):
                continue
            forms = [v for v in self.names.variants(window) if not v.persons] if apart else None
            alone = self._one_word(window) if brand else ()  # its one word, romanised
            glued = self._glued(window, alone)
            floor = config.abjad_text_word_spelling_floor
            if glued is not None:
                floor = config.unspaced_text_word_spelling_floor
            # A window of words apart is a brand's name or nothing: of an organisation's names,
            # its brands' are heard ("Оплата Ант Груп": its legal name sounded more alike).
            admit = self._sounded_brand if brand else self._sounded
            for found in self.names.match(window, admit, forms):
                if (match := self._unmasked(window, found, forms, admit)) is None:
                    continue
                key = (match.entry.entity_id, match.entry.key)
                if match.entry.person:
                    # Persons in the word windows only (Arabic's and Hebrew's sound like many).
                    if not brand and (hit := self._person_hit(match, window)) is not None:
                        hits.setdefault(key, hit)
                    continue
                if match.method != "transliterated":
                    continue
                if not brand and not self._said_by_rarer_words(match, window):
                    continue
                if brand and not abjad_brand(
                    match, self._brands, config.sound_equal_score, alone,
                    floor, glued,
                ):  # fmt: skip
                    continue
                hits.setdefault(key, TextHit(match.entry, window, sounded=True))
            if brand:
                continue
            # A person's name misspelt or with initials, romanised ("Шойгу С.К.", declined:
            # "Оплата М. С. Горбачёву"); not Hangul or kana, which write a name as one word.
            nominal = nominative_reading(window)
            readings = (window, nominal) if script_of(window) in _SPACED else ()
            for form in (self.names.normaliser.form(r) for r in readings if r):
                if len(form.roman) == len(form.tokens):  # and as a foreign name written in
                    # Greek letters: "Γκορμπατσόφ" is "gorbatsof" (loanwords.py)
                    for roman in (form.roman, *loanword_readings(form.script, form.roman)):
                        self._scan_persons(roman, hits, True, form.tokens)
            # ... and a person's name declined as Russian declines it ("перевод Горбачёву
            # Михаилу Сергеевичу", russian_cases.py), read back to the nominative
            if nominal is not None:
                for match in self.names.match(nominal, self._sounded):
                    if match.entry.person and (hit := self._person_hit(match, nominal)):
                        hits.setdefault((match.entry.entity_id, match.entry.key), hit)

    def _unmasked(
        self,
        window: str,
        match: NameMatch,
        forms: list[Variant] | None,
        admit: Callable[[NameEntry, Alignment], bool],
    ) -> NameMatch | None:
        """An organisation's best name in a window, or its best one found by sound when the
        best is found inside the window otherwise (`contained`, which text does not count):
        "Оплата Акме Холдингс" met a made-up Acme Holdings Limited so, which hid Acme, met
        by sound, where "Оплата Акме" found Acme."""
        hidden: set[str] = set()
        while not match.entry.person and match.method == "contained":
            hidden.add(match.entry.key)
            if len(hidden) > _UNMASK_TRIES:
                return None
            other = partial(self._other_name, match.entry.entity_id, frozenset(hidden), admit)
            found = self.names.match(window, other, forms)
            if not found:
                return None
            match = found[0]
        return match

    def _other_name(
        self,
        entity: str,
        hidden: frozenset[str],
        admit: Callable[[NameEntry, Alignment], bool],
        entry: NameEntry,
        alignment: Alignment,
    ) -> bool:
        """`admit`, for the names of `entity` but those `hidden`."""
        return entry.entity_id == entity and entry.key not in hidden and admit(entry, alignment)

    def _may_be_brand(self, window: str) -> bool:
        """Whether a window's words romanised and joined are spelt at all like a searched
        app's or brand's name (`_BRAND_RATIO`): only those are matched, which costs a
        millisecond and more a window (in Hangul three: its foreign spellings)."""
        form = self.names.normaliser.form(window)  # as written, and read as a loanword
        readings = (form.roman, *loanword_readings(form.script, form.roman))  # ("Γουί Τσατ")
        return any(process.extractOne("".join(r), self._brand_list, scorer=fuzz.ratio,
                                      score_cutoff=_BRAND_RATIO) is not None
                   for r in readings)  # fmt: skip

    @cached_property
    def _brand_list(self) -> list[str]:
        return sorted(self._brand_romans)

    @cached_property
    def _brands(self) -> frozenset[str]:
        """`joined_brand_name_kinds`, made once rather than for every text."""
        return frozenset(self.names.config.joined_brand_name_kinds)

    def _person_hit(self, match: NameMatch, window: str) -> TextHit | None:
        """A listed person met by a window, at the words of it that say the name
        (`_persons_said`), or None when no words side by side do."""
        span = self._persons_said(window).get(match.entry.entity_id)
        return None if span is None else TextHit(match.entry, span, sounded=True)

    @staticmethod
    def _glued(window: str, alone: tuple[str, ...]) -> tuple[str, ...] | None:
        """A one-word window of a script written without spaces (`unspaced_windows`): its
        other readings as a loanword, joined; None for any other window."""
        script = script_of(window)
        if len(alone) != 1 or script not in UNSPACED:
            return None
        return tuple("".join(r) for r in loanword_readings(script, alone))

    def _said_by_rarer_words(self, match: NameMatch, window: str) -> bool:
        """Whether an organisation's name met by one word of a window of words is said by the
        window's words other than its language's frequent ones: one word sounds like too
        many names ("अलावा", "alava", Hindi's "besides", and "ホテル", hotel, each like a
        listed app's; "αντίγραφο", copy, like a listed group's). A word spelt as the name
        is, or as it begins with its ending declined (`text_frequent_word_spelling`), is
        kept (a brand the news writes often, in its own letters; "Квортекса", "kvorteksa",
        the genitive of a made-up "Quortex")."""
        floor = self.names.config.text_frequent_word_spelling
        pairs = match.alignment.pairs
        if len(pairs) > 1 or _spelt_alike(pairs, floor):
            return True  # (a name met otherwise than word for word has no pairs)
        words = window.split()
        kept = [w for w in words if not self._frequent(w)]
        if len(kept) == len(words):
            return True
        entity = match.entry.entity_id
        return bool(kept) and any(
            found.entry.entity_id == entity and found.method == "transliterated"
            for found in self.names.match(" ".join(kept), self._sounded)
        )

    def _words_alone(self, tokens: tuple[str, ...], hits: Hits) -> None:
        """A brand's one-word name written as one word of text in another script that sounds
        only near it, as a payee's would be found ("Оплата Хуавей", "hua-vei"): inside a
        window of words only a word that sounds like it counts. A word its language uses
        often (`_frequent`) is not read so, and the word must be spelt at least
        `text_word_alone_spelling_floor` like the name."""
        config = self.names.config
        floor = config.text_word_alone_spelling_floor
        # (in a long text, the words its windows reach: `SOUNDED_WORDS`)
        for token in dict.fromkeys(tokens[:SOUNDED_WORDS]):
            script = script_of(token)
            least = _ALONE_MIN_SYLLABLES if script == "Hangul" else _ALONE_MIN_CHARS
            if (len(token) < least or token.isascii() or script not in config.text_word_languages
                    or self._frequent(token)):  # fmt: skip
                continue
            for match in self.names.match(token, self._sounded):
                entry, pairs = match.entry, match.alignment.pairs
                if (entry.person or len(entry.tokens) != 1 or entry.name.kind not in self._brands
                        or match.method != "transliterated"
                        or not _spelt_alike(pairs, floor)):  # fmt: skip
                    continue
                hits.setdefault((entry.entity_id, entry.key), TextHit(entry, token, sounded=True))

    def _korean_names(self, tokens: tuple[str, ...], hits: Hits) -> None:
        """A listed person's Korean name written as one Hangul word of text, as Korean
        writes a whole name ("송금 김여정", remittance to KIM Yo Jong; "오극렬에게", to O
        Kuk-Ryol): a word the windows of words apart never read as a name alone. Only a
        word, with the particle or honorific on its end taken off (`hangul_particles`,
        `hangul_name_suffixes`), that the Korean rules read as a surname and a given name
        of `korean_text_name_min_syllables` or more syllables in all, each syllable spelt
        as the listed name's by Korean's own spellings (korean.py; not by the Mandarin of
        the characters a syllable may read: "장기간", a long time, is no ZHANG Jian). And
        two katakana words side by side read as such a name in Hangul (korean_kana.py:
        "送金 キム・ヨジョン"), whose reading aligns the surname alone with the listed name."""
        config = self.names.config
        korean = self.names.scorer.korean
        words = tokens[:SOUNDED_WORDS]
        for token in dict.fromkeys(words):
            if script_of(token) != "Hangul" or len(token) > SOUNDED_WORD_MAX_CHARS:
                continue
            for word in korean_name_words(token, config):
                if korean.split((word,)) is not None:
                    self._korean_hits((word,), word, hits)
        kana = [
            t if script_of(t) == "Kana" and len(t) <= SOUNDED_WORD_MAX_CHARS else "" for t in words
        ]
        for pair in dict.fromkeys(p for p in pairwise(kana) if all(p)):
            for reading in self.names.hangul_readings("Kana", list(pair)):
                name = tuple(reading.split())
                if len("".join(name)) >= config.korean_text_name_min_syllables:
                    self._korean_hits(name, " ".join(pair), hits)

    def _korean_hits(self, name: tuple[str, ...], said: str, hits: Hits) -> None:
        """Hits on the listed persons a Korean name in Hangul (`name`, written in the text
        as `said`) is, by the Korean rules (`_korean_names`)."""
        korean = self.names.scorer.korean
        least = self.names.config.free_text_sounded_person_score
        for match in self.names.match(" ".join(name), self._sounded):
            entry = match.entry
            if not entry.person or match.score < least:
                continue
            if korean.hangul_verdict(name, entry.tokens, mandarin=False):
                hit = TextHit(entry, said, sounded=True)
                hits.setdefault((entry.entity_id, entry.key), hit)

    def _frequent(self, word: str) -> bool:
        """Whether a word is used often in its script's languages (`text_word_languages`),
        at least `text_frequent_word_zipf`."""
        config = self.names.config
        languages = config.text_word_languages.get(script_of(word), ())
        return bool(languages) and zipf_in(word, languages) >= config.text_frequent_word_zipf

    def _one_word(self, window: str) -> tuple[str, ...]:
        """A window of one word's romanised words (none for a window of several)."""
        return () if " " in window else self.names.normaliser.form(window).roman

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - once per window, however many persons meet it
    def _persons_said(self, window: str) -> dict[str, str]:
        """Entity → the first words of a window, two or more side by side, longest first,
        that are a listed person's name as a payee's would be, each of them read as one of
        the name's, at least `free_text_sounded_person_score`. One word of text sounds like
        too many persons' names ("かな漢字" like a listed "KONY, Ali"), and a window's other
        words make the name only `contained` in it."""
        words, least = window.split(), self.names.config.free_text_sounded_person_score
        said: dict[str, str] = {}
        for n in range(min(_PERSON_WORDS, len(words)), 1, -1):
            for i in range(len(words) - n + 1):
                span = " ".join(words[i : i + n])
                for match in self.names.match(span, self._sounded):
                    if match.entry.person and every_word(match, n) and match.score >= least:
                        said.setdefault(match.entry.entity_id, span)
        return said

    def _sounded_brand(self, entry: NameEntry, alignment: Alignment) -> bool:
        """`_sounded`, for an organisation's brand or app name (`joined_brand_name_kinds`)."""
        return entry.name.kind in self._brands and self._sounded(entry, alignment)

    def _sounded(self, entry: NameEntry, alignment: Alignment) -> bool:
        """Whether a name searched in text may be found in it by sound: text holds many more
        words than a name, so each word read as the name's must also be spelt half like it
        ("putinas" sounds like another app's name)."""
        if searched_key(entry) not in self._searched:
            return False
        if entry.person:  # its words side by side in the text instead (_persons_said)
            return True
        floor = self.names.config.org_roman_spelling_floor
        return all(OSA.normalized_similarity(a, b) >= floor for a, b, _ in alignment.pairs)


def _spelt_alike(pairs: Pairs, floor: float) -> bool:
    """Whether a match aligned words, each spelt at least `floor` like the name's word it
    was read as (`_spelt_as`); a match that aligned none, as a glued name may, is not."""
    return bool(pairs) and all(_spelt_as(a, b) >= floor for a, b, _ in pairs)


def _spelt_as(word: str, name: str) -> float:
    """How alike a word of text is spelt to a name, whole or in as many letters as the
    name has (a name declined: "kvorteksa", "kvorteks")."""
    return max(OSA.normalized_similarity(word, name),
               OSA.normalized_similarity(word[: len(name)], name))  # fmt: skip


def searched_key(entry: NameEntry) -> str:
    """An entry as `FreeTextIndex._searched` holds it."""
    return f"{entry.entity_id}\x1f{entry.key}"
