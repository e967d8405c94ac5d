"""A form of a query that is scored as the query is, and what a hit through it may say:
how high it may score, by which method, and on which names it counts (rewrites.py makes
them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .forms import NameForm
from .pinyin import spelt_alike
from .similarity import Alignment

if TYPE_CHECKING:
    from .spelling_model import Heard

# Whether a hit on a name (a person's or not, its tokens, its kind) counts (`Variant.admits`).
Admits = Callable[[bool, tuple[str, ...], "str | None"], bool]


class Variant(NamedTuple):
    """A form of a query, the highest score a hit through it may give, and the method such a
    hit is reported by when not the scoring's own (a name read back from Chinese is scored
    as a Latin name, and is a transliteration). `cut`: the word its last word, cut off, was
    completed as (cut.py's `cut_hit` then decides which hits through it count).
    `organisations`: hits through it count on organisations' names only, `persons`: on
    persons' names only (a reading of another language's spelling, spellings.py); `held`:
    only on names that hold that word (a one-word name before a place, heads.py); `whole`:
    only when it and the name align every word (a longer name before a place); `alike`: only on
    a name of one word its one word spells at least this alike (`pinyin.spelt_alike`: a
    short foreign name read back from Chinese); `initials`: only when it pairs these
    initials (initialisms.py), and `alone`: even when either name is only them; `kinds`:
    only on names of these kinds, when the name's kind is known (a brand's name written
    apart: joined_brands.py); `only`: only on a name of tokens it accepts (a brand glued
    to more words: glued_brands.py); `spelt`: only on a name that holds each of its words
    as written, or two of them as one word (a Chinese name read as Hong Kong spells it,
    cantonese.py: its syllables sound like many names'); `at`: the query's own name, with what rode
    along with it in the field taken away (references, a label, a list's numbering): a hit
    through it was found at its words (`found_at`); `heard`: only on a name whose words the
    units it was spelt from support (a foreign name in Chinese, Hangul or katakana:
    spelling_model.py), or, when `Heard.persons`, on a person's name only then; `barred`:
    only on names that hold none of these words (the words a head of the query left out as
    describing the person, which a name holding them shows to be its own parts: heads.py),
    and, with `beside` ("before" or "after": where the query had them), not on a name that
    holds the form whole with another word there (a part in their place: PARK SUNG HO's
    head PARK SUNG is not PARK SUNG MIN's)."""

    form: NameForm
    cap: float
    method: str | None = None
    cut: str = ""
    organisations: bool = False
    held: str = ""
    whole: bool = False
    alike: float = 0.0
    initials: str = ""
    alone: bool = True
    persons: bool = False
    kinds: frozenset[str] = frozenset()
    spelt: bool = False
    at: bool = False
    heard: Heard | None = None
    barred: frozenset[str] = frozenset()
    beside: str = ""
    only: Callable[[tuple[str, ...]], bool] | None = None

    def admits(self, person: bool, tokens: tuple[str, ...], kind: str | None = None) -> bool:
        """Whether a hit on a name of `tokens`, a person's (`person`) or not, of `kind` (None:
        not known, a free-standing name) counts."""
        if (self.organisations and person) or (self.persons and not person):
            return False
        if self.kinds and kind is not None and kind not in self.kinds:
            return False
        if self.only is not None and not self.only(tokens):
            return False
        if self.barred and (not self.barred.isdisjoint(tokens) or self._replaced(tokens)):
            return False
        if self.heard is not None and self.heard.persons and person:
            # A reading that spells the name as listed is no sound-alike to hold back, nor is
            # a name the rules romanise into its letters (강가가 as "ganggaga", GANG-GAGA).
            form = self.form
            heard = (
                tokens == form.tokens
                or (form.script != "Latin" and "".join(form.roman) == "".join(tokens))
                or self.heard.admits(tokens)
            )
            return heard and (not self.held or self.held in tokens)
        return not self.held or self.held in tokens

    def _replaced(self, tokens: tuple[str, ...]) -> bool:
        """Whether a name holds the form whole with another word `beside` it."""
        head, n = self.form.tokens, len(self.form.tokens)
        for i in range(len(tokens) - n + 1):
            before, after = i > 0, i + n < len(tokens)
            if tokens[i : i + n] == head and (before, after)[self.beside == "after"]:
                return True
        return False

    def may_count(self, person: bool, tokens: tuple[str, ...], kind: str | None = None) -> bool:
        """Whether a hit on a name may count, before it is scored (`admits`, `spells`)."""
        return self.admits(person, tokens, kind) and self.spells(self.form.tokens, tokens)

    def found_at(self, alignment: Alignment) -> tuple[str, ...]:
        """The words of the query a hit through it was found at, when it is a name found
        where a field goes on (`contained`): its form's, and for a person's name only the
        words from the first aligned to the last ("Payment to Sergei Shoigu for rent" holds
        "Sergei Shoigu" however the head reaches on); and a name the field holds with more
        taken away (`at`): its form's ("Beneficiary Name: Acme 12345" holds "Acme")."""
        if self.method != "contained" and not self.at:
            return ()
        tokens = self.form.tokens
        if self.persons and alignment.aligned_a:
            return tokens[min(alignment.aligned_a) : max(alignment.aligned_a) + 1]
        return tokens

    def fits(self, alignment: Alignment, tokens: tuple[str, ...]) -> bool:
        """Whether a hit with `alignment` on a name of `tokens` counts (`whole`, `alike`)."""
        if self.whole and not aligns_whole(alignment, self.form.tokens, tokens):
            return False
        if self.initials and not pairs_initials(
            self.initials, alignment, self.form.tokens, tokens, self.alone
        ):
            return False
        return self.spells(self.form.tokens, tokens)

    def spells(self, own: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
        """Whether its words `own` (its form's, or their person's reading) spell a name of
        `tokens` as `alike` and `spelt` ask."""
        if self.spelt and not holds_words(own, tokens):
            return False
        if self.heard is not None and not self.heard.persons and not self.heard.admits(tokens):
            return False
        return not self.alike or (
            len(own) == len(tokens) == 1 and spelt_alike(own[0], tokens[0], self.alike)
        )


def holds_words(own: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether `tokens` hold each word of `own`, or two in a row as one word ("Kachiu")."""
    held = set(tokens)
    reached = [True] + [False] * len(own)  # whether own[:i] is held
    for i in range(len(own)):
        if reached[i] and own[i] in held:
            reached[i + 1] = True
        if reached[i] and i + 1 < len(own) and own[i] + own[i + 1] in held:
            reached[i + 2] = True
    return reached[-1]


def aligns_whole(alignment: Alignment, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether `alignment` of names of tokens `a` and `b` aligns every word of both (an
    exact hit, found by its key, carries no alignment: its words are the same)."""
    if a == b:
        return True
    return len(alignment.aligned_a) == len(a) and len(alignment.aligned_b) == len(b)


def pairs_initials(
    initials: str, alignment: Alignment, a: tuple[str, ...], b: tuple[str, ...], alone: bool
) -> bool:
    """Whether a hit through initials (initialisms.py) counts: it pairs the initials of
    one name (`a`) with the same word of the other as written (`b`), and neither name is
    the initials alone unless they may be (`alone`)."""
    if initials not in b or not any(x == y == initials for x, y, _ in alignment.pairs):
        return False
    return alone or (a != (initials,) and b != (initials,))


def capped(score: float, method: str, cap: float, forced: str | None = None) -> tuple[float, str]:
    """A hit's score and method through a variant: at most its `cap` (then "fuzzy"), and
    reported by the variant's own method when it has one (`forced`)."""
    if score > cap:
        score, method = cap, "fuzzy"
    return score, forced or method


def standing(found: Sequence[Variant]) -> tuple[Variant, ...]:
    """A name's variants (`QueryRewrites._variants_of`) as those of the name a longer field
    holds: the first, its own form, is found at its words (`Variant.at`)."""
    return (found[0]._replace(at=True), *found[1:]) if found else ()
