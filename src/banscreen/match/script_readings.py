"""Second readings of a query in a script whose Latin letters ICU does not write as the
lists do: Cyrillic as Palladius writes Chinese names (Го Мин, Guo Ming) and as the South
Slavic alphabets write persons' names (Ражнатович, Raznatovic); the Indian scripts as
names in their languages are spelt (रणधीर, Randhir; indic.py); Arabic with its ش as the
"ch" it also writes (`arabic_ch`), and its ة as the "t" it is before another word
(`arabic_at`); a Latin name's letters lost to question marks as "e", and Chinese read as
Latin-1 as the characters it was (`mojibake.gb_reading`); and in any script,
an app's generic word in another language as the English one (translated_words.py). Each
is a form of the query of its own, compared as a transliteration (at most
`transliteration_max`)."""

from __future__ import annotations

import re

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .indic import BLOCKS
from .joined_brands import joined_brand
from .mojibake import gb_reading
from .normalize import Normaliser
from .palladius import palladius_reading
from .slavic_latin import slavic_latin_reading
from .text import lost_letters_as
from .translated_words import translated_reading
from .variants import Variant

# Letters Persian, Urdu and Pashto add to the Arabic alphabet: a name written with one has
# its own چ for "ch", and its ش is an "sh".
_PERSIAN = frozenset("پچژگکی")
# A ta marbuta (ة) with the word after it: a noun in the construct state, said "-at"
# (marks of short vowels may follow it).
_CONSTRUCT = re.compile(r"\u0629(?=[\u064b-\u0652]*\s+\S)")


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
    elif form.script == "Latin" and (read := lost_letters_as(name, "e")) is not None:
        # Letters a conversion wrote as "?": the "e" most are ("Soci?t? G?n?rale"), a
        # guess, so never a BLOCK.
        out.append(Variant(normaliser.form(read), cap))
    elif form.script == "Arabic":
        if (read := arabic_ch(name)) is not None:
            made = normaliser.form(read)
            out.append(Variant(made, cap, "transliterated"))
            out.extend(joined_brand(made, normaliser, config))  # a brand written apart
        construct, every = arabic_at(name)
        if construct is not None:
            out.append(Variant(normaliser.form(construct), cap, "transliterated"))
        if every is not None:  # a name's last ة as "t": persons' names only (Hamzat)
            out.append(Variant(normaliser.form(every), cap, "transliterated", persons=True))
    if (read := gb_reading(name)) is not None:  # "Î¢ÐÅÖ§¸¶": 微信支付 (mojibake.py)
        out.append(Variant(normaliser.form(read), cap, "transliterated"))
    if (translated := translated_reading(normaliser.fold(name), config)) is not None:
        made = normaliser.form(translated)  # "ZQ Кошелёк": ZQ Wallet
        brands_only = set(made.tokens) & set(config.translations_on_brands_only)
        kinds = frozenset(config.joined_brand_name_kinds) if brands_only else frozenset()
        out.append(Variant(made, cap, "transliterated", organisations=True, kinds=kinds))
        # ... and a brand written apart beside the word ("group" and a brand's two words in
        # Arabic letters): the two read as one, as they are without it
        english = config.generic_word_translations
        rest = [t for t in made.tokens if t not in english]
        if len(rest) < len(made.tokens):
            out.extend(joined_brand(normaliser.form(" ".join(rest)), normaliser, config))
    return out


def arabic_ch(name: str) -> str | None:
    """Arabic has no "ch" and writes an English or French one with ش, its "sh" (شات,
    "chat"; رشيد, Rachid), as well as with تش: a name in Arabic letters with ش, read with
    تش, which ICU writes "tsh", said as "ch" is. None without one (or with each already
    written تش), or when a letter of Persian's is in the name. Of 522 persons' names in
    Arabic letters (`bench/cross_script_hits.py`), none met an OFAC organisation more
    through it; of 1,000 unlisted ones (`bench/script_false_hits.py`), one met an OFAC
    person more."""
    if "ش" not in name or not _PERSIAN.isdisjoint(name):
        return None
    read = name.replace("تش", "ش").replace("ش", "تش")
    return read if read != name else None


def arabic_at(name: str) -> tuple[str | None, str | None]:
    """A ta marbuta (ة), which ICU writes as the "a" a word ends in when said alone, is
    "-at" where a noun runs on into the word after it (جبهة النصرة, Jabhat al-Nusrah;
    حركة الجهاد, Harakat ul-Jihad), and at a name's end too as Turkic and Caucasian names
    keep it (حمزة, Hamzat): the name read with ت there, and read with ت for every ة (each
    None where it would not change the name). Read so on organisations too, a name's last ة
    took the words of 2,000 frequent Arabic ones (wordfreq) that met an OFAC organisation
    from 938 to 1,013: only persons' names are read so."""
    if "ة" not in name:
        return None, None
    construct = _CONSTRUCT.sub("ت", name)
    every = name.replace("ة", "ت")
    return (construct if construct != name else None), (every if every != construct else None)
