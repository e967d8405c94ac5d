"""Identifiers in text and their lookup: which listed identifiers a field names, and the
index that finds a row's identifiers among the registry's (normal forms: identifier_forms.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from packageurl import PackageURL

from ..errors import IdentifierError
from ..model import Identifier
from .identifier_forms import (
    ANDROID,
    BIC_SHAPE,
    BUNDLE,
    LABEL,
    LEI_SHAPE,
    WEB_SCHEMES,
    link_kind,
    normalise,
    normalise_domain,
    normalise_purl,
    purl_name,
)
from .registration_numbers import checked, numbers_in_text
from .stock_codes import securities_in_text

__all__ = [
    "IdentifierHit",
    "IdentifierIndex",
    "apps_in_text",
    "hosts_in_text",
    "identifiers_in_text",
    "link_kind",
    "normalise",
    "normalise_domain",
    "normalise_purl",
    "publisher_domain",
    "purl_name",
]

# The kinds of app ids whose variants a listed one's are ("com.example.app.lite"), and the
# fewest labels an id needs to be another's variant or parent (not "com.example").
_VARIANT_KINDS = frozenset({"android", "ios_bundle"})
_VARIANT_MIN_LABELS = 3
# A link's scheme in free text, started where a word starts.
_SCHEME_IN_TEXT = re.compile(r"(?<![\w.+-])([a-z][a-z0-9+.-]{0,63})://", re.IGNORECASE)
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
    ("bic", re.compile(f"(?<![A-Za-z0-9]){BIC_SHAPE}(?![A-Za-z0-9])")),
    ("lei", re.compile(f"(?<![A-Za-z0-9]){LEI_SHAPE}(?![A-Za-z0-9])")),
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


# Kinds whose shape in text does not make a valid one: each is normalised before it is kept.
_CHECKED_IN_TEXT = frozenset({"asn", "fcc_id"})


def is_valid(kind: str, value: str) -> bool:
    """Whether `value` is a valid identifier of `kind` (it normalises)."""
    try:
        normalise(kind, value)
    except IdentifierError:
        return False
    return True


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
        found += [(kind, value) for kind, shape in (("android", ANDROID), ("ios_bundle", BUNDLE))
                  if shape.match(value)]  # fmt: skip
    found += [("appstore_id", m.group(1)) for m in _APPSTORE_ID_IN_TEXT.finditer(text)]
    return found


def identifiers_in_text(text: str) -> list[tuple[str, str]]:
    """(kind, value) of the identifiers free text names: its hosts, apps (`apps_in_text`),
    the schemes of its links other than the web's (`acmepays://…`), and what looks like a
    BIC, an LEI, an IMO number, a digital currency address or an AS number
    (`_IDS_IN_TEXT`), a registration or tax number after its label, and an ISIN or a stock
    code with its exchange (stock_codes.IN_TEXT)."""
    found = [("domain", host) for host in hosts_in_text(text)] + apps_in_text(text)
    found += [("url_scheme", scheme.lower()) for scheme in _SCHEME_IN_TEXT.findall(text)
              if scheme.lower() not in WEB_SCHEMES]  # fmt: skip
    for kind, pattern in _IDS_IN_TEXT:
        for match in pattern.finditer(text):
            value = match.group(match.lastindex or 0)
            if kind in _CHECKED_IN_TEXT and not is_valid(
                kind, value
            ):  # "AS99999999999", "FCC ID 2AD"
                continue
            if kind != "crypto" or not value.isalpha():  # an address holds digits
                found.append((kind, value))
    found += [("registration_number", number) for number in numbers_in_text(text)]
    return found + securities_in_text(text)


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
        if not LABEL.match(label):
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
            if ident.kind == "registration_number" and checked(ident.value) is None:
                continue  # "Registration Number 6388": another register's too (see there)
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
