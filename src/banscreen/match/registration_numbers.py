"""Companies' registration and tax numbers: a Chinese Unified Social Credit Code, a Russian
INN or OGRN, an EU VAT number, a Venezuelan RIF.

Sanctions lists publish them ("Unified Social Credit Code (USCC) 914102007425224065
(China)", "Tax ID No. 7707083893 (Russia)"); vendor masters, invoices (a Chinese fapiao's
纳税人识别号) and Russian payment orders (ИНН in the payment's purpose) carry the payee's.
None was screened: a vendor given by its tax number alone, or a payee named otherwise,
was CLEAR.

A number is compared on its compact form (no spaces, dashes, dots or slashes; capitals),
and only where the number checks itself: a format with check digits and a length that no
other country's register shares by chance (python-stdnum validates it). Most numbers lists
publish are no such thing ("Registration Number 6388 (Iran)"): equal digits of two
countries' registers would name two companies, so they are shown on the entity but never
matched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import import_module
from types import ModuleType

from ..errors import IdentifierError
from ..tunables import CACHE_ENTRIES

# python-stdnum's modules for the formats compared, with the lengths of their compact forms
# (None: an EU VAT number, its country's code first): long, with check digits. Left out are
# those of 8 or 9 digits (Ukraine's EDRPOU, Belarus's UNP) and those without check digits
# (a U.S. EIN), whose digits another register's number shares too often.
FORMATS: tuple[tuple[str, frozenset[int] | None], ...] = (
    ("cn.uscc", frozenset({18})),  # China: Unified Social Credit Code
    ("cn.ric", frozenset({15, 18})),  # China: Resident Identity Card (a listed person's)
    ("ru.inn", frozenset({10, 12})),  # Russia: taxpayer number, a company's or a person's
    ("ru.ogrn", frozenset({13, 15})),  # Russia: primary state registration number
    ("ve.rif", frozenset({10})),  # Venezuela: fiscal information register
    ("eu.vat", None),  # EU VAT numbers
)
_VAT_MIN = 10  # the shortest EU VAT number with its country's code
_SEPARATORS = re.compile(r"[\s./\-‐‑–—]+")
_SHAPE = re.compile(r"^[A-Z0-9]{1,40}$")
# A number in free text after its label: a Russian payment order's "ИНН 7707083893", an
# invoice's "USCC: 91440300708461136T" or "纳税人识别号：…". Only a number that checks itself
# (`checked`) is kept.
NUMBER_IN_TEXT = re.compile(
    r"(?:(?<![^\W\d_])(?:ИНН|ОГРН|INN|OGRN|USCC|USCI|RIF|VAT(?:\s*(?:No\.?|Number|ID))?|"
    r"Tax\s*ID(?:\s*No\.?)?)|统一社会信用代码|社会信用代码|信用代码|纳税人识别号|税号)"
    r"[\s:：#№.]{0,4}((?:[A-Z]{1,2}[ .\-]?)?[0-9][0-9A-Z .\-]{3,30}[0-9A-Z])(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def normalise_registration(value: str) -> str:
    """The compact form a registration or tax number is compared on; an IdentifierError
    for a value that is no such number."""
    form = _SEPARATORS.sub("", value.strip()).upper()
    if not _SHAPE.match(form):
        raise IdentifierError(
            f"not a registration or tax number (up to 40 letters and digits): {value[:120]!r}"
        )
    return form


@lru_cache(maxsize=1)
def _formats() -> tuple[tuple[ModuleType, frozenset[int] | None], ...]:
    return tuple((import_module(f"stdnum.{name}"), sizes) for name, sizes in FORMATS)


def numbers_in_text(text: str) -> list[str]:
    """The numbers free text gives after their labels (`NUMBER_IN_TEXT`) that check
    themselves: the whole run ("DE 136 695 976"), else its first word ("7707083893" of
    "ИНН 7707083893 КПП 770701001")."""
    found = []
    for match in NUMBER_IN_TEXT.finditer(text):
        run = match.group(1)
        for value in (run, run.split()[0]):
            if checked(value) is not None:
                found.append(value)
                break
    return found


@lru_cache(maxsize=CACHE_ENTRIES)
def checked(value: str) -> str | None:
    """The format (`FORMATS`) a number validates under, its check digits and all; None
    when none (it is then never matched)."""
    try:
        form = normalise_registration(value)
    except IdentifierError:
        return None
    vat = len(form) >= _VAT_MIN and form[:2].isalpha()
    for (name, sizes), (module, _) in zip(FORMATS, _formats(), strict=True):
        if (len(form) in sizes if sizes is not None else vat) and _valid(module, form):
            return name
    return None


def _valid(module: ModuleType, form: str) -> bool:
    """`module.is_valid`, which for some numbers raises what it should answer (cn.ric's
    KeyError for a birth place its table lacks): no number it cannot read checks itself."""
    try:
        return bool(module.is_valid(form))
    except Exception:
        return False
