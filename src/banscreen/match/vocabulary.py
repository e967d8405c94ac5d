"""The words a query's word may be split into when a name's words were run together
("SALAHCHARITABLEASSOCIATION", "HANDOFMERCY"; `QueryRewrites.split_run_together`).

The listed names' tokens are words as normalised: a kind of organisation is its kind's
word ("association" is read as `obedinenie`), a stop word is gone. A name written with its
spaces dropped still holds them as written, so the words that spell kinds and the stop
words are words here too, beside the generic, legal-form and run-together words."""

from __future__ import annotations

from collections.abc import Iterable

from ..registry.matching import MatchingConfig
from .kinds import OrgKinds
from .pinyin import has_han


def split_vocabulary(
    tokens: Iterable[str], config: MatchingConfig, kinds: OrgKinds
) -> frozenset[str]:
    """Listed names' Latin tokens of two letters or more, and the config's words."""
    return (
        frozenset(t for t in tokens if not has_han(t) and len(t) >= 2 and t.isascii())
        | frozenset(config.generic_words_latin)
        | kinds.spelt_words
        | frozenset(config.run_together_words)
        | frozenset(config.stop_words)
        | {w for form in config.legal_forms_latin for w in form if len(w) >= 2}
    )
