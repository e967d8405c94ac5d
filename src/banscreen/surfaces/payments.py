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
from functools import partial
from pathlib import Path

from lxml import etree

from ..model import Nexus, Transaction
from .iso20022 import (
    Elements,
    Parties,
    Record,
    local_name,
    party_identifiers,
    release,
    scanned,
    text_of,
)
from .rows import parse_date
from .scan import ScanItem, ScanOptions

# The payment orders read, and as the messages that name them write them.
MESSAGES = ("pacs.008", "pacs.009", "pain.001")
MESSAGES_NAMED = f"{', '.join(MESSAGES[:-1])} or {MESSAGES[-1]}"
SUPPORTED = tuple(f"{message}.001." for message in MESSAGES)  # in a namespace's name
_WANTED = ("Document", "MsgId", "ReqdExctnDt", "IntrBkSttlmDt", "CdtTrfTxInf", "PmtInf")


def _transaction(
    tx: etree._Element, header: dict[str, str], options: ScanOptions, number: int
) -> Transaction:
    own = Record(tx)
    # A pain.001's payment information block: what it gives applies to each of its transfers.
    block = Record(tx.getparent(), skip="CdtTrfTxInf")
    ids = {k: own.get("PmtId", k) for k in ("InstrId", "EndToEndId", "TxId", "UETR")}
    tx_id = ids["UETR"] or ids["TxId"] or ids["EndToEndId"] or f"{header['msg_id']}/{number}"
    day_text = own.get("IntrBkSttlmDt") or header.get("date", "")
    day = parse_date(day_text) if day_text else options.as_of
    found = Parties()
    # A pacs.009 moves a bank's money: its debtor and creditor are banks. A cover payment
    # carries the customer transfer it settles, whose parties are screened as a pacs.008's,
    # and the cover's own agents under their roles with "cover_" before them.
    customer, cover = own.split("UndrlygCstmrCdtTrf")
    if not customer.values:
        customer, cover = own, Record()
    if cover.values:
        found.institution(cover, "Dbtr", "cover_debtor_institution")
        found.institution(cover, "Cdtr", "cover_creditor_institution")
        found.agents(cover, Record(), "cover_")
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
    found.identifiers += party_identifiers(customer.get, "Cdtr")
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


def read_payments(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """One ScanItem per credit transfer; a broken document ends in one ERROR item."""
    header = {"msg_id": "", "date": ""}
    with path.open("rb") as source:
        elements = Elements(source, _WANTED, SUPPORTED, f"{MESSAGES_NAMED} message")
        for element in elements:
            name = local_name(element.tag)
            parent = element.getparent()
            in_header = parent is not None and local_name(parent.tag) == "GrpHdr"
            if name == "MsgId" and in_header:
                header["msg_id"] = elements.message_id = (element.text or "").strip()
            elif name == "ReqdExctnDt" or (name == "IntrBkSttlmDt" and in_header):
                header["date"] = text_of(element, "Dt") or (element.text or "").strip()
            elif name == "PmtInf":
                release(element)
            elif name == "CdtTrfTxInf":
                elements.number += 1
                number = elements.number
                location = f"{header['msg_id']}/{number}"
                yield scanned(partial(_transaction, element, header, options, number), location)
                release(element)
        if elements.ending is not None:
            yield elements.ending
