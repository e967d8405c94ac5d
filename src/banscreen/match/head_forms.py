"""The heads of a query's field as forms of the query (a part of `QueryRewrites`,
rewrites.py): the name up to a comma, a bracket or a place, a card descriptor's processor
and merchant, the other parties a field names, a payment's payee, the firm's name before
generic words, a person's name after words that describe the person (heads.py)."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from functools import cached_property
from itertools import islice

import regex

from ..registry.matching import MatchingConfig
from .common_words import zipf
from .forms import NameForm
from .heads import (
    References,
    acronym_variants,
    bracket_head,
    card_heads,
    field_head,
    firm_heads,
    head_variants,
    other_parties,
    part_form,
    person_heads,
    person_variants,
    place_head,
)
from .normalize import Normaliser
from .payees import PayeeWords, payee_form
from .places import Places
from .references import COMMA, starts_numbered
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
    _own_words: Container[str]
    _grammar: frozenset[str]
    variants: Callable[[str], Sequence[Variant]]
    _person_readings: Callable[[str], tuple[str, ...]]

    def _heads(
        self,
        query: str,
        form: NameForm,
        references: References,
        out: list[Variant],
        written: str | None = None,
    ) -> None:
        """The heads of a field (heads.py) as forms of the query, added to `out`. `query`
        may be the field without its references; the name before its first comma is also
        read in the field as `written`: "ZTE, Building 3, Hi-tech Park" without "Building 3"
        leaves one word before a comma, which only an address's number after it makes a
        firm's name rather than a surname."""
        cap = self.config.contained_score
        named = field_head(query, self.normaliser, self.person_word, references, self.places)
        if named is None and written is not None:
            named = field_head(written, self.normaliser, self.person_word, references,
                               self.places)  # fmt: skip
        processor, merchant = card_heads(query, self.normaliser, references, self._payee_words)
        parties = other_parties(query, self.normaliser, references, self.config.party_words)
        bracketed = self._bracketed(query, form, references)
        for head in (named, processor, *parties, *bracketed):
            if head is not None and head.tokens != form.tokens:
                out.append(Variant(head, cap, "contained", organisations=True))
        for part in bracketed:  # "Acme (QZV distributor)": an acronym before generic words
            out.extend(acronym_variants(part, self.normaliser, cap, self._firm_words,
                                        self._own_words))  # fmt: skip
        # The name before a remark in brackets ("Acme Games (online store)", "Acme Games
        # (Qorvane reseller)"): the remark's words, counted as the name's, took it below
        # REVIEW, where the same name before a comma or a dash was found.
        remarked = bracket_head(query, self.normaliser, references, least=1)
        if remarked is not None and remarked.tokens != form.tokens:
            out.extend(head_variants(remarked, cap, self._firm_words))
        payee = payee_form(form, self.normaliser, self._payee_words, self._grammar)
        out.extend(firm_heads(query, form, self.normaliser, self.places, self.person_word_only,
                              references, cap, self._firm_words, payee, merchant,
                              short=self._own_words))  # fmt: skip
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
        if (
            named is not None
            and named.tokens != form.tokens
            and _address_after_comma(written or query, references)
        ):
            # The payee of the name before the comma when an address follows it: "Payment
            # to ZTE, 55 Hi-tech Road", whose whole field's payee runs on into the address.
            # Not before anything else: "Payment to KARIM, Abdullah" names a person.
            named_payee = payee_form(named, self.normaliser, self._payee_words, self._grammar)
            out.extend(head_variants(named_payee, cap, self._firm_words))

    def _bracketed(self, query: str, form: NameForm, references: References) -> list[NameForm]:
        """What a field says in brackets after a name, as a party of its own: "Acme Ltd
        (Zeltra reseller)" names Zeltra, which the name before the bracket hid (a listed
        name followed by a word of its own reads as another name; an acronym's too: "Acme
        (QZV distributor)"). Not a bracket that starts the field, nor one of places,
        generic words, titles and words English uses only
        ("(Holdings)", "(Bridge office)", "(Shirt Hong Kong)"), which meet listed names of
        such words: one of them is a name's own."""
        out, words = [], self._payee_words
        light = (words.generic_weight, words.place_weight, words.title_weight)
        for found in islice(_BRACKETED.finditer(query), _BRACKETS_READ):
            if not query[: found.start()].strip():
                continue
            named = part_form(found.group(1), self.normaliser, references)
            if named.tokens != form.tokens and any(
                f not in light
                and (not (t.isascii() and t.isalpha()) or zipf(t) < words.common_zipf)
                for t, f in zip(named.tokens, named.factors, strict=True)
            ):
                out.append(named)
        return out

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


# A bracket's words: round, square or full-width, not nested; the first few of a field.
_BRACKETED = regex.compile(r"[(\[（]([^()\[\]（）]*\w[^()\[\]（）]*)[)\]）]")
_BRACKETS_READ = 4


def _address_after_comma(field: str, references: References) -> bool:
    """Whether a field goes on after its first comma with an address's number ("…, 55
    Hi-tech Road", "…, Building 3"), which no given name after a surname starts with."""
    parts = COMMA.split(field, maxsplit=1)
    return len(parts) == 2 and starts_numbered(parts[1], references[0], references[4])
