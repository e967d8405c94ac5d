"""ISO 20022 messages' shared reading: local names whatever the namespace's version, a
record's elements by their paths, the parties and agents a transfer names (payments.py's
payment orders and statements.py's bank statements)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any, BinaryIO

from lxml import etree

from ..errors import FieldError
from ..match.registration_numbers import checked
from ..model import CounterpartyIdentifier, Transaction
from .scan import ScanItem, error_item


def local_name(tag: object) -> str:
    """Local name of a `{namespace}name` tag (comments and processing instructions: "")."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


@lru_cache(maxsize=256)
def _xpath(path: tuple[str, ...]) -> str:
    return "/".join(f"{{*}}{name}" for name in path)


def find(element: etree._Element | None, *path: str) -> etree._Element | None:
    """First descendant along `path` of local names, whatever the namespace version."""
    return None if element is None else element.find(_xpath(path))


def text_of(element: etree._Element | None, *path: str) -> str:
    found = find(element, *path)
    return (found.text or "").strip() if found is not None else ""


def bic_country(bic: str) -> str:
    return bic[4:6].upper() if len(bic) in (8, 11) else ""


# The agents a transfer passes through, in the message's order, and the role each is
# screened under: a listed bank as an intermediary is a party to the payment as much as
# the creditor is. `Dbtr`'s agent may sit on a pain.001's payment information block.
AGENTS = (
    ("DbtrAgt", "debtor_agent"),
    *((f"PrvsInstgAgt{n}", f"previous_instructing_agent_{n}") for n in (1, 2, 3)),
    ("InstgAgt", "instructing_agent"),
    ("InstdAgt", "instructed_agent"),
    *((f"IntrmyAgt{n}", f"intermediary_agent_{n}") for n in (1, 2, 3)),
    ("CdtrAgt", "creditor_agent"),
)
# Free text beside the remittance information: what a bank or the debtor writes to the next
# bank ("credit to the payee's wallet"), structured remittance's additional text, a proprietary
# purpose, regulatory details, a cheque's memo. (parent's local name or "", local name)
TEXTS = frozenset({
    ("", "Ustrd"), ("", "AddtlRmtInf"), ("", "InstrInf"), ("InstrForDbtrAgt", ""),
    ("Purp", "Prtry"), ("Dtls", "Inf"), ("", "MemoFld"),
})  # fmt: skip


class Record:
    """A transfer's elements by their path of local names below it ("Cdtr/Nm"), read in one
    walk: looking each of some forty paths up with a namespace-blind XPath took more time
    than screening the transfer. The first element on a path is kept, as `find` would; the
    free text is every text element `TEXTS` names, in document order."""

    def __init__(self, element: etree._Element | None = None, skip: str = "") -> None:
        self.values: dict[str, str] = {}
        self.texts: list[tuple[str, str]] = []  # (path, text)
        if element is not None:
            self._walk(element, "", "", skip)

    def _walk(self, element: etree._Element, prefix: str, up: str, skip: str) -> None:
        for child in element:
            name = local_name(child.tag)
            if not name or name == skip:
                continue
            path = f"{prefix}/{name}" if prefix else name
            text = (child.text or "").strip()
            if text:
                self.values.setdefault(path, text)
                if ("", name) in TEXTS or (up, name) in TEXTS or (name, "") in TEXTS:
                    self.texts.append((path, text))
            if len(child):
                self.values.setdefault(path, "")
                self._walk(child, path, name, skip)

    def get(self, *path: str) -> str:
        return self.values.get("/".join(path), "")

    def has(self, *path: str) -> bool:
        return "/".join(path) in self.values

    def split(self, name: str) -> tuple[Record, Record]:
        """(what is below `name`, as a record of its own; the rest): a pacs.009's underlying
        customer transfer and the cover around it."""
        inner, outer, head = Record(), Record(), f"{name}/"
        for path, value in self.values.items():
            if path.startswith(head):
                inner.values[path[len(head) :]] = value
            elif path != name:
                outer.values[path] = value
        for path, text in self.texts:
            (inner if path.startswith(head) else outer).texts.append((path, text))
        return inner, outer


def party_identifiers(value_at: Callable[..., str], *party: str) -> list[CounterpartyIdentifier]:
    """A party's LEI and BIC (`Id/OrgId/LEI`, `Id/OrgId/AnyBIC`), and its registration or
    tax number: its organisation's or person's other id (`Id/OrgId/Othr/Id`: a tax number
    under the scheme TXID, a register's under CINC or a proprietary one), kept where it
    checks itself (match/registration_numbers.py), whatever its scheme says. An id the
    party has not is one without a value, which the transaction drops."""
    found = [
        CounterpartyIdentifier("lei", value_at(*party, "Id", "OrgId", "LEI")),
        CounterpartyIdentifier("bic", value_at(*party, "Id", "OrgId", "AnyBIC")),
    ]
    for kind in ("OrgId", "PrvtId"):
        value = value_at(*party, "Id", kind, "Othr", "Id")
        if value and checked(value) is not None:
            return [*found, CounterpartyIdentifier("registration_number", value)]
    return found


def bic_of(record: Record, *path: str) -> str:
    """An institution's BIC: `BICFI` since the 2009 versions' `BIC` was renamed."""
    return record.get(*path, "FinInstnId", "BICFI") or record.get(*path, "FinInstnId", "BIC")


class Parties:
    """A transfer's further parties, identifiers by role and countries, gathered."""

    def __init__(self) -> None:
        self.names: list[tuple[str, str]] = []
        self.identifiers: list[CounterpartyIdentifier] = []
        self.countries: dict[str, str] = {}

    def institution(self, record: Record, path: str, role: str) -> tuple[str, str]:
        """A bank, by name, BIC and LEI; its country by its BIC, else its address. Under
        `role` a further party; with none ("") the counterparty, whose name and country are
        returned for the caller to give them."""
        if not record.has(path):
            return "", ""
        name = record.get(path, "FinInstnId", "Nm")
        if role:
            self.names.append((role, name))
        bic = bic_of(record, path)
        address = record.get(path, "FinInstnId", "PstlAdr", "Ctry").upper()
        country = self.countries[role or "counterparty"] = bic_country(bic) or address
        self.identifiers.append(CounterpartyIdentifier("bic", bic, role))
        lei = record.get(path, "FinInstnId", "LEI")
        self.identifiers.append(CounterpartyIdentifier("lei", lei, role))
        return name, country

    def agents(self, record: Record, block: Record, prefix: str = "") -> None:
        for tag, role in AGENTS:
            # The debtor's agent of a pain.001 may be given once, on its block.
            self.institution(record if record.has(tag) else block, tag, prefix + role)


def release(element: etree._Element) -> None:
    """Free a record once read, and the records of its kind before it: flat memory."""
    element.clear(keep_tail=True)
    name = local_name(element.tag)
    previous = element.getprevious()
    while previous is not None and local_name(previous.tag) == name:
        parent = previous.getparent()
        before = previous.getprevious()
        if parent is not None:
            parent.remove(previous)
        previous = before


class Elements:
    """The elements of `names` in an ISO 20022 document, each as it ends, read with lxml's
    iterparse (the rest stays in libxml2; no entity resolved, nothing fetched), once its
    namespace names one of the messages `supported` (".pacs.008.001.", ...). Iterated,
    `ending` is then the ERROR item that ends what was read, or None: a document of
    another message (`what` names those read), of no Document, or broken after
    `number` records."""

    def __init__(
        self, source: BinaryIO, names: Sequence[str], supported: Sequence[str], what: str
    ) -> None:
        self.source, self.names, self.supported, self.what = source, names, supported, what
        self.ending: ScanItem | None = None
        self.number = 0  # the records read, counted by the reader
        self.message_id = ""  # the message's id, once the reader has it

    def __iter__(self) -> Iterator[Any]:
        kind = ""
        context = etree.iterparse(
            self.source, events=("start", "end"), tag=[f"{{*}}{name}" for name in self.names],
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
        )  # fmt: skip
        try:
            for event, element in context:
                if event == "end":
                    yield element
                elif local_name(element.tag) == "Document" and not kind:
                    tag = str(element.tag)
                    namespace = tag[1 : tag.index("}")] if tag.startswith("{") else ""
                    kind = next((k for k in self.supported if k in namespace), "")
                    if not kind:
                        why = f"not an ISO 20022 {self.what} (namespace {namespace!r})"
                        self.ending = error_item("document", "", "document", why)
                        return
        except etree.XMLSyntaxError as exc:
            why = f"malformed or truncated XML after record {self.number}: {exc}"
            where = f"{self.message_id or 'document'}/{self.number + 1}"
            self.ending = error_item(where, "", "document", why)
            return
        if not kind:
            self.ending = error_item("document", "", "document", "no ISO 20022 Document element")


def scanned(build: Callable[[], Transaction], location: str) -> ScanItem:
    """The record's item, or the ERROR item of the field that stops it, at `location`."""
    try:
        tx = build()
    except FieldError as exc:
        return ScanItem(location, location, error=exc)
    return ScanItem(tx.location, tx.id, tx)
