"""How the name index reads a listed name: a person's by its person's reading, and a
person's Latin name in another language's spelling in English spelling too."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Name
from .forms import NameForm
from .normalize import Normaliser


def listed_form(normaliser: Normaliser, value: str, form: NameForm, person: bool) -> NameForm:
    """A listed name's form: a person's by its person's reading, which differs only where
    words were read as legal forms."""
    if person and (form.legal_forms or normaliser.may_be_name_parts(value, form)):
        return normaliser.person_form(value)
    return form


Named = tuple[str, Name, bool, int, NameForm]  # entity, name, person, position, form


def listed_readings(
    named: Sequence[Named], readings: Callable[[str], tuple[str, ...]], normaliser: Normaliser
) -> list[Named]:
    """Listed persons' Latin names in English spelling too (`LatinReadings`), as a query's
    are read: "Vladimir Poutine" (French) is found by "Vladimir Putin", as "Poutine" finds
    "Putin" (compare(a, b) is compare(b, a); a lookup was not)."""
    out = []
    for entity_id, name, person, k, form in named:
        for english in readings(name.value) if person and form.script == "Latin" else ():
            spelt = listed_form(normaliser, english, normaliser.plain_form(english), True)
            if spelt.tokens and spelt.key != form.key:
                out.append((entity_id, name, person, k, spelt))
    return out
