"""Identifier normalisation and lookup: package ids, bundle ids, App Store ids, domains, purls.

An identifier match is the strongest evidence we have, so the normal forms here are strict:
a malformed identifier is a field error, never a silent miss.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from packageurl import PackageURL

from ..errors import IdentifierError
from ..model import Identifier
from ..tunables import CACHE_ENTRIES

_ANDROID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_BUNDLE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_WILDCARD = re.compile(r"^\s*(?:[*+]?\.)+")
# A store listing's link given for its app's id: the id it names ("https://play.google.com/
# store/apps/details?id=com.example.app", "market://details?id=…"; "https://apps.apple.com/
# us/app/example/id123456789"). An id so given was refused as malformed, and a link given
# as a domain was read as the store's host alone: play.google.com, CLEAR.
_PLAY_LINK = re.compile(r"[?&]id=([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)")
_APPSTORE_LINK = re.compile(r"/id([0-9]{6,12})(?![0-9])")
_LINKED = {"android": _PLAY_LINK, "appstore_id": _APPSTORE_LINK}
# The kinds of app ids whose variants a listed one's are ("com.example.app.lite"), and the
# fewest labels an id needs to be another's variant or parent (not "com.example").
_VARIANT_KINDS = frozenset({"android", "ios_bundle"})
_VARIANT_MIN_LABELS = 3
# An App Store id, as an `ios` value may be one (`link_kind`).
_APPSTORE_ID = re.compile(r"^(?:id)?[0-9]{6,12}$", re.IGNORECASE)
# What an app inventory writes after a package name: an Android process's name
# ("com.example.app:push"), a component's class ("com.example.app/.MainActivity"), a
# version ("com.example.app@8.0.1", "com.example.app 8.0.1"). The package is before it.
_AFTER_PACKAGE = re.compile(r"[:/@\s]")
# The shapes of an LEI and a BIC: a whole identifier here, one inside free text below.
_LEI_SHAPE = r"[A-Z0-9]{18}[0-9]{2}"
_BIC_SHAPE = r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?"
_LEI = re.compile(f"^{_LEI_SHAPE}$")
_BIC = re.compile(f"^{_BIC_SHAPE}$")
_IMO = re.compile(r"^(?:IMO)?\s*([0-9]{7})$")
_CRYPTO = re.compile(r"^[A-Za-z0-9:]{20,128}$")
# An AS number: "AS45090", "ASN 45090", "45090", or in asdot ("AS2.1234", RFC 5396).
_ASN = re.compile(r"^(?:ASN?[\s:#-]{0,2})?([0-9]{1,10})(?:\.([0-9]{1,5}))?$", re.IGNORECASE)
_ASN_MAX = 2**32 - 1
# An FCC ID: its grantee code (5 characters from 2013, starting "2"; 3 before), then the
# product code (up to 14 characters), with or without a dash; "FCC ID:" may come first.
_FCC_ID = re.compile(r"^(?:FCC\s*ID\W{0,3})?([A-Z0-9]{3,19}(?:-[A-Z0-9-]{1,15})?)$")
# A URL's scheme (RFC 3986: a letter, then letters, digits, "+", "-", "."), alone, with its
# colon, or as a link starts; and one in free text, started where a word starts. The schemes
# of the web and of mail name no app: a link of theirs is a host's.
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]{0,63})(?::(?://.*)?)?$", re.IGNORECASE | re.DOTALL)
_SCHEME_IN_TEXT = re.compile(r"(?<![\w.+-])([a-z][a-z0-9+.-]{0,63})://", re.IGNORECASE)
_WEB_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "sftp", "ws", "wss", "mailto", "file"})
# A match starts only where a word of a host or an address could (not inside one), and an
# address's local part is of the characters addresses use: so a long run of letters, or of
# letters and dots or colons, is read once, not once per position. (Starting anywhere, a
# text field of 100,000 letters took 130 s; the 1 MB a row's text may hold, hours.)
_HOST_IN_TEXT = re.compile(
    r"(?<![a-z0-9._%+-])(?:[a-z][a-z0-9+.-]*://)?(?:[a-z0-9._%+-]+@)?"
    r"((?:[a-z0-9-]+\.)+[a-z]{2,63})\b",
    re.IGNORECASE,
)
# Identifiers a payment's text names (remittance information, a wire's free text): a bank's
# SWIFT/BIC in capitals, an LEI, a vessel's IMO number after "IMO", a digital currency
# address (hex, bech32, base58: one long run of letters and digits). Each is only looked up
# among the listed identifiers of its kind, so an invoice number of the same shape meets
# nothing; a bare seven-digit number is not taken for an IMO number.
_IDS_IN_TEXT = (
    ("bic", re.compile(f"(?<![A-Za-z0-9]){_BIC_SHAPE}(?![A-Za-z0-9])")),
    ("lei", re.compile(f"(?<![A-Za-z0-9]){_LEI_SHAPE}(?![A-Za-z0-9])")),
    ("imo", re.compile(r"(?<![A-Za-z0-9])IMO\W{0,3}([0-9]{7})(?![0-9])", re.IGNORECASE)),
    ("crypto", re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{25,128}(?![A-Za-z0-9])")),
    # "AS45090", "AS 45090", "ASN: 45090" (not "as 2020": the capitals, or "ASN", say which),
    # whole: a field that is one and nothing else names it as the identifiers column does.
    (
        "asn",
        re.compile(
            r"(?<![A-Za-z0-9])(?:AS[ -]?|[Aa][Ss][Nn][\s:#-]{0,2})[1-9][0-9]{0,9}"
            r"(?![0-9]|\.[0-9])"
        ),
    ),
    # A device's FCC ID after its label ("FCC ID: QISCLT-L29"), as a label or a listing
    # prints it.
    (
        "fcc_id",
        re.compile(
            r"(?<![A-Za-z0-9])FCC[\s-]?ID\W{0,3}([A-Z0-9][A-Z0-9-]{2,18})"
            r"(?![A-Za-z0-9-])",
            re.IGNORECASE,
        ),
    ),
)


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
    if len(host) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
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
        if not _ANDROID.match(form):
            raise IdentifierError(f"not an Android package name: {_shown(value)}")
        return form
    if kind == "ios_bundle":
        form = text.lower()
        if not _BUNDLE.match(form):
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


def _asn_number(text: str) -> int | None:
    """An AS number, from "AS45090", "45090" or asdot "AS2.1234" (2 × 65,536 + 1,234);
    None for none, or one past 32 bits."""
    found = _ASN.match(text)
    if found is None:
        return None
    high, low = int(found.group(1)), found.group(2)
    if low is not None:
        if high >= 65536 or int(low) >= 65536:
            return None
        high = high * 65536 + int(low)
    return high if 0 < high <= _ASN_MAX else None


def _asn(text: str, value: str) -> str:
    number = _asn_number(text)
    if number is None:
        raise IdentifierError(f"not an AS number ('AS' and up to 10 digits): {_shown(value)}")
    return str(number)


# Kinds whose shape in text does not make a valid one: each is normalised before it is kept.
_CHECKED_IN_TEXT = frozenset({"asn", "fcc_id"})


def _valid(kind: str, value: str) -> bool:
    try:
        normalise(kind, value)
    except IdentifierError:
        return False
    return True


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
    web = scheme.lower() in _WEB_SCHEMES
    if kind == "domain" and not web:
        return "url_scheme"
    if kind == "url_scheme" and web:
        return "domain"
    return kind


def hosts_in_text(text: str) -> list[str]:
    """Hostnames mentioned in free text (URLs, e-mail addresses, bare domains)."""
    found: list[str] = []
    for match in _HOST_IN_TEXT.finditer(text):
        host = match.group(1)
        if len(host) > 253:  # a run of dotted words: the host it ends with (RFC 1035's length)
            host = host[-253:].split(".", 1)[-1]
        try:
            found.append(normalise_domain(host))
        except IdentifierError:
            continue
    return found


# An app's package name or bundle id in text ("com.example.app", a Play Store link's
# "details?id=com.example.App", a log line), started only where a word starts (as
# `_HOST_IN_TEXT`); and an App Store id as its links write it ("apps.apple.com/app/
# example/id123456789"). Each is looked up among the listed identifiers of its kind only.
_PACKAGE_IN_TEXT = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)+(?![\w-])")
_APPSTORE_ID_IN_TEXT = re.compile(r"(?<![A-Za-z0-9_])id([0-9]{6,12})(?![A-Za-z0-9_])", re.I)


def apps_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, value) of the Android packages, iOS bundle ids and App Store ids that free
    text names (`_PACKAGE_IN_TEXT`, `_APPSTORE_ID_IN_TEXT`), each of a valid shape."""
    found: list[tuple[str, str]] = []
    for match in _PACKAGE_IN_TEXT.finditer(text):
        value = match.group().lower()
        found += [(kind, value) for kind, shape in (("android", _ANDROID), ("ios_bundle", _BUNDLE))
                  if shape.match(value)]  # fmt: skip
    found += [("appstore_id", m.group(1)) for m in _APPSTORE_ID_IN_TEXT.finditer(text)]
    return found


def identifiers_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, value) of the identifiers free text names: its hosts, apps (`apps_in_text`),
    the schemes of its links other than the web's (`acmepays://…`), and what looks like a
    BIC, an LEI, an IMO number, a digital currency address or an AS number
    (`_IDS_IN_TEXT`)."""
    found = [("domain", host) for host in hosts_in_text(text)] + apps_in_text(text)
    found += [("url_scheme", scheme.lower()) for scheme in _SCHEME_IN_TEXT.findall(text)
              if scheme.lower() not in _WEB_SCHEMES]  # fmt: skip
    for kind, pattern in _IDS_IN_TEXT:
        for match in pattern.finditer(text):
            value = match.group(match.lastindex or 0)
            if kind in _CHECKED_IN_TEXT and not _valid(
                kind, value
            ):  # "AS99999999999", "FCC ID 2AD"
                continue
            if kind != "crypto" or not value.isalpha():  # an address holds digits
                found.append((kind, value))
    return found


def publisher_domain(kind: str, value: str) -> str | None:
    """The host an app's package name or bundle id is written under, read back
    ("com.example.app" is "app.example.com"): its publisher's domain, by the reverse-domain
    convention both app stores ask developers to follow (and neither checks); and so a Maven
    package's group ("pkg:maven/com.example.sdk/core"), which Maven Central asks the same of.
    Its leading labels that a host name may have; None for fewer than two, or another kind."""
    if kind == "purl" and value.strip().lower().startswith("pkg:maven/"):
        try:
            value = PackageURL.from_string(value.strip()).namespace or ""
        except ValueError:
            return None
    elif kind not in ("android", "ios_bundle"):
        return None
    labels: list[str] = []
    for label in value.strip().lower().split("."):
        if not _LABEL.match(label):
            break
        labels.append(label)
    return ".".join(reversed(labels)) if len(labels) >= 2 else None


@dataclass(frozen=True)
class IdentifierHit:
    entity_id: str
    identifier: Identifier
    query: str


class IdentifierIndex:
    def __init__(self, identifiers: Iterable[tuple[str, Identifier]]) -> None:
        """`identifiers`: (entity id, identifier) pairs, as `identifiers_of` gives them."""
        self._index: dict[tuple[str, str], list[tuple[str, Identifier]]] = defaultdict(list)
        # listed app ids by each of their shorter beginnings (`variants`)
        self._beginnings: dict[tuple[str, str], list[tuple[str, Identifier]]] = defaultdict(list)
        for entity_id, ident in identifiers:
            form = normalise(ident.kind, ident.value)
            self._index[(ident.kind, form)].append((entity_id, ident))
            if ident.kind in _VARIANT_KINDS:
                labels = form.split(".")
                for n in range(_VARIANT_MIN_LABELS, len(labels)):
                    key = (ident.kind, ".".join(labels[:n]))
                    self._beginnings[key].append((entity_id, ident))

    def lookup(self, kind: str, value: str) -> list[IdentifierHit]:
        """Registry identifiers equal to `value`; domains match their most specific parent,
        and a store listing's link, given as a domain or in a store's own scheme
        ("market://details?id=…", "itms-apps://…/id…"), also the app it names."""
        form = normalise(kind, value)
        if kind == "domain":
            labels = form.split(".")
            parents = (
                self._index.get(("domain", ".".join(labels[i:]))) for i in range(len(labels) - 1)
            )
            listed = next((found for found in parents if found), [])
        else:
            listed = self._index.get((kind, form), [])
        hits = [IdentifierHit(e, ident, value) for e, ident in listed]
        return hits + self._linked(value) if kind in ("domain", "url_scheme") else hits

    def _linked(self, link: str) -> list[IdentifierHit]:
        """The listed apps whose ids a link names (`apps_in_text`)."""
        return [
            IdentifierHit(e, ident, link)
            for app_kind, app in (apps_in_text(link) if "/" in link else ())
            for e, ident in self._index.get((app_kind, normalise(app_kind, app)), [])
        ]

    def variants(self, kind: str, value: str) -> list[IdentifierHit]:
        """Listed app ids that an unlisted one extends ("com.example.app.lite", "….hd": a
        variant of the listed app's) or that extend it ("com.example.app" of a listed
        "com.example.app.gps": its parent listing), of three labels or more; the nearest
        first. Asked only of an identifier that `lookup` does not find itself."""
        if kind not in _VARIANT_KINDS:
            return []
        form = normalise(kind, value)
        labels = form.split(".")
        for n in range(len(labels) - 1, _VARIANT_MIN_LABELS - 1, -1):
            found = self._index.get((kind, ".".join(labels[:n])))
            if found:
                return [IdentifierHit(e, ident, value) for e, ident in found]
        return [
            IdentifierHit(e, ident, value) for e, ident in self._beginnings.get((kind, form), [])
        ]

    def publishers(self, kind: str, value: str) -> list[IdentifierHit]:
        """Listed domains an app's package name or bundle id is written under
        (`publisher_domain`: "com.example.chat" under "example.com"). Asked only of an
        identifier that `lookup` does not find itself (the matcher holds that answer)."""
        host = publisher_domain(kind, value)
        if host is None:
            return []
        try:
            return self.lookup("domain", host)
        except IdentifierError:
            return []
