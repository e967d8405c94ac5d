"""What persons' names need beyond the lexical form: titles (ours and rigour's), the
order "SURNAME, Given Names" written inverted, and short words that are name parts."""

from __future__ import annotations

from collections.abc import Callable

from .text import fold_latin


def rigour_titles() -> frozenset[str]:
    """rigour's one-word person prefixes ("President", "Dr", "Herr"), folded."""
    from rigour._core import person_name_prefixes_list

    return frozenset(
        fold_latin(p.casefold()).rstrip(".")
        for p in person_name_prefixes_list()
        if " " not in p and "-" not in p and p.casefold() != "the"
    )


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
    tokens: tuple[str, ...], factors: tuple[float, ...], short_weight: float, short_max: int
) -> tuple[float, ...]:
    """A short word weighed down only for its length counts fully in a person's name."""
    return tuple(
        1.0 if f == short_weight and 1 < len(t) <= short_max else f
        for t, f in zip(tokens, factors, strict=True)
    )
