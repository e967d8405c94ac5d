"""A host's registrable domain and the words of its own label, from the public suffix list
bundled with tldextract (never fetched): `acme pay` of pay.acme-pay.net, an IDN's label in
its letters. A domain not listed but named for a listed app or firm is screened by those
words as text (surfaces/domains.py; a row's `domain:` identifier, matcher.py)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tldextract


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # Imported here: tldextract brings in requests (a tenth of a second), and only a domain
    # that is not listed needs it.
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def domain_label_words(host: str) -> str:
    """The words of the registrable domain's own label ("acme pay" of pay.acme-pay.net),
    an IDN's in its letters; "" when there is none."""
    return host_parts(host)[1]


@lru_cache(maxsize=4096)
def host_parts(host: str) -> tuple[str, str]:
    """The host's registrable domain and its label's words, from one reading of the
    public suffix list."""
    parts = _extractor()(host)
    # tldextract 5.2 renamed it; the old name, read only where the new one is missing,
    # warns when it is read.
    newer = hasattr(parts, "top_domain_under_public_suffix")
    registrable = parts.top_domain_under_public_suffix if newer else parts.registered_domain
    label = str(parts.domain)
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            label = ""
    return str(registrable), " ".join(re.findall(r"[^\W_]+", label))
