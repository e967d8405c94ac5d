"""CPE names (Common Platform Enumeration, NIST IR 7695/7696): the vendor and product by
which vulnerability scanners, asset inventories and SBOMs name what runs on a network
("cpe:2.3:h:acme:cam-1:-:*:*:*:*:*:*:*", "cpe:/o:acme:firmware:1.0"). A device or an
application known only by its CPE was CLEAR: the CPE, the one field that names its maker,
was not read.

The cpe library reads the name. A name written short of its thirteen fields, as NVD's
match strings and hand-kept inventories write it ("cpe:2.3:h:acme:*"), is read with the
fields left out as ANY, which is what they mean there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from ..errors import IdentifierError
from ..tunables import CACHE_ENTRIES

_FORMATTED = "cpe:2.3:"
_FIELDS = 13  # "cpe", "2.3", part, vendor, product, version and seven more
_FIELD_SEPARATOR = re.compile(r"(?<!\\):")  # a formatted string's "\:" is in its field
_QUOTED = re.compile(r"\\(.)")
_NO_VALUE = frozenset({"", "*", "-"})  # ANY and NA name no vendor or product
_PARTS = frozenset({"a", "o", "h", "*", "-"})
_VENDOR = re.compile(r"[^\s:]+")  # a loosely written name's vendor: any word


@dataclass(frozen=True)
class CpeName:
    part: str  # "a" an application, "o" an operating system, "h" hardware
    vendor: str  # as the CPE writes it: lower case, words joined by "_" ("acme_labs")
    product: str

    @property
    def vendor_words(self) -> str:
        """The vendor as a name is written: "acme labs" for "acme_labs"."""
        return "" if self.vendor in _NO_VALUE else self.vendor.replace("_", " ").strip()

    @property
    def product_words(self) -> str:
        return "" if self.product in _NO_VALUE else self.product.replace("_", " ").strip()


def _shown(value: str, most: int = 120) -> str:
    return repr(value) if len(value) <= most else f"{value[:most]!r}… ({len(value):,} characters)"


@lru_cache(maxsize=CACHE_ENTRIES)
def read_cpe(value: str) -> CpeName:
    """The CPE name `value` is, with or without its "cpe:" (an identifiers cell's `cpe:`
    kind is the name's own start); an IdentifierError for none."""
    from cpe import CPE  # type: ignore[import-untyped]  # loaded only where a CPE is

    text = value.strip()
    if not text.lower().startswith("cpe:"):
        text = f"cpe:{text}"
    formatted = text.lower().startswith(_FORMATTED)
    if formatted:
        fields = _FIELD_SEPARATOR.split(text)
        extra = fields[_FIELDS:]
        if all(f in ("*", "") for f in extra):  # "…:*:*" one ANY too many, as tools write
            fields = fields[:_FIELDS] + ["*"] * (_FIELDS - len(fields))
        text = ":".join(fields)
    try:
        name = CPE(text)
        part, vendor, product = (name.get_part()[0], name.get_vendor()[0],
                                 name.get_product()[0])  # fmt: skip
    except (NotImplementedError, ValueError, TypeError, IndexError) as exc:
        # The library says NotImplementedError for a string of no CPE version it reads.
        found = _written_loosely(text)
        if found is None:
            shown = _shown(value)
            raise IdentifierError(
                f"not a CPE name (cpe:2.3:part:vendor:product…): {shown}"
            ) from exc
        part, vendor, product = found
    if formatted:
        vendor, product = _QUOTED.sub(r"\1", vendor), _QUOTED.sub(r"\1", product)
    else:  # a URI (CPE 2.2) percent-encodes
        vendor, product = unquote(vendor), unquote(product)
    return CpeName(part.lower(), vendor.lower(), product.lower())


def _written_loosely(text: str) -> tuple[str, str, str] | None:
    """(part, vendor, product) of a CPE name inventories write with a character the
    binding would quote left bare ("cpe:2.3:a:acme:notepad++:8.1:…", whose "+" NVD writes
    "\\+"): its vendor still names the maker, and an ERROR for it would flood an inventory.
    None where no part and vendor are read."""
    fields = _FIELD_SEPARATOR.split(text)
    if text.lower().startswith(_FORMATTED):
        fields = fields[2:]
    elif len(fields) > 1 and fields[1].startswith("/"):
        fields = [fields[1][1:], *fields[2:]]
    else:
        return None
    part, vendor, product = (*fields, "", "", "")[:3]
    if part.lower() not in _PARTS or not _VENDOR.fullmatch(vendor):
        return None
    return part, vendor, product


def normalise_cpe(value: str) -> str:
    """A CPE compared as an identifier: by its vendor, who made the product (as an FCC ID
    is by its grantee code); "*" for a name of no vendor, which no listed one is."""
    name = read_cpe(value)
    return name.vendor if name.vendor not in _NO_VALUE else "*"
