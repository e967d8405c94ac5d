"""A branch or an office named after its company ("Acme Co., Ltd. Beijing Branch", "某某有限公司
北京分公司", "Acme Ltd (Representative Office)"), as Chinese invoices and payment messages name
the payee. A branch is no legal person of its own: what it owes and is owed is its
company's, so the name up to the company's legal form is the query's name, not one found
inside a longer string (`contained_score`, a REVIEW where the company is a BLOCK)."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from ..registry.matching import MatchingConfig
from .pinyin import has_han
from .text import find_words

# Words after a branch's legal form: a place, and at most a few of them.
_MAX_WORDS = 4
_MAX_HAN_PLACE = 12
_BRACKETS = re.compile(r"[\s()（）\[\]【】,，、·.-]+")


def branch_company(
    folded: str, head: str | None, ends: Container[str], config: MatchingConfig
) -> str | None:
    """The company's name of a branch's (`folded`, the query folded), or None: in Latin
    letters, `head` (legal.name_before_more: the name up to the legal form that ends it,
    `ends`) when what follows is at most a few words ending in one of `branch_words`
    ("Beijing Branch", "Representative Office"), none of them a legal form; in Chinese, the
    name up to its last legal form (`legal_forms_han`: 公司) when what follows is a short
    place and one of `branch_suffixes_han` (北京分公司)."""
    if has_han(folded):
        return _han_company(folded, config.branch_suffixes_han, config.legal_forms_han)
    if head is None:
        return None
    rest = [w for w, _, _ in find_words(folded[len(head) :])]
    if not 1 <= len(rest) <= _MAX_WORDS or rest[-1] not in config.branch_words:
        return None
    return None if any(w in ends for w in rest) else head


def _han_company(text: str, suffixes: Sequence[str], forms: Sequence[str]) -> str | None:
    text = text.strip().rstrip(")）]】 ")  # "…有限公司（上海分公司）"
    for suffix in suffixes:
        if not text.endswith(suffix):
            continue
        body = text[: -len(suffix)]
        for form in forms:
            at = body.rfind(form)
            if at <= 0:
                continue
            place = _BRACKETS.sub("", body[at + len(form) :])
            if (
                len(place) <= _MAX_HAN_PLACE
                and has_han(body[:at])
                and not any(f in place for f in forms)
            ):
                return body[: at + len(form)]
    return None
