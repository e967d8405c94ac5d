"""What persons' names need beyond the lexical form: titles (ours and rigour's), the
order "SURNAME, Given Names" written inverted, and short words that are name parts."""

from __future__ import annotations

from collections.abc import Callable

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .prepared import Side
from .similarity import Pairs, spelt_alike
from .text import fold_latin


def rigour_titles() -> frozenset[str]:
    """rigour's one-word person prefixes ("President", "Dr", "Herr"), folded."""
    from rigour._core import person_name_prefixes_list

    return frozenset(
        fold_latin(p.casefold()).rstrip(".")
        for p in person_name_prefixes_list()
        if " " not in p and "-" not in p and p.casefold() != "the"
    )


def title_words(config: MatchingConfig) -> frozenset[str]:
    """Latin words that title a person's name, before it or after: ours (`person_titles`,
    `person_suffixes`) and rigour's prefixes."""
    return frozenset((*config.person_titles, *config.person_suffixes)) | rigour_titles()


def inverted(text: str, tokens: tuple[str, ...], tokenize: Callable[[str], tuple[str, ...]]) -> int:
    """The tokens before the one comma of "SURNAME, Given Names", if they lead `tokens`."""
    if text.count(",") != 1:
        return 0
    before, after = text.split(",")
    lead = tokenize(before) if after.strip() else ()
    if 0 < len(lead) < len(tokens) and tokens[: len(lead)] == lead:
        return len(lead)
    return 0


def person_factors(
    tokens: tuple[str, ...],
    factors: tuple[float, ...],
    lead: int = 0,
    *,
    short_weight: float,
    short_max: int,
    patronymic_suffixes: tuple[str, ...] = (),
    patronymic_weight: float = 1.0,
) -> tuple[float, ...]:
    """A short word weighed down only for its length counts fully in a person's name; a
    patronymic (`patronymics`; `lead`: the surname's words before the comma of an inverted
    name) counts `patronymic_weight`."""
    named = patronymics(tokens, lead, patronymic_suffixes)
    return tuple(
        patronymic_weight if i in named and f >= 1.0
        else 1.0 if f == short_weight and 1 < len(t) <= short_max
        else f
        for i, (t, f) in enumerate(zip(tokens, factors, strict=True))
    )  # fmt: skip


def patronymics(tokens: tuple[str, ...], lead: int, suffixes: tuple[str, ...]) -> frozenset[int]:
    """Where a name's patronymics stand: words ending as one (Sergeyevich, Ivanovna) after
    the first given name and before a last word that may be the surname ("PESKOV, Dmitry
    Sergeyevich", "Dmitry Sergeyevich Peskov"). Russian and its neighbours' names carry one
    in lists and drop it in speech and payments ("Dmitry Peskov"): its absence says little
    of who is named, a surname that only sounds like the listed one much more."""
    if not suffixes:
        return frozenset()
    end = len(tokens) if lead else len(tokens) - 1
    return frozenset(i for i in range(lead + 1, end) if tokens[i].endswith(suffixes))


def one_part(factors: tuple[float, ...], floor: float) -> bool:
    """Whether a person's name is one part: alone, or after titles (weighed below `floor`:
    "Mr Khamenei" is "Khamenei"); not before one ("JOHNSON, Prince": a given name)."""
    return len(factors) == 1 or (factors[-1] >= floor and sum(f >= floor for f in factors) == 1)


def initials_only(pairs: Pairs, spelt: float) -> bool:
    """Whether an alignment of persons' names stands on initials: initials alone name
    nobody, nor do initials beside one name part that only sounds like the listed one
    ("IMONE Z", Lithuanian for "company Z", is not "IMANI, Zia"). An initial confirms a part
    spelt as listed (to the edit similarity `spelt`), not a guess."""
    if all(len(x) == 1 or len(y) == 1 for x, y, _ in pairs):
        return True
    parts = tuple(p for p in pairs if len(p[0]) > 1 and len(p[1]) > 1)
    return len(parts) == 1 < len(pairs) and not spelt_alike(parts, spelt)


def names_an_organisation(form: NameForm, generic_weight: float) -> bool:
    """Whether a query carries a word of organisations ("DEF Electronics"): it names an
    organisation, and the affordances of persons' names (a sound-alike spelling, an initial,
    a short word as a name part) are not for it. Not its legal forms: "Ag", "As", "Se",
    "Sa'd", "SIA" and "In" are parts of persons' names as often as companies' forms."""
    return generic_weight in form.factors


# How many words a name written as one word in another script may stand for (one_word).
ONE_WORD_MAX_PARTS = 4


def one_word(a: Side, b: Side) -> bool:
    """A person's name written as one word against the same name in up to four ("김정은",
    gimjeongeun, against "Kim Jong Un"): compared by the sound of the whole name."""
    for one, many in ((a, b), (b, a)):
        parts = len(many.tokens)
        if len(one.tokens) == 1 and one.factors[0] >= 1.0 and 2 <= parts <= ONE_WORD_MAX_PARTS:
            return True
    return False
