"""Name index over the registry: candidate blocking, then explainable scoring.

Blocking: exact tokens, pinyin syllables, and character trigrams of tokens (for misspelt
tokens) point to the names that contain them, so a query is scored only against names it
shares something with. A candidate whose shared weight cannot reach the review threshold is
dropped before it is scored.

Scoring (see `score_pair`): lexical alignment of IDF-weighted tokens; for names in
different scripts or spelt in pinyin, the same alignment over pinyin syllables; equality
once spaces are removed; and a distinctive registry name found whole inside the query.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ..model import Entity, Name
from ..registry.cache import cached
from ..registry.schema import MatchingSchema
from .normalize import NameForm, Normaliser, has_han
from .similarity import Alignment, align, find


@dataclass(frozen=True)
class Prepared:
    """A name form with its weights under one index, computed once per name."""

    form: NameForm
    weights: tuple[float, ...]
    ordered: tuple[bool, ...]  # Han characters align in order
    phonetic_weights: tuple[float, ...]


@dataclass(frozen=True)
class NameEntry:
    entity_id: str
    name: Name
    form: NameForm
    prepared: Prepared

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.form.tokens

    @property
    def key(self) -> str:
        return self.form.key

    @property
    def compact(self) -> str:
        return self.form.compact


@dataclass(frozen=True)
class NameMatch:
    entry: NameEntry
    score: float
    method: str  # exact | fuzzy | transliterated
    alignment: Alignment


def _any_distinctive(aligned: frozenset[int], factors: tuple[float, ...]) -> bool:
    return any(factors[i] >= 1.0 for i in aligned)


def _covered(aligned: frozenset[int], factors: tuple[float, ...]) -> bool:
    """Whether every full-weight (distinctive) position found a partner."""
    distinctive = [i for i, f in enumerate(factors) if f >= 1.0]
    return bool(distinctive) and all(i in aligned for i in distinctive)


def _trigrams(token: str) -> set[str]:
    padded = f"${token}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _Idf:
    """Inverse document frequency over a set of token sequences (the registry's names)."""

    def __init__(self, docs: Iterable[tuple[str, ...]]) -> None:
        df: dict[str, int] = defaultdict(int)
        n = 0
        for doc in docs:
            n += 1
            for token in set(doc):
                df[token] += 1
        n = max(1, n)
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._unseen = math.log(1 + n)

    def __call__(self, token: str) -> float:
        return self._idf.get(token, self._unseen)

    def weights(self, tokens: tuple[str, ...], factors: tuple[float, ...]) -> list[float]:
        return [self(t) * f for t, f in zip(tokens, factors, strict=True)]


def _token_weights(tokens: tuple[str, ...], weights: Iterable[float]) -> dict[str, float]:
    """Each distinct token with the weight of all its occurrences: a repeated token
    ("巴巴") aligns once per occurrence, so the candidate bound must count each."""
    out: dict[str, float] = {}
    for token, weight in zip(tokens, weights, strict=True):
        out[token] = out.get(token, 0.0) + weight
    return out


# Posting lists at least this long are ranked once at build (see NameIndex._rank).
RANK_MIN_POSTINGS = 16
_Ranking = tuple[list[float], list[int], frozenset[int]]


class _NearIndex:
    """Registry tokens within the token-similarity floor of a query token, exactly.

    Two tokens within the floor f are at most e = floor((1 - f) * M) edits apart (M the
    longer length; an OSA transposition is one edit). Deleting characters brings both to a
    common string: a side deletes its characters that were substituted, transposed or are
    not in the other. The longer side deletes at most e; the shorter, of length L = M - d,
    at most (e - d), which is never more than floor((1 - f) * L). So every token deletes at
    most floor((1 - f) * its own length). For tokens short enough that this is two or fewer,
    every string reached by such deletions points back to its tokens (a deletion
    neighbourhood, as in SymSpell), and a query's own deletions find every near token among
    them; the few longer registry tokens are found through shared trigrams (each edit
    breaks at most four padded trigrams). Candidates are then checked with the real
    similarity, so the answer is the same as comparing with every token.
    """

    MIN_LENGTH = 4  # shorter tokens have no near tokens: one edit is already too many

    def __init__(self, tokens: Iterable[str], floor: float) -> None:
        self.floor = floor
        self._short = max(L for L in range(1, 64) if self._deletions(L) <= 2)
        self._by_deletion: dict[str, list[str]] = defaultdict(list)
        self._by_trigram: dict[str, list[str]] = defaultdict(list)
        for token in tokens:
            if len(token) < self.MIN_LENGTH:
                continue
            if len(token) <= self._short:
                for variant in self._variants(token):
                    self._by_deletion[variant].append(token)
            else:
                for gram in _trigrams(token):
                    self._by_trigram[gram].append(token)

    def _deletions(self, length: int) -> int:
        return int((1 - self.floor) * length + 1e-9)

    def _variants(self, token: str) -> set[str]:
        """The token with up to floor((1 - f) * its length) characters deleted."""
        out = {token}
        frontier = {token}
        for _ in range(self._deletions(len(token))):
            frontier = {t[:i] + t[i + 1 :] for t in frontier for i in range(len(t))}
            out |= frontier
        return out

    def near(self, token: str) -> tuple[tuple[str, float], ...]:
        if len(token) < self.MIN_LENGTH:
            return ()
        candidates: set[str] = set()
        # Short registry tokens: reachable unless the query is too long for any of them.
        if len(token) - self._deletions(len(token)) <= self._short:
            for variant in self._variants(token):
                candidates.update(self._by_deletion.get(variant, ()))
        # Long registry tokens: only a query within e of their length can reach them.
        if len(token) >= self.floor * (self._short + 1) - 1e-9:
            grams = _trigrams(token)
            shared: dict[str, int] = defaultdict(int)
            for gram in grams:
                for other in self._by_trigram.get(gram, ()):
                    shared[other] += 1
            for other, count in shared.items():
                edits = self._edits(token, other)
                if count >= len(grams) - 4 * edits:
                    candidates.add(other)
        found = []
        for other in candidates:
            if other == token or abs(len(other) - len(token)) > self._edits(token, other):
                continue
            similarity = OSA.normalized_similarity(token, other)
            if similarity >= self.floor:
                found.append((other, similarity))
        return tuple(sorted(found))

    def _edits(self, a: str, b: str) -> int:
        return int(max(len(a), len(b)) * (1 - self.floor) + 1e-9)


class NameIndex:
    def __init__(
        self, entities: dict[str, Entity], config: MatchingSchema, normaliser: Normaliser
    ) -> None:
        self.config = config
        self.normaliser = normaliser
        named: list[tuple[str, Name, NameForm]] = []
        for (entity_id, name), form in zip(
            (pair := [(e.id, n) for e in entities.values() for n in e.names]),
            self._forms([n.value for _, n in pair]),
            strict=True,
        ):
            if form.tokens:
                named.append((entity_id, name, form))
        self.idf = _Idf(form.tokens for _, _, form in named)
        self.phonetic_idf = _Idf(form.phonetic for _, _, form in named)
        self.entries: list[NameEntry] = [
            NameEntry(entity_id, name, form, self.prepare(form)) for entity_id, name, form in named
        ]
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._compact: dict[str, list[int]] = defaultdict(list)
        self._compact_phonetic: dict[str, list[int]] = defaultdict(list)
        self._by_token: dict[str, set[int]] = defaultdict(set)
        # Syllables of Han names (for Latin queries) and of Latin names (for Han queries).
        self._by_syllable: dict[bool, dict[str, set[int]]] = {
            True: defaultdict(set),
            False: defaultdict(set),
        }
        for i, entry in enumerate(self.entries):
            self._exact[entry.key].append(i)
            self._compact[entry.compact].append(i)
            self._compact_phonetic["".join(entry.form.phonetic)].append(i)
            for token in entry.tokens:
                self._by_token[token].add(i)
            for syllable in entry.form.phonetic:
                self._by_syllable[entry.form.han][syllable].add(i)
        self._containable = frozenset(config.contained_name_kinds)
        self._containable_by_token: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(self.entries):
            if entry.name.kind in self._containable:
                for token in entry.tokens:
                    self._containable_by_token[token].add(i)
        self._words = (
            frozenset(t for t in self._by_token if not has_han(t) and len(t) >= 2)
            | frozenset(config.generic_words_latin)
            | frozenset(config.run_together_words)
            | {w for form in config.legal_forms_latin for w in form if len(w) >= 2}
        )
        self._near: dict[str, tuple[tuple[str, float], ...]] = {}
        # Each entry's tokens with their weight (the highest, for a repeated token), and the
        # entry's total weight: the candidate bound reads them.
        self._entry_weights = [
            _token_weights(e.form.tokens, e.prepared.weights) for e in self.entries
        ]
        self._entry_phonetic_weights = [
            _token_weights(e.form.phonetic, e.prepared.phonetic_weights) for e in self.entries
        ]
        self._totals = [sum(e.prepared.weights) for e in self.entries]
        self._phonetic_totals = [sum(e.prepared.phonetic_weights) for e in self.entries]
        self._review = config.thresholds.review - 1e-9
        # A name all of whose tokens the query shares can score more than its share of the
        # weight only by being found whole inside the query, which score_pair allows for
        # the containable kinds (trade and app names) alone.
        self._whole_counts = [e.name.kind in self._containable for e in self.entries]
        # By the identity of the posting lists they rank (the token and the two syllable
        # indexes), which live as long as the index.
        self._rankings = {
            id(self._by_token): self._rank(self._by_token, self._entry_weights, self._totals),
            **{
                id(by_syllable): self._rank(
                    by_syllable, self._entry_phonetic_weights, self._phonetic_totals
                )
                for by_syllable in self._by_syllable.values()
            },
        }
        self._near_index = _NearIndex(self._by_token, config.token_similarity)

    def _forms(self, values: list[str]) -> list[NameForm]:
        """Every registry name normalised: most of the start-up with a large list loaded, so
        kept in the cache directory, keyed by the names themselves and the matching config."""
        digest = hashlib.sha256()
        for value in values:
            digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
        return cached(
            "forms",
            [],
            lambda: [self.normaliser.form(v) for v in values],
            key=(digest.hexdigest(), self.config.model_dump_json()),
        )

    # ------------------------------------------------------------------ scoring
    def distinctive(self, tokens: tuple[str, ...], factors: tuple[float, ...], han: bool) -> bool:
        """Specific enough that finding it inside another name is not chance: long enough
        ("QQ" is not), and either with a distinctive token or a phrase ("Brand Office")."""
        compact = "".join(tokens)
        if not any(f >= 1.0 for f in factors) and (len(tokens) < 2 or len(compact) < 6):
            return False
        if han:
            return len(compact) >= self.config.free_text_min_han_chars
        return len(compact) >= self.config.free_text_min_latin_chars

    def prepare(self, form: NameForm) -> Prepared:
        return Prepared(
            form=form,
            weights=tuple(self.idf.weights(form.tokens, form.factors)),
            ordered=tuple(has_han(t) for t in form.tokens),
            phonetic_weights=tuple(self.phonetic_idf.weights(form.phonetic, form.phonetic_factors)),
        )

    def score_pair(
        self, pa: Prepared, pb: Prepared, contained_b: bool = True, contained_a: bool = True
    ) -> tuple[float, str, Alignment]:
        """Similarity of two names: (score, method, alignment); symmetric with the defaults.

        Equal tokens are exact, unless the legal forms conflict. Otherwise the weighted
        token alignment, capped at `generic_only_max` when it aligns no distinctive token;
        equality once spaces are removed scores at least `compact_score`; a distinctive name
        found whole inside the other at least `contained_score` when the rest of the other
        only describes (a branch or subsidiary we do not ship: "Brand Technology (City)
        Co."), where `contained_b` / `contained_a` say which side may be the one found.
        When one name is Han and the other is not, the same rules run over pinyin
        syllables, and a better result there is a transliterated match, capped at
        `transliteration_max`, and only when the distinctive syllables of one name are all
        spelt out. Two Han names compare by characters only: homophones are common in
        Chinese names.
        """
        cfg = self.config
        a, b = pa.form, pb.form
        conflict = bool(a.legal_forms and b.legal_forms) and a.legal_forms.isdisjoint(b.legal_forms)
        if a.tokens == b.tokens:
            pairs = tuple((t, t, 1.0 / len(a.tokens)) for t in a.tokens)
            if conflict:
                return cfg.legal_form_conflict_max, "fuzzy", Alignment(1.0, pairs)
            return 1.0, "exact", Alignment(1.0, pairs)
        lexical = align(
            a.tokens, pa.weights, pa.ordered, b.tokens, pb.weights, pb.ordered,
            cfg.token_similarity,
        )  # fmt: skip
        score = lexical.score
        if not _any_distinctive(lexical.aligned_a, a.factors) and not _any_distinctive(
            lexical.aligned_b, b.factors
        ):
            score = min(score, cfg.generic_only_max)
        if a.compact == b.compact:
            score = max(score, cfg.compact_score)
        if self._contains(a.tokens, a.factors, b.tokens, b.factors, b.han, contained_b) or (
            self._contains(b.tokens, b.factors, a.tokens, a.factors, a.han, contained_a)
        ):
            score = max(score, cfg.contained_score)
        if conflict:
            score = min(score, cfg.legal_form_conflict_max)
        if a.han == b.han:
            return score, "fuzzy", lexical
        every = (True,) * len(a.phonetic), (True,) * len(b.phonetic)
        phonetic = align(
            a.phonetic, pa.phonetic_weights, every[0], b.phonetic, pb.phonetic_weights, every[1],
            1.0,
        )  # fmt: skip
        # Syllables are short and homophones common: a transliteration must spell the
        # distinctive syllables of one of the names completely.
        spelt = _covered(phonetic.aligned_a, a.phonetic_factors) or _covered(
            phonetic.aligned_b, b.phonetic_factors
        )
        sound = phonetic.score if spelt else 0.0
        if "".join(a.phonetic) == "".join(b.phonetic):
            sound = max(sound, cfg.compact_score)
        if self._contains(
            a.phonetic, a.phonetic_factors, b.phonetic, b.phonetic_factors, b.han, contained_b
        ) or self._contains(
            b.phonetic, b.phonetic_factors, a.phonetic, a.phonetic_factors, a.han, contained_a
        ):
            sound = max(sound, cfg.contained_score)
        sound = min(sound, cfg.transliteration_max)
        if sound > score:
            return sound, "transliterated", phonetic
        return score, "fuzzy", lexical

    def _contains(
        self,
        haystack: tuple[str, ...],
        haystack_factors: tuple[float, ...],
        needle: tuple[str, ...],
        needle_factors: tuple[float, ...],
        han: bool,
        allowed: bool,
    ) -> bool:
        """`needle` (distinctive) occurs in `haystack`, whose other tokens only describe:
        places, generic words, acronyms ("Brand Technology (City)", not "Brand Solar")."""
        if not allowed or not self.distinctive(needle, needle_factors, han):
            return False
        at = find(haystack, needle)
        if at < 0:
            return False
        rest = [f for i, f in enumerate(haystack_factors) if not at <= i < at + len(needle)]
        return all(f < 1.0 for f in rest)

    # ------------------------------------------------------------------ candidates
    def _near_tokens(self, token: str) -> tuple[tuple[str, float], ...]:
        """Registry tokens within the token-similarity floor (see `_NearIndex`), cached."""
        found = self._near.get(token)
        if found is None:
            found = self._near[token] = self._near_index.near(token)
            if len(self._near) > 1 << 16:
                self._near.clear()
        return found

    def _bounded(
        self,
        tokens: tuple[str, ...],
        factors: tuple[float, ...],
        weights: list[float],
        postings: dict[str, set[int]],
        near: bool,
    ) -> set[int]:
        """Entries sharing tokens with `tokens` whose best possible score reaches review.

        The lexical score is gained / (query weight + entry weight), each aligned pair
        gaining its similarity times both tokens' weights. For every entry sharing a token
        the bound adds, per query token, the pair the entry offers it with the most to gain
        (similarity times both weights): an upper bound, since the real alignment is
        one-to-one. An entry all of whose tokens are shared is kept regardless (it may be
        contained in the query).

        Most entries reached share one walked token and nothing else; whether such an entry
        reaches review depends only on that token's weight in it and its total weight, so
        each token's postings are kept ranked by (own weight - review x total weight) and
        only the top of the ranking is looked at (`_ranked`). Entries reached by more than
        one query token get the full sum.
        """
        phonetic = postings is not self._by_token
        entry_weights = self._entry_phonetic_weights if phonetic else self._entry_weights
        entry_totals = self._phonetic_totals if phonetic else self._totals
        rankings = self._rankings[id(postings)]
        whole_counts = self._whole_counts
        token_weight = _token_weights(tokens, weights)
        total = sum(weights)
        review = self._review
        # A candidate must align a distinctive token to reach review (see generic_only_max),
        # so when the query has one, the postings of its other tokens need not be walked.
        # Of those, the heaviest are walked first, and walking stops once the tokens left
        # could not lift an entry sharing only them to review (prefix filtering): such an
        # entry gains at most twice their weight. Short names we might find whole inside the
        # query (trade and app names) are looked up for every token regardless.
        keys = [t for t, f in zip(tokens, factors, strict=True) if f >= 1.0] or list(tokens)
        keys = sorted(dict.fromkeys(keys), key=lambda t: -token_weight[t])
        walked: list[str] = []
        contained: set[int] = set()
        remaining = sum(token_weight.values())
        for token in keys:
            if 2 * remaining / (total + remaining) < review:
                contained.update(self._containable_by_token.get(token, ()))
                continue
            remaining -= token_weight[token]
            walked.append(token)
        found: set[int] = set()
        reaches: list[set[int]] = []
        sources: dict[str, list[tuple[str, float]]] = {}
        for token in walked:
            w = token_weight[token]
            sources[token] = [(token, 1.0), *(self._near_tokens(token) if near else ())]
            reach: set[int] = set()
            for held, similarity in sources[token]:
                ids = postings.get(held)
                if not ids:
                    continue
                reach |= ids
                # Alone, this pair reaches review when similarity x (w + own) >= review x
                # (total + entry total); since similarity x own <= own, only entries with
                # own - review x entry total >= review x total - similarity x w can.
                ranking = rankings.get(held)
                if ranking is None:  # a short posting list: look at each entry
                    for i in ids:
                        held_weight = entry_weights[i][held]
                        if (len(entry_weights[i]) == 1 and whole_counts[i]) or similarity * (
                            w + held_weight
                        ) >= review * (total + entry_totals[i]):
                            found.add(i)
                    continue
                ranked, order, singles = ranking
                cut = bisect_right(ranked, similarity * w - review * total)
                for i in order[:cut]:
                    held_weight = entry_weights[i][held]
                    if similarity * (w + held_weight) >= review * (total + entry_totals[i]):
                        found.add(i)
                found |= singles  # a one-token name that may be found whole in the query
            reaches.append(reach)
        reached: set[int] = set().union(*reaches)
        found |= contained - reached
        # Entries that also share another query token: the full sum.
        unwalked = [t for t in token_weight if t not in sources]
        near_unwalked = {t: self._near_tokens(t) if near else () for t in unwalked}
        others: set[int] = set()
        for k in range(1, len(reaches)):
            for j in range(k):
                others |= reaches[j] & reaches[k]
        for token in unwalked:
            for held in (token, *(o for o, _ in near_unwalked[token])):
                ids = postings.get(held)
                if ids:
                    others |= reached & ids
        unwalked_weight = sum(token_weight[t] for t in unwalked)
        for i in others - found:
            own = entry_weights[i]
            entry_total = entry_totals[i]
            gain = used = 0.0
            aligned = 0
            for token in walked:
                w = token_weight[token]
                best: tuple[float, float] | None = None
                for held, similarity in sources[token]:
                    weight = own.get(held)
                    if weight is not None:
                        pair = similarity * (w + weight)
                        if best is None or pair > best[0]:
                            best = (pair, weight)
                if best is not None:
                    gain += best[0]
                    used += best[1]
                    aligned += 1
            # Cheap first: the rest of the query and of the entry all aligning.
            ceiling = gain + unwalked_weight + entry_total - used
            if ceiling / (total + entry_total) < review and aligned + len(unwalked) < len(own):
                continue
            for token in unwalked:
                match = own.get(token)
                if match is None and near_unwalked[token]:
                    match = max((own[o] for o, _ in near_unwalked[token] if o in own), default=None)
                if match is not None:
                    gain += token_weight[token] + match
                    aligned += 1
            if (aligned >= len(own) and whole_counts[i]) or gain / (total + entry_total) >= review:
                found.add(i)
        return found

    def _rank(
        self,
        postings: dict[str, set[int]],
        entry_weights: list[dict[str, float]],
        entry_totals: list[float],
    ) -> dict[str, _Ranking]:
        """For tokens held by many entries, those entries ranked for `_bounded`:
        (-(own weight - review x total weight) ascending, the entries in that order, the
        one-token entries). Shorter posting lists are simply walked."""
        review = self._review
        out: dict[str, _Ranking] = {}
        for token, ids in postings.items():
            if len(ids) < RANK_MIN_POSTINGS:
                continue
            scored = sorted((review * entry_totals[i] - entry_weights[i][token], i) for i in ids)
            singles = frozenset(
                i for i in ids if len(entry_weights[i]) == 1 and self._whole_counts[i]
            )
            out[token] = ([v for v, _ in scored], [i for _, i in scored], singles)
        return out

    def _candidates(self, form: NameForm) -> set[int]:
        weights = self.idf.weights(form.tokens, form.factors)
        found = self._bounded(form.tokens, form.factors, weights, self._by_token, near=True)
        if form.phonetic != form.tokens or form.han:
            sound = self.phonetic_idf.weights(form.phonetic, form.phonetic_factors)
            other_script = self._by_syllable[not form.han]
            found |= self._bounded(
                form.phonetic, form.phonetic_factors, sound, other_script, near=False
            )
        return found

    def split_run_together(self, token: str) -> tuple[str, ...] | None:
        """A long token the registry does not know, split into the fewest known words."""
        if len(token) < 8 or token in self._by_token or not token.isalpha():
            return None
        n = len(token)
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for end in range(2, n + 1):
            for start in range(0, end - 1):
                prefix = best[start]
                if prefix is not None and token[start:end] in self._words:
                    candidate = (*prefix, token[start:end])
                    current = best[end]
                    if current is None or len(candidate) < len(current):
                        best[end] = candidate
        found = best[n]
        return found if found is not None and len(found) >= 2 else None

    def _variants(self, query: str, form: NameForm) -> list[tuple[NameForm, float]]:
        """The query's form, and its re-segmented form (scored at most `compact_score`)."""
        variants = [(form, 1.0)]
        pieces = [self.split_run_together(t) or (t,) for t in form.tokens]
        if any(len(p) > 1 for p in pieces):
            text = " ".join(w for piece in pieces for w in piece)
            variants.append((self.normaliser.form(text), self.config.compact_score))
        return variants

    def match(self, query: str) -> list[NameMatch]:
        """Best match per entity at or above the review threshold, best first."""
        form = self.normaliser.form(query)
        if not form.tokens:
            return []
        best: dict[str, NameMatch] = {}
        review = self.config.thresholds.review
        for variant, cap in self._variants(query, form):
            prepared = self.prepare(variant)
            candidates = set(self._exact.get(variant.key, ()))
            candidates |= set(self._compact.get(variant.compact, ()))
            candidates |= set(self._compact_phonetic.get("".join(variant.phonetic), ()))
            candidates |= self._candidates(variant)
            for i in candidates:
                entry = self.entries[i]
                containable = entry.name.kind in self._containable
                score, method, alignment = self.score_pair(
                    prepared, entry.prepared, contained_b=containable, contained_a=False
                )
                if cap < 1.0 and score > cap:
                    score, method = cap, "fuzzy"
                if score >= review:
                    current = best.get(entry.entity_id)
                    if current is None or score > current.score:
                        best[entry.entity_id] = NameMatch(entry, score, method, alignment)
        return sorted(best.values(), key=lambda m: (-m.score, m.entry.entity_id))
