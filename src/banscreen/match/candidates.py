"""Candidate search: the registry names a query is scored against, and no fewer.

A query is scored only against names it shares something with (a token, a near token, a
token that sounds alike, an initial). A name whose best possible score cannot reach review
is dropped before it is scored, by an upper bound of its score computed from token weights
alone. The bound must be a true upper bound of what scoring.py gives: a name dropped here
is a wrong CLEAR. tests/test_candidate_bound.py checks that the search finds exactly what
scoring every name finds.

Two score shapes are bounded:
- organisations: aligned weight x similarity / (query weight + name weight), where the
  listed name's unaligned words may count only `scale` of their weight (a query that gives
  the name in short); a pair gains at most similarity x (both tokens' weights), and the
  denominator is at least query weight + `scale` x name weight;
- persons, whose unaligned parts count `alpha` of their weight: with G the weight gained
  (similarity x both tokens' weights, summed over pairs), A the weight of both sides'
  aligned tokens (A >= G) and T both totals, the score is G / ((1 - alpha) A + alpha T) <=
  G / ((1 - alpha) G + alpha T), which grows with G, so the pairs with most to gain give
  the bound.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import ClassVar

from ..tunables import CACHE_ENTRIES
from .similarity import SCORE_TOLERANCE
from .stored import SCALAR, Group, Spec
from .weights import token_weights

# Distinctive words a query must have, all aligned, to give a listed organisation's name in
# short (scoring.py's `short_b`).
SHORT_FORM_WORDS = 2
# Postings of this many names or fewer are not searched: every name is a candidate.
FEW_NAMES = 0
# Tokens whose heaviest partner weight is remembered per posting (see Postings._offered).
OFFER_CACHE = CACHE_ENTRIES
# Posting lists at least this long are ranked once at build (see Postings._rank).
RANK_MIN_POSTINGS = 16
_Ranking = tuple[Sequence[float], Sequence[int], Sequence[int]]
# A token's partners: (registry token, similarity), the token itself first.
Sources = Callable[[str], Sequence[tuple[str, float]]]


@dataclass(frozen=True)
class Query:
    tokens: tuple[str, ...]
    factors: tuple[float, ...]
    weights: tuple[float, ...]


class Postings:
    """Token → names holding it, for one kind of name and one score shape.

    `alpha` is None for the organisation shape, else the weight of a person's unaligned
    parts. `whole` marks names that may be found whole inside a query (scoring.py's
    containment), which are kept whenever every one of their tokens is in the query.
    """

    STORED: ClassVar[dict[str, Spec]] = {
        "review": SCALAR, "alpha": SCALAR, "scale": SCALAR, "heaviest_letter": SCALAR,
        "_names": Group((("weights", "map"), ("totals", "map"), ("whole", "map"),
                         ("letters", "map"))),
        "_tokens": Group((("by_token", "set"), ("containable", "set"), ("heaviest", "map"),
                          ("lightest", "map"), ("single_names", "map"), ("rankings", "map"))),
    }  # fmt: skip
    by_token: Mapping[str, Set[int]]
    weights: Mapping[int, dict[str, float]]
    totals: Mapping[int, float]
    whole: Mapping[int, bool]
    containable: Mapping[str, Set[int]]
    letters: Mapping[int, dict[str, float]]
    heaviest: Mapping[str, float]
    lightest: Mapping[str, float]
    single_names: Mapping[str, bool]
    rankings: Mapping[str, _Ranking]

    def __init__(
        self,
        ids: Sequence[int],
        tokens: Callable[[int], tuple[str, ...]],
        weights: Callable[[int], tuple[float, ...]],
        whole: Callable[[int], bool],
        review: float,
        alpha: float | None = None,
        initials: bool = False,
        scale: float = 1.0,
    ) -> None:
        self.review = review - SCORE_TOLERANCE
        self.alpha = alpha
        self.scale = scale
        by_token: dict[str, set[int]] = defaultdict(set)
        own_weights: dict[int, dict[str, float]] = {}
        totals: dict[int, float] = {}
        is_whole: dict[int, bool] = {}
        containable: dict[str, set[int]] = defaultdict(set)
        # For initials: per name, the heaviest token beginning with each letter.
        by_letter: dict[int, dict[str, float]] = {}
        for i in ids:
            name_tokens, name_weights = tokens(i), weights(i)
            own_weights[i] = token_weights(name_tokens, name_weights)
            totals[i] = sum(name_weights)
            is_whole[i] = whole(i)
            for token in name_tokens:
                by_token[token].add(i)
            if initials:
                letters: dict[str, float] = {}
                for token, weight in zip(name_tokens, name_weights, strict=True):
                    if len(token) > 1:
                        letters[token[0]] = max(letters.get(token[0], 0.0), weight)
                by_letter[i] = letters
        # A name found whole holds all its tokens: posted under its rarest one is enough.
        for i in ids:
            if is_whole[i]:
                rarest = min(own_weights[i], key=lambda t: (len(by_token[t]), t))
                containable[rarest].add(i)
        self.by_token, self.weights, self.totals = dict(by_token), own_weights, totals
        self.whole, self.containable, self.letters = is_whole, dict(containable), by_letter
        self.heaviest = {
            token: max(own_weights[i][token] for i in held) for token, held in by_token.items()
        }
        # Per token, the least total weight of the names holding it, and whether one of them
        # is a one-token name that may be found whole.
        self.lightest = {token: min(totals[i] for i in held) for token, held in by_token.items()}
        self.single_names = {
            token: any(len(own_weights[i]) == 1 and is_whole[i] for i in held)
            for token, held in by_token.items()
        }
        self.heaviest_letter: dict[str, float] = {}
        for letters in by_letter.values():
            for letter, weight in letters.items():
                self.heaviest_letter[letter] = max(self.heaviest_letter.get(letter, 0.0), weight)
        self.rankings = self._rank(by_token, own_weights, totals, is_whole)
        self._opened()

    def _opened(self) -> None:
        self._offers: dict[tuple[str, Sources], float] = {}

    def __len__(self) -> int:
        return len(self.weights)

    # ------------------------------------------------------------------ the bound
    @staticmethod
    def _pair(similarity: float, w: float, own: float) -> float:
        """What one pair contributes to the bound's numerator: at most what it gains."""
        return similarity * (w + own)

    def _reaches(self, gained: float, total: float, entry_total: float, short: bool = True) -> bool:
        """Whether names whose pairs contribute `gained` may reach review; `short`: whether
        the name's unaligned words may count only `scale` (every distinctive query word may
        have a partner in it)."""
        if self.alpha is None:
            scale = self.scale if short else 1.0
            return gained >= self.review * (total + scale * entry_total)
        alpha = self.alpha
        return gained * (1 - self.review * (1 - alpha)) >= self.review * alpha * (
            total + entry_total
        )

    def _rank_key(self, own: float, entry_total: float) -> float:
        """Ascending key: names that reach review through one pair on a token (of weight
        `own` in them) come first."""
        if self.alpha is None:  # one pair never gives a short form: no `scale` here
            return self.review * entry_total - own
        return self.review * self.alpha * entry_total - (1 - self.review * (1 - self.alpha)) * own

    def _cut(self, similarity: float, w: float, total: float) -> float:
        """The rank key up to which a name may reach review through one pair."""
        if self.alpha is None:
            return similarity * w - self.review * total
        return (1 - self.review * (1 - self.alpha)) * w - self.review * self.alpha * total

    def _offered(self, token: str, sources: Sources) -> float:
        """The heaviest weight any name here gives a partner of `token` (for an initial, any
        token it begins); remembered per kind of partners."""
        key = (token, sources)
        offered = self._offers.get(key)
        if offered is None:
            offered = max((self.heaviest.get(held, 0.0) for held, _ in sources(token)), default=0.0)
            if len(token) == 1 and self.letters:
                offered = max(offered, self.heaviest_letter.get(token, 0.0))
            if len(self._offers) >= OFFER_CACHE:
                self._offers.clear()
            self._offers[key] = offered
        return offered

    def _rank(
        self,
        by_token: dict[str, set[int]],
        weights: dict[int, dict[str, float]],
        totals: dict[int, float],
        whole: dict[int, bool],
    ) -> dict[str, _Ranking]:
        """For tokens held by many names, those names ranked by `_rank_key`, and the
        one-token names among them. Shorter posting lists are simply walked."""
        out: dict[str, _Ranking] = {}
        for token, ids in by_token.items():
            if len(ids) < RANK_MIN_POSTINGS:
                continue
            scored = sorted((self._rank_key(weights[i][token], totals[i]), i) for i in ids)
            singles = sorted(i for i in ids if len(weights[i]) == 1 and whole[i])
            out[token] = ([v for v, _ in scored], [i for _, i in scored], singles)
        return out

    # ------------------------------------------------------------------ the search
    def search(self, query: Query, sources: Sources, by_partners: bool = False) -> set[int]:
        """Names sharing tokens with the query whose best possible score reaches review.

        For every name sharing a token the bound adds, per query token, the pair the name
        offers it with the most to gain: an upper bound, since the real alignment is
        one-to-one. A name all of whose tokens are shared is kept regardless (it may be
        found whole in the query).

        Most names reached share one walked token and nothing else; whether such a name
        reaches review depends only on that token's weight in it and its total weight, so
        each token's postings are kept ranked and only the top of the ranking is looked at.
        Names reached by more than one query token get the full sum. Only the query's
        distinctive tokens are walked when it has one (a name must align a distinctive token
        to reach review), heaviest first, stopping once the tokens left could not lift a
        name sharing only them to review (prefix filtering); names that may be found whole
        are looked up for every token regardless; with `by_partners`, those all of whose
        tokens are partners of the query's (a name in another script holds a listed name's
        words as sound-alikes: "Оплата через Акме").
        """
        if len(self.weights) <= FEW_NAMES:
            return set(self.weights)  # scoring them all costs less than searching
        tokens, factors, weights = query.tokens, query.factors, query.weights
        # No name here holds a partner of any query token (most searches of Chinese names'
        # syllables by a Latin query): nothing to walk.
        offered = {t: self._offered(t, sources) for t in dict.fromkeys(tokens)}
        if not any(offered.values()):
            return set()
        token_weight = token_weights(tokens, weights)
        total = sum(weights)
        distinctive = {t for t, f in zip(tokens, factors, strict=True) if f >= 1.0}
        # The short-form discount needs two distinctive query words aligned: a name reached
        # through one word alone never has it.
        single = False
        keys = [t for t, f in zip(tokens, factors, strict=True) if f >= 1.0] or list(tokens)
        keys = sorted(dict.fromkeys(keys), key=lambda t: -token_weight[t])
        # Walk the keys heaviest first while the tokens left could still lift a name that
        # shares only them to review: such a name gains at most their weight plus the
        # heaviest weight any name gives each one's partners.
        walked: list[str] = []
        remaining = sum(token_weight.values())
        partner_weight = sum(offered.values())
        for token in keys:
            if not self._reaches(remaining + partner_weight, total, partner_weight):
                break
            remaining -= token_weight[token]
            partner_weight -= offered[token]
            walked.append(token)
        # Names that may be found whole in the query and all of whose tokens it holds.
        holds: Set[str] = (
            {partner for token in token_weight for partner, _ in sources(token)} | set(token_weight)
            if by_partners
            else token_weight.keys()
        )
        found = {
            i
            for token in holds
            for i in self.containable.get(token, ())
            if all(t in holds for t in self.weights[i])
        }
        reaches: list[set[int]] = []
        partners: dict[str, Sequence[tuple[str, float]]] = {}
        for token in walked:
            w = token_weight[token]
            partners[token] = sources(token)
            reach: set[int] = set()
            for held, similarity in partners[token]:
                ids = self.by_token.get(held)
                if not ids:
                    continue
                reach |= ids
                ranking = self.rankings.get(held)
                if ranking is None:  # a short posting list: look at each name
                    if (
                        not self._reaches(
                            self._pair(similarity, w, self.heaviest[held]),
                            total,
                            self.lightest[held],
                            single,
                        )
                        and not self.single_names[held]
                    ):
                        continue  # no name here reaches review through this pair alone
                    for i in ids:
                        if (len(self.weights[i]) == 1 and self.whole[i]) or self._reaches(
                            self._pair(similarity, w, self.weights[i][held]),
                            total,
                            self.totals[i],
                            single,
                        ):
                            found.add(i)
                    continue
                ranked, order, singles = ranking
                for i in order[: bisect_right(ranked, self._cut(similarity, w, total))]:
                    if self._reaches(
                        self._pair(similarity, w, self.weights[i][held]),
                        total,
                        self.totals[i],
                        single,
                    ):
                        found.add(i)
                found.update(singles)  # a one-token name that may be found whole in the query
            reaches.append(reach)
        reached: set[int] = set().union(*reaches)
        # Names that also share another query token: the full sum.
        unwalked = [t for t in token_weight if t not in partners]
        unwalked_partners = {t: sources(t) for t in unwalked}
        others: set[int] = set()
        for k in range(1, len(reaches)):
            for j in range(k):
                others |= reaches[j] & reaches[k]
        for token in unwalked:
            for held, _ in unwalked_partners[token]:
                ids = self.by_token.get(held)
                if ids:
                    others |= reached & ids
        initials = [t for t in token_weight if len(t) == 1] if self.letters else []
        if initials:
            others |= {i for i in reached if any(t in self.letters[i] for t in initials)}
        others -= found
        if not others:
            return found
        # Which query tokens each registry token partners, with the similarity: a name's
        # sum is then read from its own few tokens.
        reverse: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for token in token_weight:
            for held, similarity in partners.get(token) or unwalked_partners[token]:
                reverse[held].append((token, similarity))
        short_form = len(distinctive) >= SHORT_FORM_WORDS
        for i in others:
            if self._full_sum(i, reverse, token_weight, initials, total, distinctive, short_form):
                found.add(i)
        return found

    def _full_sum(
        self,
        i: int,
        reverse: dict[str, list[tuple[str, float]]],
        token_weight: dict[str, float],
        initials: list[str],
        total: float,
        distinctive: set[str],
        short_form: bool,
    ) -> bool:
        """The bound of one name from every pair it offers the query."""
        own = self.weights[i]
        best: dict[str, float] = {}
        for held, weight in own.items():
            for token, similarity in reverse.get(held, ()):
                pair = self._pair(similarity, token_weight[token], weight)
                if pair > best.get(token, 0.0):
                    best[token] = pair
        for token in initials:
            if token not in best:
                letter = self.letters[i].get(token)
                if letter is not None:
                    best[token] = self._pair(1.0, token_weight[token], letter)
        # An organisation's name may be found whole by its words' partners (sound-alikes
        # in another script); a person's only by its own words, which `search` has added.
        if len(best) >= len(own) and self.whole[i] and self.alpha is None:
            return True
        short = short_form and all(t in best for t in distinctive)
        return self._reaches(sum(best.values()), total, self.totals[i], short)
