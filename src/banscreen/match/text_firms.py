"""A listed organisation's whole name of one word in a payment's free text. One word of a
list's is not searched in text ("ORION" is in too many sentences), but where the text says a
firm is named, it is that firm: as the payee of a payment's words ("Donation to HAMAS",
"paid to the PKK for ..."), before a comma that an address follows ("Payment to QORVA,
Building 3"), with a legal form after it ("Invoice from QORVA Corporation"), or as the value
of a field's label ("Beneficiary: QORVA"). Only a word of a listed firm's name and not one
English uses (payees.PayeeWords, as for the counterparty's name: "Payment to city")."""

from __future__ import annotations

from functools import cached_property

import regex

from .common_words import zipf
from .entries import NameEntry
from .index import NameIndex
from .references import COMMA, starts_numbered
from .text import split_words

# The words after a name a legal form is looked for in ("s a de c v").
_LEGAL_WORDS = 5
# A label's last word before a colon, and the value after it up to where a field ends.
_LABELLED = regex.compile(r"([^\W\d_]+)\.?[ \t]*[:：][ \t]*([^,;，；|\n\r:：]+)")
# A label of one to three words before a colon, anywhere in a text ("Invoice 5 BEN NAME: ...").
_LABEL = regex.compile(r"(?<!\w)((?:[^\W\d_]+\.?[ \t]+){0,2}[^\W\d_]+)\.?[ \t]*(?=[:：])")

Found = list[tuple[NameEntry, str]]


class OneWordFirms:
    """The rules above, over one index's names."""

    def __init__(self, names: NameIndex) -> None:
        self.names = names

    def payees(self, tokens: tuple[str, ...]) -> Found:
        """The payee of a payment's words and a word that introduces the payee, alone up to
        the text's end or a word that ends a payee ("for services", "via"): "Orion
        Logistics" is not "ORION"; with where or what body it is between ("Donation to
        HAMAS Political Bureau", "... PKK Ankara")."""
        words, names, places = self.names._payee_words, self.names, self.names.places
        ends = words.payment | words.lead | words.trail
        found: Found = []
        for i in range(1, len(tokens) - 1):
            if tokens[i] not in words.lead or tokens[i - 1] not in words.payment:
                continue
            j = i + 1
            while j < len(tokens) - 1 and tokens[j] in names._grammar:
                j += 1  # "to the PKK"
            after = j + 1
            while places is not None and (length := places.described_at(tokens, after)):
                after += length
            if after >= len(tokens) or tokens[after] in ends:
                found += self._named(tokens[j])
        return found

    def in_text(self, text: str) -> Found:
        """The rules that read the text as written (commas, legal forms, labels): for a
        text of a payment's length."""
        return [*self._before_address(text), *self._legally_named(text), *self._labelled(text)]

    def _before_address(self, text: str) -> Found:
        """A payee before a comma that an address follows ("Payment to QORVA, Building 3,
        Hi-tech Park"), whose words ran the payee on; not before any comma: "Payment to
        KARIM, Abdullah" names a person."""
        references = self.names.config.references()
        for comma in COMMA.finditer(text):
            if starts_numbered(text[comma.end() :], references[0], references[4]):
                return self.payees(self.names.normaliser.text_tokens(text[: comma.start()]))
        return []

    def _legally_named(self, text: str) -> Found:
        """The word with a legal form after it ("Invoice from QORVA Corporation", "QORVA
        Ltd."), which says a firm of that name is meant, as "Payment to Acme Inc." does in
        a payee's field; "a" alone, a legal word of "A/S", is none."""
        names, normaliser = self.names, self.names.normaliser
        words = split_words(normaliser.fold(text))
        found: Found = []
        for i, word in enumerate(words[:-1]):
            if word not in names._exact or word not in names._firm_words:
                continue
            following = words[i + 1 : i + 1 + _LEGAL_WORDS]
            kept = normaliser.legal.drop_latin(list(following))
            if not kept or kept[0] != following[0]:  # a legal form starts after it
                found += self._named(word)
        return found

    def _labelled(self, text: str) -> Found:
        """The word alone as the value of a field's label (`field_labels`: "Beneficiary:
        QORVA", "Payee: QORVA; ref 5"), as exports write a field's name beside its value."""
        if ":" not in text and "：" not in text:
            return []
        found: Found = []
        for labelled in _LABELLED.finditer(text):
            if labelled.group(1).casefold() in self._labels:
                tokens = self.names.normaliser.text_tokens(labelled.group(2))
                if len(tokens) == 1:
                    found += self._named(tokens[0])
        return found

    def unlabelled(self, text: str) -> str:
        """The text with each field's label before a colon (`field_labels`) blanked out:
        "BEN: SERGEI SHOIGU" names him, where "ben" beside a name is a part of another
        ("BEN HANI, Al As'ad") and made his name part of a longer one."""
        if ":" not in text and "：" not in text:
            return text
        labels = self._labels

        def blank(found: regex.Match[str]) -> str:
            """The label's words blanked, from the last as far back as each is a label."""
            written = found.group()
            words = list(regex.finditer(r"[^\W\d_]+", written))
            start = len(written)
            for word in reversed(words):
                if word.group().casefold() not in labels:
                    break
                start = word.start()
            return written[:start] + " " * (len(written) - start)

        return _LABEL.sub(blank, text)

    def _named(self, word: str) -> Found:
        names = self.names
        if word not in names._firm_words or zipf(word) >= names._payee_words.common_zipf:
            return []
        entries = (names.entries[k] for k in names._exact.get(word, ()))
        return [(e, word) for e in entries if not e.person and e.name.free_text]

    @cached_property
    def _labels(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.names.config.field_labels)
