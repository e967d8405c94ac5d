"""A query's other forms, each with the highest score it may give: without its reference
numbers, dates and amounts, with words run together split ("reportedAcme") and words written
apart joined ("Petro Iran"), with a last word cut off by a field's length completed ("Acme
Holdi"). A part of `NameIndex` (index.py) that reads the query, not the registry."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache, partial
from typing import Any

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .branches import branch_company
from .candidates import Postings
from .common_words import zipf
from .compounds import Compounds
from .cut import CutNames, Following
from .foreign_scripts import ForeignScripts
from .forms import NameForm
from .glued_brands import leading_brands
from .head_forms import HeadForms
from .initialisms import Initialisms
from .joined_brands import joined_brand
from .kontsevich import korean_readings
from .korean_kana import korean_readings as kana_korean
from .legal import name_before_more
from .letter_names import LetterNames
from .loanwords import loanword_readings
from .near import Words
from .normalize import Normaliser
from .pinyin import has_han
from .places import Places
from .plurals import firm_stem
from .references import split_references
from .script_readings import script_readings
from .sound import SoundKeys
from .spellings import LatinReadings
from .spelt_out import spelt_out
from .text import camel_words, clean, lookalike_reading, persian_reading, split_words
from .unvowelled import DroppedVowels
from .variants import Variant, standing

JOINED = 5  # join_split's least word: at 6 letters, "QZ Web Hamburg" (QZWeb) was CLEAR
RUN_TOGETHER_MAX_CHARS = 64  # longer, no name's words run together; each piece is looked up


class QueryRewrites(HeadForms, CutNames, Compounds, Initialisms, DroppedVowels):
    # What the index provides (index.py).
    config: MatchingConfig
    normaliser: Normaliser
    skip_inert_references: bool
    _words: Container[str]
    _vocabulary: frozenset[str]
    _lexical: Postings
    _lexical_persons: Postings
    _digit_text: str  # the registry's words holding a digit, apart by NUL
    _all_words: Words
    _compound_links: frozenset[str]
    sound: SoundKeys
    _has_partner: Callable[[str], bool]
    person_word: Callable[[str], bool]
    person_word_only: Callable[[str], bool]  # partners.py
    places: Places | None
    _firm_words: Container[str]  # the words of listed firms' names
    _grammar: frozenset[str]  # stop words (partners.py)

    # ------------------------------------------------------------------ matching
    def split_run_together(
        self, token: str, words: Container[str] | None = None
    ) -> tuple[str, ...] | None:
        """A long token the registry does not know, split into the fewest known words
        (`words`, or the registry's own and the generic, legal and run-together words); not
        a word English uses (`run_together_max_zipf`: "progressive" is not "Progres Sive"),
        unless a place's name ("Shanghai" is also the pinyin "shang hai"). A listed word may
        hold a digit ("smartmedia4u": "Smart Media4U"); a token of digits alone is none."""
        known = self._words if words is None else words
        if not 8 <= len(token) <= RUN_TOGETHER_MAX_CHARS or not token.isalnum():
            return None
        if token.isnumeric():
            return None
        if token in self._lexical.by_token or token in self._lexical_persons.by_token:
            return None
        n = len(token)
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for end in range(2, n + 1):
            for start in range(0, end - 1):
                prefix = best[start]
                if prefix is not None and token[start:end] in known:
                    candidate = (*prefix, token[start:end])
                    current = best[end]
                    if current is None or len(candidate) < len(current):
                        best[end] = candidate
        found = best[n]
        if found is None or len(found) < 2:
            return None
        if (
            token.isalpha()
            and zipf(token) >= self.config.run_together_max_zipf
            and not (self.places and self.places.length_at((token,), 0))
        ):
            return None  # asked last: reading wordfreq's list costs a start 0.1 s
        return found

    def split_particle(self, token: str) -> tuple[str, str] | None:
        """A name's particle written onto the word it goes with ("Alrawi", "Elbakri",
        "Abdulrahim", "Aboutalebi"), split off when the rest is a listed word of three
        letters or more, whether or not the registry also writes them together (a list
        spells one person "ALRAWI" and another "AL-RAWI")."""
        if not token.isalpha() or not token.isascii():
            return None
        for n in range(min(len(token) - 3, 5), 1, -1):
            head, rest = token[:n], token[n:]
            if head in self._compound_links and rest in self._words:
                return head, rest
        return None

    def split_two_names(self, token: str) -> tuple[str, str] | None:
        """Two parts of persons' names written as one ("Hamidreza", "Alireza", "Gholamreza"),
        split where both halves are words of listed persons' names, of three letters or
        more, when the registry also writes them together (a list spells one person
        "Hamidreza" and another "Hamid Reza"); a word it does not know is split by
        split_run_together."""
        if len(token) < 7 or not token.isalpha() or not token.isascii():
            return None
        persons = self._lexical_persons.by_token
        if token not in persons:
            return None  # a word no listed person has: split_run_together splits it
        for cut in range(3, len(token) - 2):
            if token[:cut] in persons and token[cut:] in persons:
                return token[:cut], token[cut:]
        return None

    def join_split(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """Adjacent words that the registry writes as one ("Kyrgyz Trans Avia", "QZ Web":
        `JOINED`) or that spell a word letter by letter ("Q U O R V E L": spelt_out.py)."""
        if len(tokens) < 2 or any(has_han(t) for t in tokens):
            return None
        spelt = spelt_out(tokens)
        out: list[str] = []
        i, changed, tokens = 0, spelt is not None, spelt or tokens
        while i < len(tokens):
            for n in (4, 3, 2):
                word = "".join(tokens[i : i + n])
                if i + n <= len(tokens) and len(word) >= JOINED and word in self._vocabulary:
                    out.append(word)
                    i += n
                    changed = True
                    break
            else:
                out.append(tokens[i])
                i += 1
        return tuple(out) if changed else None

    def variants(self, query: str) -> Sequence[Variant]:
        """The query's forms, each with the highest score it may give: the query itself;
        without reference numbers, dates and amounts ("Acme 12345"), uncapped; a company's
        name up to the legal form that ends it when the field goes on ("Acme Ltd, 1 Main
        Street"), at most `contained_score`; with Cyrillic or Greek lookalikes in a Latin word
        read as the letters they look like ("Аcme"), uncapped; in the Arabic script read the
        Persian way ("ثاقب", Saqib), in Hangul as a foreign name ("스콧", Scott), uncapped; a
        foreign name written in Chinese read back into Latin letters, at most
        `transliteration_max`; re-segmented ("reportedAcme") or with a compound name's parts
        joined, at most `compact_score`; with a last word cut off by a field's length
        completed (cut.py), at most `truncated_max`. And (heads.py, at most `contained_score`)
        up to a comma or a place that ends it, a card descriptor's processor and merchant,
        an acronym before generic words, for organisations; a payment's payee, the name up
        to a comma or a bracket or after a title of several words, for persons too."""
        references = self.config.references()
        split = split_references(query, *references)
        if split is None:
            found = self._variants_of(query, None)
        elif self.skip_inert_references and self._inert(split[1]):
            # What was taken away pairs with nothing listed: the query itself scores no
            # higher than without it, so the name alone is scored (test_candidate_bound.py).
            found = standing(self._variants_of(split[0], None))
        else:
            found = self._variants_of(query, split[0])
        out = list(found)
        out.extend(self.letter_variants(query))  # "T3nc3nt", "TNCNT HLDGS": unvowelled.py
        if split is None or found[0].form.tokens == (bare := self.normaliser.form(split[0])).tokens:
            self._heads(query, found[0].form, references, out)
        else:
            # The heads of the name without its reference: "Invoice from Acme Corporation ref
            # 12345" has the payee Acme Corporation only once "ref 12345" is gone.
            self._heads(split[0], bare, references, out, written=query)
        return out

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - the index lives as long as its caches
    def _variants_of(self, query: str, stripped: str | None) -> tuple[Variant, ...]:
        """`variants` of a query whose references, if any, are `stripped` away. Remembered:
        a payee recurs with a new reference each time ("Acme 12345", "Acme 12399"), and
        once the reference is found inert its forms are those of the bare name."""
        form = self.normaliser.form(query)
        name = stripped if stripped is not None else query
        cap = self.config.transliteration_max
        words = (
            [w for w in split_words(self.normaliser.fold(name)) if w]
            if form.script in ("Cyrillic", "Kana")
            else []
        )
        korean = self.hangul_readings(form.script, words)
        if korean:  # a Korean name: read back into Hangul instead of letter by letter
            out = [Variant(self.normaliser.form(h), cap, "transliterated") for h in korean]
            out.extend(joined_brand(form, self.normaliser, self.config))
        else:
            out = self._letter_forms(form, name, stripped)
        read = script_readings(form, name, words, self.normaliser, self.config)
        out.extend(self.foreign.held(read, form, name))
        cap = self.config.compact_score
        cleaned = clean(name)
        camel = camel_words(cleaned) if not cleaned.isupper() else cleaned
        if camel != cleaned:  # split and joined below too: "AcmeScanSDK" as "AcmeScan SDK"
            camelled = self.normaliser.form(camel)
            if camelled.tokens and all(camelled.tokens != v.form.tokens for v in out):
                out.append(Variant(camelled, cap))
        segmented: set[tuple[str, ...]] = set()
        for found in list(out):
            base = found.form
            if found.heard is not None and not found.heard.persons:
                continue  # a model's spelling of a word is that word's, never two run together
            # Splits and joins read the tokens only: a Hangul name's loanword reading has
            # its name's tokens, and would only repeat its name's forms.
            # A form made from another says what that one may (a reading's method, a
            # head's scope), and at most `compact_score`.
            derived = found._replace(cap=min(found.cap, cap))
            if base.tokens not in segmented:
                segmented.add(base.tokens)
                out.extend(derived._replace(form=f) for f in self._segmented(base.tokens))
            out.extend(
                derived._replace(form=f, persons=derived.persons or unlinked)
                for f, unlinked in self.compound_forms(base)
            )
        if form.script == "Latin":
            out.extend(self.cut_variants(name, self._following.get))
            out.extend(self.initialled(name, form))
        return tuple(out)

    def hangul_readings(self, script: str, words: list[str]) -> list[str]:
        """A Cyrillic or katakana name's Korean readings in Hangul (kontsevich.py,
        korean_kana.py), or none: a query's, and two words of text's (sounded_text.py)."""
        cfg = self.config
        if script == "Cyrillic":
            return korean_readings(words, cfg.hangul_surnames)
        if script == "Kana":
            return kana_korean(words, cfg.hangul_surnames, cfg.hangul_hanja)
        return []

    def _letter_forms(self, form: NameForm, name: str, stripped: str | None) -> list[Variant]:
        """The query's forms as it is written and read letter by letter (see `variants`):
        itself, without references, up to a name's end, its lookalikes', Persian and
        English readings, loanword forms and a foreign name in Chinese read back."""
        out = [Variant(form, 1.0)]
        if stripped is not None:
            bare = self.normaliser.form(stripped)
            if bare.tokens and bare.tokens != form.tokens:
                out.append(Variant(bare, 1.0, at=True))
        folded = self.normaliser.fold(name)
        # A branch's company is its name (branches.py); a name before more words, one inside.
        head = name_before_more(folded, self._name_ends)
        company = branch_company(folded, head, self._name_ends, self.config)
        named = self.normaliser.form(company or head or "")
        if named.tokens not in ((), form.tokens):
            cap = 1.0 if company else self.config.contained_score
            out.append(Variant(named, cap, None if company else "contained"))
        looks = lookalike_reading(name)
        if looks is not None:
            text, mixed = looks
            # A Latin word with a lookalike put in is that word; a word drawn only in
            # lookalikes is read so as a transliteration would be.
            cap, method = (
                (1.0, None) if mixed else (self.config.transliteration_max, "transliterated")
            )
            out.append(Variant(self.normaliser.form(text), cap, method))
        read = persian_reading(name)
        if read is not None:
            out.append(Variant(self.normaliser.form(read), 1.0))
        if form.script == "Latin":
            # Persons' names: an organisation keeps its Latin name in every language.
            cap = self.config.transliteration_max
            for english in self._person_readings(name):
                spelt = Variant(self.normaliser.form(english), cap, "transliterated")
                out.append(spelt._replace(persons=True))
        # A brand's letters written as their names (ケーメイト, KMate): organisations' only.
        lettered = self._letter_names.forms(form, self._reromanised, name)
        cap = self.config.transliteration_max
        out.extend(Variant(f, cap, "transliterated", organisations=True) for f in lettered)
        out.extend(joined_brand(form, self.normaliser, self.config))
        out.extend(leading_brands(form, self.normaliser, self.config))
        for found in list(out):
            out.extend(found._replace(form=f) for f in self._loanword_forms(found.form))
        return self.foreign.gated(out, form, name)

    def cut_variants(self, name: str, following: Following) -> list[Variant]:
        """The name's forms with a cut last word completed (`cut_completions`) as names
        written in Latin letters go on (`following`), at most `truncated_max`."""
        cap = self.config.truncated_max
        return [
            Variant(form, cap, cut=word)
            for text, word in self.cut_completions(name, following)
            if (form := self.normaliser.form(text)).tokens and form.script == "Latin"
        ]

    def initialled(
        self, name: str, form: NameForm, words: Container[str] | None = None
    ) -> list[Variant]:
        """The name with a run of its words given by their initials where a listed
        organisation's name has them (or `words` do: `Matcher.compare`; initialisms.py), at
        most `initialism_max`; only hits that pair the initials count, and initials alone
        only when long enough."""
        cap, alone = self.config.initialism_max, self.config.initialism_alone_min_letters
        out = []
        for made, initials in self.abbreviated(name, form, words):
            if made.tokens != form.tokens and initials in made.tokens:
                held = Variant(made, cap, organisations=True, initials=initials)
                out.append(held._replace(alone=len(initials) >= alone))
        return out

    @cached_property
    def _latin_readings(self) -> LatinReadings:
        return LatinReadings(self.config)

    def _person_readings(self, name: str) -> tuple[str, ...]:
        """A Latin person's name in English spelling and a Chinese one in pinyin."""
        readings = self._latin_readings
        return (*readings.readings(name), *readings.wade_giles(name))

    @cached_property
    def foreign(self) -> ForeignScripts:
        return ForeignScripts(self.config, self.normaliser, self._vocabulary, self._all_words.alike)

    @cached_property
    def _name_ends(self) -> frozenset[str]:
        return frozenset((*self.config.company_form_words, *self.config.name_end_words))

    def _segmented(self, tokens: tuple[str, ...]) -> list[NameForm]:
        """The name with its words run together split, and with words written apart
        joined where the registry writes them as one."""
        found = []
        pieces = [
            self.split_run_together(t) or self.split_particle(t) or self.split_two_names(t) or (t,)
            for t in tokens
        ]
        if any(len(p) > 1 for p in pieces):
            found.append(self.normaliser.form(" ".join(w for piece in pieces for w in piece)))
            # And with a listed word kept whole: "Abdullah ALSENUSSI" is "abdullah al
            # senussi", not "abd ullah al senussi", against AL-SENUSSI, Abdullah.
            kept = [(t,) if t in self._words else p for t, p in zip(tokens, pieces, strict=True)]
            if kept != pieces and any(len(p) > 1 for p in kept):
                found.append(self.normaliser.form(" ".join(w for piece in kept for w in piece)))
        joined = self.join_split(tokens)
        if joined is not None:
            found.append(self.normaliser.form(" ".join(joined)))
        if (stems := tuple(self.stem_of(t) or t for t in tokens)) != tokens:  # "Acmepays HK"
            found.append(self.normaliser.form(" ".join(stems)))
        return found

    @cached_property
    def stem_of(self) -> Callable[[str], str | None]:
        """`plurals.firm_stem` with this index's words, remembered: text asks every word."""
        stem = partial(firm_stem, firm_words=self._firm_words, words=self._words,
                       person_word=self.person_word, config=self.config)  # fmt: skip
        return lru_cache(maxsize=CACHE_ENTRIES)(stem)

    def _reromanised(self, form: NameForm, roman: tuple[str, ...], **factors: Any) -> NameForm:
        """`form` with other Latin words, and the sound keys that must follow them."""
        return replace(form, roman=roman, keys=tuple(self.sound.key(w) for w in roman), **factors)

    @cached_property
    def _letter_names(self) -> LetterNames:
        return LetterNames(self.config)

    def _loanword_forms(self, form: NameForm) -> list[NameForm]:
        """A name in Hangul, Thai, Greek or katakana with its words also read as a foreign
        name written in that script (`loanwords.loanword_readings`: "seukos" as "skot",
        Scott; "xmesxn" as "omeson", Amazon; "bainten" as "baiden", Biden; "fu jintao" as
        "hu jintao", Hu Jintao). ICU's own forms stay the first: they are what a name's
        transliteration is spelt as."""
        return [self._reromanised(form, r) for r in loanword_readings(form.script, form.roman)]

    def _inert(self, removed: list[str]) -> bool:
        """Whether words taken from a query as references can pair with nothing listed:
        no registry word is one of their pieces or near or sounds like one, and no listed
        name holds a number piece inside a word ("Acme 2000" is not "Acme2000 Ltd")."""
        for word in removed:
            for piece in filter(None, split_words(self.normaliser.fold(word))):
                if piece in self._vocabulary or piece in self._digit_text:
                    return False
                if piece.isdigit():
                    continue  # a number pairs only with itself, and sounds like nothing
                if self._has_partner(piece):
                    return False
        return True
