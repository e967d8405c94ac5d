"""The name index over the registry: entries, postings, and `match()`. Every registry name is
normalised once (normalize.py), weighted by inverse document frequency (weights.py) and
posted under its tokens, pinyin syllables and romanised words; a query's forms (rewrites.py)
are scored (scoring.py) only against the names the candidate search (candidates.py) finds,
and the best match per entity at or above review is returned."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence
from functools import lru_cache, partial
from typing import ClassVar

from ..model import Entity
from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .candidates import Postings, Query
from .components import ComponentNames
from .cut import cut_hit_on, following_words
from .entries import PERSON_TYPES, NameEntry, NameMatch, StoredEntries, entry_record
from .forms import NameForm, cached_forms
from .listed_forms import listed_form, listed_readings, read_hit
from .near import NearIndex, Words
from .normalize import Normaliser
from .partners import TokenPartners
from .persons import ONE_WORD_MAX_PARTS, names_an_organisation, one_part
from .places import Places
from .prepared import COMPACT_KEY_MAX, Prepared, prepare_form
from .progress import stage
from .scoring import SPACED, Scorer
from .similarity import SCORE_TOLERANCE, Alignment
from .spellings import LatinReadings
from .stored import SCALAR, Part, Parts, Spec, Table, Tables
from .variants import Admits, Variant, capped
from .vocabulary import split_vocabulary, written_legal_words
from .weights import Idf

_NO_SCRIPT = frozenset({"Latin", "Han"})


class NameIndex(ComponentNames, TokenPartners):
    """Built from the registry's entities once (`__init__`), then stored and opened
    (stored.py): everything in `STORED` depends only on the registry and the config."""

    _BOTH = (True, False)
    STORED: ClassVar[dict[str, Spec]] = {
        "idf": Part(Idf), "phonetic_idf": Part(Idf), "_entry_records": Table("records"),
        "_exact": Table(), "_compact": Table(), "_compact_phonetic": Table(),
        "_compact_roman": Table(), "_compact_key": Tables(_BOTH),
        "_compact_near": Parts(NearIndex, _BOTH), "_org_compact_key": Tables(_BOTH),
        "_person_counts": Table(), "_firm_words": Table("keys"), "_korean": Table(),
        "_maker_names": Table(), "_vocabulary": Table("keys"), "_words": Table("keys"),
        "_component_words": Table("keys"), "_digit_text": SCALAR, "_following": Table(),
        "_all_words": Part(Words), "coined_words": Table("keys"), "_own_words": Table("keys"),
        "_scripted_words": Part(Words), "_lexical": Part(Postings),
        "_lexical_persons": Part(Postings), "_syllables": Parts(Postings, _BOTH),
        "_roman": Part(Postings), "_roman_persons": Part(Postings), "_roman_names": SCALAR,
        "_initialisms": Table("keys"), "_by_initials": Table(),
    }  # fmt: skip
    entries: Sequence[NameEntry]
    _exact: Mapping[str, Sequence[int]]
    _compact: Mapping[str, Sequence[int]]
    _compact_phonetic: Mapping[str, Sequence[int]]
    _compact_roman: Mapping[str, Sequence[int]]
    _compact_key: dict[bool, Mapping[str, Sequence[int]]]
    _org_compact_key: dict[bool, Mapping[str, Sequence[int]]]
    _person_counts: Mapping[str, int]
    _korean: Mapping[str, Sequence[int]]  # listed Korean names by KoreanNames.keys
    _maker_names: Mapping[str, Sequence[int]]
    _vocabulary: frozenset[str]
    _words: Container[str]
    _component_words: Container[str]

    def __init__(
        self, entities: Mapping[str, Entity], config: MatchingConfig, normaliser: Normaliser
    ) -> None:
        self.config = config
        self.normaliser = normaliser
        self._vocabulary = frozenset()
        self._opened()
        pairs = [
            (e.id, n, e.type in PERSON_TYPES, k) for e in entities.values()
            for k, n in enumerate(e.names)
        ]  # fmt: skip
        # A listed person's name is read as persons are scored (Normaliser.person_form).
        named = [
            (entity_id, name, person, k, listed_form(normaliser, name.value, form, person))
            for (entity_id, name, person, k), form in zip(
                pairs,
                cached_forms([pair[1].value for pair in pairs], normaliser.plain_form, config),
                strict=True,
            )
            if form.tokens
        ]
        read = listed_readings(named, LatinReadings(config).readings, normaliser)
        stage("weighing tokens")
        self.idf = Idf(form.tokens for *_, form in named)  # not weighed by readings too
        self.phonetic_idf = Idf(form.phonetic for *_, form in named)
        self.entries = [
            NameEntry(entity_id, name, form, self.prepare(form), person, i >= len(named))
            for i, (entity_id, name, person, _, form) in enumerate((*named, *read))
        ]
        self._positions = [k for *_, k, _ in (*named, *read)]
        stage("building lookups")
        self._build_lookups({e.id: e.type for e in entities.values()})
        stage("building postings and near-token tables")
        self._build_postings()
        self._roman_names = bool(len(self._roman) or len(self._roman_persons))

    def _dump_entry_records(self) -> list[list[object]]:
        """The entries as the stored index keeps them (entries.py)."""
        return [entry_record(e, k) for e, k in zip(self.entries, self._positions, strict=True)]

    def _opened(self) -> None:
        """What is not stored: made from the config and the normaliser on every start."""
        self.sound = self.normaliser.sound
        self.places = Places(self.config, lambda name: self.normaliser.form(name).tokens)
        self.scorer = Scorer(self.config, self.sound, self._known, self.person_word, self.places)
        self._packaging = frozenset(self.config.package_words)
        self._containable = frozenset(self.config.contained_name_kinds)
        self._compound_links = frozenset(self.config.compound_links)
        self.skip_inert_references = True  # variants() leave out inert references (tests: off)
        if hasattr(self, "_all_words"):  # opened from storage
            self._all_words.sound = self._scripted_words.sound = self.sound
            records, entities = self.__dict__.pop("_entry_records"), self.__dict__.pop("entities")
            self.entries = StoredEntries(records, entities)

    def prepare(self, form: NameForm) -> Prepared:
        return prepare_form(form, self.idf, self.phonetic_idf, self.sound.key)

    # ------------------------------------------------------------------ lookups
    def _build_lookups(self, types: dict[str, str]) -> None:
        exact: dict[str, list[int]] = defaultdict(list)
        compact: dict[str, list[int]] = defaultdict(list)
        compact_phonetic: dict[str, list[int]] = defaultdict(list)
        compact_roman: dict[str, list[int]] = defaultdict(list)
        # The sound of a whole person's name (Hangul and kana write one as one word): of
        # persons written in other scripts (for Latin queries), and of all persons.
        # Organisations' by the sound of the whole name (scoring.py, `_sounds_whole`): all
        # of them for a query in another script than Latin, those in another for a Latin one.
        by_key: list[dict[bool, dict[str, list[int]]]] = [
            {True: defaultdict(list), False: defaultdict(list)} for _ in range(2)
        ]
        compact_key, org_key = by_key
        person_df: dict[str, set[str]] = defaultdict(set)
        korean: dict[str, list[int]] = defaultdict(list)
        org_min = self.config.org_compact_min_classes
        for i, entry in enumerate(self.entries):
            exact[entry.key].append(i)
            compact[entry.compact].append(i)
            compact_phonetic["".join(entry.form.phonetic)].append(i)
            for key in self.scorer.korean.keys(entry.form.tokens) if entry.person else ():
                korean[key].append(i)
            if not entry.form.han:
                compact_roman["".join(entry.form.roman)].append(i)
            if entry.person and not entry.form.han:
                compact_key[False][entry.prepared.compact_key].append(i)
                if entry.form.script != "Latin":
                    compact_key[True][entry.prepared.compact_key].append(i)
                for token in entry.tokens:
                    person_df[token].add(entry.entity_id)
            elif (
                not (entry.person or entry.form.han) and len(entry.form.roman) <= ONE_WORD_MAX_PARTS
            ):
                for key in self.sound.whole_keys(entry.form.roman, entry.prepared.compact_key):
                    if len(key) >= org_min:
                        org_key[False][key].append(i)
                        if entry.form.script != "Latin":
                            org_key[True][key].append(i)
        self._exact, self._compact = dict(exact), dict(compact)
        self._compact_phonetic, self._compact_roman = dict(compact_phonetic), dict(compact_roman)
        self._compact_key = {latin: dict(keys) for latin, keys in compact_key.items()}
        self._korean = dict(korean)
        self._org_compact_key = {latin: dict(keys) for latin, keys in org_key.items()}
        # Near compact keys of persons (of persons in other scripts, for a Latin query).
        self._compact_near = {
            latin: NearIndex(
                (k for k in keys if 3 <= len(k) <= COMPACT_KEY_MAX), self.sound.near_similarity, 3
            )
            for latin, keys in compact_key.items()
        }
        # How many listed persons carry each word.
        self._person_counts = {token: len(held) for token, held in person_df.items()}
        self._build_makers(types)
        self._build_initialisms()
        vocabulary = {t for e in self.entries for t in (*e.form.tokens, *e.form.roman)}
        self._vocabulary = frozenset(vocabulary)
        named = [(self.name_words(e.name.value), e.form) for e in self.entries]
        self._following = following_words(words for words, _ in named)
        legal = written_legal_words(named)
        self._words = split_vocabulary(vocabulary, self.config, self.normaliser.kinds, legal)
        self._component_words = self._words | self._packaging
        # Registry words with a digit (see _inert), and whether variants() may leave out
        # references that pair with nothing (tests turn it off to compare).
        digit_words = sorted(t for t in vocabulary if any(c.isdigit() for c in t))
        # One string of them apart by NUL, which no word holds: "is this piece inside any of
        # them" is then one substring search rather than one per word.
        self._digit_text = "\0".join(digit_words)
        self._build_words(vocabulary, _NO_SCRIPT)

    def _build_postings(self) -> None:
        review = self.config.thresholds.review
        alpha = self.config.person_extra_weight
        entries = self.entries
        persons = [i for i, e in enumerate(entries) if e.person]
        others = [i for i, e in enumerate(entries) if not e.person]

        def whole(i: int) -> bool:
            return entries[i].found_inside(self._containable, self.coined_words)

        def tokens(i: int) -> tuple[str, ...]:
            return entries[i].form.tokens

        short = self.config.org_extra_weight
        self._lexical = Postings(others, tokens, lambda i: entries[i].prepared.weights, whole,
                                 review, scale=short)  # fmt: skip
        self._lexical_persons = Postings(
            persons, tokens, lambda i: entries[i].prepared.person_weights, whole, review,
            alpha=alpha, initials=True,
        )  # fmt: skip
        # Syllables of Han names (for Latin queries) and of Latin names (for Han queries).
        self._syllables = {
            han: Postings(
                [i for i, e in enumerate(entries) if e.form.han is han],
                lambda i: entries[i].form.phonetic,
                lambda i: entries[i].prepared.phonetic_weights,
                whole,
                review,
                scale=short,
            )
            for han in (True, False)
        }
        # Names in scripts other than Latin and Han, by their romanised words.
        scripted = [i for i, e in enumerate(entries) if e.form.script not in _NO_SCRIPT]

        def roman(i: int) -> tuple[str, ...]:
            return entries[i].form.roman

        self._roman = Postings(
            [i for i in scripted if not entries[i].person], roman,
            lambda i: entries[i].prepared.roman_weights, whole, review, scale=short,
        )  # fmt: skip
        self._roman_persons = Postings(
            [i for i in scripted if entries[i].person], roman,
            lambda i: entries[i].prepared.roman_person_weights, whole, review, alpha=alpha,
            initials=True,
        )  # fmt: skip

    # ------------------------------------------------------------------ candidates
    def _candidates(
        self, form: NameForm, prepared: Prepared | None = None, person: Prepared | None = None
    ) -> set[int]:
        """Candidates of both readings of a query: persons' postings are searched with the
        reading persons are scored by (`person`, by default the form itself), the rest with
        the form, the syllables of names of either kind with both (always: "Teng Xun Co")."""
        p = prepared or self.prepare(form)
        pp, pf = person or p, (person or p).form
        lexical = Query(form.tokens, form.factors, p.weights)
        found = self._lexical.search(lexical, self._org_sources)
        persons = Query(pf.tokens, pf.person_factors, pp.person_weights)
        found |= self._lexical_persons.search(persons, self._person_sources)
        for f, q in {id(f): (f, q) for f, q in ((form, p), (pf, pp))}.values():
            syllables = Query(f.phonetic, f.phonetic_factors, q.phonetic_weights)
            found |= self._syllables[not f.han].search(syllables, self._exact_sources)
        if form.script == "Han":  # Japanese and Korean with characters: by their kana, Hangul
            return found
        roman = Query(form.roman, form.roman_factors, p.roman_weights)
        roman_person = Query(pf.roman, pf.roman_person_factors, pp.roman_person_weights)
        if form.script != "Latin":  # against Latin names, by romanised words
            found |= self._lexical.search(roman, self._roman_sources, by_partners=True)
            found |= self._lexical_persons.search(roman_person, self._person_roman(form.script))
        if self._roman_names:  # found whole inside the query by sound too (`_sounds_inside`)
            found |= self._roman.search(roman, self._scripted_sources, by_partners=True)
            found |= self._roman_persons.search(roman_person, self._scripted_person_sources, True)
        return found

    def _lookups(self, form: NameForm, prepared: Prepared) -> set[int]:
        """Names a query reaches by a whole-name rule rather than by its tokens."""
        found = set(self._exact.get(form.key, ()))
        found |= set(self._compact.get(form.compact, ()))
        found |= set(self._compact_phonetic.get("".join(form.phonetic), ()))
        if form.script != "Han":
            found |= set(self._compact_roman.get("".join(form.roman), ()))
            # Latin against persons written in other scripts, and the reverse.
            latin = form.script == "Latin"
            keys, near_keys = self._compact_key[latin], self._compact_near[latin]
            found |= set(keys.get(prepared.compact_key, ()))
            for near, _ in near_keys.near(prepared.compact_key):
                found |= set(keys.get(near, ()))
            org_keys = self._org_compact_key[latin]
            if org_keys:  # none in another script, for a Latin query, in most registries
                whole = self.sound.whole_keys(form.roman, prepared.compact_key)
                # ... and each word's by all its readings (`_word_sounds_whole`, across.py).
                for key in {*whole, *(k for word in form.roman for k in self.sound.keys(word))}:
                    found |= set(org_keys.get(key, ()))
        # Korean names in Hangul and Latin persons, by the surname's spellings (korean.py).
        korean = self.scorer.korean
        for key in korean.keys(form.tokens) | korean.latin_keys(form.tokens):
            found |= self._lexical_persons.by_token.get(key, set())
        if len(form.tokens) > 1:
            found |= {*self._korean.get(form.tokens[0], ()), *self._korean.get(form.tokens[-1], ())}
        if one_part(form.factors, self.config.short_token_weight):  # a surname alone
            latin = form.script == "Latin"
            sources = self._person_sources if latin else self._person_roman(form.script)
            words = form.tokens if latin else form.roman if form.script in SPACED else ()
            for word in words[-1:]:
                for partner, _ in sources(word):
                    if self.rare(partner):
                        found |= self._lexical_persons.by_token.get(partner, set())
        return found

    def score_entry(
        self, prepared: Prepared, entry: NameEntry, person: Prepared | None = None,
        initials: tuple[str, ...] | None = None,
    ) -> tuple[float, str, Alignment, tuple[str, ...]]:  # fmt: skip
        """A query scored against one registry name, by the rules of its entity's type: a
        listed person by the query's person reading (`person`, by default `prepared`). A
        made-up word is found inside a Latin query only: by sound, in another script's, it
        is found in too many names ("avtodor" in Arabic ones)."""
        query = (person or prepared) if entry.person else prepared
        coined = self.coined_words if prepared.form.script == "Latin" else ()
        score = partial(self.scorer.score, query, entry.prepared,
                        contained_b=entry.found_inside(self._containable, coined),
                        contained_a=False, rare=self.rare, short_b=True)  # fmt: skip
        result = score(person=entry.person)
        if (entry.person and result.score >= self.config.thresholds.review
                and result.method != "contained"
                and names_an_organisation(prepared.form, self.config.generic_weight)):  # fmt: skip
            # An organisation's name meets a listed person by organisations' rules at most,
            # but a person's whole name is found in it ("Transfer to ... via Western Union").
            result = min(result, score(person=False), key=lambda r: r.score)
            if result.score < self.config.contained_score:
                result = self.scorer.person_found(query, entry.prepared, result)
        if result.score < self.config.thresholds.review and not entry.person:
            result = self.initials_score(prepared, entry, initials) or result
        return result.score, result.method, result.alignment, result.found

    def match(
        self, query: str, admit: Callable[[NameEntry, Alignment], bool] | None = None,
        forms: Sequence[Variant] | None = None,
    ) -> list[NameMatch]:  # fmt: skip
        """Best match per entity at or above review, best first, of the hits `admit` lets in,
        through the query's `forms` when they are given, else through all its variants."""
        best: dict[str, tuple[float, float, float, int, NameMatch]] = {}
        review = self.config.thresholds.review - SCORE_TOLERANCE  # (score, raw, spelt, i, hit)
        for variant in self.variants(query) if forms is None else forms:
            admits = variant.may_count if variant.heard is not None else None
            for i, raw, method, alignment, found in self._hits(variant.form, admits):
                entry = self.entries[i]
                if not (variant.admits(entry.person, entry.tokens, entry.name.kind)
                        and (admit is None or admit(entry, alignment))):  # fmt: skip
                    continue
                score, method = capped(raw, method, variant.cap, variant.method)
                if entry.read:
                    if (read := read_hit(entry, score, method, alignment, self.config)) is None:
                        continue  # a glued reading met otherwise than as written
                    score, method = read
                if score < review or not variant.fits(alignment, entry.tokens):
                    continue
                if variant.cut and not cut_hit_on(variant.cut, entry, alignment, found):
                    continue
                # The best name of each entity; of equal scores, the one scored higher before
                # its variant's cap (the name itself, not one holding it), then the one spelt
                # more alike ("Lukashenko" alone: LUKASHENKO before LYASHENKO), the first listed.
                key = (score, raw, min(alignment.similarities, default=0.0), -i)
                current = best.get(entry.entity_id)
                if current is None or key > (*current[:3], -current[3]):
                    # A name that ends where a field goes on was found at the field's start.
                    held = found or variant.found_at(alignment)
                    hit = NameMatch(entry, score, method, alignment, held)
                    best[entry.entity_id] = (*key[:3], i, hit)
        ranked = sorted(best.values(), key=lambda b: (-b[0], -b[1], -b[2], b[4].entry.entity_id))
        return [b[4] for b in ranked]

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - the index lives as long as its caches
    def _hits(
        self, form: NameForm, admits: Admits | None = None
    ) -> tuple[tuple[int, float, str, Alignment, tuple[str, ...]], ...]:
        """The registry names one form of a query reaches review with, and how, of those
        `admits` lets in (a form a model heard counts on few: the rest are not scored).
        Remembered per form: a payee recurs with a new reference ("Acme 12345", "Acme 12399")."""
        if not form.tokens:
            return ()
        review = self.config.thresholds.review - SCORE_TOLERANCE
        prepared = self.prepare(form)
        person = self.prepare(form.person_reading) if form.person_reading else prepared
        reached = self._candidates(form, prepared, person) | self._lookups(form, prepared)
        if person is not prepared:
            reached |= self._lookups(person.form, person)
        initials = self.query_initials(form)  # of this form: organisations are scored by it
        reached |= self.initials_candidates(initials)
        out = []
        for i in sorted(reached):
            entry = self.entries[i]
            if admits is not None and not admits(entry.person, entry.tokens, entry.name.kind):
                continue
            hit = self.score_entry(prepared, entry, person, initials)
            if hit[0] >= review:
                out.append((i, *hit))
        return tuple(out)
