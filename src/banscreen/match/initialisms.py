"""A name with words given by their initials: "IRISL MTI" for "IRISL Maritime Training
Institute", "PJSC CSPA Leninetz" for "... Central Scientific Production Association
Leninetz", "NIOC" for "National Iranian Oil Company" (`Initialisms`).

Lists give one party's name both ways, and a payment or a contract writes whichever its
clerk knew. Word by word the two share nothing where the initials stand, and score below
REVIEW. So a run of words is read as its initials, both ways round: a query's run whose
initials are a listed organisation's word (a form of the query, rewrites.py), and a listed
organisation's run whose initials are a word of the query (the listed name rewritten; the
index finds such names by the initials of each run of their words, for they share no word
with the query). A stop word inside a run (`initialism_skip_words`) may give its letter or
not ("Center of Call For Wisdom", CCFW). Initials are a guess at a name, never its
spelling: a hit through them scores at most `initialism_max` (REVIEW, never BLOCK), it must
pair the initials of one name with the same word written in the other, and a name given by
its initials alone needs `initialism_alone_min_letters` of them (three letters spell too
many names' initials).

A part of `NameIndex` (index.py), kept apart because it reads the words of names as they
are written, which the index's forms no longer hold (organisations' kinds, legal forms)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from functools import cached_property, lru_cache

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .common_words import zipf
from .entries import NameEntry
from .forms import NameForm
from .normalize import Normaliser
from .prepared import Prepared, Score
from .scoring import Scorer
from .text import find_words, fold_latin
from .variants import pairs_initials

# A query longer than this is not read for initials: no name is, and reading a 700 KB
# field's runs doubled its matching time.
MAX_CHARS = 512

# A name as written (folded), where each of its words stands in it, the words, and the
# runs of them initials may stand for: (first word, end, initials).
Written = tuple[str, tuple[tuple[int, int], ...], tuple[str, ...], tuple[tuple[int, int, str], ...]]


class Initialisms:
    # What the index provides (index.py).
    config: MatchingConfig
    normaliser: Normaliser
    entries: Sequence[NameEntry]
    _initialisms: Container[str]  # listed organisations' words that may be initials
    _by_initials: Mapping[str, Sequence[int]]  # organisations' names by runs' initials
    scorer: Scorer
    prepare: Callable[[NameForm], Prepared]

    @cached_property
    def _skipped(self) -> frozenset[str]:
        return frozenset(self.config.initialism_skip_words)

    def _build_initialisms(self) -> None:
        """The listed organisations' words that may be initials, and their names by the
        initials of each run of their words (of the whole name too)."""
        words: set[str] = set()
        by_initials: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(self.entries):
            if entry.person or entry.form.han:
                continue
            words.update(t for t in entry.form.tokens if self.may_be_initials(t))
            for *_, initials in self._written(entry.name.value)[3]:
                by_initials[initials].add(i)
        self._initialisms = frozenset(words)
        # Runs whose initials spell a word English uses often are left out here, so that a
        # query asks no word list (loading one costs a command's start a tenth of a second).
        self._by_initials = {k: sorted(v) for k, v in by_initials.items() if self._uncommon(k)}

    def may_be_initials(self, token: str) -> bool:
        """A word that may be initials: letters only, `initialism_min_letters` to
        `initialism_max_letters` of them, and no word English uses often ("oil", "bio")."""
        cfg = self.config
        return (
            cfg.initialism_min_letters <= len(token) <= cfg.initialism_max_letters
            and token.isascii()
            and token.isalpha()
            and self._uncommon(token)
        )

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - the index lives as long as its caches
    def _uncommon(self, token: str) -> bool:
        return zipf(token) < self.config.initialism_max_zipf

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def written_words(self, text: str) -> Written:
        """`_written`, remembered for the names a query meets (not for every listed name
        the index is built from: the cache would hold them all)."""
        return self._written(text)

    def _written(self, text: str) -> Written:
        """A name's words as written (folded), and every run of them that initials may
        stand for, longest first, as (first word, end, initials): two words or more, not
        starting or ending with a stop word, `initialism_min_letters` to
        `initialism_max_letters` letters. A stop word inside a run is read with its letter
        and without ("Pars Oil and Gas Company", POGC; "Ministry of Intelligence and
        Security", MOIS); a word of another script, or holding a digit, has no letter and
        ends a run."""
        folded = self.normaliser.fold(text)
        found = find_words(folded)
        words = tuple(word for word, _, _ in found)
        if folded.isascii():
            letters = [word[0] if word.isalpha() else "" for word in words]
        else:
            letters = [
                first if word.isalpha() and (first := fold_latin(word[0])[:1]).isalpha() else ""
                for word in words
            ]
        low, high = self.config.initialism_min_letters, self.config.initialism_max_letters
        spans = tuple((start, end) for _, start, end in found)
        if self._skipped.isdisjoint(words):  # most names: each run is spelt one way
            joined = "".join(letter or "#" for letter in letters)
            plain = tuple(
                (start, start + size, joined[start : start + size])
                for size in range(min(high, len(words)), max(low, 2) - 1, -1)
                for start in range(len(words) - size + 1)
                if "#" not in joined[start : start + size]
            )
            return folded, spans, words, plain
        runs: dict[tuple[int, int, str], None] = {}
        for start, word in enumerate(words):
            if word in self._skipped or not letters[start]:
                continue
            spelt = {letters[start]}
            for end in range(start + 2, len(words) + 1):
                last = words[end - 1]
                if not letters[end - 1]:
                    break
                stop = last in self._skipped
                grown = {p + letters[end - 1] for p in spelt if len(p) < high}
                spelt = (spelt | grown) if stop else grown
                if not spelt or end - start > 2 * high:
                    break
                if not stop:
                    runs.update(((start, end, p), None) for p in spelt if low <= len(p))
        return folded, spans, words, tuple(sorted(runs, key=lambda run: run[0] - run[1]))

    def _runs(self, written: Written, initials: str) -> Iterator[tuple[int, int]]:
        """Where in `written` a run of words has these initials, as a slice of its words
        (stop words inside the run are in it)."""
        for start, end, spelt in written[3]:
            if spelt == initials:
                yield start, end

    def abbreviated(
        self, text: str, own: NameForm, words: Container[str] | None = None
    ) -> list[tuple[NameForm, str]]:
        """The query (`own` its form) with a run of its words written as their initials
        where those are a listed organisation's word (or one of `words`): (form,
        initials), longest runs first, at most two."""
        if len(text) > MAX_CHARS:
            return []
        words = self._initialisms if words is None else words
        written = self.written_words(text)
        found: list[tuple[NameForm, str]] = []
        seen: set[str] = set()
        for start, end, initials in written[3]:
            if initials in seen or initials not in words:
                continue
            made = self._written_as(written, (start, end), initials, own, self.normaliser.form)
            if made is not None:
                seen.add(initials)
                found.append((made, initials))
                if len(found) == 2:
                    break
        return found

    def _written_as(
        self, written: Written, run: tuple[int, int], initials: str, own: NameForm,
        form: Callable[[str], NameForm],
    ) -> NameForm | None:  # fmt: skip
        """The name `written` (whose form is `own`) with the `run` of its words written as
        their initials, unless the run is only legal forms ("Obshchestvo s Ogranichennoi
        Otvetstvennostiu" is OOO, which names no one) or cuts one so that words it hid
        come out: the initials may only stand for the run."""
        text, spans, words, _ = written
        first, last = run
        if not self.normaliser.legal.without_org_types(" ".join(words[first:last])).strip():
            return None
        made = form(f"{text[: spans[first][0]]}{initials}{text[spans[last - 1][1] :]}")
        if made.legal_forms != own.legal_forms or not set(made.tokens) - {initials} <= set(
            own.tokens
        ):
            return None
        return made

    def query_initials(self, form: NameForm) -> tuple[str, ...]:
        """A query's words that are the initials of a run of a listed organisation's words
        (not an English word: `_build_initialisms`). Not remembered: asked of every name a
        query is scored against, it costs less than hashing the form."""
        if form.script != "Latin":
            return ()
        return tuple(t for t in dict.fromkeys(form.tokens) if t in self._by_initials)

    def initials_candidates(self, initials: Sequence[str]) -> set[int]:
        """The organisations' names a query's `initials` (`query_initials`) may stand for a
        run of: word by word they are too far apart for the candidate search to bring them."""
        found: set[int] = set()
        for token in initials:
            found.update(self._by_initials[token])
        return found

    def expanded(self, entry: NameEntry, initials: Sequence[str]) -> list[tuple[str, NameForm]]:
        """A listed organisation's name with a run of its words written as initials that
        the query has: (initials, the name's form so written)."""
        if entry.person or entry.form.han:
            return []
        written = self.written_words(entry.name.value)
        out = []
        for token in initials:
            if token in entry.form.tokens:
                continue
            for run in self._runs(written, token):
                form = self._written_as(written, run, token, entry.form, self.normaliser.plain_form)
                if form is not None:
                    out.append((token, form))
                    break
        return out

    def initials_score(
        self, prepared: Prepared, entry: NameEntry, initials: tuple[str, ...] | None = None
    ) -> Score | None:
        """A query scored against a listed organisation's name with a run of its words
        written as initials the query has (`initials`, when already known), when that hit
        counts (`variants.pairs_initials`), at most `initialism_max`."""
        if initials is None:
            initials = self.query_initials(prepared.form)
        if not initials:
            return None
        best = None
        for token, form in self.expanded(entry, initials):
            score = self.scorer.score(prepared, self.prepare(form), contained_a=False,
                                      contained_b=len(form.tokens) > 1, short_b=True)  # fmt: skip
            alone = len(token) >= self.config.initialism_alone_min_letters
            if score.score > (best.score if best else 0.0) and pairs_initials(
                token, score.alignment, form.tokens, prepared.form.tokens, alone
            ):
                best = score
        if best is None:
            return None
        capped = min(best.score, self.config.initialism_max)
        return Score(capped, "fuzzy", best.alignment, best.found)
