"""Hostname, URL and e-mail lists (hosting and CDN customers) as transactions.

Each line names a host; its registrable domain comes from the public suffix list bundled
with tldextract (never fetched), and the host is screened by domain, subdomains included.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import IdentifierError, InputError
from ..match.identifiers import normalise_domain
from ..model import CounterpartyIdentifier, Nexus, Transaction
from .scan import ScanItem, ScanOptions, error_item

if TYPE_CHECKING:
    import tldextract


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # Imported here: tldextract brings in requests (a tenth of a second), and only domain
    # lists need it.
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(host: str) -> str:
    parts = _extractor()(host)
    return str(getattr(parts, "top_domain_under_public_suffix", "") or parts.registered_domain)


def read_domains(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    for number, raw in enumerate(lines, start=1):
        entry = raw.split("#", 1)[0].split(",", 1)[0].strip()
        if not entry:
            continue
        location = f"line {number}"
        try:
            host = normalise_domain(entry)
        except IdentifierError as exc:
            yield error_item(location, entry[:80], "domain", str(exc))
            continue
        registrable = registrable_domain(host) or host
        yield ScanItem(
            f"{location} ({registrable})",
            host,
            Transaction(
                id=host,
                date=options.as_of,
                category=options.category or "hosting",
                identifiers=(CounterpartyIdentifier("domain", host),),
                us_nexus=options.us_nexus or Nexus.UNKNOWN,
                location=f"{location} ({registrable})",
            ),
        )
