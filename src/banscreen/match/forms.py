"""A name ready to compare (`NameForm`), the phrase tables normalize.py rewrites by, and
the registry's names normalised once (`cached_forms`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import NamedTuple

from ..registry.cache import cached
from ..registry.matching import MatchingConfig
from .fanout import map_names
from .progress import stage


def by_first_token(phrases: list[list[str]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their first token, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(p) for p in phrases if p), key=len, reverse=True):
        out.setdefault(phrase[0], []).append(phrase)
    return out


class Coded(NamedTuple):
    """Phrases that each stand for one token (`code_phrases`)."""

    phrases: dict[str, list[tuple[str, ...]]]
    codes: dict[tuple[str, ...], str]


def code_phrases(codes: dict[str, list[str]]) -> Coded:
    """Code → its phrases (words apart by spaces), as `replace_phrases` reads them."""
    coded = {tuple(p.split()): code for code, phrases in codes.items() for p in phrases}
    return Coded(by_first_token([list(p) for p in coded]), coded)


def replace_phrases(
    tokens: list[str], phrases: dict[str, list[tuple[str, ...]]], join: bool,
    codes: dict[tuple[str, ...], str] | None = None, light: Container[str] | None = None,
) -> list[str]:  # fmt: skip
    """Drop (or join into one token, or the one token of `codes`) every listed phrase,
    leftmost-longest first; with `light`, only a phrase followed by none but those words
    (a country's code after a firm's name, "Acme US Inc"; not "Abd-us-Samad Qureshi")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase in phrases.get(tokens[i], ()):
            end = i + len(phrase)
            if tuple(tokens[i:end]) == phrase and (
                light is None or all(t in light for t in tokens[end:])
            ):
                if join:
                    out.append(codes[phrase] if codes else "".join(phrase))
                i += len(phrase)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


@dataclass(frozen=True)
class NameForm:
    """A name ready to compare: tokens and pinyin syllables, each with a weight factor.

    A factor below 1 marks a place name or a generic word; the matcher multiplies it with the
    token's inverse document frequency.
    """

    tokens: tuple[str, ...]
    factors: tuple[float, ...]
    phonetic: tuple[str, ...]
    phonetic_factors: tuple[float, ...]
    han: bool
    legal_forms: frozenset[str] = frozenset()  # generic legal-form classes (llc, jsc, ...)
    # Every word in Latin letters, its factor and its sound key; the name's script ("Latin",
    # "Han", or the first other script of its words).
    roman: tuple[str, ...] = ()
    roman_factors: tuple[float, ...] = ()
    keys: tuple[str, ...] = ()
    script: str = "Latin"
    # Factors under the rules of persons' names, where a two- or three-letter word is a name
    # part ("Li", "Kim", "Ali"), not an acronym.
    person_factors: tuple[float, ...] = ()
    roman_person_factors: tuple[float, ...] = ()
    # How many tokens come before the comma of a name written "SURNAME, Given Names" (0
    # when none): a person's name in its spoken order starts after them.
    inverted: int = 0
    # Words were dropped (legal forms, stop words): "ABC LLC" is "abc" only once reduced.
    reduced: bool = False
    # Its last word was a legal form ("Acme Solar GmbH"): the words before it are a name's.
    legal_last: bool = False
    # The name read with the words taken for legal forms kept ("Kim In Ho": rigour's table
    # holds "in"), which persons are scored by; None when it is this form.
    person_reading: NameForm | None = None

    @property
    def person(self) -> NameForm:
        """The reading persons are scored by."""
        return self.person_reading or self

    def acronym(self, max_chars: int) -> bool:
        """Only a short acronym once a legal form or stop word is dropped ("ABC LLC")."""
        return (
            self.reduced
            and not self.han
            and len(self.tokens) == 1
            and (len(self.tokens[0]) <= max_chars)
        )

    @property
    def spoken(self) -> tuple[str, ...]:
        """The tokens in the name's spoken order ("SHOIGU, Sergei" as "Sergei Shoigu")."""
        return spoken_order(self.tokens, self.inverted)

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def compact(self) -> str:
        return "".join(self.tokens)


def spoken_order(tokens: tuple[str, ...], inverted: int) -> tuple[str, ...]:
    """A name's tokens written "SURNAME, Given" (`inverted` tokens before the comma) in the
    order it is said."""
    return tokens[inverted:] + tokens[:inverted]


def cached_forms(
    values: list[str], form: Callable[[str], NameForm], config: MatchingConfig
) -> list[NameForm]:
    """Every registry name normalised: most of building the name index with a large list,
    so kept in the cache directory, keyed by the names themselves and the matching config."""
    digest = hashlib.sha256()
    for value in values:
        digest.update(value.encode("utf-8", "surrogatepass") + b"\0")

    def build() -> list[NameForm]:
        return map_names(values, form, stage("normalising names", len(values)))

    return cached("forms", [], build, key=(digest.hexdigest(), config.key()))
