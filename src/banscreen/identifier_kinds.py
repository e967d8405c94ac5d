"""The identifier kinds a transaction may carry and the registry records, and the other
names and written forms users give them (model.py re-exports them)."""

from __future__ import annotations

IDENTIFIER_KINDS: tuple[str, ...] = (
    "android",
    "ios_bundle",
    "appstore_id",
    "domain",
    "purl",
    "lei",
    "bic",  # SWIFT/BIC of a bank; compared on its first 8 characters (the institution)
    "imo",  # IMO number of a vessel
    "crypto",  # a digital currency address as published on sanctions lists
    # An app's own URL scheme, as its deep links and payment codes write it
    # ("<scheme>://platformapi/startapp"): compared on the scheme alone.
    "url_scheme",
    # A network's autonomous system number ("AS45090"), as a transit, peering or hosting
    # contract names the network: compared on its number.
    "asn",
    # A device's FCC ID ("QISCLT-L29"): compared on its grantee code, the 3 characters (5
    # from 2013, starting "2") that name the company the FCC authorised the device for.
    "fcc_id",
    # A product's CPE name ("cpe:2.3:h:acme:cam-1:…", "cpe:/o:acme:firmware"), as scanners,
    # asset inventories and SBOMs name devices and software: compared on its vendor, and
    # its vendor and product read as names (match/cpe_names.py).
    "cpe",
    # A company's registration or tax number (a Chinese USCC, a Russian INN or OGRN, an EU
    # VAT number), compared only where it checks itself (match/registration_numbers.py).
    "registration_number",
    # A listed company's shares: a stock code with its exchange ("0700.HK", "HKG:0700",
    # "700 HK"), compared as its symbol and its market's country, and an ISIN
    # (match/stock_codes.py), as a trade or a holding names the security.
    "stock_code",
    "isin",
)
# Other names users write a kind by, read as the kind: an app inventory's or a vendor
# file's own column names ("bundle_id", "url", "email"). A domain is read from a URL or an
# e-mail address as from a hostname.
IDENTIFIER_ALIASES: dict[str, str] = {
    "swift": "bic", "swift_bic": "bic", "swiftbic": "bic",
    "url": "domain", "website": "domain", "web": "domain", "host": "domain",
    "hostname": "domain", "email": "domain", "e_mail": "domain", "mail": "domain",
    "bundle": "ios_bundle", "bundle_id": "ios_bundle", "ios": "ios_bundle",
    "appstore": "appstore_id", "app_store": "appstore_id", "app_store_id": "appstore_id",
    "itunes_id": "appstore_id", "apple_id": "appstore_id",
    "package_name": "android", "android_package": "android", "play_store": "android",
    "google_play": "android",
    "as": "asn", "as_number": "asn", "autonomous_system": "asn",
    "fccid": "fcc_id", "fcc": "fcc_id", "grantee_code": "fcc_id",
    "cpe23": "cpe", "cpe22": "cpe", "cpe23type": "cpe", "cpe22type": "cpe", "cpe_name": "cpe",
    "scheme": "url_scheme", "deep_link": "url_scheme", "deeplink": "url_scheme",
    "app_link": "url_scheme", "package": "android",
    "registration": "registration_number", "reg_no": "registration_number",
    "company_number": "registration_number", "tax_id": "registration_number",
    "tax_number": "registration_number", "tin": "registration_number",
    "vat": "registration_number", "vat_id": "registration_number",
    "vat_number": "registration_number", "inn": "registration_number",
    "ogrn": "registration_number", "uscc": "registration_number", "usci": "registration_number",
    "unified_social_credit_code": "registration_number", "rif": "registration_number",
    "ticker": "stock_code", "equity_ticker": "stock_code", "stock": "stock_code",
    "isin_code": "isin",
}  # fmt: skip
# Identifiers written whole, their own scheme first, without a kind: a web link is a host's
# (as `url:` reads it), a package URL a component's, an Android intent's or a store's link
# an app's (it names its app). Scheme → (kind, how the rest starts).
BARE_IDENTIFIERS: dict[str, tuple[str, str]] = {
    "http": ("domain", "//"), "https": ("domain", "//"), "pkg": ("purl", ""),
    "intent": ("url_scheme", "//"), "market": ("url_scheme", "//"),
    "itms-apps": ("url_scheme", "//"),
}  # fmt: skip
