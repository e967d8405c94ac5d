"""Name normalisation: the one place that decides what two spellings have in common.

Lexical form: Unicode NFKC (folds full-width forms), invisible characters removed, case
folding, Latin accents folded (`é` → `e`), traditional → simplified Chinese (OpenCC),
apostrophes and letters with dots ("U.S.A.") joined, other punctuation to spaces,
abbreviations expanded, legal forms dropped (rigour's table and the forms it lacks), places
as single tokens (weighted down), the rest of Han text one token per character (Chinese
names align character by character). Other scripts' words stay in their script.

Phonetic form: the same name in pinyin syllables (tone marks, numbers removed; pypinyin): Han
characters become their syllables, Latin tokens that spell pinyin ("zhifubao", "Tengxun")
are split into syllables, and place names become their joined pinyin ("shenzhen"). Chinese
and Latin names are compared in this form.

Roman form: every word in Latin letters (text.romanise for other scripts, pinyin for Han),
with a sound key per word (sound.py). Names in two different scripts other than Chinese
and Latin are compared in this form. The tables come from data/matching.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache, partial

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES, FOLD_KEPT_CHARS, FOLDS_KEPT
from . import pinyin
from .forms import NameForm, by_first_token, code_phrases, replace_phrases
from .kinds import OrgKinds
from .legal import PIECES, LegalForms
from .persons import inverted, person_factors, title_words
from .pinyin import HAN_CLASS, has_han, pinyin_reading, pinyin_syllables, split_pinyin, untoned
from .sound import SoundKeys
from .text import (
    clean,
    fold_latin,
    join_lost_letters,
    mark_geresh,
    romanise,
    script_of,
    split_words,
)

_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019\u02bc`]s\b")
# Chinese does not separate words: spaces and punctuation between Han characters go.
_HAN_GAP = re.compile(f"(?<=[{HAN_CLASS}])[\\W_]+(?=[{HAN_CLASS}])")


# Alphabets whose short words are often acronyms ("WPS", "ООО"). A three-letter word in
# Hangul, kana or an abjad is a whole name ("박지성", "علي").
_ACRONYMS = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian"})


class Normaliser:
    """Turns a name into comparable forms. Build one per matching configuration."""

    def __init__(self, config: MatchingConfig) -> None:
        self._abbreviations = {k.replace("'", ""): v for k, v in config.abbreviations.items()}
        self.legal = LegalForms(config)
        self.kinds = OrgKinds(config)
        self._place_phrases = by_first_token(config.place_phrases)
        self._place_codes = code_phrases(config.place_codes)  # a firm's reading only
        han_places = tuple(han for _, han in config.places)  # and in pinyin: "... (Zhongguo)"
        self._places_latin = frozenset(p for p, _ in config.places) | pinyin.read_words(han_places)
        self._place_suffixes = tuple(config.place_suffixes_han)
        generic_han = pinyin.read_words(tuple(config.generic_words_han))
        self._generic_latin = frozenset(config.generic_words_latin) | self.kinds.words | generic_han
        # the words a country's code may be followed by in a firm's name (`place_codes`):
        # codes too, as written in one word ("us") and as read, so "us us" reads the same
        self._light = self._generic_latin | self._places_latin | self.legal.words
        self._light |= {w for c, ps in config.place_codes.items() for w in (c, *ps) if " " not in w}
        self._stop_words = frozenset(config.stop_words)
        self._company_forms = frozenset(config.company_form_words)
        self._titles = title_words(config)
        self._title_weight = config.person_title_weight
        self._particles = frozenset(config.name_particles)
        self._particle_weight = config.name_particle_weight
        self.sound = SoundKeys(config)
        self._place_weight = config.place_weight
        self._generic_weight = config.generic_weight
        self._short_weight = config.short_token_weight
        self._short_max = config.short_token_max_chars
        self._person_factors = partial(person_factors, short_weight=self._short_weight,
            short_max=self._short_max, patronymic_weight=config.patronymic_weight,
            patronymic_suffixes=tuple(config.patronymic_suffixes))  # fmt: skip
        # Han words weighted down, by first character, longest first: (word, factor, is_place)
        self._han_words: dict[str, list[tuple[str, float, bool]]] = defaultdict(list)
        han_words = [(han, config.place_weight, True) for _, han in config.places]
        han_words += [(w, config.generic_weight, False) for w in config.generic_words_han]
        for item in sorted(han_words, key=lambda item: len(item[0]), reverse=True):
            self._han_words[item[0][0]].append(item)
        self._syllables = syllables = pinyin_syllables()
        # split_pinyin, remembered: names share most of their words.
        self._split_pinyin = lru_cache(CACHE_ENTRIES)(partial(split_pinyin, syllables=syllables))
        # Names repeat heavily in real files; free text does not, so it uses tokenize().
        self.tokens = lru_cache(maxsize=CACHE_ENTRIES)(self.tokenize)
        self.form = lru_cache(maxsize=CACHE_ENTRIES)(self._form)
        # One name is folded up to five times while its form is made (its pieces, legal
        # forms, person's reading, whether words were dropped): the last few are remembered
        # when folding costs more than remembering (not ASCII: Chinese is simplified).
        self._folded = lru_cache(maxsize=FOLDS_KEPT)(self._fold)

    def fold(self, text: str) -> str:
        """Width, case and script folding, without tokenising."""
        if text.isascii() or len(text) > FOLD_KEPT_CHARS:  # long: free text, not kept alive
            return self._fold(text)
        return self._folded(text)

    def _fold(self, text: str) -> str:
        text = untoned(clean(text).casefold(), self._syllables)  # "teng2xun4": no tones
        if has_han(text):
            text = pinyin.to_simplified(text)
        if not text.isascii():
            text = mark_geresh(text)
        return _APOSTROPHES.sub("", join_lost_letters(_POSSESSIVE.sub("", text)))

    def _join_place_phrases(self, tokens: list[str], legal: bool = False) -> list[str]:
        joined = replace_phrases(tokens, self._place_phrases, join=True)
        if not legal:  # a person's reading keeps its words ("Abd-us-Samad")
            return joined
        coded = self._place_codes  # and a firm's, a country's code as one ("U.S.": "usa")
        return replace_phrases(joined, coded.phrases, True, coded.codes, self._light)

    # ------------------------------------------------------------------ tokens
    def _han_tokens(self, run: str) -> list[tuple[str, float]]:
        """Characters with their factors; an administrative suffix after a place is dropped."""
        out: list[tuple[str, float]] = []
        i = 0
        while i < len(run):
            for word, factor, is_place in self._han_words.get(run[i], ()):
                if run.startswith(word, i):
                    out.extend((ch, factor) for ch in word)
                    i += len(word)
                    if is_place and i < len(run) - 1 and run[i] in self._place_suffixes:
                        i += 1
                    break
            else:
                out.append((run[i], 1.0))
                i += 1
        return out

    def _latin_factor(self, token: str) -> float:
        if token in self._places_latin:
            return self._place_weight
        if token in self._titles:
            return self._title_weight
        if token in self._particles:
            return self._particle_weight
        if token in self._generic_latin:
            return self._generic_weight
        if len(token) <= self._short_max and (token.isascii() or script_of(token) in _ACRONYMS):
            return self._short_weight
        return 1.0

    def _pieces(self, text: str, legal: bool = True) -> list[str]:
        folded = _HAN_GAP.sub("", self.fold(text))
        if legal and not has_han(folded):
            # Letters with dots as one word ("u.s.a." holds "s.a."), then kinds of
            # organisation (misspelt too; kinds.py), whose phrases hold legal forms.
            folded = self.kinds.rewrite(self.kinds.respell(self.legal.initials_joined(folded)))
            # Legal forms of several words, and those written with dots ("limited liability
            # company", "s.a. de c.v."), are rigour's to find in the text as written, before
            # the words are split and single legal words dropped one by one. A name made
            # only of legal forms keeps its words (see _analyse_pieces).
            stripped = self.legal.without_org_types(folded)
            if stripped != folded and any(
                w and fold_latin(w) not in self.legal.words for w in split_words(stripped)
            ):
                folded = stripped
        pieces: list[str] = []
        for word in split_words(folded):
            for piece in PIECES.findall(word):
                if has_han(piece):
                    pieces.append(piece)
                    continue
                if not piece.isascii() and script_of(piece) == "Latin":
                    # Accents fold; a ligature or "ß" may become more than one word.
                    for part in split_words(fold_latin(piece)):
                        if part:
                            pieces.append(self._abbreviations.get(part, part))
                    continue
                pieces.append(self._abbreviations.get(piece, piece))
        return pieces

    def _analyse(self, text: str, legal: bool = True) -> list[tuple[str, float]]:
        """Tokens with factors, re-analysed until stable so that normalising is idempotent
        (removing one legal form can bring two Han runs, or two words of a place, together).

        The next pass is skipped when it cannot change anything, provided the tokens read
        back as the same pieces: when the tokens are the pieces they came from (the same
        pieces would be analysed again); or, for Latin text, when no token is a stop word
        and no two tokens form a place phrase, since the legal-form step returns only lists
        it leaves as they are and Latin factors depend on the token alone.

        Without `legal`, Latin legal forms are words like any other (a person's reading).
        """
        pieces = self._pieces(text, legal)
        analysed = self._analyse_pieces(pieces, legal)
        tokens = [t for t, _ in analysed]
        if (
            tokens == pieces
            or (
                not any(map(has_han, pieces))
                and not any(t in self._stop_words for t in tokens)
                and self._join_place_phrases(tokens, legal) == tokens
            )
        ) and self._pieces(" ".join(tokens), legal) == tokens:
            return analysed
        for _ in range(4):
            again = self._analyse_once(" ".join(t for t, _ in analysed), legal)
            if [t for t, _ in again] == [t for t, _ in analysed]:
                return again
            analysed = again
        return analysed

    def _analyse_once(self, text: str, legal: bool = True) -> list[tuple[str, float]]:
        return self._analyse_pieces(self._pieces(text, legal), legal)

    def _analyse_pieces(self, pieces: list[str], legal: bool = True) -> list[tuple[str, float]]:
        if not pieces:
            return []
        kept = [p for p in pieces if p not in self._stop_words] or pieces
        kept = self._join_place_phrases(kept, legal)
        cleaned = [
            p
            for p in (self.legal.drop_latin(kept) if legal else kept)
            if not (has_han(p) and self.legal.is_han_form(p))
        ] or kept
        out: list[tuple[str, float]] = []
        for piece in cleaned:
            if has_han(piece):
                out.extend(self._han_tokens(self.legal.strip_han_form(piece)))
            else:
                out.append((piece, self._latin_factor(piece)))
        return out

    def _person_tokens(self, text: str) -> tuple[str, ...]:
        return tuple(token for token, _ in self._analyse(text, legal=False))

    def tokenize(self, text: str) -> tuple[str, ...]:
        """Comparable tokens of a name; never empty for a name with any letter or digit."""
        return tuple(token for token, _ in self._analyse(text))

    def text_tokens(self, text: str) -> tuple[str, ...]:
        """Tokens of free text: one pass, since text is searched, never compared as a key."""
        return tuple(token for token, _ in self._analyse_once(text))

    def key(self, text: str) -> str:
        return " ".join(self.tokens(text))

    def compact(self, text: str) -> str:
        return "".join(self.tokens(text))

    def _roman(
        self,
        analysed: list[tuple[str, float]],
        phonetic: tuple[str, ...],
        phonetic_factors: tuple[float, ...],
        read: bool = False,
    ) -> tuple[tuple[str, ...], tuple[float, ...], str]:
        """Every word in Latin letters, and the name's script: its first script other than
        Latin and Han, else Han if it has Han, else Latin. A Chinese name is read as its
        pinyin syllables (the phonetic form): Chinese meets Latin by them, and no other
        script (scoring.py). Japanese and Korean with characters among their kana or Hangul
        are read by their other words: pinyin is not how they read the characters. With
        `read`, a word in an Indian script as its language spells names (indic.py)."""
        roman: list[str] = []
        factors: list[float] = []
        other: str | None = None
        han = False
        for token, factor in analysed:
            if token.isascii():
                roman.append(token)
                factors.append(factor)
                continue
            if has_han(token):
                han = True
                continue
            written = script_of(token)
            if other is None and written not in ("Latin", "Common"):
                other = written
            for part in romanise(token, read):
                roman.append(part)
                factors.append(min(factor, self._latin_factor(part)))
        if han and other is None:
            return phonetic, phonetic_factors, "Han"
        return tuple(roman), tuple(factors), other or "Latin"

    def _form(self, text: str) -> NameForm:
        """A query's form, with its person's reading."""
        form = self.plain_form(text)
        if self.may_be_name_parts(text, form):
            # Words read as legal forms may be parts of a person's name ("Kim In Ho", "Ali
            # As Sayed", "Park Ae-ri", whose "ae" is dropped though it names no class): a
            # reading that keeps them is the one persons are scored by.
            person = self.person_form(text)
            if person.tokens != form.tokens:
                return replace(form, person_reading=person)
        return form

    def may_be_name_parts(self, text: str, form: NameForm) -> bool:
        """Whether a word read as a legal form may be part of a person's name: a short word
        (three letters or fewer) that is not a company's form only (`company_form_words`)
        nor a stop word; or whether a word was read as a kind of organisation ("Robert
        Plant")."""
        folded = self.fold(text)
        if self.kinds.rewrites(folded):
            return True
        kept = set(form.tokens)
        return any(
            w and len(w) <= 3 and w not in kept and w not in self._company_forms
            and w not in self._stop_words and not has_han(w)
            for w in _words_as_read(folded)
        )  # fmt: skip

    def plain_form(self, text: str, read: bool = False) -> NameForm:
        """The form without a person's reading: a listed name that is not a person's. With
        `read`, its words in an Indian script read as their languages spell names: "randhir"
        for रणधीर, which ICU writes "ranadhira" (indic.py)."""
        return self._built(text, self._analyse(text), self.legal_forms(text), read=read)

    def person_form(self, text: str) -> NameForm:
        """The reading persons are scored by: Latin words read as legal forms kept."""
        return self._built(text, self._analyse(text, legal=False), frozenset(), legal=False)

    def _built(
        self,
        text: str,
        analysed: list[tuple[str, float]],
        legal_forms: frozenset[str],
        legal: bool = True,
        read: bool = False,
    ) -> NameForm:
        tokens = tuple(t for t, _ in analysed)
        phonetic, phonetic_factors = pinyin_reading(analysed, self._split_pinyin)
        roman, roman_factors, script = self._roman(analysed, phonetic, phonetic_factors, read)
        factors = tuple(f for _, f in analysed)
        folded = self.fold(text)
        last = [*_words_as_read(folded)][-1:] if legal_forms else []
        lead = inverted(text, tokens, self.tokenize if legal else self._person_tokens)
        return NameForm(
            tokens=tokens,
            factors=factors,
            phonetic=phonetic,
            phonetic_factors=phonetic_factors,
            han=any(has_han(t) for t in tokens),
            legal_forms=legal_forms,
            roman=roman,
            roman_factors=roman_factors,
            keys=tuple(self.sound.key(t) for t in roman),
            script=script,
            person_factors=self._person_factors(tokens, factors, lead),
            roman_person_factors=self._person_factors(roman, roman_factors, lead),
            inverted=lead,
            reduced=len(tokens) < len(folded.split()),
            legal_last=bool(last) and last[0] not in tokens,
        )

    def looks_like_person(self, form: NameForm, text: str | None = None, han: bool = False) -> bool:
        """A name that carries no legal form and no word of organisations (generic words,
        places) and is not Chinese: compared by persons' rules when no schema is given.
        With the name's `text`, also none of the legal forms' words rigour has no class
        for ("Melli Sakhteman Company"): of four letters or more, or a company's form
        that no person's name holds (`company_form_words`). With `han`, a Chinese name too."""
        if (form.han and not han) or not self.names_nothing_organisational(form):
            return False
        if text is None:
            return True
        return not any(
            w in self._company_forms or (len(w) >= 4 and w in self.legal.words)
            for w in _words_as_read(self.fold(text))
        )

    def left_out(self, word: str) -> bool:
        """Whether a name's tokens leave a word out: a stop word or a legal-form word."""
        folded = self.fold(word)
        return any(folded in words for words in (self._stop_words, self._company_forms,
                                                 self.legal.words))  # fmt: skip

    def names_nothing_organisational(self, form: NameForm) -> bool:
        """A name without a legal form or a word of organisations (generic words, places)."""
        if form.legal_forms or not form.tokens:
            return False
        organisational = (self._generic_weight, self._place_weight)
        return not any(f in organisational for f in form.factors)

    def legal_forms(self, text: str) -> frozenset[str]:
        """Generic classes of the legal forms a name carries ("oy" is llc, "s.a." is jsc)."""
        return self.legal.classes(self.fold(text))


def _words_as_read(folded: str) -> Iterator[str]:
    """A folded text's words, a Latin word as its token reads ("ço" is "co", "šl" is "sl"),
    for comparing them with tables of tokens."""
    return (fold_latin(w) if script_of(w) == "Latin" else w for w in split_words(folded))
