"""A person's name in a script other than Latin met by the given and family names it shares
with a listed one: Wikidata's given and family names, each written in many scripts (ប៉ុល and
Pol, 狄倫 and Dylan, 罗宾 and Robin), as rigour's person-name corpus gathers them for its name
symbols (data/spellings/name_symbols.tsv.gz, bench/build_name_symbols.py).

The rules (ICU, pinyin) and the learned spelling models (spelling_model.py) read a name letter
by letter or sound by sound; a script they do not know (Khmer) or a name written by
convention rather than by its sounds (狄倫, Dylan) they miss. A name whose every word is a
form of a name with listed Latin spellings is looked up as those listed words, and a hit
through such a form counts only on a person's name that holds each of them as written, as a
transliteration (at most `transliteration_max`: REVIEW, never BLOCK on its own).

The table, not rigour's tagger: the tagger compiles the whole corpus on first use, which took
5.4 s here, holding the interpreter; the table loads in a fraction of that, once, on the first
name in another script that asks."""

from __future__ import annotations

import gzip
import itertools
import re
import unicodedata
from array import array
from collections.abc import Collection
from functools import lru_cache

from ..registry.cache import cached
from ..registry.loader import shipped_data_dir
from ..registry.matching import MatchingConfig
from .forms import NameForm
from .normalize import Normaliser
from .persons import names_an_organisation
from .pinyin import has_han
from .text import split_words
from .variants import Variant

TABLE = "spellings/name_symbols.tsv.gz"
_NEWLINE = re.compile(b"\n")
# The most characters a person's name in Chinese characters written as one word is split
# into a family and a given name at.
_LONGEST_HAN_NAME = 6


def symbol_key(word: str) -> str:
    """A form as the table holds it: case folded, without the marks a script writes above or
    below a letter (ប៉ុល is បល, a Hebrew word's points go), as rigour's tokeniser reads it."""
    folded = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize(
        "NFC", "".join(c for c in folded if unicodedata.category(c) != "Mn")
    )


class SymbolTable:
    """Names' Latin spellings and the names each form writes, read from the table's bytes
    as asked: its lines are found by their offsets (forms sorted, as UTF-8 sorts them), so
    the table costs its own size in memory, not a Python object a form."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        first = 0
        while data.startswith(b"#", first):  # the comment lines that open it
            first = data.index(b"\n", first) + 1
        split = data.index(b"\n\n", first)
        self._names = _line_starts(data, first, split + 1)
        self._forms = _line_starts(data, split + 2, len(data))

    def spellings(self, word: str) -> list[str]:
        """The Latin spellings of the names a word (as written) is a form of, the names
        in the corpus's order."""
        numbers = self._numbers(symbol_key(word).encode())
        return list(dict.fromkeys(w for n in numbers for w in self._line(self._names, n).split()))

    def _numbers(self, key: bytes) -> list[int]:
        data, starts = self._data, self._forms
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            at = starts[mid]
            if data[at : data.index(b"\t", at)] < key:
                lo = mid + 1
            else:
                hi = mid
        line = self._line(starts, lo) if starts else ""
        form, _, numbers = line.partition("\t")
        return [int(n) for n in numbers.split()] if form.encode() == key else []

    def _line(self, starts: array[int], i: int) -> str:
        end = starts[i + 1] - 1 if i + 1 < len(starts) else self._data.index(b"\n", starts[i])
        return self._data[starts[i] : end].decode()


def _line_starts(data: bytes, start: int, end: int) -> array[int]:
    """Where each line between `start` and `end` begins (`end`: past the last's newline)."""
    starts = array("I", [start])
    starts.extend(m.end() for m in _NEWLINE.finditer(data, start, end - 1))
    return starts


@lru_cache(maxsize=1)
def symbol_table() -> SymbolTable:
    """The table, kept in the cache directory once its lines are found: finding the
    offsets of its 440,000 lines costs a quarter second, reading them back a hundredth."""
    path = shipped_data_dir() / TABLE

    def build() -> SymbolTable:
        with gzip.open(path, "rb") as fh:
            return SymbolTable(fh.read())

    return cached("name-symbols", [path], build)


class NameSymbols:
    def __init__(self, config: MatchingConfig, normaliser: Normaliser, known: Collection[str]):
        self.config = config
        self.normaliser = normaliser
        self.known = known  # the registry's words

    def forms(
        self, form: NameForm, text: str, known: Collection[str] | None = None
    ) -> list[Variant]:
        """The name as the listed words (`known`: the other name's, by default the registry's)
        that are Latin spellings of each of its words; none unless every word has one and
        the name is a person's in another script."""
        if form.script == "Latin" or not self._personal(form):
            return []
        choices = self._choices(text, self.known if known is None else known)
        if not choices:
            return []
        cap, most = self.config.transliteration_max, self.config.name_symbol_forms
        out = []
        for words in itertools.islice(itertools.product(*choices), most):
            made = self.normaliser.form(" ".join(words))
            if made.tokens:
                # One word names a person only with a name of one word it spells (משה,
                # Moshe, is not MOSHE TAMIR), as a short foreign name read back from Chinese
                # does (`han_short_spelling_floor`).
                one = len(words) == 1
                alike = self.config.han_short_spelling_floor if one else 0.0
                out.append(Variant(made, cap, "transliterated", persons=True, spelt=True,
                                   whole=one, alike=alike))  # fmt: skip
        return out

    def _choices(self, text: str, known: Collection[str]) -> list[list[str]]:
        """For each word of `text` (as written, else folded: 狄倫 is in the corpus, its
        simplified 狄伦 not), the listed words that spell it; [] unless each has one."""
        most = self.config.name_symbol_words
        for written in dict.fromkeys((text, self.normaliser.fold(text))):
            words = [w for w in split_words(written) if w]
            if not words or len(words) > most or any(w.isascii() for w in words):
                continue
            table = symbol_table()
            choices = self._spelt(table, words, known)
            if not choices and len(words) == 1 and has_han(words[0]):
                choices = self._family_and_given(table, words[0], known)
            if choices:
                return choices
        return []

    def _spelt(
        self, table: SymbolTable, words: list[str], known: Collection[str]
    ) -> list[list[str]]:
        """Each word's listed spellings, the first `name_symbol_spellings`; [] unless each
        word has one."""
        choices = []
        for word in words:
            listed = [w for w in table.spellings(word) if w in known]
            if not listed:
                return []
            choices.append(listed[: self.config.name_symbol_spellings])
        return choices

    def _family_and_given(
        self, table: SymbolTable, word: str, known: Collection[str]
    ) -> list[list[str]]:
        """A name in Chinese characters written as one word, as Japanese writes a person's
        name (山田太郎, Yamada Taro; 安倍晋三, Abe Shinzo): a family name and a given name of
        two characters or more each, each a form of a name. Not a family name of one
        character, as a Chinese name's is (习近平): read so, a Chinese name met a listed
        person by its Korean or Vietnamese readings (split anywhere, real Chinese names with
        a hit against the OFAC persons, bench/han_readings.py: 20 → 83 of 3,000); nor a
        given name of one (黒澤明, Kurosawa Akira, is missed): a foreign name of three
        characters would be read as two words (帕拉斯 as "pala" and a given name), where such
        a short name counts on names of one word only (foreign_han.py)."""
        if not 4 <= len(word) <= _LONGEST_HAN_NAME:
            return []
        for cut in range(2, len(word) - 1):
            choices = self._spelt(table, [word[:cut], word[cut:]], known)
            if choices:
                return choices
        return []

    def _personal(self, form: NameForm) -> bool:
        """Whether a name names nothing organisational: no legal form, no generic word."""
        return not form.legal_forms and not names_an_organisation(form, self.config.generic_weight)
