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
- persons, whose unaligned parts count `alpha` of their weight: with A the weight of both
  sides' aligned tokens and T both totals, the score is at most A / ((1 - alpha) A +
  alpha T), which grows with A, so the heaviest pairs give the bound (similarities taken
  as 1).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .weights import token_weights

# Posting lists at least this long are ranked once at build (see Postings._rank).
RANK_MIN_POSTINGS = 16
_Ranking = tuple[list[float], list[int], frozenset[int]]
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
        self.review = review - 1e-9
        self.alpha = alpha
        self.scale = scale
        self.by_token: dict[str, set[int]] = defaultdict(set)
        self.weights: dict[int, dict[str, float]] = {}
        self.totals: dict[int, float] = {}
        self.whole: dict[int, bool] = {}
        self.containable: dict[str, set[int]] = defaultdict(set)
        # For initials: per name, the heaviest token beginning with each letter.
        self.letters: dict[int, dict[str, float]] = {}
        for i in ids:
            own_tokens, own_weights = tokens(i), weights(i)
            self.weights[i] = token_weights(own_tokens, own_weights)
            self.totals[i] = sum(own_weights)
            self.whole[i] = whole(i)
            for token in own_tokens:
                self.by_token[token].add(i)
                if self.whole[i]:
                    self.containable[token].add(i)
            if initials:
                letters: dict[str, float] = {}
                for token, weight in zip(own_tokens, own_weights, strict=True):
                    if len(token) > 1:
                        letters[token[0]] = max(letters.get(token[0], 0.0), weight)
                self.letters[i] = letters
        self.heaviest = {
            token: max(self.weights[i][token] for i in ids) for token, ids in self.by_token.items()
        }
        self.heaviest_letter: dict[str, float] = {}
        for letters in self.letters.values():
            for letter, weight in letters.items():
                self.heaviest_letter[letter] = max(self.heaviest_letter.get(letter, 0.0), weight)
        self.rankings = self._rank()

    def __len__(self) -> int:
        return len(self.weights)

    # ------------------------------------------------------------------ the bound
    def _pair(self, similarity: float, w: float, own: float) -> float:
        """What one pair contributes to the bound's numerator."""
        return similarity * (w + own) if self.alpha is None else w + own

    def _reaches(self, gained: float, total: float, entry_total: float) -> bool:
        """Whether names whose pairs contribute `gained` may reach review."""
        if self.alpha is None:
            return gained >= self.review * (total + self.scale * entry_total)
        alpha = self.alpha
        return gained * (1 - self.review * (1 - alpha)) >= self.review * alpha * (
            total + entry_total
        )

    def _rank_key(self, i: int, token: str) -> float:
        """Ascending key: names that reach review through one pair on `token` come first."""
        own, entry_total = self.weights[i][token], self.totals[i]
        if self.alpha is None:
            return self.review * self.scale * entry_total - own
        return self.review * self.alpha * entry_total - (1 - self.review * (1 - self.alpha)) * own

    def _cut(self, similarity: float, w: float, total: float) -> float:
        """The rank key up to which a name may reach review through one pair."""
        if self.alpha is None:
            return similarity * w - self.review * total
        return (1 - self.review * (1 - self.alpha)) * w - self.review * self.alpha * total

    def _offered(self, token: str, sources: Sources) -> float:
        """The heaviest weight any name here gives a partner of `token` (for an initial, any
        token it begins)."""
        offered = max((self.heaviest.get(held, 0.0) for held, _ in sources(token)), default=0.0)
        if len(token) == 1 and self.letters:
            offered = max(offered, self.heaviest_letter.get(token, 0.0))
        return offered

    def _rank(self) -> dict[str, _Ranking]:
        """For tokens held by many names, those names ranked by `_rank_key`, and the
        one-token names among them. Shorter posting lists are simply walked."""
        out: dict[str, _Ranking] = {}
        for token, ids in self.by_token.items():
            if len(ids) < RANK_MIN_POSTINGS:
                continue
            scored = sorted((self._rank_key(i, token), i) for i in ids)
            singles = frozenset(i for i in ids if len(self.weights[i]) == 1 and self.whole[i])
            out[token] = ([v for v, _ in scored], [i for _, i in scored], singles)
        return out

    # ------------------------------------------------------------------ the search
    def search(self, query: Query, sources: Sources) -> set[int]:
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
        are looked up for every token regardless.
        """
        tokens, factors, weights = query.tokens, query.factors, query.weights
        token_weight = token_weights(tokens, weights)
        total = sum(weights)
        keys = [t for t, f in zip(tokens, factors, strict=True) if f >= 1.0] or list(tokens)
        keys = sorted(dict.fromkeys(keys), key=lambda t: -token_weight[t])
        # Walk the keys heaviest first while the tokens left could still lift a name that
        # shares only them to review: such a name gains at most their weight plus the
        # heaviest weight any name gives each one's partners.
        offered = {t: self._offered(t, sources) for t in token_weight}
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
        found = {
            i
            for token in token_weight
            for i in self.containable.get(token, ())
            if all(t in token_weight for t in self.weights[i])
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
                    for i in ids:
                        if (len(self.weights[i]) == 1 and self.whole[i]) or self._reaches(
                            self._pair(similarity, w, self.weights[i][held]), total, self.totals[i]
                        ):
                            found.add(i)
                    continue
                ranked, order, singles = ranking
                for i in order[: bisect_right(ranked, self._cut(similarity, w, total))]:
                    if self._reaches(
                        self._pair(similarity, w, self.weights[i][held]), total, self.totals[i]
                    ):
                        found.add(i)
                found |= singles  # a one-token name that may be found whole in the query
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
        for i in others - found:
            if self._full_sum(
                i, walked, unwalked, token_weight, partners, unwalked_partners, total
            ):
                found.add(i)
        return found

    def _full_sum(
        self,
        i: int,
        walked: list[str],
        unwalked: list[str],
        token_weight: dict[str, float],
        partners: dict[str, Sequence[tuple[str, float]]],
        unwalked_partners: dict[str, Sequence[tuple[str, float]]],
        total: float,
    ) -> bool:
        own = self.weights[i]
        gained = 0.0
        aligned = 0
        for token in (*walked, *unwalked):
            w = token_weight[token]
            best = 0.0
            source = partners.get(token) or unwalked_partners[token]
            for held, similarity in source:
                weight = own.get(held)
                if weight is not None:
                    best = max(best, self._pair(similarity, w, weight))
            if not best and len(token) == 1 and self.letters:
                letter = self.letters[i].get(token)
                if letter is not None:
                    best = self._pair(1.0, w, letter)
            if best:
                gained += best
                aligned += 1
        if aligned >= len(own) and self.whole[i]:
            return True
        return self._reaches(gained, total, self.totals[i])
