"""The words a query's word may be split into when a name's words were run together
("SALAHCHARITABLEASSOCIATION", "HANDOFMERCY"; `QueryRewrites.split_run_together`).

The listed names' tokens are words as normalised: a kind of organisation is its kind's
word ("association" is read as `obedinenie`), a stop word is gone. A name written with its
spaces dropped still holds them as written, so the words that spell kinds and the stop
words are words here too, beside the generic, legal-form and run-together words; and so
are the words listed names write their legal forms with, which the normaliser reads as
their kind ("zao" of "HONOR BANK ZAO" is `jsc`: "HONORBANKZAO" was not split)."""

from __future__ import annotations

from collections.abc import Iterable

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .kinds import OrgKinds
from .pinyin import has_han

# A legal form's written word shorter than this is not a word to split at ("sa" would split
# "AMANSA" into a listed "AMAN" and a legal form).
WRITTEN_LEGAL_MIN = 3


def split_vocabulary(
    tokens: Iterable[str], config: MatchingConfig, kinds: OrgKinds, legal: Iterable[str] = ()
) -> frozenset[str]:
    """Listed names' Latin tokens of two letters or more, and the config's words, and the
    `legal` words (`written_legal_words`)."""
    return (
        frozenset(legal)
        | frozenset(t for t in tokens if not has_han(t) and len(t) >= 2 and t.isascii())
        | frozenset(config.generic_words_latin)
        | kinds.spelt_words
        | frozenset(config.run_together_words)
        | frozenset(config.stop_words)
        | {w for form in config.legal_forms_latin for w in form if len(w) >= 2}
    )


def written_legal_words(named: Iterable[tuple[list[str], NameForm]]) -> frozenset[str]:
    """The words listed names write their legal forms with: of a name with a legal form,
    its (folded) words at either end that are none of its tokens, of `WRITTEN_LEGAL_MIN`
    letters or more."""
    found: set[str] = set()
    for words, form in named:
        if not form.legal_forms:
            continue
        kept = {*form.tokens, *form.roman}
        for end in (words, words[::-1]):
            for word in end:
                if word in kept:
                    break
                if len(word) >= WRITTEN_LEGAL_MIN and word.isascii() and word.isalpha():
                    found.add(word)
    return frozenset(found)
