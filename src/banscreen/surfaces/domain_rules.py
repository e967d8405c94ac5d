"""The hosts a line of a public domain list names, in the syntaxes such lists are kept in
besides one host a line: a hosts file (`0.0.0.0 ads.example.com`), dnsmasq
(`server=/example.cn/114.114.114.114`, the form of the widely used lists of Chinese
domains), Clash and Surge rules (`DOMAIN-SUFFIX,example.com,Proxy`) and Adblock filters
(`||example.com^`); wildcards (`*.example.com`) are identifiers.normalise_domain's. Each
was one ERROR a line ("not a valid domain name"), so such a list was screened for
nothing."""

from __future__ import annotations

import ipaddress
import re

# dnsmasq's options that name domains between slashes, the last field their target.
_DNSMASQ = re.compile(r"^(?:address|server|local|ipset|nftset)=/(.+)/[^/]*$")
# Clash and Surge rule types: those naming a host, one naming a keyword; any other type
# (IP-CIDR, GEOIP, PROCESS-NAME, ...) names no domain.
_CLASH_HOSTS = ("DOMAIN", "DOMAIN-SUFFIX", "HOST", "HOST-SUFFIX")
_CLASH_KEYWORDS = ("DOMAIN-KEYWORD", "HOST-KEYWORD")
_CLASH = re.compile(r"^([A-Z][A-Z0-9-]+),\s*([^,\s]+)")
# An Adblock filter of a host: `||host^`, an exception `@@||host^`, options after `$`.
_ADBLOCK = re.compile(r"^(?:@@)?\|\|([^\^/$|]+)\^?(?:\$.*)?$")


def _address(word: str) -> bool:
    try:
        ipaddress.ip_address(word.split("%", 1)[0])  # fe80::1%lo0
    except ValueError:
        return False
    return True


def rule_entries(line: str) -> list[str] | None:
    """The entries (hosts, or `keyword:WORD`) a rule line names, or None when the line is
    in none of these syntaxes (then it is read as it is written: a host, a URL, an
    e-mail address). A Clash rule of another type names `!` and why."""
    if (dnsmasq := _DNSMASQ.match(line)) is not None:
        return [d for d in dnsmasq.group(1).split("/") if d and d != "#"]
    if (clash := _CLASH.match(line)) is not None:
        kind, value = clash.group(1), clash.group(2)
        if kind in _CLASH_HOSTS:
            return [value]
        if kind in _CLASH_KEYWORDS:
            return [f"keyword:{value}"]
        return [f"!{kind} rule names no domain"]
    if (adblock := _ADBLOCK.match(line)) is not None:
        return [adblock.group(1)]
    words = line.split()
    if len(words) > 1 and _address(words[0]):
        # A hosts file: an address, then its names; one without a dot (`localhost`,
        # `broadcasthost`) names this machine, no domain, and is no row.
        return [w for w in words[1:] if "." in w.strip(".")]
    return None
