"""The heads of a query's field as forms of the query (a part of `QueryRewrites`,
rewrites.py): the name up to a comma, a bracket or a place, a card descriptor's processor
and merchant, the other parties a field names, a payment's payee, the firm's name before
generic words, a person's name after words that describe the person (heads.py)."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from functools import cached_property

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .heads import (
    References,
    card_heads,
    field_head,
    firm_heads,
    head_variants,
    other_parties,
    person_heads,
    person_variants,
    place_head,
)
from .normalize import Normaliser
from .payees import PayeeWords, payee_form
from .places import Places
from .variants import Variant
from .written_titles import WrittenTitles


class HeadForms:
    # What the index provides (index.py, rewrites.py).
    config: MatchingConfig
    normaliser: Normaliser
    person_word: Callable[[str], bool]
    person_word_only: Callable[[str], bool]
    places: Places | None
    _firm_words: Container[str]
    _grammar: frozenset[str]
    variants: Callable[[str], Sequence[Variant]]
    _person_readings: Callable[[str], tuple[str, ...]]

    def _heads(
        self, query: str, form: NameForm, references: References, out: list[Variant]
    ) -> None:
        """The heads of a field (heads.py) as forms of the query, added to `out`."""
        cap = self.config.contained_score
        named = field_head(query, self.normaliser, self.person_word, references, self.places)
        processor, merchant = card_heads(query, self.normaliser, references, self._payee_words)
        parties = other_parties(query, self.normaliser, references, self.config.party_words)
        for head in (named, processor, *parties):
            if head is not None and head.tokens != form.tokens:
                out.append(Variant(head, cap, "contained", organisations=True))
        payee = payee_form(form, self.normaliser, self._payee_words, self._grammar)
        out.extend(firm_heads(query, form, self.normaliser, self.places, self.person_word_only,
                              references, cap, self._firm_words, payee, merchant))  # fmt: skip
        persons, barred = person_heads(query, form, (named,), self.normaliser,
                                       self._payee_words, references, self.person_word, payee,
                                       self.places)  # fmt: skip
        found = person_variants([*persons, *parties], cap, barred)
        out.extend(found)
        out.extend(self._read_persons(found))
        out.extend(self._titles.forms(query, self.variants))  # "김정은 위원장"
        if payee is not None:  # the payee's name before where or what body it is
            placed = place_head(payee, self.normaliser, self.places, self.person_word_only)
            out.extend(head_variants(placed, cap, self._firm_words))

    def _read_persons(self, heads: list[Variant]) -> list[Variant]:
        """A person's name found in a longer field, in another language's spelling or in
        Wade-Giles, read as the whole query is (rewrites.py, `_person_readings`): "Payment
        to Chang Hsiao-ming for rent" was a CLEAR where the name alone is a REVIEW."""
        out = []
        for head in heads:
            if head.form.script == "Latin":
                for read in self._person_readings(" ".join(head.form.tokens)):
                    out.append(head._replace(form=self.normaliser.form(read)))
        return out

    @cached_property
    def _titles(self) -> WrittenTitles:
        return WrittenTitles(self.config, self.normaliser)

    @cached_property
    def _payee_words(self) -> PayeeWords:
        return PayeeWords.of(self.config, self.normaliser)
