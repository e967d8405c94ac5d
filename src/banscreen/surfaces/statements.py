"""ISO 20022 bank-to-customer statements, reports and notifications (camt.053, camt.052,
camt.054) as transactions, streamed.

A statement lists what was paid in and out of an account: each entry's transaction
details (an entry of several, a batch booking, has one each) are a transaction, and an
entry with none is one itself. Money in (CdtDbtInd CRDT) came from the debtor, who is the
counterparty; money out (DBIT) went to the creditor. The other party, the ultimate parties,
the accounts' holders and every agent are screened by name as further parties, the agents
by BIC and LEI too; the remittance information and the entry's and transaction's
additional information are the free text. The booking date (else the value date) is the
transaction's. Such a file was refused ("orders no payment to screen"), though a CSV export
of the same statement was screened.

Versions 2 to 7 write a party's name as `Dbtr/Nm`, versions 8 on as `Dbtr/Pty/Nm`: both
are read. Memory stays flat: each entry is freed once read (payments.py's way).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from ..model import Nexus, Transaction
from .iso20022 import (
    Elements,
    Parties,
    Record,
    local_name,
    party_identifiers,
    release,
    scanned,
)
from .rows import parse_date
from .scan import ScanItem, ScanOptions

STATEMENTS = ("camt.053", "camt.052", "camt.054")
_SUPPORTED = tuple(f"{message}.001." for message in STATEMENTS)  # in a namespace's name
_WANTED = ("Document", "MsgId", "Ntry")
# An agent's path below a transaction's details, and the role it is screened under.
_AGENTS = (
    ("RltdAgts/DbtrAgt", "debtor_agent"),
    *((f"RltdAgts/IntrmyAgt{n}", f"intermediary_agent_{n}") for n in (1, 2, 3)),
    ("RltdAgts/CdtrAgt", "creditor_agent"),
)
_TEXTS = ("AddtlTxInf", "AddtlNtryInf")  # beside the remittance information
_NOT_PROVIDED = "NOTPROVIDED"  # what an end-to-end id is when the payer gave none


def _party(record: Record, role: str, *field: str) -> str:
    """A related party's field, as versions 2-7 (`Dbtr/Nm`) or 8 on (`Dbtr/Pty/Nm`) write
    it."""
    return record.get("RltdPties", role, *field) or record.get("RltdPties", role, "Pty", *field)


def _day(entry: Record) -> str:
    for path in (("BookgDt", "Dt"), ("BookgDt", "DtTm"), ("ValDt", "Dt"), ("ValDt", "DtTm")):
        if found := entry.get(*path):
            return found[:10]
    return ""


def _transaction(
    details: Record, entry: Record, msg_id: str, number: int, options: ScanOptions
) -> Transaction:
    incoming = (details.get("CdtDbtInd") or entry.get("CdtDbtInd")).upper() == "CRDT"
    them, us = ("Dbtr", "Cdtr") if incoming else ("Cdtr", "Dbtr")
    refs = {k: details.get("Refs", k) for k in ("UETR", "TxId", "EndToEndId", "AcctSvcrRef")}
    if refs["EndToEndId"].upper() == _NOT_PROVIDED:
        refs["EndToEndId"] = ""
    own = refs["UETR"] or refs["TxId"] or refs["EndToEndId"] or refs["AcctSvcrRef"]
    tx_id = own or entry.get("AcctSvcrRef") or entry.get("NtryRef") or f"{msg_id}/{number}"
    day_text = _day(entry)
    found = Parties()
    for path, role in _AGENTS:
        found.institution(details, path, role)
    found.names += [
        ("debtor" if us == "Dbtr" else "creditor", _party(details, us, "Nm")),
        ("ultimate_debtor", _party(details, "UltmtDbtr", "Nm")),
        ("ultimate_creditor", _party(details, "UltmtCdtr", "Nm")),
        (f"{them.lower()}_account", details.get("RltdPties", f"{them}Acct", "Nm")),
    ]
    found.identifiers += party_identifiers(lambda *field: _party(details, them, *field))
    agent = "debtor_agent" if incoming else "creditor_agent"
    country = _party(details, them, "PstlAdr", "Ctry") or found.countries.get(agent, "")
    countries = {
        _party(details, "Dbtr", "PstlAdr", "Ctry").upper(),
        _party(details, "Cdtr", "PstlAdr", "Ctry").upper(),
        *found.countries.values(),
    } - {""}
    if options.us_nexus is not None:
        nexus = options.us_nexus
    else:  # a party or an agent in the United States, as a payment order's
        nexus = Nexus.TRUE if "US" in countries else Nexus.UNKNOWN
    texts = [t for _, t in details.texts] + [details.get(k) or entry.get(k) for k in _TEXTS]
    return Transaction(
        id=tx_id,
        date=parse_date(day_text) if day_text else options.as_of,
        category=options.category or "payment",
        counterparty_name=_party(details, them, "Nm"),
        counterparty_country=country.upper(),
        identifiers=tuple(i for i in found.identifiers if i.value),
        us_nexus=nexus,
        text=" ".join(dict.fromkeys(t for t in texts if t)),
        parties=tuple((role, name) for role, name in found.names if name),
        location=f"{msg_id}/{own or number}",
    )


def read_statement(path: Path, options: ScanOptions) -> Iterator[ScanItem]:
    """One ScanItem per entry's transaction details (or per entry without any); a broken
    document ends in one ERROR item."""
    with path.open("rb") as source:
        elements = Elements(source, _WANTED, _SUPPORTED, "statement")
        for element in elements:
            name = local_name(element.tag)
            parent = element.getparent()
            if name == "MsgId" and parent is not None and local_name(parent.tag) == "GrpHdr":
                elements.message_id = (element.text or "").strip()
            elif name == "Ntry":
                entry = Record(element, skip="NtryDtls")
                details = element.findall("{*}NtryDtls/{*}TxDtls")
                msg_id = elements.message_id
                for found in [Record(d) for d in details] or [Record()]:
                    elements.number += 1
                    number = elements.number
                    build = partial(_transaction, found, entry, msg_id, number, options)
                    yield scanned(build, f"{msg_id}/{number}")
                release(element)
        if elements.ending is not None:
            yield elements.ending
