"""Find registry names inside free text (remittance information, invoice lines).

Only whole-token phrases count: "cam scanner" in an invoice for a document scanner is two
tokens and does not spell a one-word app name "CamScan". Short Latin names and names marked
`free_text: false` in the data are never searched for, since they occur by chance; nor are
names of one word but apps', trade and abbreviated names (`NameEntry.found_inside`: a list's
"DANIEL", a vessel, was found in "Payment to Daniel Mann"), unless an organisation's, all
of the payee a payment's words name ("Donation to HAMAS", `text_firms.py`). A person's
name is found as it is written or in its spoken order ("Wire from SHOIGU, Sergei", "Payment
to Sergei Shoigu"), but not with a part of a listed person's name right beside it, where it
is part of another person's longer name; and without its middle names or with a word spelt
otherwise, as the payee's field would find it ("Alyaksandr Lukashenka", short_persons.py;
"Sergei Shoygu", misspelt_persons.py), a REVIEW at most.

Text in a script other than Latin and Chinese writes an app's name as it sounds ("Оплачено
через Акмепэй"): its runs of such words are also matched as names, in windows of a few
words, and a searched name found in one by sound (method `transliterated`), each word
spelt half like the name's, is a hit too, `sounded`: not strong enough to BLOCK on its
own. So is a person's name ("Оплата для Сергей Шойгу"), when two to four words side by
side, each read as one of the name's, are the name as a payee's would be, at
`free_text_sounded_person_score` at least (`_persons_said`). Arabic and Hebrew are not
searched so (see sounded_windows.py), but for an app's or brand's name written apart,
whole. At most `SOUNDED_WINDOWS` windows per text: a 10 MB field is searched whole by its
tokens, not by sound.

A name written with its words together or apart otherwise ("quorvelpay" for "Quorvel Pay",
a word hyphened apart, words run together, digits for letters: "A1ipay") is a hit too,
`joined`, REVIEW at most like a sounded one, in a text of a payment's length
(`LOOKALIKE_CHARS`, `SPLIT_CHARS`); an organisation's name of one word is not found from
words of text joined ("ten cent"), since ordinary words run together spell too many of
them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache, partial
from typing import ClassVar

import regex

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .digit_lookalikes import digit_readings
from .entries import NameEntry
from .firm_cores import core_words, firm_core
from .han_text_persons import HanTextPersons, pinyin_table
from .index import NameIndex
from .joined_brands import JOINED_START, joined_names, pinyin_key
from .misspelt_persons import MisspeltPersons, every_word, word_tables
from .pinyin import has_han
from .references import unglued_numbers
from .respelt_brands import RespeltBrands
from .short_persons import EastAsian, short_hits, short_table
from .sounded_text import SoundedText, searched_key
from .spelt_out import spelt_out
from .stored import Spec, Table
from .text import lookalike_reading
from .text_firms import OneWordFirms
from .text_hit import TextHit
from .translated_words import translated_reading, translated_tokens

# The longest text whose words are read for Latin names with lookalike letters put in.
LOOKALIKE_CHARS = 1 << 16
# The longest text whose words run together are split into a name's (a payment's
# remittance text is 140 characters; an invoice line a few hundred).
SPLIT_CHARS = 1 << 12

# A name looked for written with its words together or apart otherwise is this many letters
# long at least, in Latin letters (joined_brands.py)
_JOINED_MIN_CHARS = 6
_HYPHEN_INSIDE = regex.compile(r"(?<=\p{L})[-\u2010\u2011](?=\p{L})")


class FreeTextIndex(SoundedText):
    """Registry names by their first token (indexes into `NameIndex.entries`), longest
    phrases first; stored with the name index (stored.py)."""

    STORED: ClassVar[dict[str, Spec]] = {
        "_by_first": Table(), "_spoken_first": Table(), "_by_compact": Table(),
        "_searched": Table("keys"), "_by_short": Table(), "_by_word": Table(),
        "_by_sound": Table(), "_by_pinyin": Table(), "_brand_romans": Table("keys"),
        "_by_core": Table(),
    }  # fmt: skip
    _by_first: Mapping[str, Sequence[int]]
    # Searched firms' names by the first word of what a text may name them by (firm_cores.py)
    _by_core: Mapping[str, Sequence[int]]
    _spoken_first: Mapping[str, Sequence[int]]  # persons' names by their spoken first token
    # Searched organisations' names of two words or more in Latin letters, by their words
    # run together ("quorvelpay")
    _by_compact: Mapping[str, Sequence[int]]
    # Searched names (organisations' and persons'), as entity id and name key apart by a
    # unit separator: those a text's words in another script may be found to sound like
    # (kept, not made from the entries on first use: that read every entry of a large list
    # from storage, 4 s with 120,000 names).
    _searched: Container[str]
    _by_short: Mapping[str, Sequence[int]]  # persons' names by their short phrases' first word
    # Latin persons' names by each word of their phrases, and those words by sound key
    _by_word: Mapping[str, Sequence[int]]  # (misspelt_persons.py)
    _by_sound: Mapping[str, Sequence[str]]
    _by_pinyin: Mapping[str, Sequence[int]]  # by syllables (han_text_persons.py)

    def __init__(self, names: NameIndex, config: MatchingConfig) -> None:
        self.names = names
        kinds = frozenset(config.contained_name_kinds)
        brands = frozenset(config.joined_brand_name_kinds)
        by_first: dict[str, list[int]] = defaultdict(list)
        spoken_first: dict[str, list[int]] = defaultdict(list)
        by_compact: dict[str, list[int]] = defaultdict(list)
        by_core: dict[str, list[int]] = defaultdict(list)
        searched: set[str] = set()
        brand_romans: set[str] = set()
        persons: list[int] = []
        for i, entry in enumerate(names.entries):
            if not entry.name.free_text:
                continue
            if not entry.found_inside(kinds, names.coined_words):
                continue  # one word of a list's ("DANIEL", "SALIM S.A.") is in text by chance
            if entry.name.script in ("han", "mixed"):
                if len(entry.compact) < config.free_text_min_han_chars:
                    continue
            elif len(entry.compact) < config.free_text_min_latin_chars:
                continue
            by_first[entry.tokens[0]].append(i)
            if (core := firm_core(entry, config, names.person_word)) is not None:
                by_core[core[0]].append(i)
                if len(joined := "".join(core)) >= _JOINED_MIN_CHARS and joined.isascii():
                    by_compact[joined].append(i)  # ("SMARTMEDIA4U")
            if entry.person:
                persons.append(i)
            searched.add(searched_key(entry))
            if not entry.person and entry.name.kind in brands:  # (`SoundedText._may_be_brand`)
                brand_romans.add("".join(entry.form.roman))
            if entry.person and entry.form.spoken != entry.tokens:
                spoken_first[entry.form.spoken[0]].append(i)
            compact = entry.compact
            if (
                not entry.person
                and (len(entry.tokens) > 1 or entry.name.kind in brands)  # (_scan_joined)
                and len(compact) >= _JOINED_MIN_CHARS
                and compact.isascii()
            ):
                by_compact[compact].append(i)
            elif (read := pinyin_key(entry, brands, names.made_up)) is not None:
                by_compact[read].append(i)
        for table in (by_first, spoken_first):
            for ids in table.values():
                ids.sort(key=lambda i: -len(names.entries[i].tokens))
        self._by_first, self._spoken_first = dict(by_first), dict(spoken_first)
        self._by_compact, self._by_core = dict(by_compact), dict(by_core)
        self._searched = frozenset(searched)
        self._brand_romans = frozenset(brand_romans)
        self._by_short = short_table(names.entries, persons, self._one_given)
        keys, given = (names.sound.key, names.sound.slavic_keys), self._one_given
        self._by_word, self._by_sound = word_tables(names.entries, persons, config, *keys, given)
        self._by_pinyin = pinyin_table(names.entries, persons)

    def scan(self, text: str) -> list[TextHit]:
        """Leftmost-longest, non-overlapping phrase hits: "X Pay" is the app X Pay, not also X;
        and names written with their words together or apart otherwise (`joined`)."""
        # A Latin name with lookalike letters of another script put in ("Аlipay"), in a
        # text of a payment's length (a 10 MB field is searched by its tokens only).
        looks = lookalike_reading(text, mixed_only=True) if len(text) <= LOOKALIKE_CHARS else None
        read = looks[0] if looks else text
        tokens = self.names.normaliser.text_tokens(read)
        hits: dict[tuple[str, str], TextHit] = {}
        # ... and without a field's label before a colon ("BEN: SERGEI SHOIGU": "ben" is a
        # part of listed persons' names, and made his a part of a longer one)
        plain = self._firms.unlabelled(read) if len(text) <= SPLIT_CHARS else read
        unlabelled = () if plain == read else (self.names.normaliser.text_tokens(plain),)
        for words in (tokens, *unlabelled):
            self._scan_phrases(words, hits)
            self._scan_persons(words, hits, misspelt=len(text) <= SPLIT_CHARS)
        if len(text) <= SPLIT_CHARS and has_han(read):  # "付款给李方伟", "向谢尔盖·绍伊古"
            self._confirm(((e, w, 0) for e, w in self._han_persons.windows(read)), hits)
            for entry, span in self._han_persons.dotted(read):
                hits.setdefault((entry.entity_id, entry.key), TextHit(entry, span, sounded=True))
        firms = self._firms.payees(tokens)
        if len(text) <= SPLIT_CHARS:
            firms += self._firms.in_text(read)
        for entry, word in firms:
            hits.setdefault((entry.entity_id, entry.key), TextHit(entry, word))
        if len(text) <= LOOKALIKE_CHARS:  # a 10 MB field is searched by its tokens only
            self._scan_joined(tokens, hits)
            if _HYPHEN_INSIDE.search(read):
                # A name's word hyphened apart ("Quor-vel", "Quor-Vel Pay") is that word.
                joined = self.names.normaliser.text_tokens(_HYPHEN_INSIDE.sub("", read))
                self._scan_phrases(joined, hits, joined=True)
        if len(text) <= SPLIT_CHARS:
            # Words run together ("quorvelhk"), split as a name's are (rewrites.py).
            split, stem = self._split, self.names.stem_of  # (and "Acmepays": plurals.py)
            # ... and spelt out letter by letter ("Paid via Q U O R V E L", "Z q P a y").
            spelt = spelt_out(tokens)
            for words in (tokens, *((spelt,) if spelt is not None else ())):
                apart = tuple(w for t in words for w in (split(t) or (stem(t) or t,)))
                for reading in dict.fromkeys((words, apart)):  # in order: the first hit stays
                    if reading != tokens:
                        self._scan_phrases(reading, hits, joined=True)
            # An app's generic word in another language ("ZQ Кошелёк", ZQ Wallet), as names' are.
            english = translated_tokens(tokens, self.names.config)
            if english != tokens:
                self._scan_phrases(english, hits, joined=True)
            # ... and glued in characters to a brand in Latin letters ("购买ZQ办公会员").
            if has_han(read) and (glued := translated_reading(read.casefold(), self.names.config)):
                self._scan_phrases(self.names.normaliser.text_tokens(glued), hits, joined=True)
            # An app's or brand's word misspelt ("Paid to CamScaner"; respelt_brands.py).
            if (respelt := self._respelt.respelt(tokens)) != tokens:
                self._scan_phrases(respelt, hits, joined=True)
            # Digits for the letters they look like ("Paid via A1ipay"; digit_lookalikes.py).
            for reading in digit_readings(read):
                self._scan_phrases(self.names.normaliser.text_tokens(reading), hits, joined=True)
            if (spaced := unglued_numbers(read)) is not None:  # "Paid via ACMEPAY8812"
                for hit in self.scan(spaced):  # read whole: "POS ACMEPAY0042", run together
                    key = (hit.entry.entity_id, hit.entry.key)
                    hits.setdefault(key, replace(hit, joined=True))
            self._scan_unvowelled(read, hits)
        self._scan_sounded(tokens, read, hits)
        return list(hits.values())

    def _scan_unvowelled(self, text: str, hits: dict[tuple[str, str], TextHit]) -> None:
        """Words without their vowels ("POS TNCNT HLDGS 4421"; unvowelled.py), read back:
        a hit on an organisation's name that holds a listed firm's word read."""
        for reading, read in self.names.unvowelled(text):
            held = self.names.held(read)
            found: dict[tuple[str, str], TextHit] = {}
            self._scan_phrases(self.names.normaliser.text_tokens(reading), found, joined=True)
            for key, hit in found.items():
                if not hit.entry.person and held <= set(hit.entry.form.tokens):
                    hits.setdefault(key, hit)

    def _scan_phrases(
        self, tokens: tuple[str, ...], hits: dict[tuple[str, str], TextHit], joined: bool = False
    ) -> None:
        """Leftmost-longest, non-overlapping hits of the searched names' phrases."""
        i = 0
        while i < len(tokens):
            longest = 1
            for entry, phrase in self._phrases(tokens[i]):  # longest phrases first
                n = len(phrase)
                if tokens[i : i + n] == phrase and not (
                    entry.person and self.names.scorer.in_longer_name(tokens, i, i + n)
                ):
                    hit = TextHit(entry, entry.name.value, joined=joined)
                    hits.setdefault((entry.entity_id, entry.key), hit)
                    longest = n
                    break
            else:  # ... and a firm's name without the generic words it ends with
                for entry, core in self._cores(tokens[i]):
                    n = len(core)
                    if tokens[i : i + n] == core:
                        hit = TextHit(entry, " ".join(core), joined=joined, shortened=True)
                        hits.setdefault((entry.entity_id, entry.key), hit)
                        longest = n
                        break
            i += longest

    def _scan_persons(
        self,
        tokens: tuple[str, ...],
        hits: dict[tuple[str, str], TextHit],
        misspelt: bool,
        written: tuple[str, ...] = (),
    ) -> None:
        """A listed person's name without its middle names (short_persons.py) or, with
        `misspelt`, with a word spelt otherwise (misspelt_persons.py), confirmed as a payee's
        name would be; a misspelt one with every word of it read as one of the name's. With
        `written`, the words of another script that `tokens` romanise, one for one: only
        misspelt ones, confirmed on the words as written ("Оплата Шойгу С.К.")."""
        beside = self.names.scorer.in_longer_name
        short = () if written else short_hits(tokens, self._by_short, self.names.entries, beside)
        candidates = [(entry, " ".join(phrase), 0) for entry, phrase in short]
        if misspelt:
            for entry, at, words in self._misspelt.hits(tokens, beside):
                said = written[at : at + len(words)] if written else words
                candidates.append((entry, " ".join(said), len(words)))
        self._confirm(candidates, hits, bool(written))

    def _confirm(
        self,
        candidates: Iterable[tuple[NameEntry, str, int]],
        hits: dict[tuple[str, str], TextHit],
        sounded: bool = True,
    ) -> None:
        """Hits of the (entry, words said, words each read as one of the name's or 0) whose
        words, matched as a payee's name, meet that person: `sounded` when read from
        another script, else `shortened`."""
        found = {key[0] for key in hits}
        for entry, said, every in candidates:
            if entry.entity_id in found:
                continue
            if any(
                m.entry.entity_id == entry.entity_id and (not every or every_word(m, every))
                for m in self.names.match(said, self._sounded if sounded else None)
            ):
                hit = TextHit(entry, said, sounded=sounded, shortened=not sounded)
                hits[(entry.entity_id, entry.key)] = hit
                found.add(entry.entity_id)

    def _scan_joined(self, tokens: tuple[str, ...], hits: dict[tuple[str, str], TextHit]) -> None:
        """Names written with their words together or apart otherwise (joined_brands.py)."""
        trail = self.names._payee_words.trail  # `payee_trail_words`: "via", "through", ...
        table = (self._by_compact, self._compact_starts)
        ordinary = self.names.scorer.ordinary
        for entry, window in joined_names(tokens, table, self.names.entries, trail, ordinary):
            hits.setdefault((entry.entity_id, entry.key), TextHit(entry, window, joined=True))

    def _phrases(self, token: str) -> Iterable[tuple[NameEntry, tuple[str, ...]]]:
        """The searched names beginning with `token`, as written or (persons') as spoken,
        longest first; read from the index only as far as they are asked for when no
        person's name is said beginning with it (most tokens)."""
        entries = self.names.entries
        written = ((entries[k], entries[k].tokens) for k in self._by_first.get(token, ()))
        spoken = self._spoken_first.get(token)
        if not spoken:
            return written
        said = ((entries[k], entries[k].form.spoken) for k in spoken)
        return sorted((*written, *said), key=lambda p: -len(p[1]))

    def _cores(self, token: str) -> Iterable[tuple[NameEntry, tuple[str, ...]]]:
        """The searched firms' names said without their generic words, beginning with
        `token`, longest first (firm_cores.py)."""
        found = self._by_core.get(token)
        if not found:
            return ()
        cores = ((e, core_words(e)) for e in map(self.names.entries.__getitem__, found))
        return sorted(cores, key=lambda p: -len(p[1]))

    @cached_property
    def _misspelt(self) -> MisspeltPersons:
        n, tables = self.names, (self._by_word, self._by_sound)
        keys = (n.sound.key, n.sound.slavic_keys)
        return MisspeltPersons(tables, n.entries, n.config, *keys, self._one_given)

    @cached_property
    def _han_persons(self) -> HanTextPersons:
        n, config = self.names, self.names.config
        surnames = (config.han_surnames, config.han_compound_surnames)
        match, least = partial(n.match, admit=self._sounded), config.free_text_sounded_person_score
        return HanTextPersons(self._by_pinyin, n.entries, *surnames, match, least)

    @cached_property
    def _one_given(self) -> EastAsian:
        return EastAsian(self.names.scorer.korean)

    @cached_property
    def _firms(self) -> OneWordFirms:
        return OneWordFirms(self.names)

    @cached_property
    def _split(self) -> Callable[[str], tuple[str, ...] | None]:
        """`NameIndex.split_run_together`, remembered: the words of payments' texts recur."""
        return lru_cache(maxsize=CACHE_ENTRIES)(self.names.split_run_together)

    @cached_property
    def _respelt(self) -> RespeltBrands:
        """The words of the searched apps' and brands' names (not persons'), made once."""
        names = (entry.tokens for entry in self.names.entries
                 if not entry.person and entry.name.kind in self._brands
                 and searched_key(entry) in self._searched)  # fmt: skip
        return RespeltBrands(names, self.names._vocabulary)

    @cached_property
    def _compact_starts(self) -> frozenset[str]:
        """The first letters of the names `_scan_joined` looks for."""
        return frozenset(compact[:JOINED_START] for compact in self._by_compact)
