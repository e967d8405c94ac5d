"""ISO 20022 credit transfers (pacs.008, pacs.009 and pain.001) as transactions, streamed.

One transaction per CdtTrfTxInf: the creditor is the counterparty (a pacs.009's creditor
bank, or the creditor of the customer transfer a cover payment settles); the debtor, the
ultimate parties, the accounts' holders and every agent (debtor's, creditor's,
intermediaries, previous instructing) are screened by name as further parties, and the
agents by BIC and LEI too; the remittance information and the instructions to agents are
the free text; the parties' and agents' countries and BICs give a U.S. nexus. The file is
parsed with lxml's iterparse and each transaction is cleared once read, so memory stays
flat whatever the file size; entities are not resolved and nothing is fetched from the
network.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ..errors import FieldError
from ..model import CounterpartyIdentifier, Nexus, Transaction
from .rows import parse_date
from .scan import ScanItem, ScanOptions, error_item

# The payment orders read, and as the messages that name them write them.
MESSAGES = ("pacs.008", "pacs.009", "pain.001")
MESSAGES_NAMED = f"{', '.join(MESSAGES[:-1])} or {MESSAGES[-1]}"
SUPPORTED = tuple(f"{message}.001." for message in MESSAGES)  # in a namespace's name
_WANTED = ("Document", "MsgId", "ReqdExctnDt", "IntrBkSttlmDt", "CdtTrfTxInf", "PmtInf")


def _local(tag: object) -> str:
    """Local name of a `{namespace}name` tag (comments and processing instructions: "")."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


@lru_cache(maxsize=256)
def _xpath(path: tuple[str, ...]) -> str:
    return "/".join(f"{{*}}{name}" for name in path)


def _find(element: etree._Element | None, *path: str) -> etree._Element | None:
    """First descendant along `path` of local names, whatever the namespace version."""
    return None if element is None else element.find(_xpath(path))


def _text(element: etree._Element | None, *path: str) -> str:
    found = _find(element, *path)
    return (found.text or "").strip() if found is not None else ""


def _bic_country(bic: str) -> str:
    return bic[4:6].upper() if len(bic) in (8, 11) else ""


# The agents a transfer passes through, in the message's order, and the role each is
# screened under: a listed bank as an intermediary is a party to the payment as much as
# the creditor is. `Dbtr`'s agent may sit on a pain.001's payment information block.
_AGENTS = (
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
_TEXTS = frozenset({
    ("", "Ustrd"), ("", "AddtlRmtInf"), ("", "InstrInf"), ("InstrForDbtrAgt", ""),
    ("Purp", "Prtry"), ("Dtls", "Inf"), ("", "MemoFld"),
})  # fmt: skip


class _Record:
    """A transfer's elements by their path of local names below it ("Cdtr/Nm"), read in one
    walk: looking each of some forty paths up with a namespace-blind XPath took more time
    than screening the transfer. The first element on a path is kept, as `find` would; the
    free text is every text element `_TEXTS` names, in document order."""

    def __init__(self, element: etree._Element | None = None, skip: str = "") -> None:
        self.values: dict[str, str] = {}
        self.texts: list[tuple[str, str]] = []  # (path, text)
        if element is not None:
            self._walk(element, "", "", skip)

    def _walk(self, element: etree._Element, prefix: str, up: str, skip: str) -> None:
        for child in element:
            name = _local(child.tag)
            if not name or name == skip:
                continue
            path = f"{prefix}/{name}" if prefix else name
            text = (child.text or "").strip()
            if text:
                self.values.setdefault(path, text)
                if ("", name) in _TEXTS or (up, name) in _TEXTS or (name, "") in _TEXTS:
                    self.texts.append((path, text))
            if len(child):
                self.values.setdefault(path, "")
                self._walk(child, path, name, skip)

    def get(self, *path: str) -> str:
        return self.values.get("/".join(path), "")

    def has(self, *path: str) -> bool:
        return "/".join(path) in self.values

    def split(self, name: str) -> tuple[_Record, _Record]:
        """(what is below `name`, as a record of its own; the rest): a pacs.009's underlying
        customer transfer and the cover around it."""
        inner, outer, head = _Record(), _Record(), f"{name}/"
        for path, value in self.values.items():
            if path.startswith(head):
                inner.values[path[len(head) :]] = value
            elif path != name:
                outer.values[path] = value
        for path, text in self.texts:
            (inner if path.startswith(head) else outer).texts.append((path, text))
        return inner, outer


def _bic(record: _Record, *path: str) -> str:
    """An institution's BIC: `BICFI` since the 2009 versions' `BIC` was renamed."""
    return record.get(*path, "FinInstnId", "BICFI") or record.get(*path, "FinInstnId", "BIC")


class _Parties:
    """A transfer's further parties, identifiers by role and countries, gathered."""

    def __init__(self) -> None:
        self.names: list[tuple[str, str]] = []
        self.identifiers: list[CounterpartyIdentifier] = []
        self.countries: dict[str, str] = {}

    def institution(self, record: _Record, path: str, role: str) -> tuple[str, str]:
        """A bank, by name, BIC and LEI; its country by its BIC, else its address. Under
        `role` a further party; with none ("") the counterparty, whose name and country are
        returned for the caller to give them."""
        if not record.has(path):
            return "", ""
        name = record.get(path, "FinInstnId", "Nm")
        if role:
            self.names.append((role, name))
        bic = _bic(record, path)
        address = record.get(path, "FinInstnId", "PstlAdr", "Ctry").upper()
        country = self.countries[role or "counterparty"] = _bic_country(bic) or address
        self.identifiers.append(CounterpartyIdentifier("bic", bic, role))
        lei = record.get(path, "FinInstnId", "LEI")
        self.identifiers.append(CounterpartyIdentifier("lei", lei, role))
        return name, country

    def agents(self, record: _Record, block: _Record, prefix: str = "") -> None:
        for tag, role in _AGENTS:
            # The debtor's agent of a pain.001 may be given once, on its block.
            self.institution(record if record.has(tag) else block, tag, prefix + role)


def _transaction(
    tx: etree._Element, header: dict[str, str], options: ScanOptions, number: int
) -> Transaction:
    own = _Record(tx)
    # A pain.001's payment information block: what it gives applies to each of its transfers.
    block = _Record(tx.getparent(), skip="CdtTrfTxInf")
    ids = {k: own.get("PmtId", k) for k in ("InstrId", "EndToEndId", "TxId", "UETR")}
    tx_id = ids["UETR"] or ids["TxId"] or ids["EndToEndId"] or f"{header['msg_id']}/{number}"
    day_text = own.get("IntrBkSttlmDt") or header.get("date", "")
    day = parse_date(day_text) if day_text else options.as_of
    found = _Parties()
    # A pacs.009 moves a bank's money: its debtor and creditor are banks. A cover payment
    # carries the customer transfer it settles, whose parties are screened as a pacs.008's,
    # and the cover's own agents under their roles with "cover_" before them.
    customer, cover = own.split("UndrlygCstmrCdtTrf")
    if not customer.values:
        customer, cover = own, _Record()
    if cover.values:
        found.institution(cover, "Dbtr", "cover_debtor_institution")
        found.institution(cover, "Cdtr", "cover_creditor_institution")
        found.agents(cover, _Record(), "cover_")
    elif own.has("Dbtr", "FinInstnId"):  # the creditor bank is the counterparty, below
        found.institution(own, "Dbtr", "debtor_institution")

    def get(*path: str) -> str:
        return customer.get(*path) or block.get(*path)

    found.names += [
        ("debtor", get("Dbtr", "Nm")),
        ("ultimate_debtor", get("UltmtDbtr", "Nm")),
        ("ultimate_creditor", customer.get("UltmtCdtr", "Nm")),
        ("creditor_account", customer.get("CdtrAcct", "Nm")),
        ("debtor_account", get("DbtrAcct", "Nm")),
    ]
    found.identifiers += [
        CounterpartyIdentifier("lei", customer.get("Cdtr", "Id", "OrgId", "LEI")),
        CounterpartyIdentifier("bic", customer.get("Cdtr", "Id", "OrgId", "AnyBIC")),
    ]
    found.agents(customer, block)
    creditor = customer.get("Cdtr", "Nm")
    country = customer.get("Cdtr", "PstlAdr", "Ctry") or found.countries.get("creditor_agent", "")
    if not creditor and customer.has("Cdtr", "FinInstnId"):  # a bank's own transfer
        creditor, bank_country = found.institution(customer, "Cdtr", "")
        country = country or bank_country
    countries = {
        customer.get("Cdtr", "PstlAdr", "Ctry").upper(),
        get("Dbtr", "PstlAdr", "Ctry").upper(),
        *found.countries.values(),
    } - {""}
    if options.us_nexus is not None:
        nexus = options.us_nexus
    else:
        # A party or any agent in the United States (a correspondent bank clearing dollars
        # as an intermediary) is a U.S. nexus; otherwise we cannot tell.
        nexus = Nexus.TRUE if "US" in countries else Nexus.UNKNOWN
    texts = (*customer.texts, *cover.texts, *block.texts)
    return Transaction(
        id=tx_id,
        date=day,
        category=options.category or "payment",
        counterparty_name=creditor,
        counterparty_country=country,
        identifiers=tuple(i for i in found.identifiers if i.value),
        us_nexus=nexus,
        text=" ".join(text for _, text in texts),
        parties=tuple((role, name) for role, name in found.names if name),
        location=f"{header['msg_id']}/{ids['EndToEndId'] or number}",
    )


def _release(element: etree._Element) -> None:
    """Free a record once read, and the records of its kind before it: flat memory."""
    element.clear(keep_tail=True)
    name = _local(element.tag)
    previous = element.getprevious()
    while previous is not None and _local(previous.tag) == name:
        parent = previous.getparent()
        before = previous.getprevious()
        if parent is not None:
            parent.remove(previous)
        previous = before


def read_payments(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """One ScanItem per credit transfer; a broken document ends in one ERROR item."""
    header = {"msg_id": "", "date": ""}
    with path.open("rb") as source:
        yield from _records(source, header, options)


def _records(source: BinaryIO, header: dict[str, str], options: ScanOptions) -> Iterator[ScanItem]:
    number = 0
    kind = ""
    context = etree.iterparse(
        source,
        events=("start", "end"),
        # Only the elements read here come back to Python: the rest stays in libxml2.
        tag=[f"{{*}}{name}" for name in _WANTED],
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    try:
        for event, element in context:
            name = _local(element.tag)
            if event == "start":
                if name == "Document" and not kind:
                    tag = str(element.tag)
                    namespace = tag[1 : tag.index("}")] if tag.startswith("{") else ""
                    kind = next((k for k in SUPPORTED if k in namespace), "")
                    if not kind:
                        message = f"not an ISO 20022 {MESSAGES_NAMED} message"
                        yield error_item(
                            "document", "", "document", f"{message} (namespace {namespace!r})"
                        )
                        return
                continue
            parent = element.getparent()
            in_header = parent is not None and _local(parent.tag) == "GrpHdr"
            if name == "MsgId" and in_header:
                header["msg_id"] = (element.text or "").strip()
            elif name == "ReqdExctnDt" or (name == "IntrBkSttlmDt" and in_header):
                header["date"] = _text(element, "Dt") or (element.text or "").strip()
            elif name == "PmtInf":
                _release(element)
            elif name == "CdtTrfTxInf":
                number += 1
                try:
                    transaction = _transaction(element, header, options, number)
                    yield ScanItem(transaction.location, transaction.id, transaction)
                except FieldError as exc:
                    location = f"{header['msg_id']}/{number}"
                    yield ScanItem(location, location, error=exc)
                _release(element)
    except etree.XMLSyntaxError as exc:
        where = f"{header['msg_id'] or 'document'}/{number + 1}"
        yield error_item(
            where, "", "document", f"malformed or truncated XML after record {number}: {exc}"
        )
        return
    if not kind:
        yield error_item("document", "", "document", "no ISO 20022 Document element")
