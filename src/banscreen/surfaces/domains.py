"""Hostname, URL and e-mail lists (hosting and CDN customers) as transactions.

Each line names a host; its registrable domain comes from the public suffix list bundled
with tldextract (never fetched), and the host is screened by domain, subdomains included.
The registrable domain's own label (`acme-pay` of acme-pay.net, an IDN's label in its
letters) is screened as text naming what the host is called: a domain the registry does
not list but named for a listed app or firm (a second domain of the firm's, a reseller's,
a lookalike) is a REVIEW at most, `FREE_TEXT_MENTION`, never a BLOCK: such a name says
nothing of who holds the domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import IdentifierError, InputError
from ..match.hosts import host_parts
from ..match.identifiers import normalise_domain
from ..model import CounterpartyIdentifier, Nexus, Transaction
from .domain_rules import rule_entries
from .encodings import file_text
from .scan import ScanItem, ScanOptions, error_item

# The rule syntax of public domain lists (v2fly domain-list-community and its kin):
# `full:` and `domain:` name hosts; `keyword:` and `regexp:` are patterns, screened as text
# naming what they match; `include:NAME` reads the list NAME beside the file; a trailing
# `@attribute` (`@cn`, `@ads`) qualifies the rule.
_HOST_RULES = ("full:", "domain:")
_PATTERN_RULES = ("keyword:", "regexp:")


def _lines(path: Path, seen: tuple[Path, ...] = ()) -> Iterator[tuple[str, str]]:
    """(location, entry) of every rule line, included lists read in place; an entry
    starting with "!" is an include that could not be read, and why."""
    try:
        # In its encoding (a GB18030 list's `keyword:支付宝`), a byte it does not read
        # left in for its line's ERROR, not replaced.
        lines = file_text(path).splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    prefix = " > ".join(p.name for p in (*seen[1:], path)) + " " if seen else ""
    for number, raw in enumerate(lines, start=1):
        location = f"{prefix}line {number}"
        line = raw.split("#", 1)[0].strip()
        if (entries := rule_entries(line)) is not None:
            for entry in entries:
                yield location, entry
            continue
        entry = line.split(",", 1)[0].strip()
        entry = " ".join(w for w in entry.split() if not w.startswith("@"))
        if not entry:
            continue
        if entry.startswith("include:"):
            target = path.parent / entry.removeprefix("include:").strip()
            if target.resolve() in {p.resolve() for p in (*seen, path)}:
                yield location, f"!{target.name} includes itself (a cycle)"
            elif not target.is_file():
                yield location, f"!no list {target.name!r} beside {path.name}"
            else:
                yield from _lines(target, (*seen, path))
            continue
        yield location, entry


def read_domains(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    for location, entry in _lines(path):
        if entry.startswith("!"):  # an include not read, a rule naming no domain
            field = "rule" if entry.endswith("names no domain") else "include"
            yield error_item(location, entry[1:80], field, entry[1:])
            continue
        text = ""
        for rule in _HOST_RULES:
            entry = entry.removeprefix(rule)
        for rule in _PATTERN_RULES:
            if entry.startswith(rule):
                text = entry.removeprefix(rule)
        if text:
            # A pattern names what it matches: screened as text ("keyword:someapp").
            words = " ".join(re.findall(r"[A-Za-z0-9\u00c0-\uffff]+", text))
            yield ScanItem(
                location,
                entry[:80],
                Transaction(
                    id=entry[:80], date=options.as_of, category=options.category or "hosting",
                    text=words, us_nexus=options.us_nexus or Nexus.UNKNOWN, location=location,
                ),
            )  # fmt: skip
            continue
        try:
            host = normalise_domain(entry)
        except IdentifierError as exc:
            yield error_item(location, entry[:80], "domain", str(exc))
            continue
        registrable, label = host_parts(host)
        registrable = registrable or host
        yield ScanItem(
            f"{location} ({registrable})",
            host,
            Transaction(
                id=host,
                date=options.as_of,
                category=options.category or "hosting",
                identifiers=(CounterpartyIdentifier("domain", host),),
                text=label,
                us_nexus=options.us_nexus or Nexus.UNKNOWN,
                location=f"{location} ({registrable})",
            ),
        )
