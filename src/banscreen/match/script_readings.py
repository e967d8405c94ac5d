"""Second readings of a query in a script whose Latin letters ICU does not write as the
lists do: Cyrillic as Palladius writes Chinese names (Го Мин, Guo Ming) and as the South
Slavic alphabets write persons' names (Ражнатович, Raznatovic); the Indian scripts as
names in their languages are spelt (रणधीर, Randhir; indic.py). Each is a form of the
query of its own, compared as a transliteration (at most `transliteration_max`)."""

from __future__ import annotations

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .indic import BLOCKS
from .normalize import Normaliser
from .palladius import palladius_reading
from .slavic_latin import slavic_latin_reading
from .variants import Variant


def script_readings(
    form: NameForm, name: str, words: list[str], normaliser: Normaliser, config: MatchingConfig
) -> list[Variant]:
    """The readings of `name` (its folded `words`, for Cyrillic), whose form is `form`."""
    cap = config.transliteration_max
    out = []
    if form.script == "Cyrillic":
        slavic = slavic_latin_reading(words, config)
        for read, persons in ((palladius_reading(words), False), (slavic, True)):
            if read is not None:
                made = normaliser.form(read)
                out.append(Variant(made, cap, "transliterated", persons=persons))
    elif form.script in BLOCKS:
        read_form = normaliser.plain_form(name, read=True)
        if read_form.roman != form.roman:
            # On organisations, only on their brands' names (as a brand's name written apart,
            # joined_brands.py): through it, 1,000 frequent Hindi and Bengali words each
            # (wordfreq) met 224 -> 267 and 215 -> 277 OFAC organisations.
            brands = frozenset(config.joined_brand_name_kinds)
            out.append(Variant(read_form, cap, "transliterated", persons=True))
            out.append(Variant(read_form, cap, "transliterated", organisations=True, kinds=brands))
    return out
