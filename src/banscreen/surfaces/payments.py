"""ISO 20022 credit transfers (pacs.008 and pain.001) as transactions, streamed.

One transaction per CdtTrfTxInf: the creditor is the counterparty; the debtor and the
ultimate parties are screened by name as further parties; the remittance information is
the free text; agents' BICs give countries. The file is parsed with lxml's iterparse and
each transaction is cleared once read, so memory stays flat whatever the file size;
entities are not resolved and nothing is fetched from the network.
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

SUPPORTED = ("pacs.008.001.", "pain.001.001.")
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


def _transaction(
    tx: etree._Element, header: dict[str, str], options: ScanOptions, number: int
) -> Transaction:
    ids = {k: _text(tx, "PmtId", k) for k in ("InstrId", "EndToEndId", "TxId", "UETR")}
    tx_id = ids["UETR"] or ids["TxId"] or ids["EndToEndId"] or f"{header['msg_id']}/{number}"
    day_text = _text(tx, "IntrBkSttlmDt") or header.get("date", "")
    day = parse_date(day_text) if day_text else options.as_of
    parent = tx.getparent()
    debtor = _text(tx, "Dbtr", "Nm") or _text(parent, "Dbtr", "Nm")
    creditor = _text(tx, "Cdtr", "Nm")
    parties = [
        ("debtor", debtor),
        ("ultimate_debtor", _text(tx, "UltmtDbtr", "Nm") or _text(parent, "UltmtDbtr", "Nm")),
        ("ultimate_creditor", _text(tx, "UltmtCdtr", "Nm")),
    ]
    bics = [
        _text(tx, "DbtrAgt", "FinInstnId", "BICFI")
        or _text(parent, "DbtrAgt", "FinInstnId", "BICFI"),
        _text(tx, "CdtrAgt", "FinInstnId", "BICFI"),
    ]
    countries = {
        _text(tx, "Cdtr", "PstlAdr", "Ctry").upper(),
        _text(tx, "Dbtr", "PstlAdr", "Ctry").upper()
        or _text(parent, "Dbtr", "PstlAdr", "Ctry").upper(),
        *(_bic_country(b) for b in bics),
    } - {""}
    if options.us_nexus is not None:
        nexus = options.us_nexus
    else:
        # A party or an agent in the United States is a U.S. nexus; otherwise we cannot tell.
        nexus = Nexus.TRUE if "US" in countries else Nexus.UNKNOWN
    remittance = " ".join(
        (el.text or "").strip() for el in tx.iter() if _local(el.tag) == "Ustrd" and el.text
    )
    return Transaction(
        id=tx_id,
        date=day,
        category=options.category or "payment",
        counterparty_name=creditor,
        counterparty_country=_text(tx, "Cdtr", "PstlAdr", "Ctry") or _bic_country(bics[1]),
        identifiers=tuple(
            CounterpartyIdentifier("lei", lei)
            for lei in (_text(tx, "Cdtr", "Id", "OrgId", "LEI"),)
            if lei
        ),
        us_nexus=nexus,
        text=remittance,
        parties=tuple((role, name) for role, name in parties if name),
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
                        message = "not an ISO 20022 pacs.008 or pain.001 message"
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
