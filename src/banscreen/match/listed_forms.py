"""How the name index reads a listed name: a person's by its person's reading, a person's
Latin name in another language's spelling in English spelling too, and an organisation's
name with words joined by hyphens or dots also with them run together."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Name
from ..registry.matching import MatchingConfig
from .entries import NameEntry
from .forms import NameForm
from .normalize import Normaliser
from .similarity import Alignment
from .variants import capped


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
    "Putin" (compare(a, b) is compare(b, a); a lookup was not). And organisations' names
    with words joined by punctuation run together (`glued_readings`)."""
    out: list[Named] = glued_readings(named, normaliser)
    for entity_id, name, person, k, form in named:
        for english in readings(name.value) if person and form.script == "Latin" else ():
            spelt = listed_form(normaliser, english, normaliser.plain_form(english), True)
            if spelt.tokens and spelt.key != form.key:
                out.append((entity_id, name, person, k, spelt))
    return out


# A hyphen or a dot between two letters or digits ("AY-PETRI", "VEB.RF", "JOINT-STOCK").
_JOINING = re.compile(r"(?<=\w)[-.‐‑](?=\w)")


def glued_readings(named: Sequence[Named], normaliser: Normaliser) -> list[Named]:
    """Listed organisations' names whose words are joined by hyphens or dots, with them run
    together, as a payment system that drops punctuation writes them ("TEHRIKETALIBAN",
    "VEBRF", "SANATORIUM AYPETRI", "PUBLIC JOINTSTOCK COMPANY"): read apart, such a name
    met none of its own words ("ay" of AY-PETRI is dropped as a legal form, the "e" of
    TEHRIK-E-TALIBAN as a particle). A reading, like a person's English spelling: it may
    find a name, at most at `transliteration_max`. Persons' names are not read so: a
    particle written onto a name is split off a query instead (rewrites.py). Found only as
    written (`read_hit`)."""
    out: list[Named] = []
    for entity_id, name, person, k, form in named:
        if person or _JOINING.search(name.value) is None:
            continue
        glued = normaliser.plain_form(_JOINING.sub("", name.value))
        if glued.tokens and glued.key != form.key:
            out.append((entity_id, name, person, k, glued))
    return out


def read_hit(
    entry: NameEntry, score: float, method: str, alignment: Alignment, config: MatchingConfig
) -> tuple[float, str] | None:
    """A hit on a reading (`entry.read`), at most `transliteration_max`: a person's
    reported as a transliteration; an organisation's glued reading only when every word
    of it met the same word in the query (None otherwise). Read near, a glued word is a
    new word that ordinary words are one or two letters from ("finance" and M-FINANCE's
    "mfinance"), or its short part is left over ("farm" met G.M. FARM's "gm farm")."""
    if not entry.person and (
        any(a != b for a, b, _ in alignment.pairs)
        or not set(entry.tokens) <= {b for _, b, _ in alignment.pairs}
    ):
        return None
    method_read = "transliterated" if entry.person else None
    return capped(score, method, config.transliteration_max, method_read)
