"""A person's name in a script other than Latin met by the given and family names it shares
with a listed one, by rigour's name symbols: Wikidata's given and family names, each one
symbol for all the scripts it is written in (ប៉ុល and Pol, 狄倫 and Dylan, 罗宾 and Robin).

The rules (ICU, pinyin) and the learned spelling models (spelling_model.py) read a name letter
by letter or sound by sound; a script they do not know (Khmer, Devanagari, Thai) or a name
written by convention rather than by sound (狄倫, Dylan) they miss. A name whose every word
shares a symbol with a listed word is looked up as those listed words, and a hit through
such a form counts only on a person's name that holds each of them as written, as a
transliteration (at most `transliteration_max`: REVIEW, never BLOCK on its own)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable
from functools import cached_property, lru_cache

from rigour.names import NameTypeTag, SymbolCategory, analyze_names

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .normalize import Normaliser
from .variants import Variant

# A listed word a symbol may stand for: letters a to z only, as the lists spell names.
_LATIN_WORD = re.compile(r"[a-z]{2,}")


def _analysed(texts: Iterable[str]) -> list[list[frozenset[str]]]:
    """Each text's words' name symbols: for each word, the symbols of the names that are that
    word alone (a name of several words, "abd al rahman", is left out)."""
    out = []
    for text in texts:
        for name in analyze_names(NameTypeTag.PER, [text], consolidate=False, phonetics=False,
                                  numerics=False, rewrite=False):  # fmt: skip
            parts = list(name.parts)
            found: list[set[str]] = [set() for _ in parts]
            for span in name.spans:
                if span.symbol.category == SymbolCategory.NAME and len(span.parts) == 1:
                    found[parts.index(span.parts[0])].add(str(span.symbol.id))
            out.append([frozenset(s) for s in found])
    return out


def _symbols_of(word: str) -> frozenset[str]:
    """The name symbols of one word (empty when it is none, or more than one word)."""
    analysed = _analysed([word])
    return analysed[0][0] if analysed and len(analysed[0]) == 1 else frozenset()


# `Matcher.compare` asks of the same few words again and again; a list's words are asked once.
word_symbols = lru_cache(maxsize=4096)(_symbols_of)


class NameSymbols:
    def __init__(self, config: MatchingConfig, normaliser: Normaliser, known: Collection[str]):
        self.config = config
        self.normaliser = normaliser
        self.known = known  # the registry's words

    @cached_property
    def _listed(self) -> dict[str, tuple[str, ...]]:
        """Each symbol's listed words, made on the first name that asks (a few microseconds a
        listed word)."""
        return _by_symbol(self.known)

    def forms(
        self, form: NameForm, text: str, known: Collection[str] | None = None
    ) -> list[Variant]:
        """The name as the listed words (`known`: the other name's, by default the registry's)
        that share a symbol with each of its words; none unless every word has one and the
        name is a person's in another script."""
        if form.script == "Latin" or not self._personal(form):
            return []
        listed = self._listed if known is None else _by_symbol(known)
        if not listed:
            return []
        choices = self._choices(text, listed)
        if not choices:
            return []
        cap, most = self.config.transliteration_max, self.config.name_symbol_forms
        out = []
        for words in itertools.islice(itertools.product(*choices), most):
            made = self.normaliser.form(" ".join(words))
            if made.tokens:
                # One word names a person only with a name of one word (משה, Moshe, is not
                # MOSHE TAMIR), as a short foreign name read back from Chinese does.
                out.append(Variant(made, cap, "transliterated", persons=True, spelt=True,
                                   whole=len(words) == 1))  # fmt: skip
        return out

    def _choices(self, text: str, listed: dict[str, tuple[str, ...]]) -> list[list[str]]:
        """For each word of `text` (as written, else folded: 狄倫 is a symbol's, 狄伦 not), the
        listed words that share a symbol with it, the likeliest first; [] unless each has
        one."""
        most = self.config.name_symbol_words
        for written in dict.fromkeys((text, self.normaliser.fold(text))):
            for words in _analysed([written]):
                if not words or len(words) > most:
                    continue
                choices = []
                for symbols in words:
                    found = sorted(
                        {w for s in symbols for w in listed.get(s, ())},
                        key=lambda w: (-sum(w in listed.get(s, ()) for s in symbols), w),
                    )
                    if not found:
                        break
                    choices.append(found[: self.config.name_symbol_spellings])
                else:
                    return choices
        return []

    def _personal(self, form: NameForm) -> bool:
        """Whether a name names nothing organisational: no legal form, no generic word."""
        return not form.legal_forms and self.config.generic_weight not in form.factors


def _by_symbol(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    latin = [w for w in words if _LATIN_WORD.fullmatch(w)]
    for word in sorted(latin):
        for symbol in word_symbols(word) if len(latin) < 64 else _symbols_of(word):
            table.setdefault(symbol, []).append(word)
    return {s: tuple(ws) for s, ws in table.items()}
