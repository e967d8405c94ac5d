"""The payee a payment's words name ("Payment to HAMAS", "Transfer to PKK via Western
Union", "HAMAS donation"), and the words and letters written apart that address a wire to
someone or bring in another name of the party ("Attn", "c/o", "H.E.", "t/a", "a/k/a")."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import NamedTuple

from ..registry.matching import MatchingConfig
from .common_words import zipf
from .forms import NameForm
from .normalize import Normaliser
from .references import month_word


class PayeeWords(NamedTuple):
    """The words `payee_head` reads, what `payee_form` asks of a payee's name, and the
    weights that tell a title (`titled_head`) and a word of organisations (`person_heads`)."""

    payment: frozenset[str]
    lead: frozenset[str]
    trail: frozenset[str]
    short_max: int  # `short_token_max_chars`: an acronym's length
    common_zipf: float  # `person_common_word_zipf`: a word English uses
    title_weight: float  # `person_title_weight`
    generic_weight: float  # `generic_weight`
    place_weight: float  # `place_weight`
    lead_prefixes: tuple[str, ...]  # `payee_lead_prefixes`: a lead written on the name
    trail_suffixes: tuple[str, ...]  # `payee_trail_suffixes`: one written on its last word
    letters: frozenset[str]  # `payee_letters`: "c/o", "H.E.", joined
    phrases: tuple[tuple[str, ...], ...] = ()  # `payee_lead_phrases`, as tokens, longest first
    joints: re.Pattern[str] | None = None  # `person_joint_words`, apart, as one pattern
    suffixes: frozenset[str] = frozenset()  # `person_suffixes`: "jr", "phd"
    currencies: frozenset[str] = frozenset()  # `currency_codes`
    holding: frozenset[str] = frozenset()  # `person_holding_words`: "trust", "ttee", "ira"

    @classmethod
    def of(cls, config: MatchingConfig, normaliser: Normaliser | None = None) -> PayeeWords:
        """With the normaliser, `payee_lead_phrases` are read as a name's tokens are (their
        "of" and "the" are stop words, so "in favour of" is the one token `favour`)."""
        read = (normaliser.form(p).tokens for p in config.payee_lead_phrases) if normaliser else ()
        phrases = tuple(sorted({t for t in read if t}, key=len, reverse=True))
        written = "|".join(re.escape(w) for w in config.person_joint_words)
        joints = re.compile(rf"\s+(?:{written})\s+", re.IGNORECASE) if written else None
        return cls(frozenset(config.payment_words), frozenset(config.payee_lead_words),
                   frozenset(config.payee_trail_words), config.short_token_max_chars,
                   config.person_common_word_zipf, config.person_title_weight,
                   config.generic_weight, config.place_weight,
                   tuple(config.payee_lead_prefixes), tuple(config.payee_trail_suffixes),
                   frozenset(config.payee_letters), phrases, joints,
                   frozenset(config.person_suffixes), frozenset(config.currency_codes),
                   frozenset(config.person_holding_words))  # fmt: skip


def payee_form(
    form: NameForm, normaliser: Normaliser, words: PayeeWords, grammar: Container[str]
) -> NameForm | None:
    """The form of the payee a payment's words name (`payee_head`), when it names someone:
    a distinctive word or an acronym ("PKK": short words weigh little, but a payee's name
    may be one), not only generic words and `grammar` ("Payment for services"); and of one
    word only when English does not use it ("Payment to city" is no payee named City) or a
    legal form follows it ("Payment to Acme Inc." names a firm called Acme)."""
    tokens = payee_head(form, words.payment, words.lead, words.trail, words.lead_prefixes,
                        words.trail_suffixes, words.letters, words.phrases)  # fmt: skip
    if tokens is None:
        return None
    named = normaliser.form(" ".join(tokens))
    if named.tokens == form.tokens:
        return None
    firm = form.legal_last and tokens[-1] == form.tokens[-1]  # a legal form ends the head
    if names_nobody(named, words, firm):
        return None
    distinctive = any(
        t not in grammar and (f >= 1.0 or len(t) <= words.short_max)
        for t, f in zip(named.tokens, named.factors, strict=True)
    )
    return named if distinctive else None


def names_nobody(head: NameForm, words: PayeeWords, legal_after: bool) -> bool:
    """Whether a head of a field is one word English uses (`words.common_zipf`) with no
    legal form after it: "Payment to city", "PAYPAL *CITY" name no firm called City;
    "Payment to City Ltd" does."""
    return len(head.tokens) == 1 and zipf(head.tokens[0]) >= words.common_zipf and not legal_after


def payee_head(
    form: NameForm, payment: Container[str], lead: Container[str], trail: Container[str],
    prefixes: Sequence[str] = (), suffixes: Sequence[str] = (), letters: Container[str] = (),
    phrases: Sequence[tuple[str, ...]] = (),
) -> tuple[str, ...] | None:  # fmt: skip
    """The payee a payment's words name ("Payment to HAMAS", "Wire transfer to PKK via
    Western Union", "HAMAS donation"), as tokens: the words after `payment` words and a
    `lead` word ("to", "for"), up to a `trail` word that brings in another party ("via",
    "from") and without payment words (or a month: "Sergei Shoigu salary March") at their
    end. A list's name of one word is not looked for inside longer ones (entries.py), nor a
    person's by its first words, so such a payment was a CLEAR where the payee's name alone
    is a hit. None unless a payment word was taken away, or the query's first letters
    written apart that joined are one of `letters` ("c/o", "H.E."). In any script whose
    words are written apart: `payment_words` holds Arabic, Persian, Russian and Hebrew ones;
    a lead written on the name's first word (`prefixes`: Hebrew ל, "to": "העברה לחסן ...")
    is taken off it when no lead word stands apart, and one written on its last word before
    payment words after it (`suffixes`: Korean 에게, "하산 나스랄라에게 송금"). A phrase that
    addresses a wire to the name after it (`phrases`: "In favour of", "Care of"), at the
    query's start, counts as letters do."""
    tokens = form.tokens
    if form.script in ("Han", "Kana") or len(tokens) < 2:
        return None
    start = letters_end(tokens, 0, letters)
    if not start:
        start = next((len(p) for p in phrases if tokens[: len(p)] == p), 0)
    lettered = start > 0
    while start < len(tokens) and tokens[start] in payment:
        start += 1
    if 0 < start < len(tokens) and (tokens[start] in lead or tokens[start] in trail):
        start += 1  # "Payment to HAMAS"; the party a trail word brings in: "Paid by HAMAS"
    end = start
    while end < len(tokens) and (end == start or tokens[end] not in trail):
        end += 1
    while end > start and (tokens[end - 1] in payment or month_word(tokens[end - 1])):
        end -= 1  # "... salary March"
    taken = (*tokens[:start], *tokens[end:])
    if start == end or not (lettered or any(t in payment for t in taken)):
        return None
    head = tokens[start:end]
    if start and tokens[start - 1] in payment:
        glued = next((p for p in prefixes if head[0].startswith(p)), None)
        if glued is not None and len(head[0]) - len(glued) >= 3:
            head = (head[0][len(glued) :], *head[1:])
    if end < len(tokens) and tokens[end] in payment:
        glued = next((s for s in suffixes if head[-1].endswith(s)), None)
        if glued is not None and len(head[-1]) - len(glued) >= 2:
            head = (*head[:-1], head[-1][: -len(glued)])
    return head


def letters_end(tokens: Sequence[str], at: int, letters: Container[str]) -> int:
    """Where a run of letters written apart that starts at `at` ends, when joined they are
    one of `letters` ("c o", c/o; "t a", t/a: `payee_letters`); `at` itself when there is
    no such run, or the run starts inside a longer one (initials: "J. T. A. Smith")."""
    if at and len(tokens[at - 1]) == 1:
        return at
    end = next((k for k in range(at, len(tokens)) if len(tokens[k]) > 1), len(tokens))
    return end if end - at > 1 and "".join(tokens[at:end]) in letters else at


def joint_heads(
    query: str, form: NameForm, normaliser: Normaliser, words: PayeeWords
) -> tuple[NameForm, ...]:
    """The parts of a field that names several persons, as a joint account does ("MR
    SERGEI SHOIGU AND MRS IRINA SHOIGU", "Ramzan Kadyrov & Sons"): each is also scored as a
    person's name (heads.person_heads, which keeps those of two words or more, with no
    legal form or word of organisations). The first person's name was read with the
    second's words as parts the listed name lacks, below REVIEW. None when the field
    (`form`) has a legal form or a word of organisations: "Zeltra Holdings and Acme Trading
    Ltd" is one firm. (A firm's "and Company" is read as a legal form's phrase and leaves
    neither: "HAJI BASIR AND ZARJMIL COMPANY HAWALA" is parted, and meets Haji Basir.)"""
    if words.joints is None or form.legal_forms or words.generic_weight in form.factors:
        return ()
    if not words.joints.search(query):
        return ()
    return tuple(normaliser.form(part) for part in words.joints.split(query) if part.strip())
