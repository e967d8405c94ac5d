"""A `counterparty_identifiers` cell as people write one: `kind:value;kind:value` as the
contract says, and the other ways app inventories, vendor files and hand-kept sheets write
them. Items apart by commas, bars or lines as well as by semicolons ("domain:x.com,
android:com.x"); a value without its kind whose form says what it is: an e-mail address,
an AS number, an App Store id (`id414478124`), a list written as JSON or as pandas writes
one (`['domain:x.com']`), and a dotted name (`pay.example.com`,
`com.example.app`), which is read as each kind a dotted name can be (a domain, an Android
package, an iOS bundle id) that it is valid as. Each of these was an ERROR row, so the
identifier was never screened."""

from __future__ import annotations

import ast
import json
import re

from ..errors import FieldError
from ..match.identifiers import is_valid, link_kind
from ..model import (
    BARE_IDENTIFIERS,
    IDENTIFIER_ALIASES,
    IDENTIFIER_KINDS,
    CounterpartyIdentifier,
)

FIELD = "counterparty_identifiers"
# A kind's words apart by spaces or hyphens ("FCC ID", "bundle id") are its id.
_KIND_SEPARATORS = re.compile(r"[\s-]+")
# An e-mail address written without a kind ("support@example.com"), read as `email:` is;
# an AS number ("AS45090", "ASN 45090"), as `asn:` is; an App Store id as its links write
# it ("id414478124"); a dotted name ("pay.example.com", "com.example.app").
_BARE_ADDRESS = re.compile(r"^[^@\s:;]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.IGNORECASE)
_BARE_ASN = re.compile(r"^ASN?[\s-]?[1-9][0-9]{0,9}$", re.IGNORECASE)
_BARE_APPSTORE = re.compile(r"^id[0-9]{6,12}$", re.IGNORECASE)
_BARE_DOTTED = re.compile(r"^(?=.*[a-z])[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\.?$", re.IGNORECASE)
DOTTED_KINDS = ("domain", "android", "ios_bundle")
# Items apart by a comma, a bar or a line break: taken apart only when each piece is an
# identifier on its own (a package URL's checksums, "sha1:…,sha256:…", stay whole).
_LIST_SEPARATORS = re.compile(r"\s*[,|\n]\s*")


def identifiers_of(cell: str | list[str]) -> tuple[CounterpartyIdentifier, ...]:
    """The identifiers of a cell, or of a list of items (JSON input); FieldError for an
    item that is none."""
    if isinstance(cell, str) and (listed := _written_list(cell)) is not None:
        cell = listed
    if isinstance(cell, list):
        items = cell
    else:
        items = [p for item in _links_kept(cell.split(";")) for p in _pieces(item)]
    out: list[CounterpartyIdentifier] = []
    for item in items:
        item = item.strip()
        if item:
            out.extend(_identifiers(item))
    return tuple(out)


def _written_list(cell: str) -> list[str] | None:
    """A list written into a cell: as JSON (`["domain:x.com"]`) or as Python prints one,
    which is what pandas writes to a CSV file for a column of lists (`['domain:x.com']`)."""
    text = cell.strip()
    if not (text.startswith("[") and text.endswith("]")):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _identifiers(item: str) -> list[CounterpartyIdentifier]:
    kind, sep, rest = item.partition(":")
    if not sep:
        bare = _bare(item)
        if not bare:
            raise FieldError(FIELD, f"expected kind:value, got {item[:60]!r}")
        return bare
    if not rest.strip():
        raise FieldError(FIELD, f"expected kind:value, got {item[:60]!r}")
    kind = kind.strip().lower()
    if kind in BARE_IDENTIFIERS and rest.startswith(BARE_IDENTIFIERS[kind][1]):
        # A link or a package URL written without a kind ("https://…", "pkg:npm/…"):
        # the whole item is the value, of the kind its own scheme says.
        kind, rest = BARE_IDENTIFIERS[kind][0], item
    kind = _KIND_SEPARATORS.sub("_", kind)
    kind = link_kind(IDENTIFIER_ALIASES.get(kind, kind), rest)
    return [CounterpartyIdentifier(kind, rest.strip())]


def _bare(item: str) -> list[CounterpartyIdentifier]:
    """A value written without its kind, as the kinds its form says it is; [] for none."""
    if _BARE_ADDRESS.match(item):  # an e-mail address alone: its host's
        return [CounterpartyIdentifier("domain", item)]
    if _BARE_ASN.match(item):  # "AS45090" alone: a network's AS number
        return [CounterpartyIdentifier("asn", item)]
    if _BARE_APPSTORE.match(item):
        return [CounterpartyIdentifier("appstore_id", item)]
    if _BARE_DOTTED.match(item):
        return [CounterpartyIdentifier(k, item) for k in DOTTED_KINDS if is_valid(k, item)]
    return []


def _readable(piece: str) -> bool:
    """Whether a piece of an item is an identifier on its own, by its kind or its form: it
    reads (`_identifiers`) as identifiers of kinds there are."""
    try:
        return all(i.kind in IDENTIFIER_KINDS for i in _identifiers(piece.strip()))
    except FieldError:
        return False


def _pieces(item: str) -> list[str]:
    if not _LIST_SEPARATORS.search(item.strip()):
        return [item]
    pieces = [p for p in _LIST_SEPARATORS.split(item.strip()) if p]
    return pieces if len(pieces) > 1 and all(map(_readable, pieces)) else [item]


def _links_kept(items: list[str]) -> list[str]:
    """Items split at ";" with a link's own ";"s put back: an item without a kind after a
    link is the link's ("url:intent://scan/#Intent;scheme=zxing;package=com.x;end", an
    Android intent; "https://x.example/a;jsessionid=1")."""
    out: list[str] = []
    for item in items:
        piece = item.strip()  # (an empty item, a ";" too many, is dropped as before)
        kindless = bool(piece) and ":" not in piece and not _BARE_ADDRESS.match(piece)
        if out and "://" in out[-1] and kindless:
            out[-1] += ";" + item
        else:
            out.append(item)
    return out
