"""Name normalisation: the one place that decides what two spellings have in common.

Pipeline: Unicode NFKC (folds full-width forms), case folding, traditional → simplified
Chinese (OpenCC), apostrophes joined, other punctuation to spaces, abbreviations expanded,
legal forms dropped (English as whole tokens anywhere, Chinese from the end of a Han run),
and Han text split into one token per character so that Chinese names align character by
character. The tables come from data/matching.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from ..registry.schema import MatchingSchema

_T2S = opencc.OpenCC("t2s")
_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PIECES = re.compile(f"[{_HAN_CLASS}]|[^\\W_{_HAN_CLASS}]+")


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


class Normaliser:
    """Turns a name into comparable tokens. Build one per matching configuration."""

    def __init__(self, config: MatchingSchema) -> None:
        self._abbreviations = {k.replace("'", ""): v for k, v in config.abbreviations.items()}
        self._legal_latin = sorted(
            (tuple(form) for form in config.legal_forms_latin), key=len, reverse=True
        )
        self._legal_han = sorted(config.legal_forms_han, key=len, reverse=True)
        # Names repeat heavily in real files; free text does not, so it uses tokenize().
        self.tokens = lru_cache(maxsize=65536)(self.tokenize)

    def fold(self, text: str) -> str:
        """Width, case and script folding, without tokenising."""
        text = unicodedata.normalize("NFKC", text).casefold()
        if has_han(text):
            text = _T2S.convert(text)
        return _APOSTROPHES.sub("", text)

    def _strip_han_legal_form(self, word: str) -> str:
        for form in self._legal_han:
            if word.endswith(form):
                return word[: -len(form)] if len(word) > len(form) else word
        return word

    def _drop_latin_legal_forms(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for form in self._legal_latin:
                if tuple(tokens[i : i + len(form)]) == form:
                    i += len(form)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def tokenize(self, text: str) -> tuple[str, ...]:
        """Comparable tokens of a name; never empty for a name with any letter or digit."""
        folded = self.fold(text)
        words = [self._strip_han_legal_form(w) for w in re.split(r"[\W_]+", folded) if w]
        pieces: list[str] = []
        for word in words:
            pieces.extend(_PIECES.findall(word))
        expanded = [self._abbreviations.get(p, p) for p in pieces]
        latin_dropped = self._drop_latin_legal_forms(expanded)
        return tuple(latin_dropped or expanded)

    def key(self, text: str) -> str:
        return " ".join(self.tokens(text))

    def compact(self, text: str) -> str:
        return "".join(self.tokens(text))
