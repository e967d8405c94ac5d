"""Identifiers' normal forms: what each kind of identifier is, written any way users write
it (package ids, bundle ids, App Store ids, domains, purls, BICs, LEIs, IMO numbers, digital
currency addresses, URL schemes, AS numbers, FCC IDs, CPE names, registration numbers,
stock codes, ISINs).

An identifier match is the strongest evidence we have, so the normal forms here are strict:
a malformed identifier is a field error, never a silent miss.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from packageurl import PackageURL

from ..errors import IdentifierError
from ..tunables import CACHE_ENTRIES
from .cpe_names import normalise_cpe
from .registration_numbers import normalise_registration
from .stock_codes import normalise_isin, normalise_stock_code

ANDROID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
BUNDLE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_WILDCARD = re.compile(r"^\s*(?:[*+]?\.)+")
# A store listing's link given for its app's id: the id it names ("https://play.google.com/
# store/apps/details?id=com.example.app", "market://details?id=…"; "https://apps.apple.com/
# us/app/example/id123456789"). An id so given was refused as malformed, and a link given
# as a domain was read as the store's host alone: play.google.com, CLEAR.
_PLAY_LINK = re.compile(r"[?&]id=([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)")
_APPSTORE_LINK = re.compile(r"/id([0-9]{6,12})(?![0-9])")
_LINKED = {"android": _PLAY_LINK, "appstore_id": _APPSTORE_LINK}
# An App Store id, as an `ios` value may be one (`link_kind`).
_APPSTORE_ID = re.compile(r"^(?:id)?[0-9]{6,12}$", re.IGNORECASE)
# What an app inventory writes after a package name: an Android process's name
# ("com.example.app:push"), a component's class ("com.example.app/.MainActivity"), a
# version ("com.example.app@8.0.1", "com.example.app 8.0.1"). The package is before it.
_AFTER_PACKAGE = re.compile(r"[:/@\s]")
# The shapes of an LEI and a BIC: a whole identifier here, one inside free text in
# identifiers.py.
LEI_SHAPE = r"[A-Z0-9]{18}[0-9]{2}"
BIC_SHAPE = r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?"
_LEI = re.compile(f"^{LEI_SHAPE}$")
_BIC = re.compile(f"^{BIC_SHAPE}$")
_IMO = re.compile(r"^(?:IMO)?\s*([0-9]{7})$")
_CRYPTO = re.compile(r"^[A-Za-z0-9:]{20,128}$")
# An AS number: "AS45090", "ASN 45090", "45090", or in asdot ("AS2.1234", RFC 5396).
_ASN = re.compile(r"^(?:ASN?[\s:#-]{0,2})?([0-9]{1,10})(?:\.([0-9]{1,5}))?$", re.IGNORECASE)
_ASN_MAX = 2**32 - 1
# An FCC ID: its grantee code (5 characters from 2013, starting "2"; 3 before), then the
# product code (up to 14 characters), with or without a dash; "FCC ID:" may come first.
_FCC_ID = re.compile(r"^(?:FCC\s*ID\W{0,3})?([A-Z0-9]{3,19}(?:-[A-Z0-9-]{1,15})?)$")
# A URL's scheme (RFC 3986: a letter, then letters, digits, "+", "-", "."), alone, with its
# colon, or as a link starts (one in free text: identifiers.py). The schemes of the web and
# of mail name no app: a link of theirs is a host's.
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]{0,63})(?::(?://.*)?)?$", re.IGNORECASE | re.DOTALL)
WEB_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "sftp", "ws", "wss", "mailto", "file"})


def _shown(value: str, most: int = 120) -> str:
    """A value as an error names it: whole when short, else its start and its length (an
    ERROR cell need not repeat 64 KB of a broken identifier)."""
    if len(value) <= most:
        return repr(value)
    return f"{value[:most]!r}… ({len(value):,} characters)"


def normalise_domain(value: str) -> str:
    """Registrable host from a hostname, URL or e-mail address."""
    text = value.strip()
    if "@" in text and "://" not in text:
        text = text.rsplit("@", 1)[1]
    if "://" in text:
        try:
            host = urlsplit(text).hostname or ""
        except ValueError as exc:  # "http://[" and other broken URLs
            raise IdentifierError(f"not a valid URL: {_shown(value)}") from exc
    else:
        # A wildcard before a host (`*.example.com`, `+.example.com`, `.example.com`, as
        # allow lists, certificates and proxy rules write them) covers its subdomains: the
        # host is screened subdomains included.
        host = _WILDCARD.sub("", text.split("/", 1)[0].split(":", 1)[0])
    host = host.strip().rstrip(".").lower()
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise IdentifierError(f"not a valid domain name: {_shown(value)}") from exc
    labels = host.split(".")
    # A hostname has at most 253 characters (RFC 1035): a longer one is no name to look up,
    # and looking up each parent of 32,000 labels took seconds.
    if len(host) > 253 or len(labels) < 2 or not all(LABEL.match(label) for label in labels):
        raise IdentifierError(f"not a valid domain name: {_shown(value)}")
    return host


def normalise_purl(value: str) -> str:
    """`type/namespace/name` of a package URL, lower-cased, without version or qualifiers."""
    try:
        purl = PackageURL.from_string(value.strip())
    except ValueError as exc:
        raise IdentifierError(f"not a valid package URL: {_shown(value)} ({exc})") from exc
    parts = [purl.type, purl.namespace or "", purl.name]
    return "/".join(p.lower() for p in parts)


def purl_name(value: str) -> str:
    """A package URL's package as a software bill of materials names a component
    ("@acmepay/sdk", "acmepayv3"): its namespace and name; "" for no valid one."""
    try:
        purl = PackageURL.from_string(value.strip())
    except ValueError:
        return ""
    return "/".join(p for p in (purl.namespace, purl.name) if p)


@lru_cache(maxsize=CACHE_ENTRIES)
def normalise(kind: str, value: str) -> str:
    """The comparable form of an identifier; raises IdentifierError when it is malformed."""
    text = value.strip()
    if not text:
        raise IdentifierError("empty value")
    if kind in _LINKED and "/" in text and (linked := _LINKED[kind].search(text)) is not None:
        text = linked.group(1)
    if kind == "android":
        form = _AFTER_PACKAGE.split(text.lower(), maxsplit=1)[0]
        if not ANDROID.match(form):
            raise IdentifierError(f"not an Android package name: {_shown(value)}")
        return form
    if kind == "ios_bundle":
        form = text.lower()
        if not BUNDLE.match(form):
            raise IdentifierError(f"not an iOS bundle id: {_shown(value)}")
        return form
    if kind == "appstore_id":
        form = text.lower().removeprefix("id")
        if not form.isdigit() or not form.isascii():
            raise IdentifierError(
                f"not an App Store id (digits, optionally 'id' first): {_shown(value)}"
            )
        return form.lstrip("0") or "0"
    if kind == "domain":
        return normalise_domain(text)
    if kind == "purl":
        return normalise_purl(text)
    if kind == "lei":
        form = text.upper()
        if not _LEI.match(form):
            raise IdentifierError(f"not an LEI (20 characters): {_shown(value)}")
        return form
    if kind == "bic":
        form = text.upper().replace(" ", "")
        if not _BIC.match(form):
            raise IdentifierError(f"not a SWIFT/BIC (8 or 11 characters): {_shown(value)}")
        return form[:8]  # a branch code names a branch of the same institution
    if kind == "imo":
        found = _IMO.match(text.upper())
        if not found:
            raise IdentifierError(
                f"not an IMO number (7 digits, optionally 'IMO' first): {_shown(value)}"
            )
        return found.group(1)
    if kind == "asn":
        return _asn(text, value)
    if kind == "fcc_id":
        return _grantee(text.upper().replace(" ", ""), value)
    if kind == "cpe":
        return normalise_cpe(text)
    if kind == "registration_number":
        return normalise_registration(text)
    if kind == "stock_code":
        return normalise_stock_code(text)
    if kind == "isin":
        return normalise_isin(text)
    if kind == "url_scheme":
        found = _SCHEME.match(text)
        if not found:
            raise IdentifierError(
                f"not a URL scheme (as 'scheme' or 'scheme://…'): {_shown(value)}"
            )
        return found.group(1).lower()
    if kind == "crypto":
        if not _CRYPTO.match(text):
            raise IdentifierError(f"not a digital currency address: {_shown(value)}")
        # Hex (0x…) and bech32 addresses are case-insensitive; base58 ones are not.
        lowered = text.lower()
        if lowered.startswith(("0x", "bc1", "ltc1", "tb1")):
            return lowered
        return text
    return text.upper()


def _asn(text: str, value: str) -> str:
    """An AS number's digits, from "AS45090", "45090" or asdot "AS2.1234" (2 × 65,536 +
    1,234); an IdentifierError for none, 0, or one past 32 bits."""
    found = _ASN.match(text)
    if found is not None:
        high, low = int(found.group(1)), found.group(2)
        if low is None or (high < 65536 and int(low) < 65536):
            number = high if low is None else high * 65536 + int(low)
            if 0 < number <= _ASN_MAX:
                return str(number)
    raise IdentifierError(f"not an AS number ('AS' and up to 10 digits): {_shown(value)}")


def _grantee(text: str, value: str) -> str:
    """An FCC ID's grantee code: its first 5 characters when it starts with "2" (codes
    granted from 2013), else its first 3; the code alone is one too."""
    found = _FCC_ID.match(text)
    if found is not None:
        fcc_id = found.group(1)
        size = 5 if fcc_id.startswith("2") else 3
        code = fcc_id[:size]
        if len(code) == size and "-" not in code:
            return code
    raise IdentifierError(
        f"not an FCC ID (a grantee code of 3 or 5 characters, then the product's): {_shown(value)}"
    )


def link_kind(kind: str, value: str) -> str:
    """The kind a link is, whatever the column calls it: a `domain` (or `url`) value that
    is an app's link (`<scheme>://platformapi/…`) is its app's URL scheme, not a host; a
    `url_scheme` (or `deep_link`) value that is a web link (`https://…`, as an app's
    universal links are) is a host's; an `ios_bundle` (or `ios`) value of digits is an App
    Store id, which no bundle id is. Any other value keeps its kind."""
    if kind == "ios_bundle" and _APPSTORE_ID.match(value.strip()):
        return "appstore_id"
    scheme, sep, _ = value.strip().partition("://")
    if not sep or not _SCHEME.match(scheme):
        return kind
    web = scheme.lower() in WEB_SCHEMES
    if kind == "domain" and not web:
        return "url_scheme"
    if kind == "url_scheme" and web:
        return "domain"
    return kind
